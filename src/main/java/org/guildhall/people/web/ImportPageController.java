package org.guildhall.people.web;

import java.io.IOException;
import java.time.LocalDate;

import org.guildhall.people.HrImportStatus;
import org.guildhall.people.HrImports;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators upload HR files, look at the preview while it is prepared, and apply it. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ImportPageController {

	private final HrImports imports;

	ImportPageController(HrImports imports) {
		this.imports = imports;
	}

	@GetMapping("/admin/imports")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("imports", imports.recent(new PageRequest(page, PageRequest.DEFAULT_SIZE)));
		return "people/imports";
	}

	@PostMapping("/admin/imports")
	String upload(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("error", "Choose a CSV file to upload.");
			return "redirect:/admin/imports";
		}
		try {
			HrImportStatus status = imports.upload(file.getOriginalFilename(), file.getBytes(), me().email());
			return "redirect:/admin/imports/" + status.id();
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("error", "The file " + e.problems().get(0).message() + ".");
			return "redirect:/admin/imports";
		}
	}

	@GetMapping("/admin/imports/{id}")
	String show(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		HrImportStatus status = imports.status(id);
		model.addAttribute("imp", status);
		if (!status.state().running()) {
			model.addAttribute("issues", imports.issues(id));
			model.addAttribute("changes", imports.plannedChanges(id));
			model.addAttribute("cleared", imports.cleared(id));
			model.addAttribute("deactivationWarning", imports.deactivationWarning(id).orElse(null));
		}
		return htmx != null ? "people/import :: status" : "people/import";
	}

	@PostMapping("/admin/imports/{id}/apply")
	String apply(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate effectiveOn,
			@RequestParam(defaultValue = "false") boolean confirmDeactivations, RedirectAttributes redirect) {
		try {
			imports.apply(id, effectiveOn, me().email(), confirmDeactivations);
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("error", "The date the changes took effect " + e.problems().get(0).message() + ".");
			redirect.addFlashAttribute("effectiveOn", effectiveOn);
		}
		return "redirect:/admin/imports/" + id;
	}

	@PostMapping("/admin/imports/{id}/discard")
	String discard(@PathVariable long id, RedirectAttributes redirect) {
		try {
			imports.discard(id);
			redirect.addFlashAttribute("message", "The import was discarded.");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/admin/imports";
	}

	private static CurrentUser me() {
		return CurrentUser.get().orElseThrow();
	}
}
