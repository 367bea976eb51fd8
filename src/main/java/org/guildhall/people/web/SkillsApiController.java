package org.guildhall.people.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.guildhall.people.Skill;
import org.guildhall.people.SkillCatalog;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.NotFoundException;
import org.guildhall.shared.web.AlsoAnswers;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/skills")
@Tag(name = "Skills", description = "The skill taxonomy with aliases")
@SecurityRequirement(name = "token")
class SkillsApiController {

	private final SkillCatalog skills;

	SkillsApiController(SkillCatalog skills) {
		this.skills = skills;
	}

	@GetMapping
	@Operation(summary = "Skills whose name or an alias starts with q")
	List<Skill> search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "50") int limit) {
		return skills.search(q, limit);
	}

	@GetMapping("/resolve")
	@AlsoAnswers(404)
	@Operation(summary = "The skill a name or alias stands for ('JS' gives JavaScript)")
	Skill resolve(@RequestParam String name) {
		return skills.resolve(name).orElseThrow(() -> new NotFoundException("No skill is called '" + name + "'"));
	}

	@GetMapping("/{id}")
	Skill get(@PathVariable long id) {
		return skills.find(id).orElseThrow(() -> new NotFoundException("No skill with id " + id));
	}

	@Schema(name = "SkillSuggestion") // insights has a Suggestion too: one schema name each
	record Suggestion(@NotBlank(message = "is required") @Size(max = 80, message = "must be at most 80 characters") String name) {
	}

	@PostMapping("/suggestions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Suggest a new skill (returns the existing one when the name or an alias is known)")
	Skill suggest(@Valid @RequestBody Suggestion suggestion) {
		return skills.resolveOrSuggest(suggestion.name(), CurrentUser.get().orElseThrow().personId());
	}
}
