package org.guildhall.people.web;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.guildhall.people.PersonErasure;
import org.guildhall.people.PersonalDataArchive;
import org.guildhall.shared.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Personal data over HTTP: the signed-in person's archive (page button and API) and, for
 * administrators, erasing a person through the API. The erasure page is {@link ErasurePageController}.
 */
@RestController
@Tag(name = "People", description = "The directory and profiles")
class PersonalDataController {

	private final PersonalDataArchive archive;
	private final PersonErasure erasure;

	PersonalDataController(PersonalDataArchive archive, PersonErasure erasure) {
		this.archive = archive;
		this.erasure = erasure;
	}

	/** The archive from the profile page's button (signed in with a session). */
	@GetMapping(value = "/account/data", produces = "application/zip")
	@io.swagger.v3.oas.annotations.Hidden
	void page(HttpServletResponse response) throws IOException {
		download(response);
	}

	@GetMapping(value = "/api/v1/people/me/data", produces = "application/zip")
	@SecurityRequirement(name = "token")
	@Operation(summary = "Everything Guildhall holds about the token's owner, as one ZIP (a JSON file per module and a README)")
	@ApiResponse(responseCode = "200", description = "the archive",
			content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
	void api(HttpServletResponse response) throws IOException {
		download(response);
	}

	/** What an administrator sends to erase a person: their full name, typed, as confirmation. */
	record ErasureRequest(@NotBlank @Size(max = 200) String confirmName) {
	}

	@PostMapping("/api/v1/people/{id}/erasure")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@SecurityRequirement(name = "token")
	@Operation(summary = "Erase a person (administrators): the profile becomes \"Former colleague\", every module removes "
			+ "or anonymises what it holds about them; confirmName must be their full name")
	void erase(@PathVariable long id, @Valid @RequestBody ErasureRequest request) {
		erasure.erase(id, request.confirmName(), me());
	}

	private void download(HttpServletResponse response) throws IOException {
		CurrentUser me = me();
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(archive.fileName(me)).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		archive.write(me, response.getOutputStream());
	}

	private static CurrentUser me() {
		return CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Sign in first"));
	}
}
