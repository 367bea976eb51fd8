package org.guildhall.people.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.guildhall.people.Characteristics;
import org.guildhall.people.MyCharacteristics;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A person's own self-reported characteristics: only they may read, set or withdraw them. */
@RestController
@Tag(name = "People")
@SecurityRequirement(name = "token")
class CharacteristicsApiController {

	private final Characteristics characteristics;

	CharacteristicsApiController(Characteristics characteristics) {
		this.characteristics = characteristics;
	}

	/** @param answers characteristic key → one of its answers (blank or absent: not answered) */
	record Answers(@NotNull(message = "is required") Boolean consent,
			@NotNull(message = "is required") @Size(max = Characteristics.MAX_CHARACTERISTICS, message = "too many answers") Map<String, String> answers) {
	}

	@GetMapping("/api/v1/people/{id}/characteristics")
	@Operation(summary = "Your own self-reported characteristics (404 while the organisation does not ask; 403 for anyone else's)")
	MyCharacteristics get(@PathVariable long id) {
		return characteristics.mine(id, me())
			.orElseThrow(() -> new NotFoundException("The organisation does not ask for self-reported characteristics"));
	}

	@PutMapping("/api/v1/people/{id}/characteristics")
	@Operation(summary = "Give or change your own answers, with consent (consent must be true)")
	MyCharacteristics put(@PathVariable long id, @Valid @RequestBody Answers body) {
		return characteristics.answer(id, body.consent(), body.answers(), me());
	}

	@DeleteMapping("/api/v1/people/{id}/characteristics")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Withdraw your consent: your answers are deleted")
	void withdraw(@PathVariable long id) {
		characteristics.withdraw(id, me());
	}

	private static CurrentUser me() {
		return CurrentUser.get().orElseThrow();
	}
}
