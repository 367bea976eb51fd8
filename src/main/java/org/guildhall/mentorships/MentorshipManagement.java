package org.guildhall.mentorships;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.guildhall.people.PeopleDirectory;
import org.guildhall.people.Profile;
import org.guildhall.programmes.MatchingMode;
import org.guildhall.programmes.Programme;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.programmes.ProgrammeStatus;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.PageRequest;
import org.guildhall.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a mentorship: a mentee's request (self-select) or a bulk-published invitation,
 * acceptance, the pair's agreement, completion or an early end. Only the mentor and the mentee see
 * and act on their mentorship; anyone else gets "not found". A programme's managers see the list of
 * its mentorships with health and counts, never the text of notes or feedback.
 *
 * <p>Invalid moves (accepting twice, completing an invitation, answering someone else's request)
 * are refused with {@link ConflictException} naming the current state. Declining, cancelling a
 * request and ending early give the mentor's place back to the programme.
 */
@Service
public class MentorshipManagement {

	public static final int MAX_MESSAGE = 2000;
	public static final int MAX_EXPECTATIONS = 4000;

	private final JdbcClient jdbc;
	private final Mentorships mentorships;
	private final ProgrammeManagement programmes;
	private final Goals goals;
	private final Meetings meetings;
	private final CheckIns checkIns;
	private final ApplicationEventPublisher events;
	private final Clock clock = Clock.systemUTC();
	private final PeopleDirectory people;
	private volatile @Nullable Long directProgramme;

	MentorshipManagement(JdbcClient jdbc, Mentorships mentorships, ProgrammeManagement programmes,
			Goals goals, Meetings meetings, CheckIns checkIns, ApplicationEventPublisher events, PeopleDirectory people) {
		this.jdbc = jdbc;
		this.people = people;
		this.mentorships = mentorships;
		this.programmes = programmes;
		this.goals = goals;
		this.meetings = meetings;
		this.checkIns = checkIns;
		this.events = events;
	}

	/**
	 * A mentee asks a mentor of the programme (self-select). The mentor's place is reserved at once,
	 * so two mentees asking for the last place at the same moment cannot both get it: the second gets
	 * a {@link ConflictException}. Only the mentor answers a request.
	 */
	@Transactional
	public Mentorship request(long programmeId, long mentorId, CurrentUser mentee, @Nullable String message) {
		if (mentee.personId() == null) {
			throw new InvalidInputException("mentee", "your account has no profile in the directory, so you cannot ask for a mentor");
		}
		long menteeId = mentee.personId();
		String text = Texts.optional("message", message, MAX_MESSAGE);
		Programme programme = programmes.programme(programmeId, mentee);
		if (programme.matchingMode() == MatchingMode.BULK) {
			throw new ConflictException("In this programme the manager matches everyone; mentees do not choose their mentor.");
		}
		if (programme.status() != ProgrammeStatus.MATCHING && programme.status() != ProgrammeStatus.RUNNING) {
			throw new ConflictException("You can ask for a mentor once enrolment has closed and while the programme runs.");
		}
		programmes.reserveMentorPlace(programmeId, mentorId, menteeId);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO mentorship (programme_id, mentor_id, mentee_id, status, requested, request_message,
				  mentee_accepted, planned_weeks, created_at)
				VALUES (?, ?, ?, 'REQUESTED', TRUE, ?, TRUE, ?, ?)""")
			.params(programmeId, mentorId, menteeId, text, programme.durationWeeks(), Timestamp.from(clock.instant()))
			.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		events.publishEvent(new MentorshipInvited(id, programmeId, mentorId, menteeId, true));
		return mentorships.find(id).orElseThrow();
	}

	/**
	 * A mentee asks someone open to mentoring directly from their profile, outside any programme
	 * (with an optional note). The request then follows the same accept, decline and withdraw flow.
	 * Capacity: the mentor's mentoring capacity from their profile counts their direct mentees; the
	 * place is reserved at once with a conditional update, so two requests for the last place
	 * cannot both succeed (the second gets a {@link ConflictException}).
	 */
	@Transactional
	public Mentorship requestDirectly(long mentorId, CurrentUser mentee, @Nullable String message) {
		if (mentee.personId() == null) {
			throw new InvalidInputException("mentee", "your account has no profile in the directory, so you cannot ask for a mentor");
		}
		long menteeId = mentee.personId();
		String text = Texts.optional("message", message, MAX_MESSAGE);
		if (mentorId == menteeId) {
			throw new InvalidInputException("mentorId", "a person cannot mentor themselves");
		}
		Profile mentor = people.profile(mentorId, mentee);
		if (!mentor.active() || mentor.mentoringRole() == null || !mentor.mentoringRole().mentors() || mentor.mentoringCapacity() < 1) {
			throw new ConflictException(mentor.fullName() + " is not open to mentoring at the moment.");
		}
		if (people.shareReportingLine(mentorId, menteeId)) {
			throw new ConflictException(mentor.fullName() + " is in your reporting line; mentors come from outside it.");
		}
		long programmeId = directProgramme();
		boolean already = jdbc.sql("""
				SELECT COUNT(*) FROM mentorship WHERE programme_id = ? AND mentor_id = ? AND mentee_id = ?
				AND status IN ('REQUESTED', 'INVITED', 'ACTIVE')""").params(programmeId, mentorId, menteeId).query(Long.class).single() > 0;
		if (already) {
			throw new ConflictException("You already asked " + mentor.fullName() + "; see your mentorships.");
		}
		jdbc.sql("INSERT INTO direct_mentor_place (mentor_id, taken) VALUES (?, 0) ON CONFLICT DO NOTHING").param(mentorId).update();
		int reserved = jdbc.sql("UPDATE direct_mentor_place SET taken = taken + 1 WHERE mentor_id = ? AND taken < ?")
			.params(mentorId, mentor.mentoringCapacity()).update();
		if (reserved == 0) {
			throw new ConflictException(mentor.fullName() + " has no free mentoring place left.");
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO mentorship (programme_id, mentor_id, mentee_id, status, requested, request_message,
				  mentee_accepted, planned_weeks, created_at)
				VALUES (?, ?, ?, 'REQUESTED', TRUE, ?, TRUE, 12, ?)""")
			.params(programmeId, mentorId, menteeId, text, Timestamp.from(clock.instant()))
			.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		events.publishEvent(new MentorshipInvited(id, programmeId, mentorId, menteeId, true));
		return mentorships.find(id).orElseThrow();
	}

	/** A person's mentoring as it stands now, as {@code viewer} sees it on the person's profile. */
	@Transactional(readOnly = true)
	public MentorAvailability availability(long personId, CurrentUser viewer) {
		Profile person = people.profile(personId, viewer);
		boolean open = person.active() && person.mentoringRole() != null && person.mentoringRole().mentors()
				&& person.mentoringCapacity() > 0;
		int now = jdbc.sql("SELECT COUNT(*) FROM mentorship WHERE mentor_id = ? AND status IN ('REQUESTED', 'INVITED', 'ACTIVE')")
			.param(personId).query(Long.class).single().intValue();
		int taken = jdbc.sql("SELECT taken FROM direct_mentor_place WHERE mentor_id = ?").param(personId).query(Integer.class)
			.optional().orElse(0);
		Mentorship withViewer = null;
		if (viewer.personId() != null && viewer.personId() != personId) {
			withViewer = jdbc.sql("""
					SELECT id FROM mentorship WHERE mentor_id = ? AND mentee_id = ? AND status IN ('REQUESTED', 'INVITED', 'ACTIVE')
					ORDER BY id DESC LIMIT 1""").params(personId, viewer.personId()).query(Long.class).optional()
				.flatMap(mentorships::find).orElse(null);
		}
		boolean inLine = viewer.personId() != null && viewer.personId() != personId && people.shareReportingLine(personId, viewer.personId());
		return new MentorAvailability(personId, person.fullName(), open, person.mentoringCapacity(), now,
				Math.max(0, person.mentoringCapacity() - taken), withViewer, inLine);
	}

	/**
	 * The id of the standing programme that mentorships asked for outside any programme belong to
	 * ("Mentoring outside programmes", created by a migration): not a programme anyone runs.
	 */
	public long directProgramme() {
		Long cached = directProgramme;
		if (cached == null) {
			cached = jdbc.sql("SELECT programme_id FROM direct_mentoring WHERE id = 1").query(Long.class).single();
			directProgramme = cached;
		}
		return cached;
	}

	/**
	 * Accepts an invitation or request. A request needs only the mentor; an invitation from a bulk
	 * match needs both people, and becomes active when the second one accepts.
	 */
	@Transactional
	public Mentorship accept(long mentorshipId, CurrentUser user) {
		Mentorship m = mentorships.forParticipant(mentorshipId, user);
		boolean mentor = user.is(m.mentor().id());
		if (m.status() == MentorshipStatus.REQUESTED && !mentor) {
			throw new ConflictException("You asked for this mentorship; only " + m.mentor().fullName() + " can accept it.");
		}
		if (m.status() != MentorshipStatus.REQUESTED && m.status() != MentorshipStatus.INVITED) {
			throw new ConflictException("This mentorship is " + m.status().label() + "; there is nothing to accept.");
		}
		if (m.status() == MentorshipStatus.INVITED && !m.awaitsAnswerFrom(user.personId())) {
			throw new ConflictException("You have already accepted; waiting for " + m.other(user.personId()).fullName() + ".");
		}
		jdbc.sql("UPDATE mentorship SET " + (mentor ? "mentor_accepted" : "mentee_accepted")
				+ " = TRUE WHERE id = ? AND status IN ('INVITED', 'REQUESTED')").param(mentorshipId).update();
		int started = jdbc.sql("""
				UPDATE mentorship SET status = 'ACTIVE', started_at = ?
				WHERE id = ? AND status IN ('INVITED', 'REQUESTED') AND mentor_accepted = TRUE AND mentee_accepted = TRUE""")
			.params(Timestamp.from(clock.instant()), mentorshipId).update();
		if (started == 1) {
			events.publishEvent(new MentorshipStarted(mentorshipId, m.programmeId(), m.mentor().id(), m.mentee().id()));
		}
		return mentorships.find(mentorshipId).orElseThrow();
	}

	/**
	 * Declines an invitation (either person) or a request (the mentor), with an optional reason; the
	 * mentor's place goes back to the programme.
	 */
	@Transactional
	public Mentorship decline(long mentorshipId, CurrentUser user, @Nullable String reason) {
		Mentorship m = mentorships.forParticipant(mentorshipId, user);
		String text = Texts.optional("reason", reason, MAX_MESSAGE);
		if (m.status() == MentorshipStatus.REQUESTED && !user.is(m.mentor().id())) {
			throw new ConflictException("You asked for this mentorship; withdraw the request instead of declining it.");
		}
		if (m.status() != MentorshipStatus.INVITED && m.status() != MentorshipStatus.REQUESTED) {
			throw new ConflictException("This mentorship is " + m.status().label() + "; only an invitation or a request can be declined."
					+ (m.status() == MentorshipStatus.ACTIVE ? " End it early instead." : ""));
		}
		close(m, MentorshipStatus.DECLINED, user, text);
		programmes.releaseMentorPlace(m.programmeId(), m.mentor().id(), m.mentee().id());
		events.publishEvent(new MentorshipDeclined(mentorshipId, m.programmeId(), m.mentor().id(), m.mentee().id(),
				user.personId(), text));
		return mentorships.find(mentorshipId).orElseThrow();
	}

	/** The mentee withdraws a request the mentor has not answered yet; the place goes back to the programme. */
	@Transactional
	public Mentorship cancel(long mentorshipId, CurrentUser user) {
		Mentorship m = mentorships.forParticipant(mentorshipId, user);
		if (m.status() != MentorshipStatus.REQUESTED) {
			throw new ConflictException("This mentorship is " + m.status().label() + "; only a waiting request can be withdrawn.");
		}
		if (!user.is(m.mentee().id())) {
			throw new ConflictException("Only " + m.mentee().fullName() + ", who asked, can withdraw this request; decline it instead.");
		}
		close(m, MentorshipStatus.CANCELLED, user, "Request withdrawn");
		programmes.releaseMentorPlace(m.programmeId(), m.mentor().id(), m.mentee().id());
		events.publishEvent(new MentorshipDeclined(mentorshipId, m.programmeId(), m.mentor().id(), m.mentee().id(),
				user.personId(), "Request withdrawn"));
		return mentorships.find(mentorshipId).orElseThrow();
	}

	/** Either person marks an active mentorship as completed as agreed. */
	@Transactional
	public Mentorship complete(long mentorshipId, CurrentUser user) {
		Mentorship m = mentorships.forParticipant(mentorshipId, user);
		requireActive(m, "complete");
		close(m, MentorshipStatus.COMPLETED, user, null);
		events.publishEvent(new MentorshipEnded(mentorshipId, m.programmeId(), m.mentor().id(), m.mentee().id(), true, null,
				!m.flash()));
		return mentorships.find(mentorshipId).orElseThrow();
	}

	/** Either person ends an active mentorship early; the reason is required, and the place goes back to the programme. */
	@Transactional
	public Mentorship endEarly(long mentorshipId, CurrentUser user, @Nullable String reason) {
		Mentorship m = mentorships.forParticipant(mentorshipId, user);
		String text = Texts.required("reason", reason, MAX_MESSAGE, "say why the mentorship ends early");
		requireActive(m, "end early");
		close(m, MentorshipStatus.ENDED_EARLY, user, text);
		programmes.releaseMentorPlace(m.programmeId(), m.mentor().id(), m.mentee().id());
		events.publishEvent(new MentorshipEnded(mentorshipId, m.programmeId(), m.mentor().id(), m.mentee().id(), false, text,
				!m.flash()));
		return mentorships.find(mentorshipId).orElseThrow();
	}

	/**
	 * Proposes (or changes) the agreement: expectations and a meeting cadence in days. The proposer
	 * confirms it by proposing; the other person must confirm it again. {@code version} is the
	 * agreement version the proposer read: if the other person changed it meanwhile, this is refused.
	 */
	@Transactional
	public Mentorship proposeAgreement(long mentorshipId, CurrentUser user, @Nullable String expectations,
			@Nullable Integer cadenceDays, long version) {
		Mentorship m = mentorships.forParticipant(mentorshipId, user);
		String text = Texts.required("expectations", expectations, MAX_EXPECTATIONS, "write down what you expect of each other");
		if (cadenceDays == null || cadenceDays < 1 || cadenceDays > 180) {
			throw new InvalidInputException("cadenceDays", "must be a number of days from 1 to 180");
		}
		requireActive(m, "agree on");
		boolean mentor = user.is(m.mentor().id());
		int changed = jdbc.sql("""
				UPDATE mentorship SET expectations = ?, cadence_days = ?, mentor_agreed = ?, mentee_agreed = ?,
				  agreement_version = agreement_version + 1
				WHERE id = ? AND agreement_version = ? AND status = 'ACTIVE'""")
			.params(text, cadenceDays, mentor, !mentor, mentorshipId, version).update();
		if (changed == 0) {
			throw new ConflictException("The agreement changed since you read it; read it again and then make your change.");
		}
		events.publishEvent(new AgreementChanged(mentorshipId, cadenceDays, false));
		return mentorships.find(mentorshipId).orElseThrow();
	}

	/** Confirms the agreement as it stands at {@code version}; refused if it changed since it was read. */
	@Transactional
	public Mentorship confirmAgreement(long mentorshipId, CurrentUser user, long version) {
		Mentorship m = mentorships.forParticipant(mentorshipId, user);
		requireActive(m, "agree on");
		if (!m.agreement().proposed()) {
			throw new ConflictException("There is no agreement to confirm yet; propose one first.");
		}
		int changed = jdbc.sql("UPDATE mentorship SET " + (user.is(m.mentor().id()) ? "mentor_agreed" : "mentee_agreed")
				+ " = TRUE WHERE id = ? AND agreement_version = ? AND status = 'ACTIVE'").params(mentorshipId, version).update();
		if (changed == 0) {
			throw new ConflictException("The agreement changed since you read it; read the new version before you confirm it.");
		}
		Mentorship confirmed = mentorships.find(mentorshipId).orElseThrow();
		Integer cadence = confirmed.agreement().cadenceDays();
		events.publishEvent(new AgreementChanged(mentorshipId, cadence == null ? 0 : cadence, confirmed.agreement().agreed()));
		return confirmed;
	}

	/** A mentorship as one of its two people sees it. */
	@Transactional(readOnly = true)
	public Mentorship mentorship(long mentorshipId, CurrentUser user) {
		return mentorships.forParticipant(mentorshipId, user);
	}

	/** Everything one of the pair sees: goals, meetings with notes and check-ins, surveys and health. */
	@Transactional(readOnly = true)
	public MentorshipDetail detail(long mentorshipId, CurrentUser user) {
		Mentorship m = mentorships.forParticipant(mentorshipId, user);
		long me = user.personId();
		Instant now = clock.instant();
		return new MentorshipDetail(m, user.is(m.mentor().id()) ? MentorshipDetail.Role.MENTOR : MentorshipDetail.Role.MENTEE,
				goals.of(mentorshipId), meetings.of(m, me, now, checkIns.checkIns(mentorshipId, me)),
				checkIns.surveys(m, me, now), health(m, now), meetings.groupOf(m));
	}

	/** The health score with its parts, for the pair; null while the mentorship has not started. */
	@Transactional(readOnly = true)
	public @Nullable Health health(long mentorshipId, CurrentUser user) {
		return health(mentorships.forParticipant(mentorshipId, user), clock.instant());
	}

	/** The signed-in person's mentorships, as mentor or mentee, newest first. */
	@Transactional(readOnly = true)
	public List<MentorshipSummary> mine(CurrentUser user) {
		if (user.personId() == null) {
			return List.of();
		}
		return mentorships.summaries("WHERE m.mentor_id = :me OR m.mentee_id = :me ORDER BY m.id DESC LIMIT 500",
				Map.of("me", user.personId()), clock.instant());
	}

	/** Counts of a programme's mentorships by state, plus how many active pairs are quiet. */
	/** @param meanHealth the mean health of the active pairs, null while no pair is active */
	public record ProgrammeHealth(Map<MentorshipStatus, Long> byStatus, long quiet, @Nullable Integer meanHealth,
			PageResult<MentorshipSummary> page) {
	}

	/**
	 * A programme's mentorships for its managers (and administrators): state, health, goal progress
	 * and meeting counts, never notes or feedback text. {@code quietOnly} lists only quiet pairs.
	 */
	@Transactional(readOnly = true)
	public ProgrammeHealth programmeHealth(long programmeId, CurrentUser manager, PageRequest page, boolean quietOnly) {
		Programme programme = programmes.programme(programmeId, manager);
		if (!programmes.mayManage(programme, manager)) {
			throw new AccessDeniedException("Only the programme's manager or an administrator sees its mentorships");
		}
		Instant now = clock.instant();
		Map<MentorshipStatus, Long> byStatus = new LinkedHashMap<>();
		for (MentorshipStatus status : MentorshipStatus.values()) {
			byStatus.put(status, 0L);
		}
		jdbc.sql("SELECT status, COUNT(*) FROM mentorship WHERE programme_id = ? GROUP BY status").param(programmeId)
			.query(rs -> {
				byStatus.put(MentorshipStatus.valueOf(rs.getString(1)), rs.getLong(2));
			});
		List<MentorshipSummary> active = mentorships.summaries("WHERE m.programme_id = :programme AND m.status = 'ACTIVE'",
				Map.of("programme", programmeId), now);
		List<MentorshipSummary> quiet = active.stream().filter(s -> s.health() != null && s.health().quiet())
			.sorted(Comparator.comparing(MentorshipSummary::id)).toList();
		java.util.OptionalDouble mean = active.stream().filter(s -> s.health() != null).mapToInt(s -> s.health().score()).average();
		Integer meanHealth = mean.isPresent() ? (int) Math.round(mean.getAsDouble()) : null;
		PageResult<MentorshipSummary> rows;
		if (quietOnly) {
			int from = (int) Math.min(quiet.size(), page.offset());
			rows = new PageResult<>(quiet.subList(from, Math.min(quiet.size(), from + page.size())), page.page(), page.size(),
					quiet.size());
		}
		else {
			long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
			rows = new PageResult<>(mentorships.summaries("WHERE m.programme_id = :programme ORDER BY m.id LIMIT :limit OFFSET :offset",
					Map.of("programme", programmeId, "limit", page.size(), "offset", page.offset()), now),
					page.page(), page.size(), total);
		}
		return new ProgrammeHealth(byStatus, quiet.size(), meanHealth, rows);
	}

	private @Nullable Health health(Mentorship m, Instant now) {
		if (m.startedAt() == null) {
			return null;
		}
		List<MentorshipSummary> summary = mentorships.summaries("WHERE m.id = :id", Map.of("id", m.id()), now);
		return summary.isEmpty() ? null : summary.get(0).health();
	}

	private void close(Mentorship m, MentorshipStatus to, CurrentUser user, @Nullable String reason) {
		int changed = jdbc.sql("""
				UPDATE mentorship SET status = ?, ended_at = ?, closed_by = ?, close_reason = ?
				WHERE id = ? AND status = ?""")
			.params(to.name(), Timestamp.from(clock.instant()), user.personId(), reason, m.id(), m.status().name())
			.update();
		if (changed == 0) {
			throw new ConflictException("Someone else changed this mentorship meanwhile; reload and try again.");
		}
		if (m.programmeId() == directProgramme()) {
			// a direct mentee's place is the mentor's again once the request or mentorship is over
			jdbc.sql("UPDATE direct_mentor_place SET taken = taken - 1 WHERE mentor_id = ? AND taken > 0").param(m.mentor().id()).update();
		}
	}

	private static void requireActive(Mentorship m, String action) {
		if (m.status() != MentorshipStatus.ACTIVE) {
			throw new ConflictException("This mentorship is " + m.status().label() + "; only an active mentorship can be "
					+ (action.equals("complete") ? "completed" : action.equals("end early") ? "ended early" : "agreed on") + ".");
		}
	}

}
