package org.guildhall.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.guildhall.shared.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the page layout needs on every page: the signed-in user ({@code currentUser}) and the part of
 * the site the page belongs to ({@code navSection}), which the header marks as the current one.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

	private static final Set<String> SECTIONS = Set.of("people", "skills", "programmes", "mentorships", "community", "insights");

	@ModelAttribute("currentUser")
	@Nullable CurrentUser currentUser() {
		return CurrentUser.get().orElse(null);
	}

	@ModelAttribute("navSection")
	@Nullable String navSection(HttpServletRequest request) {
		return section(request.getRequestURI().substring(request.getContextPath().length()));
	}

	/** The header section of a path: its first segment when that is one of the main sections, "admin" for administration. */
	static @Nullable String section(String path) {
		if (path.startsWith("/admin/") || path.equals("/community/moderation")) {
			return "admin";
		}
		int end = path.indexOf('/', 1);
		String first = end < 0 ? path.substring(1) : path.substring(1, end);
		return SECTIONS.contains(first) ? first : null;
	}
}
