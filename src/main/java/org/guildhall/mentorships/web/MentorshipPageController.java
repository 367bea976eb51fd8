package org.guildhall.mentorships.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

import org.guildhall.mentorships.CheckIns;
import org.guildhall.mentorships.Goals;
import org.guildhall.mentorships.Meeting;
import org.guildhall.mentorships.Meetings;
import org.guildhall.mentorships.Mentorship;
import org.guildhall.mentorships.MentorshipDetail;
import org.guildhall.mentorships.MentorshipManagement;
import org.guildhall.mentorships.SurveyKind;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Mentorship pages: "My mentorships", one mentorship as its mentor or mentee sees it (agreement,
 * goals, meetings with .ics, notes, check-ins and surveys, health), and a programme's mentorships
 * with health for its managers. Forms post and redirect back with a message, so they work without
 * JavaScript; htmx boosts them in the browser.
 */
@Controller
class MentorshipPageController {

	private final MentorshipManagement mentorships;
	private final Goals goals;
	private final Meetings meetings;
	private final CheckIns checkIns;

	MentorshipPageController(MentorshipManagement mentorships, Goals goals, Meetings meetings, CheckIns checkIns) {
		this.mentorships = mentorships;
		this.goals = goals;
		this.meetings = meetings;
		this.checkIns = checkIns;
	}

	@GetMapping("/mentorships")
	String mine(Model model) {
		model.addAttribute("mentorships", mentorships.mine(me()));
		model.addAttribute("me", me().personId());
		model.addAttribute("utc", java.time.ZoneOffset.UTC);
		return "mentorships/list";
	}

	@GetMapping("/mentorships/{id}")
	String show(@PathVariable long id, Model model) {
		MentorshipDetail detail = mentorships.detail(id, me());
		model.addAttribute("d", detail);
		model.addAttribute("m", detail.mentorship());
		model.addAttribute("mentor", detail.viewerRole() == MentorshipDetail.Role.MENTOR);
		model.addAttribute("other", detail.mentorship().other(me().personId()));
		model.addAttribute("awaitsMe", detail.mentorship().awaitsAnswerFrom(me().personId()));
		model.addAttribute("upcoming", detail.meetings().stream().filter(mt -> !mt.past()).toList());
		model.addAttribute("held", detail.meetings().stream().filter(Meeting::past)
			.sorted(java.util.Comparator.comparing(Meeting::startsAt).reversed()).toList());
		model.addAttribute("zone", detail.viewerRole() == MentorshipDetail.Role.MENTOR
				? detail.mentorship().mentor().timeZone() : detail.mentorship().mentee().timeZone());
		return "mentorships/show";
	}

	@GetMapping("/programmes/{programmeId}/mentorships")
	String programme(@PathVariable long programmeId, @RequestParam(defaultValue = "false") boolean quiet,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("health", mentorships.programmeHealth(programmeId, me(), new PageRequest(page, 50), quiet));
		model.addAttribute("programmeId", programmeId);
		model.addAttribute("quiet", quiet);
		model.addAttribute("utc", java.time.ZoneOffset.UTC);
		return "mentorships/programme";
	}

	@PostMapping("/mentorships/requests")
	String request(@RequestParam(required = false) Long programmeId, @RequestParam(required = false) Long mentorId,
			@RequestParam(required = false) String message, RedirectAttributes redirect) {
		if (programmeId == null || mentorId == null) {
			redirect.addFlashAttribute("error", "Choose a programme and a mentor to ask.");
			return programmeId == null ? "redirect:/programmes" : "redirect:/programmes/" + programmeId;
		}
		try {
			Mentorship created = mentorships.request(programmeId, mentorId, me(), message);
			redirect.addFlashAttribute("message", "Request sent to " + created.mentor().fullName() + ".");
			return "redirect:/mentorships/" + created.id();
		}
		catch (InvalidInputException | ConflictException e) {
			redirect.addFlashAttribute("error", "Not requested: " + e.getMessage());
			return "redirect:/programmes/" + programmeId;
		}
	}

	/**
	 * A person's mentoring as it stands now, with "Ask to be my mentor" where the viewer may ask:
	 * loaded into the profile page (htmx), or as a page of its own without JavaScript.
	 */
	@GetMapping("/people/{personId}/mentoring")
	String availability(@PathVariable long personId, @RequestHeader(value = "HX-Request", required = false) String htmx,
			Model model) {
		model.addAttribute("a", mentorships.availability(personId, me()));
		model.addAttribute("self", me().is(personId));
		return htmx != null ? "mentorships/parts :: availability" : "mentorships/ask";
	}

