package org.guildhall.people.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.guildhall.people.HrImportStatus;
import org.guildhall.people.HrImports;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.PageRequest;
import org.guildhall.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "HR import", description = "Preview, then apply, an HR CSV export (administrators only)")
@SecurityRequirement(name = "token")
@PreAuthorize("hasRole('ADMIN')")
class ImportApiController {

	private final HrImports imports;

	ImportApiController(HrImports imports) {
		this.imports = imports;
	}

	/**
	 * The preview, the planned changes and the problems, in one answer; {@code cleared}: per field, how
	 * many people's values empty cells clear; {@code deactivationWarning}: set when applying needs
	 * {@code confirmDeactivations=true}.
	 */
	record ImportView(HrImportStatus status, int percent, List<HrImportStatus.Issue> issues,
			List<HrImportStatus.PlannedChange> changes, java.util.Map<String, Integer> cleared,
			HrImports.@Nullable DeactivationWarning deactivationWarning) {
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED) // what the ResponseEntity answers; the API description takes it from here
	@Operation(summary = "Upload a CSV file (part 'file'); the preview is prepared in the background. Poll the Location.")
	ResponseEntity<HrImportStatus> upload(@RequestParam(required = false) MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("file", "is required (multipart part named 'file')");
		}
		HrImportStatus status = imports.upload(file.getOriginalFilename(), file.getBytes(), CurrentUser.get().orElseThrow().email());
		return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + status.id())).body(status);
	}

	@GetMapping
	PageResult<HrImportStatus> recent(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return imports.recent(new PageRequest(page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Progress, figures, problems (line and column) and a sample of planned changes")
	ImportView get(@PathVariable long id) {
		HrImportStatus status = imports.status(id);
		boolean done = !status.state().running();
		return new ImportView(status, status.percent(), done ? imports.issues(id) : List.of(),
				done ? imports.plannedChanges(id) : List.of(), done ? imports.cleared(id) : java.util.Map.of(),
				done ? imports.deactivationWarning(id).orElse(null) : null);
	}

	@PostMapping("/{id}/apply")
	@ResponseStatus(HttpStatus.ACCEPTED) // what the ResponseEntity answers; the API description takes it from here
	@Operation(summary = "Apply a clean preview, all or nothing, in the background",
			description = "An import whose apply failed (nothing was changed, e.g. its node stopped) can be applied again; "
					+ "it is checked again against the people as they are then. "
					+ "effectiveOn (YYYY-MM-DD, optional, at the latest tomorrow) is the day the file's changes took "
					+ "effect; the person history entries it writes are dated that day. Without it: today (UTC). "
					+ "An import that deactivates more than the configured share of the active people (10% by default; "
					+ "the preview's deactivationWarning) needs confirmDeactivations=true, else it is refused with 409.")
	ResponseEntity<HrImportStatus> apply(@PathVariable long id, @RequestParam(required = false) @Nullable String effectiveOn,
			@RequestParam(defaultValue = "false") boolean confirmDeactivations) {
		HrImportStatus status = imports.apply(id, effectiveOn == null || effectiveOn.isBlank() ? null
				: date("effectiveOn", effectiveOn), CurrentUser.get().orElseThrow().email(), confirmDeactivations);
		return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + id)).body(status);
	}

	private static LocalDate date(String parameter, String value) {
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(parameter, "is not a date of the form YYYY-MM-DD");
		}
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT) // what the ResponseEntity answers; the API description takes it from here
	@Operation(summary = "Discard a preview, or a failed import, that will not be applied")
	ResponseEntity<Void> discard(@PathVariable long id) {
		imports.discard(id);
		return ResponseEntity.noContent().build();
	}
}
