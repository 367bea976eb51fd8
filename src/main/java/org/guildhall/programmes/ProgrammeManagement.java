package org.guildhall.programmes;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guildhall.matching.engine.Criterion;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.InvalidInputException.FieldProblem;
import org.guildhall.shared.NotFoundException;
import org.guildhall.shared.PageRequest;
import org.guildhall.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Designing programmes, moving them through their life and enrolling in them. Programme managers
 * and administrators create programmes; a programme is managed by its owner or an administrator;
 * every employee in the directory may enrol in a programme that is open for enrolment. Drafts are
 * seen only by those who may manage them.
 */
@Service
public class ProgrammeManagement {

	private static final String SEPARATOR = "\n";

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock = Clock.systemUTC();

	ProgrammeManagement(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Transactional
	public Programme create(ProgrammeSettings settings, CurrentUser manager) {
		if (!manager.hasRole(CurrentUser.PROGRAMME_MANAGER) && !manager.isAdmin()) {
			throw new AccessDeniedException("Only programme managers and administrators create programmes");
		}
		check(settings);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO programme (name, purpose, format, status, enrolment_opens, enrolment_closes, duration_weeks,
				  default_capacity, matching_mode, objective, weights, questions, approval_required, owner_account_id, created_at)
				VALUES (:name, :purpose, :format, 'DRAFT', :opens, :closes, :weeks, :capacity, :mode, :objective, :weights,
				  :questions, :approval, :owner, :now)""")
			.paramSource(params(settings).addValue("owner", manager.accountId()).addValue("now", Timestamp.from(clock.instant())))
			.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		events.publishEvent(new ProgrammeSaved(id));
		return find(id).orElseThrow();
	}

	/** Changes the design of a programme that is still a draft or open for enrolment. */
	@Transactional
	public Programme update(long programmeId, ProgrammeSettings settings, long version, CurrentUser manager) {
		Programme programme = managed(programmeId, manager);
		if (!programme.editable()) {
			throw new ConflictException("The programme is " + Programme.describe(programme.status())
					+ "; its design can no longer change.");
		}
		check(settings);
		int changed = jdbc.sql("""
				UPDATE programme SET name = :name, purpose = :purpose, format = :format, enrolment_opens = :opens,
				  enrolment_closes = :closes, duration_weeks = :weeks, default_capacity = :capacity, matching_mode = :mode,
				  objective = :objective, weights = :weights, questions = :questions, approval_required = :approval,
				  version = version + 1
				WHERE id = :id AND version = :version""")
			.paramSource(params(settings).addValue("id", programmeId).addValue("version", version)).update();
		if (changed == 0) {
			throw new ConflictException("Someone else changed this programme meanwhile; reload and try again.");
		}
		if (settings.format().groupSized()) {
			// a group's size is the programme's: places mentors chose under another format no longer apply
			jdbc.sql("UPDATE enrolment SET capacity = 0 WHERE programme_id = ?").param(programmeId).update();
		}
		events.publishEvent(new ProgrammeSaved(programmeId));
		return find(programmeId).orElseThrow();
	}

	/**
	 * Moves a programme one step on: {@code open-enrolment}, {@code close-enrolment},
	 * {@code start} or {@code close}. Any other move is refused with a clear message.
	 */
	@Transactional
	public Programme advance(long programmeId, String step, CurrentUser manager) {
		Programme programme = managed(programmeId, manager);
		ProgrammeStatus next = programme.next(step);
		if (next == ProgrammeStatus.RUNNING && countPublishedRuns(programmeId) == 0
				&& programme.matchingMode() == MatchingMode.BULK) {
			throw new ConflictException("Run a bulk match and publish it before starting the programme.");
		}
		int changed = jdbc.sql("UPDATE programme SET status = ?, version = version + 1 WHERE id = ? AND status = ?")
			.params(next.name(), programmeId, programme.status().name()).update();
		if (changed == 0) {
			throw new ConflictException("Someone else changed this programme meanwhile; reload and try again.");
		}
		events.publishEvent(new ProgrammeStatusChanged(programmeId, next, manager.email()));
		return find(programmeId).orElseThrow();
	}

	/** A programme as the viewer may see it: drafts only for those who manage them. */
	@Transactional(readOnly = true)
	public Programme programme(long programmeId, CurrentUser viewer) {
		Programme programme = find(programmeId).orElseThrow(() -> notFound(programmeId));
		if (programme.status() == ProgrammeStatus.DRAFT && !mayManage(programme, viewer)) {
			throw notFound(programmeId);
		}
		return programme;
	}

	/**
	 * Programmes the viewer may see, newest first: managers see their drafts too. The standing
	 * programme of mentoring asked for from a profile is not listed: nobody joins it.
	 */
	@Transactional(readOnly = true)
	public PageResult<Programme> programmes(CurrentUser viewer, PageRequest page) {
		String visible = "listed AND " + (viewer.isAdmin() ? "TRUE" : "(status <> 'DRAFT' OR owner_account_id = :me)");
		long total = jdbc.sql("SELECT COUNT(*) FROM programme WHERE " + visible).param("me", viewer.accountId())
			.query(Long.class).single();
		List<Programme> items = jdbc.sql("SELECT * FROM programme WHERE " + visible + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
			.param("me", viewer.accountId()).param("limit", page.size()).param("offset", page.offset())
			.query((rs, n) -> map(rs)).list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	public boolean mayManage(Programme programme, CurrentUser user) {
		return user.isAdmin() || (user.hasRole(CurrentUser.PROGRAMME_MANAGER) && programme.ownerAccountId() == user.accountId());
	}

	/**
	 * Enrols the signed-in person; a second enrolment in the same programme is refused, but someone
	 * who withdrew may enrol again (in any role) while enrolment is open, under the same rules.
	 */
	@Transactional
	public Enrolment enrol(long programmeId, EnrolmentRequest request, CurrentUser person) {
		Programme programme = programme(programmeId, person);
		if (person.personId() == null) {
			throw new InvalidInputException("person", "your account has no profile in the directory, so you cannot enrol");
		}
		if (!jdbc.sql("SELECT listed FROM programme WHERE id = ?").param(programmeId).query(Boolean.class).single()) {
			throw new ConflictException("Nobody enrols in “" + programme.name() + "”: it holds the mentorships people ask for "
					+ "from a mentor's profile (“Ask to be my mentor”).");
		}
		if (!programme.acceptsEnrolments(LocalDate.now(clock))) {
			throw new ConflictException("This programme is not open for enrolment"
					+ (programme.status() == ProgrammeStatus.ENROLLING ? " today (window "
							+ programme.enrolmentOpens() + " to " + programme.enrolmentCloses() + ")." : "."));
		}
		List<FieldProblem> problems = new ArrayList<>();
		boolean groupSized = programme.format().groupSized();
		if (request.role().mentors() && request.capacity() < 1 && !groupSized) {
			problems.add(new FieldProblem("capacity", "must be at least 1 when you mentor"));
		}
		if (request.role().learns() && (request.goals() == null || request.goals().isBlank())) {
			problems.add(new FieldProblem("goals", "tell your mentor what you want to learn"));
		}
		if (request.answers().size() > programme.questions().size()) {
			problems.add(new FieldProblem("answers", "there are only " + programme.questions().size() + " questions"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		EnrolmentStatus status = programme.approvalRequired() ? EnrolmentStatus.PENDING_APPROVAL : EnrolmentStatus.ACTIVE;
		Object[] values = {request.role().name(), blankToNull(request.goals()),
				request.role().mentors() && !groupSized ? request.capacity() : 0, String.join(SEPARATOR, request.answers().stream()
					.map(a -> a == null ? "" : a.replace('\n', ' ').strip()).toList()),
				status.name(), Timestamp.from(clock.instant())};
		// One row per person and programme (enrolment_once): someone who withdrew comes back by
		// reviving their row as a new enrolment, dated now. Only a WITHDRAWN row is revived, so of two
		// such requests at once one wins and the other finds the row enrolled; a declined one stays declined.
		int revived = jdbc.sql("""
				UPDATE enrolment SET role = ?, goals = ?, capacity = ?, answers = ?, status = ?, created_at = ?
				WHERE programme_id = ? AND person_id = ? AND status = 'WITHDRAWN'""")
			.params(values[0], values[1], values[2], values[3], values[4], values[5], programmeId, person.personId())
			.update();
		if (revived == 0) {
			// asked before inserting: on PostgreSQL a failed insert leaves the transaction unusable
			String existing = jdbc.sql("SELECT status FROM enrolment WHERE programme_id = ? AND person_id = ?")
				.params(programmeId, person.personId()).query(String.class).optional().orElse(null);
			if (existing != null) {
				throw new ConflictException(EnrolmentStatus.DECLINED.name().equals(existing)
						? "Your enrolment in this programme was declined by its manager."
						: "You are already enrolled in this programme.");
			}
			try {
				jdbc.sql("""
						INSERT INTO enrolment (role, goals, capacity, answers, status, created_at, programme_id, person_id)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(values[0], values[1], values[2], values[3], values[4], values[5], programmeId, person.personId())
					.update();
			}
			catch (DuplicateKeyException e) {
				throw new ConflictException("You are already enrolled in this programme.");
			}
		}
		events.publishEvent(new EnrolmentChanged(programmeId, person.personId(), status));
		return enrolmentOf(programmeId, person.personId()).orElseThrow();
	}

	/** The viewer's own enrolment in the programme, if any. */
	@Transactional(readOnly = true)
	public java.util.Optional<Enrolment> enrolmentOf(long programmeId, long personId) {
		return jdbc.sql(ENROLMENT_SELECT + " WHERE e.programme_id = ? AND e.person_id = ?").params(programmeId, personId)
			.query((rs, n) -> enrolment(rs)).optional();
	}

	/**
	 * One page of the people enrolled, for those who manage the programme: those waiting for
	 * approval first (first come, first decided), then everyone else, newest first.
	 */
	@Transactional(readOnly = true)
	public PageResult<Enrolment> enrolments(long programmeId, CurrentUser manager, PageRequest page) {
		managed(programmeId, manager);
		long total = jdbc.sql("SELECT COUNT(*) FROM enrolment WHERE programme_id = ?").param(programmeId).query(Long.class).single();
		long waiting = jdbc.sql("SELECT COUNT(*) FROM enrolment WHERE programme_id = ? AND status = 'PENDING_APPROVAL'")
			.param(programmeId).query(Long.class).single();
		// those waiting for approval first (oldest first: first come, first decided), then everyone else newest first
		List<Enrolment> items = new ArrayList<>();
		if (page.offset() < waiting) {
			items.addAll(jdbc.sql(ENROLMENT_SELECT + " WHERE e.programme_id = :programme AND e.status = 'PENDING_APPROVAL'"
					+ " ORDER BY e.id LIMIT :limit OFFSET :offset")
				.param("programme", programmeId).param("limit", page.size()).param("offset", page.offset())
				.query((rs, n) -> enrolment(rs)).list());
		}
		int rest = page.size() - items.size();
		if (rest > 0) {
			items.addAll(jdbc.sql(ENROLMENT_SELECT + " WHERE e.programme_id = :programme AND e.status <> 'PENDING_APPROVAL'"
					+ " ORDER BY e.id DESC LIMIT :limit OFFSET :offset")
				.param("programme", programmeId).param("limit", rest).param("offset", Math.max(0, page.offset() - waiting))
				.query((rs, n) -> enrolment(rs)).list());
		}
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/** Everyone enrolled, for those who manage the programme. */
	@Transactional(readOnly = true)
	public List<Enrolment> enrolments(long programmeId, CurrentUser manager) {
		managed(programmeId, manager);
		return jdbc.sql(ENROLMENT_SELECT + " WHERE e.programme_id = ? ORDER BY p.full_name, e.id").param(programmeId)
			.query((rs, n) -> enrolment(rs)).list();
	}

	/** Active enrolments, for matching. */
	List<Enrolment> activeEnrolments(long programmeId) {
		return jdbc.sql(ENROLMENT_SELECT + " WHERE e.programme_id = ? AND e.status = 'ACTIVE' ORDER BY e.person_id").param(programmeId)
			.query((rs, n) -> enrolment(rs)).list();
	}

	/** The programmes the person is enrolled in (withdrawn and declined ones left out), newest first. */
	@Transactional(readOnly = true)
	public List<Participation> participation(long personId) {
		Map<Long, Programme> byId = new LinkedHashMap<>();
		List<Enrolment> enrolments = jdbc.sql(ENROLMENT_SELECT
				+ " WHERE e.person_id = ? AND e.status IN ('ACTIVE', 'PENDING_APPROVAL') ORDER BY e.programme_id DESC")
			.param(personId).query((rs, n) -> enrolment(rs)).list();
		if (enrolments.isEmpty()) {
			return List.of();
		}
		jdbc.sql("SELECT * FROM programme WHERE id IN (:ids)").param("ids", enrolments.stream().map(Enrolment::programmeId).toList())
			.query((rs, n) -> map(rs)).list().forEach(p -> byId.put(p.id(), p));
		return enrolments.stream().filter(e -> byId.containsKey(e.programmeId()))
			.map(e -> new Participation(byId.get(e.programmeId()), e)).toList();
	}

	/** Programmes open for enrolment today, newest first, at most {@code limit}. */
	@Transactional(readOnly = true)
	public List<Programme> openForEnrolment(int limit) {
		LocalDate today = LocalDate.now(clock);
		return jdbc.sql("SELECT * FROM programme WHERE status = 'ENROLLING' ORDER BY id DESC LIMIT ?").param(limit * 4)
			.query((rs, n) -> map(rs)).list().stream().filter(p -> p.acceptsEnrolments(today)).limit(limit).toList();
	}

	/** Approves or declines an enrolment waiting for approval. */
	@Transactional
	public void decide(long programmeId, long enrolmentId, boolean approve, CurrentUser manager) {
		managed(programmeId, manager);
		int changed = jdbc.sql("UPDATE enrolment SET status = ? WHERE id = ? AND programme_id = ? AND status = 'PENDING_APPROVAL'")
			.params(approve ? "ACTIVE" : "DECLINED", enrolmentId, programmeId).update();
		if (changed == 0) {
			throw new ConflictException("This enrolment is not waiting for approval.");
		}
		long personId = jdbc.sql("SELECT person_id FROM enrolment WHERE id = ?").param(enrolmentId).query(Long.class).single();
		events.publishEvent(new EnrolmentChanged(programmeId, personId,
				approve ? EnrolmentStatus.ACTIVE : EnrolmentStatus.DECLINED));
	}

	/** Withdraws the signed-in person's enrolment while the programme has not started. */
	@Transactional
	public void withdraw(long programmeId, CurrentUser person) {
		Programme programme = programme(programmeId, person);
		if (programme.status() != ProgrammeStatus.ENROLLING && programme.status() != ProgrammeStatus.MATCHING) {
			throw new ConflictException("You can withdraw only before the programme starts.");
		}
		int changed = jdbc.sql("UPDATE enrolment SET status = 'WITHDRAWN' WHERE programme_id = ? AND person_id = ? AND status IN ('ACTIVE', 'PENDING_APPROVAL')")
			.params(programmeId, person.personId()).update();
		if (changed == 0) {
			throw new NotFoundException("You are not enrolled in this programme.");
		}
		events.publishEvent(new EnrolmentChanged(programmeId, person.personId(), EnrolmentStatus.WITHDRAWN));
	}

	/**
	 * Takes one of the mentor's places for the mentee, inside the caller's transaction (a mentee's
	 * request, or a published pair). Atomic: when two mentees ask for a mentor's last place at the
	 * same moment, exactly one gets it and the other gets a {@link ConflictException}. Refused too
	 * when the mentee already has a mentor in the programme, when either is not actively enrolled in
	 * that role, and when the two share a reporting line.
	 */
	@Transactional
	public void reserveMentorPlace(long programmeId, long mentorId, long menteeId) {
		if (mentorId == menteeId) {
			throw new InvalidInputException("mentorId", "a person cannot mentor themselves");
		}
		Enrolment mentee = enrolmentOf(programmeId, menteeId).filter(e -> e.status() == EnrolmentStatus.ACTIVE && e.role().learns())
			.orElseThrow(() -> new InvalidInputException("menteeId", "is not an enrolled mentee of this programme"));
		Enrolment mentor = enrolmentOf(programmeId, mentorId).filter(e -> e.status() == EnrolmentStatus.ACTIVE && e.role().mentors())
			.orElseThrow(() -> new InvalidInputException("mentorId", "is not an enrolled mentor of this programme"));
		if (shareReportingLine(menteeId, mentorId)) {
			throw new ConflictException(mentor.fullName() + " is in " + mentee.fullName()
					+ "'s reporting line; mentors come from outside it.");
		}
		int placed = jdbc.sql("""
				UPDATE enrolment SET placed_with = ? WHERE programme_id = ? AND person_id = ? AND status = 'ACTIVE'
				AND placed_with IS NULL""").params(mentorId, programmeId, menteeId).update();
		if (placed == 0) {
			throw new ConflictException(mentee.fullName() + " already has a mentor in this programme.");
		}
		int taken = jdbc.sql("""
				UPDATE enrolment SET places_taken = places_taken + 1 WHERE programme_id = :programme AND person_id = :mentor
				AND status = 'ACTIVE' AND places_taken < """ + CAPACITY)
			.param("programme", programmeId).param("mentor", mentorId).update();
		if (taken == 0) {
			throw new ConflictException(mentor.fullName() + " has no free mentoring place left in this programme.");
		}
	}

	/** Gives a mentor's place back (a request declined or withdrawn, a mentorship ended early). */
	@Transactional
	public void releaseMentorPlace(long programmeId, long mentorId, long menteeId) {
		int unplaced = jdbc.sql("UPDATE enrolment SET placed_with = NULL WHERE programme_id = ? AND person_id = ? AND placed_with = ?")
			.params(programmeId, menteeId, mentorId).update();
		if (unplaced > 0) {
			jdbc.sql("UPDATE enrolment SET places_taken = places_taken - 1 WHERE programme_id = ? AND person_id = ? AND places_taken > 0")
				.params(programmeId, mentorId).update();
		}
	}

	/** A mentor's capacity in the programme: their own, or the programme's default. */
	static final String CAPACITY = """
			(CASE WHEN capacity > 0 THEN capacity ELSE (SELECT default_capacity FROM programme WHERE id = :programme) END)""";

	/** Whether one of the two is the other's manager, manager's manager, and so on. */
	private boolean shareReportingLine(long a, long b) {
		String chain = """
				WITH RECURSIVE chain (id, manager_id, depth) AS (
				  SELECT id, manager_id, 0 FROM person WHERE id = ?
				  UNION ALL SELECT p.id, p.manager_id, c.depth + 1 FROM person p JOIN chain c ON p.id = c.manager_id WHERE c.depth < 50)
				SELECT COUNT(*) FROM chain WHERE id = ?""";
		return jdbc.sql(chain).params(a, b).query(Long.class).single() > 0
				|| jdbc.sql(chain).params(b, a).query(Long.class).single() > 0;
	}

	/** The programme, if the user manages it; otherwise 403 (or 404 for drafts they cannot see). */
	Programme managed(long programmeId, CurrentUser manager) {
		Programme programme = programme(programmeId, manager);
		if (!mayManage(programme, manager)) {
			throw new AccessDeniedException("Only the programme's manager or an administrator may do this");
		}
		return programme;
	}

	java.util.Optional<Programme> find(long programmeId) {
		return jdbc.sql("SELECT * FROM programme WHERE id = ?").param(programmeId).query((rs, n) -> map(rs)).optional();
	}

	/** Publishing a run in matching starts the programme (inside the publishing transaction). */
	void markRunning(long programmeId, String by) {
		int changed = jdbc.sql("UPDATE programme SET status = 'RUNNING', version = version + 1 WHERE id = ? AND status = 'MATCHING'")
			.param(programmeId).update();
		if (changed > 0) {
			events.publishEvent(new ProgrammeStatusChanged(programmeId, ProgrammeStatus.RUNNING, by));
		}
	}

	private long countPublishedRuns(long programmeId) {
		return jdbc.sql("SELECT COUNT(*) FROM matching_run WHERE programme_id = ? AND published_at IS NOT NULL").param(programmeId)
			.query(Long.class).single();
	}

	private static void check(ProgrammeSettings settings) {
		List<FieldProblem> problems = new ArrayList<>();
		if (settings.enrolmentOpens() != null && settings.enrolmentCloses() != null
				&& settings.enrolmentCloses().isBefore(settings.enrolmentOpens())) {
			problems.add(new FieldProblem("enrolmentCloses", "must not be before the enrolment opens"));
		}
		weights(settings.weights(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	/** Checks criterion weights: known criteria, a number from 0 to 10 or "must". */
	static Map<Criterion, String> weights(Map<String, String> raw, List<FieldProblem> problems) {
		Map<Criterion, String> weights = new LinkedHashMap<>();
		raw.forEach((key, value) -> {
			Criterion criterion = Criterion.fromKey(key);
			if (criterion == null) {
				problems.add(new FieldProblem("weights." + key, "is not a criterion (one of "
						+ String.join(", ", Arrays.stream(Criterion.values()).map(Criterion::key).toList()) + ")"));
				return;
			}
			String clean = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
			if (!clean.equals("must")) {
				try {
					double weight = Double.parseDouble(clean);
					if (weight < 0 || weight > 10 || Double.isNaN(weight)) {
						throw new NumberFormatException();
					}
				}
				catch (NumberFormatException e) {
					problems.add(new FieldProblem("weights." + key, "must be a number from 0 to 10 or 'must'"));
					return;
				}
			}
			weights.put(criterion, clean);
		});
		return weights;
	}

	private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(ProgrammeSettings s) {
		StringBuilder weights = new StringBuilder();
		new java.util.TreeMap<>(s.weights()).forEach((k, v) -> weights.append(weights.isEmpty() ? "" : ";").append(k)
			.append('=').append(v.strip().toLowerCase(Locale.ROOT)));
		return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
			.addValue("name", s.name().strip()).addValue("purpose", blankToNull(s.purpose()))
			.addValue("format", s.format().name())
			.addValue("opens", s.enrolmentOpens() == null ? null : Date.valueOf(s.enrolmentOpens()), java.sql.Types.DATE)
			.addValue("closes", s.enrolmentCloses() == null ? null : Date.valueOf(s.enrolmentCloses()), java.sql.Types.DATE)
			.addValue("weeks", s.durationWeeks()).addValue("capacity", s.defaultCapacity())
			.addValue("mode", s.matchingMode().name()).addValue("objective", s.objective().name())
			.addValue("weights", weights.toString())
			.addValue("questions", String.join(SEPARATOR, s.questions().stream().map(q -> q.replace('\n', ' ').strip()).toList()))
			.addValue("approval", s.approvalRequired());
	}

	private static Programme map(java.sql.ResultSet rs) throws java.sql.SQLException {
		Map<String, String> weights = new LinkedHashMap<>();
		for (String part : rs.getString("weights").split(";")) {
			int eq = part.indexOf('=');
			if (eq > 0) {
				weights.put(part.substring(0, eq), part.substring(eq + 1));
			}
		}
		String questions = rs.getString("questions");
		Date opens = rs.getDate("enrolment_opens");
		Date closes = rs.getDate("enrolment_closes");
		return new Programme(rs.getLong("id"), rs.getString("name"), rs.getString("purpose"),
				ProgrammeFormat.valueOf(rs.getString("format")), ProgrammeStatus.valueOf(rs.getString("status")),
				opens == null ? null : opens.toLocalDate(), closes == null ? null : closes.toLocalDate(),
				rs.getInt("duration_weeks"), rs.getInt("default_capacity"), MatchingMode.valueOf(rs.getString("matching_mode")),
				ProgrammeSettings.ObjectiveChoice.valueOf(rs.getString("objective")), weights,
				questions == null || questions.isEmpty() ? List.of() : List.of(questions.split(SEPARATOR)),
				rs.getBoolean("approval_required"), rs.getLong("owner_account_id"),
				rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
	}

	private static final String ENROLMENT_SELECT = """
			SELECT e.*, p.full_name, p.title, p.department FROM enrolment e JOIN person p ON p.id = e.person_id""";

	private static Enrolment enrolment(java.sql.ResultSet rs) throws java.sql.SQLException {
		String answers = rs.getString("answers");
		return new Enrolment(rs.getLong("id"), rs.getLong("programme_id"), rs.getLong("person_id"), rs.getString("full_name"),
				rs.getString("title"), rs.getString("department"), EnrolmentRole.valueOf(rs.getString("role")),
				rs.getString("goals"), rs.getInt("capacity"),
				answers == null || answers.isEmpty() ? List.of() : List.of(answers.split(SEPARATOR, -1)),
				EnrolmentStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
				rs.getInt("places_taken"), rs.getObject("placed_with", Long.class));
	}

	private static NotFoundException notFound(long programmeId) {
		return new NotFoundException("No programme with id " + programmeId);
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
