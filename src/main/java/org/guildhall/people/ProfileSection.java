package org.guildhall.people;

import java.util.Map;
import java.util.Optional;

import org.guildhall.shared.CurrentUser;

/**
 * A part of a person's profile page that another module contributes (the community's standing and
 * kudos, for one), rendered on the server with the rest of the page so that it works without
 * JavaScript. The people module knows nothing of what a section shows: it asks every section, in
 * {@link #order()}, and inserts the fragment each names with the variables it gives, under the name
 * {@code section}.
 */
public interface ProfileSection {

	/** Where the section goes among the contributed ones: lower first. */
	int order();

	/** What this section shows of a person to the viewer, or nothing to leave it out. */
	Optional<Part> part(long personId, CurrentUser viewer);

	/**
	 * A Thymeleaf fragment ({@code template :: selector}) and the variables it reads as
	 * {@code section.<name>}.
	 */
	record Part(String template, String selector, Map<String, Object> variables) {
	}
}
