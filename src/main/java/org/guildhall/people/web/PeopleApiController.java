package org.guildhall.people.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.guildhall.people.DirectoryQuery;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.people.PersonSummary;
import org.guildhall.people.Profile;
import org.guildhall.people.ProfileUpdate;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.NotFoundException;
import org.guildhall.shared.PageRequest;
import org.guildhall.shared.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/people")
@Tag(name = "People", description = "The directory and profiles")
@SecurityRequirement(name = "token")
class PeopleApiController {

	private final PeopleDirectory directory;

	PeopleApiController(PeopleDirectory directory) {
		this.directory = directory;
	}

	@GetMapping
	@Operation(summary = "Search active people by name words, skill (name or alias), department and location")
	PageResult<PersonSummary> search(@RequestParam(required = false) String q, @RequestParam(required = false) String skill,
			@RequestParam(required = false) String department, @RequestParam(required = false) String location,
			@RequestParam(defaultValue = "false") boolean teachers,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return directory.search(new DirectoryQuery(q, skill, department, location, teachers), new PageRequest(page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One person's profile")
	Profile get(@PathVariable long id) {
		return directory.profile(id, me());
	}

	@GetMapping("/me")
	@Operation(summary = "The profile of the token's owner")
	Profile mine() {
		return directory.profile(myPersonId(), me());
	}

	@PutMapping("/me")
	@Operation(summary = "Update the editable part of one's own profile; send the version you read")
	Profile updateMine(@Valid @RequestBody ProfileUpdate update) {
		return directory.updateProfile(myPersonId(), update, me());
	}

	@PutMapping("/{id}")
	@Operation(summary = "Update a profile (one's own, or anyone's for administrators)")
	Profile update(@PathVariable long id, @Valid @RequestBody ProfileUpdate update) {
		return directory.updateProfile(id, update, me());
	}

	private static long myPersonId() {
		Long personId = me().personId();
		if (personId == null) {
			throw new NotFoundException("Your account has no profile in the directory");
		}
		return personId;
	}

	private static CurrentUser me() {
		return CurrentUser.get().orElseThrow();
	}
}
