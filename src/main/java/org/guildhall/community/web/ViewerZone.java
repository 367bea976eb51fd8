package org.guildhall.community.web;

import java.time.ZoneId;
import java.time.ZoneOffset;

import org.guildhall.people.PeopleDirectory;
import org.guildhall.shared.CurrentUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The signed-in person's time zone as {@code zone} on the pages that show or take times (flash
 * sessions, circle events): times are shown, and typed, in the viewer's own zone.
 */
@ControllerAdvice(assignableTypes = {AskExpertPageController.class, CirclesPageController.class})
class ViewerZone {

	private final PeopleDirectory people;

	ViewerZone(PeopleDirectory people) {
		this.people = people;
	}

	@ModelAttribute("zone")
	String zone() {
		return of(people).getId();
	}

	static ZoneId of(PeopleDirectory people) {
		return CurrentUser.get().map(CurrentUser::personId).map(people::timeZoneOf).orElse(ZoneOffset.UTC);
	}
}
