package org.guildhall.mentorships.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.guildhall.mentorships.CheckIns;
import org.guildhall.mentorships.Feedback;
import org.guildhall.mentorships.Goal;
import org.guildhall.mentorships.Goals;
import org.guildhall.mentorships.Health;
import org.guildhall.mentorships.Meeting;
import org.guildhall.mentorships.Meetings;
import org.guildhall.mentorships.MentorAvailability;
import org.guildhall.mentorships.Mentorship;
import org.guildhall.mentorships.MentorshipDetail;
import org.guildhall.mentorships.MentorshipManagement;
import org.guildhall.mentorships.MentorshipSummary;
import org.guildhall.mentorships.SurveyKind;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mentorships over JSON. A mentorship, its goals, meetings, notes and feedback are for its mentor
 * and mentee only (anyone else gets 404); a programme's managers read its list with health.
 */
@RestController
@RequestMapping("/api/v1/mentorships")
@Tag(name = "Mentorships", description = "Requests and invitations, agreement, goals, meetings and notes, check-ins and surveys, health")
@SecurityRequirement(name = "token")
class MentorshipApiController {

	private final MentorshipManagement mentorships;
	private final Goals goals;
	private final Meetings meetings;
	private final CheckIns checkIns;

	MentorshipApiController(MentorshipManagement mentorships, Goals goals, Meetings meetings, CheckIns checkIns) {
		this.mentorships = mentorships;
		this.goals = goals;
		this.meetings = meetings;
		this.checkIns = checkIns;
	}

	@GetMapping
	@Operation(summary = "The caller's mentorships (as mentor or mentee), newest first")
	List<MentorshipSummary> mine() {
		return mentorships.mine(me());
	}

	@GetMapping("/programmes/{programmeId}")
	@Operation(summary = "A programme's mentorships with state, health, goal progress and meeting counts (programme managers and administrators); quiet=true lists quiet pairs only")
	MentorshipManagement.ProgrammeHealth programme(@PathVariable long programmeId, @RequestParam(defaultValue = "false") boolean quiet,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return mentorships.programmeHealth(programmeId, me(), new PageRequest(page, size), quiet);
	}

	@Schema(description = "A mentee asks a mentor of a self-select programme")
	record MentorRequest(@NotNull Long programmeId, @NotNull Long mentorId, @Nullable String message) {
	}

	@PostMapping("/requests")
	@ResponseStatus(HttpStatus.CREATED) // what the ResponseEntity answers; the API description takes it from here
	@Operation(summary = "Ask a mentor (self-select): reserves the mentor's place at once; 409 when no place is free")
	ResponseEntity<Mentorship> request(@Valid @RequestBody MentorRequest body) {
		Mentorship created = mentorships.request(body.programmeId(), body.mentorId(), me(), body.message());
		return ResponseEntity.created(URI.create("/api/v1/mentorships/" + created.id())).body(created);
	}

	@Schema(description = "A person asks someone open to mentoring, outside any programme, with an optional note")
	record DirectRequest(@NotNull Long mentorId, @Nullable String message) {
	}