	@PostMapping("/people/{personId}/mentoring/requests")
	String askDirectly(@PathVariable long personId, @RequestParam(required = false) String message, RedirectAttributes redirect) {
		try {
			Mentorship created = mentorships.requestDirectly(personId, me(), message);
			redirect.addFlashAttribute("message", "Request sent to " + created.mentor().fullName()
					+ ". You will hear when they accept or decline.");
			return "redirect:/mentorships/" + created.id();
		}
		catch (InvalidInputException | ConflictException e) {
			redirect.addFlashAttribute("error", "Not requested: " + e.getMessage());
			return "redirect:/people/" + personId + "/mentoring";
		}
	}

	@PostMapping("/mentorships/{id}/accept")
	String accept(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "Accepted.", () -> mentorships.accept(id, me()));
	}

	@PostMapping("/mentorships/{id}/decline")
	String decline(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return act(id, redirect, "Declined.", () -> mentorships.decline(id, me(), reason));
	}

	@PostMapping("/mentorships/{id}/withdraw")
	String withdraw(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "Request withdrawn.", () -> mentorships.cancel(id, me()));
	}

	@PostMapping("/mentorships/{id}/complete")
	String complete(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "Marked as completed. The final survey is open.", () -> mentorships.complete(id, me()));
	}

	@PostMapping("/mentorships/{id}/end")
	String end(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return act(id, redirect, "The mentorship has ended.", () -> mentorships.endEarly(id, me(), reason));
	}

	@PostMapping("/mentorships/{id}/agreement")
	String propose(@PathVariable long id, @RequestParam(required = false) String expectations,
			@RequestParam(required = false) String cadenceDays, @RequestParam long version, RedirectAttributes redirect) {
		return act(id, redirect, "Agreement saved; waiting for the other person to confirm it.",
				() -> mentorships.proposeAgreement(id, me(), expectations, number("cadenceDays", cadenceDays), version));
	}

	@PostMapping("/mentorships/{id}/agreement/confirm")
	String confirm(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		return act(id, redirect, "Agreement confirmed.", () -> mentorships.confirmAgreement(id, me(), version));
	}

	@PostMapping("/mentorships/{id}/goals")
	String addGoal(@PathVariable long id, @RequestParam(required = false) String title,
			@RequestParam(required = false) String description, RedirectAttributes redirect) {
		return act(id, redirect, "Goal added.", () -> goals.add(id, me(), title, description));
	}

	@PostMapping("/mentorships/{id}/goals/{goalId}")
	String updateGoal(@PathVariable long id, @PathVariable long goalId, @RequestParam(required = false) String title,
			@RequestParam(required = false) String description, @RequestParam(required = false) String progress,
			@RequestParam long version, RedirectAttributes redirect) {
		return act(id, redirect, "Goal saved.",
				() -> goals.update(id, goalId, me(), title, description, number("progress", progress), version));
	}

	@PostMapping("/mentorships/{id}/goals/{goalId}/milestones")
	String addMilestone(@PathVariable long id, @PathVariable long goalId, @RequestParam(required = false) String title,
			@RequestParam(required = false) String dueOn, RedirectAttributes redirect) {
		return act(id, redirect, "Milestone added.", () -> goals.addMilestone(id, goalId, me(), title, date("dueOn", dueOn)));
	}

	@PostMapping("/mentorships/{id}/goals/{goalId}/milestones/{milestoneId}")
	String markMilestone(@PathVariable long id, @PathVariable long goalId, @PathVariable long milestoneId,
			@RequestParam boolean done, RedirectAttributes redirect) {
		return act(id, redirect, done ? "Milestone done." : "Milestone reopened.",
				() -> goals.markMilestone(id, goalId, milestoneId, me(), done));
	}

	@PostMapping("/mentorships/{id}/meetings")
	String schedule(@PathVariable long id, @RequestParam(required = false) String date, @RequestParam(required = false) String time,
			@RequestParam(required = false) String minutes, @RequestParam(required = false) String place,
			@RequestParam(defaultValue = "false") boolean group, RedirectAttributes redirect) {
		if (group) {
			return act(id, redirect, "Group meeting scheduled; every mentee of the group gets the invitation.",
					() -> meetings.scheduleForGroup(id, me(), schedule(id, date, time, minutes, place)));
		}
		return act(id, redirect, "Meeting scheduled; the invitation is on its way.",
				() -> meetings.schedule(id, me(), schedule(id, date, time, minutes, place)));
	}

	@PostMapping("/mentorships/{id}/meetings/{meetingId}")
	String reschedule(@PathVariable long id, @PathVariable long meetingId, @RequestParam(required = false) String date,
			@RequestParam(required = false) String time, @RequestParam(required = false) String minutes,
			@RequestParam(required = false) String place, @RequestParam int sequence, RedirectAttributes redirect) {
		return act(id, redirect, "Meeting moved; the updated invitation is on its way.",
				() -> meetings.reschedule(id, meetingId, me(), schedule(id, date, time, minutes, place), sequence));
	}

	@PostMapping("/mentorships/{id}/meetings/{meetingId}/cancel")
	String cancelMeeting(@PathVariable long id, @PathVariable long meetingId, RedirectAttributes redirect) {
		return act(id, redirect, "Meeting cancelled.", () -> meetings.cancel(id, meetingId, me()));
	}

	@GetMapping("/mentorships/{id}/meetings/{meetingId}/calendar.ics")
	ResponseEntity<String> calendar(@PathVariable long id, @PathVariable long meetingId) {
		return MentorshipApiController.Calendar.file(meetings.calendar(id, meetingId, me()), meetingId);
	}

	@PostMapping("/mentorships/{id}/meetings/{meetingId}/shared-notes")
	String shareNotes(@PathVariable long id, @PathVariable long meetingId, @RequestParam(required = false) String text,
			@RequestParam long version, RedirectAttributes redirect) {
		return act(id, redirect, "Shared notes saved.", () -> meetings.shareNotes(id, meetingId, me(), text, version));
	}

	@PostMapping("/mentorships/{id}/meetings/{meetingId}/private-note")
	String privateNote(@PathVariable long id, @PathVariable long meetingId, @RequestParam(required = false) String text,
			RedirectAttributes redirect) {
		return act(id, redirect, "Private note saved; only you can read it.",
				() -> meetings.writePrivateNote(id, meetingId, me(), text));
	}

	@PostMapping("/mentorships/{id}/meetings/{meetingId}/check-in")
	String checkIn(@PathVariable long id, @PathVariable long meetingId, @RequestParam(required = false) String rating,
			@RequestParam(required = false) String comment, RedirectAttributes redirect) {
		return act(id, redirect, "Thanks for checking in.",
				() -> checkIns.checkIn(id, meetingId, me(), number("rating", rating), comment));
	}

	@PostMapping("/mentorships/{id}/surveys/{kind}")
	String survey(@PathVariable long id, @PathVariable SurveyKind kind, @RequestParam(required = false) String rating,
			@RequestParam(required = false) String comment, RedirectAttributes redirect) {
		return act(id, redirect, "Thanks for answering the survey.",
				() -> checkIns.survey(id, kind, me(), number("rating", rating), comment));
	}

	private String act(long id, RedirectAttributes redirect, String done, Supplier<?> action) {
		try {
			action.get();
			redirect.addFlashAttribute("message", done);
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("error", "Not saved: " + String.join("; ", e.problems().stream()
				.map(InvalidInputException.FieldProblem::sentence).toList()) + ".");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/mentorships/" + id;
	}

	/** A meeting from the form: date and time are in the viewer's own time zone. */
	private Meetings.Schedule schedule(long id, @Nullable String date, @Nullable String time, @Nullable String minutes,
			@Nullable String place) {
		Mentorship m = mentorships.mentorship(id, me());
		ZoneId zone = zone(me().is(m.mentor().id()) ? m.mentor().timeZone() : m.mentee().timeZone());
		LocalDate day = date("date", date);
		LocalTime at;
		try {
			at = time == null || time.isBlank() ? null : LocalTime.parse(time.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException("time", "must be a time like 14:30");
		}
		if (day == null || at == null) {
			throw new InvalidInputException(day == null ? "date" : "time", "say when the meeting starts");
		}
		return new Meetings.Schedule(day.atTime(at).atZone(zone).toInstant(), number("minutes", minutes), place);
	}

	private static ZoneId zone(String id) {
		try {
			return ZoneId.of(id);
		}
		catch (DateTimeException e) {
			return ZoneId.of("UTC");
		}
	}

	private static @Nullable Integer number(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException(field, "must be a whole number");
		}
	}

	private static @Nullable LocalDate date(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(field, "must be a date like 2026-03-14");
		}
	}

	private static CurrentUser me() {
		return CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Sign in first"));
	}
}