	@PostMapping("/direct-requests")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Ask someone to be your mentor outside any programme: reserves one of the places of their profile's "
			+ "mentoring capacity at once; 409 when none is free, they are not open to mentoring, are in your reporting line, "
			+ "or you already asked them")
	ResponseEntity<Mentorship> requestDirectly(@Valid @RequestBody DirectRequest body) {
		Mentorship created = mentorships.requestDirectly(body.mentorId(), me(), body.message());
		return ResponseEntity.created(URI.create("/api/v1/mentorships/" + created.id())).body(created);
	}

	@GetMapping("/availability/{personId}")
	@Operation(summary = "A person's mentoring as it stands now: open or not, how many they mentor, free direct-request "
			+ "places, and the caller's own request or mentorship with them")
	MentorAvailability availability(@PathVariable long personId) {
		return mentorships.availability(personId, me());
	}

	@GetMapping("/{id}")
	@Operation(summary = "A mentorship with goals, meetings (times in both people's zones), the caller's notes, check-ins, surveys and health")
	MentorshipDetail detail(@PathVariable long id) {
		return mentorships.detail(id, me());
	}

	@GetMapping("/{id}/health")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The health score",
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
					schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Health.class)))
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "The mentorship has not started: no health score yet")
	@Operation(summary = "The health score (0–100) with its parts explained; empty until the mentorship starts")
	ResponseEntity<Health> health(@PathVariable long id) {
		Health health = mentorships.health(id, me());
		return health == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(health);
	}

	record Reason(@Nullable String reason) {
	}

	@PostMapping("/{id}/accept")
	@Operation(summary = "Accept an invitation (both people) or a request (the mentor)")
	Mentorship accept(@PathVariable long id) {
		return mentorships.accept(id, me());
	}

	@PostMapping("/{id}/decline")
	@Operation(summary = "Decline an invitation (either person) or a request (the mentor), with an optional reason")
	Mentorship decline(@PathVariable long id, @RequestBody(required = false) @Nullable Reason body) {
		return mentorships.decline(id, me(), body == null ? null : body.reason());
	}

	@PostMapping("/{id}/withdraw")
	@Operation(summary = "The mentee withdraws a request the mentor has not answered")
	Mentorship withdraw(@PathVariable long id) {
		return mentorships.cancel(id, me());
	}

	@PostMapping("/{id}/complete")
	@Operation(summary = "Mark an active mentorship completed")
	Mentorship complete(@PathVariable long id) {
		return mentorships.complete(id, me());
	}

	@PostMapping("/{id}/end")
	@Operation(summary = "End an active mentorship early; reason required")
	Mentorship end(@PathVariable long id, @RequestBody(required = false) @Nullable Reason body) {
		return mentorships.endEarly(id, me(), body == null ? null : body.reason());
	}

	@Schema(description = "Expectations (at most 4,000 characters) and cadence in days (1–180); version: the agreement version you read")
	record AgreementBody(@Nullable String expectations, @Nullable Integer cadenceDays, long version) {
	}

	@PutMapping("/{id}/agreement")
	@Operation(summary = "Propose or change the agreement; the other person must confirm it again")
	Mentorship propose(@PathVariable long id, @RequestBody AgreementBody body) {
		return mentorships.proposeAgreement(id, me(), body.expectations(), body.cadenceDays(), body.version());
	}

	record Version(long version) {
	}

	@PostMapping("/{id}/agreement/confirm")
	@Operation(summary = "Confirm the agreement at the version you read; 409 if it changed since")
	Mentorship confirm(@PathVariable long id, @RequestBody Version body) {
		return mentorships.confirmAgreement(id, me(), body.version());
	}

	@GetMapping("/{id}/goals")
	List<Goal> goals(@PathVariable long id) {
		return goals.goals(id, me());
	}

	record GoalBody(@Nullable String title, @Nullable String description) {
	}

	@PostMapping("/{id}/goals")
	@ResponseStatus(HttpStatus.CREATED) // what the ResponseEntity answers; the API description takes it from here
	@Operation(summary = "Add a goal (the mentee)")
	ResponseEntity<Goal> addGoal(@PathVariable long id, @RequestBody GoalBody body) {
		return ResponseEntity.status(201).body(goals.add(id, me(), body.title(), body.description()));
	}

	record GoalUpdate(@Nullable String title, @Nullable String description, @Nullable Integer progress, long version) {
	}

	@PutMapping("/{id}/goals/{goalId}")
	@Operation(summary = "Change a goal and its progress 0–100 (the mentee); send the version you read")
	Goal updateGoal(@PathVariable long id, @PathVariable long goalId, @RequestBody GoalUpdate body) {
		return goals.update(id, goalId, me(), body.title(), body.description(), body.progress(), body.version());
	}

	record MilestoneBody(@Nullable String title, @Nullable LocalDate dueOn) {
	}

	@PostMapping("/{id}/goals/{goalId}/milestones")
	@ResponseStatus(HttpStatus.CREATED) // what the ResponseEntity answers; the API description takes it from here
	@Operation(summary = "Add a milestone to a goal (the mentee)")
	ResponseEntity<Goal> addMilestone(@PathVariable long id, @PathVariable long goalId, @RequestBody MilestoneBody body) {
		return ResponseEntity.status(201).body(goals.addMilestone(id, goalId, me(), body.title(), body.dueOn()));
	}

	record Done(boolean done) {
	}

	@PutMapping("/{id}/goals/{goalId}/milestones/{milestoneId}")
	@Operation(summary = "Mark a milestone done or not done (the mentee)")
	Goal markMilestone(@PathVariable long id, @PathVariable long goalId, @PathVariable long milestoneId, @RequestBody Done body) {
		return goals.markMilestone(id, goalId, milestoneId, me(), body.done());
	}

	@Schema(description = "startsAt: an instant (ISO 8601 with offset or Z); minutes 5–480; place: a room or a link; "
			+ "forGroup: the mentor of a group programme invites the whole group (one calendar event)")
	record MeetingBody(@Nullable Instant startsAt, @Nullable Integer minutes, @Nullable String place, @Nullable Boolean forGroup) {
	}

	@PostMapping("/{id}/meetings")
	@ResponseStatus(HttpStatus.CREATED) // what the ResponseEntity answers; the API description takes it from here
	@Operation(summary = "Schedule a meeting; the other person (or, with forGroup, every mentee of the group) gets a calendar invitation")
	ResponseEntity<Meeting> schedule(@PathVariable long id, @RequestBody MeetingBody body) {
		Meetings.Schedule schedule = new Meetings.Schedule(body.startsAt(), body.minutes(), body.place());
		Meeting meeting = Boolean.TRUE.equals(body.forGroup()) ? meetings.scheduleForGroup(id, me(), schedule)
				: meetings.schedule(id, me(), schedule);
		return ResponseEntity.created(URI.create("/api/v1/mentorships/" + id + "/meetings/" + meeting.id())).body(meeting);
	}

	@GetMapping("/{id}/meetings/{meetingId}")
	Meeting meeting(@PathVariable long id, @PathVariable long meetingId) {
		return meetings.meeting(id, meetingId, me());
	}

	record Reschedule(@Nullable Instant startsAt, @Nullable Integer minutes, @Nullable String place, int sequence) {
	}

	@PutMapping("/{id}/meetings/{meetingId}")
	@Operation(summary = "Move a meeting or change it; send the sequence you read; the invitation keeps its UID")
	Meeting reschedule(@PathVariable long id, @PathVariable long meetingId, @RequestBody Reschedule body) {
		return meetings.reschedule(id, meetingId, me(), new Meetings.Schedule(body.startsAt(), body.minutes(), body.place()),
				body.sequence());
	}

	@DeleteMapping("/{id}/meetings/{meetingId}")
	@Operation(summary = "Cancel a meeting (METHOD:CANCEL with the same UID)")
	Meeting cancel(@PathVariable long id, @PathVariable long meetingId) {
		return meetings.cancel(id, meetingId, me());
	}

	@GetMapping(value = "/{id}/meetings/{meetingId}/calendar.ics", produces = "text/calendar")
	@Operation(summary = "The meeting's iCalendar file")
	ResponseEntity<String> calendar(@PathVariable long id, @PathVariable long meetingId) {
		return Calendar.file(meetings.calendar(id, meetingId, me()), meetingId);
	}

	record Notes(@Nullable String text, long version) {
	}

	@PutMapping("/{id}/meetings/{meetingId}/shared-notes")
	@Operation(summary = "Replace the shared notes both people see; send the version you read")
	Meeting shareNotes(@PathVariable long id, @PathVariable long meetingId, @RequestBody Notes body) {
		return meetings.shareNotes(id, meetingId, me(), body.text(), body.version());
	}

	record PrivateNote(@Nullable String text) {
	}

	@GetMapping("/{id}/meetings/{meetingId}/private-note")
	@Operation(summary = "The caller's own private note; nobody else can read it")
	PrivateNote privateNote(@PathVariable long id, @PathVariable long meetingId) {
		return new PrivateNote(meetings.privateNote(id, meetingId, me()));
	}

	@PutMapping("/{id}/meetings/{meetingId}/private-note")
	@Operation(summary = "Write the caller's private note (empty text deletes it)")
	PrivateNote writePrivateNote(@PathVariable long id, @PathVariable long meetingId, @RequestBody PrivateNote body) {
		return new PrivateNote(meetings.writePrivateNote(id, meetingId, me(), body.text()).myPrivateNote());
	}

	record Rating(@Nullable Integer rating, @Nullable String comment) {
	}

	@GetMapping("/{id}/meetings/{meetingId}/check-in")
	@Operation(summary = "The check-in after a meeting: the other person's answer shows only once both answered")
	Feedback checkIn(@PathVariable long id, @PathVariable long meetingId) {
		return checkIns.checkInOf(id, meetingId, me());
	}

	@PostMapping("/{id}/meetings/{meetingId}/check-in")
	@ResponseStatus(HttpStatus.CREATED) // what the ResponseEntity answers; the API description takes it from here
	@Operation(summary = "Answer the check-in after a meeting: rating 1–5 and an optional comment; once only")
	ResponseEntity<Feedback> answerCheckIn(@PathVariable long id, @PathVariable long meetingId, @RequestBody Rating body) {
		return ResponseEntity.status(201).body(checkIns.checkIn(id, meetingId, me(), body.rating(), body.comment()));
	}

	@GetMapping("/{id}/surveys/{kind}")
	@Operation(summary = "The MIDPOINT or FINAL survey: the other person's answer shows only once both answered")
	Feedback survey(@PathVariable long id, @PathVariable SurveyKind kind) {
		return checkIns.surveyOf(id, kind, me());
	}

	@PostMapping("/{id}/surveys/{kind}")
	@ResponseStatus(HttpStatus.CREATED) // what the ResponseEntity answers; the API description takes it from here
	@Operation(summary = "Answer the MIDPOINT or FINAL survey: rating 1–5 and an optional comment; once only")
	ResponseEntity<Feedback> answerSurvey(@PathVariable long id, @PathVariable SurveyKind kind, @RequestBody Rating body) {
		return ResponseEntity.status(201).body(checkIns.survey(id, kind, me(), body.rating(), body.comment()));
	}

	private static CurrentUser me() {
		return CurrentUser.get().orElseThrow();
	}

	/** The .ics download, for the API and the page. */
	static final class Calendar {

		private Calendar() {
		}

		static ResponseEntity<String> file(String ics, long meetingId) {
			return ResponseEntity.ok()
				.contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
				.header("Content-Disposition", "attachment; filename=\"meeting-" + meetingId + ".ics\"")
				.body(ics);
		}
	}
}
