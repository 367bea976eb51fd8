package org.guildhall.programmes;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

import org.guildhall.matching.MentorMatching;
import org.guildhall.matching.engine.Criterion;
import org.guildhall.matching.engine.CriterionWeights;
import org.guildhall.matching.engine.InvalidProblemException;
import org.guildhall.matching.engine.MatchedPair;
import org.guildhall.matching.engine.MatchingProblem;
import org.guildhall.matching.engine.MatchingResult;
import org.guildhall.matching.engine.MenteeProfile;
import org.guildhall.matching.engine.MentorProfile;
import org.guildhall.matching.engine.Objective;
import org.guildhall.matching.engine.Progress;
import org.guildhall.people.MatchingFacts;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.programmes.PairRule.Kind;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk matching for a programme in matching: a run takes everyone actively enrolled, their
 * profiles and the manager's pinned and forbidden pairs, solves the programme's objective with the
 * matching engine in the background, and keeps the proposed pairs with scores and reasons. Runs
 * can be repeated as often as the manager likes; the newest finished run is the proposal.
 */
@Service
public class MatchingRuns {

	private static final Logger log = LoggerFactory.getLogger(MatchingRuns.class);

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final ProgrammeManagement programmes;
	private final PeopleDirectory people;
	private final MentorMatching matching;
	private final ApplicationEventPublisher events;
	private final Executor executor;
	private final TransactionTemplate transaction;
	private final Clock clock = Clock.systemUTC();

	MatchingRuns(JdbcClient jdbc, JdbcTemplate template, ProgrammeManagement programmes, PeopleDirectory people,
			MentorMatching matching, ApplicationEventPublisher events,
			@Qualifier("applicationTaskExecutor") Executor executor, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.template = template;
		this.programmes = programmes;
		this.people = people;
		this.matching = matching;
		this.events = events;
		this.executor = executor;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Starts a run in the background; refused while another run of the programme is going. */
	public MatchingRun start(long programmeId, CurrentUser manager) {
		Programme programme = programmes.managed(programmeId, manager);
		if (programme.status() != ProgrammeStatus.MATCHING) {
			throw new ConflictException("Matching runs happen after enrolment closes; the programme is "
					+ Programme.describe(programme.status()) + ".");
		}
		if (programme.matchingMode() == MatchingMode.SELF_SELECT) {
			throw new ConflictException("In this programme mentees choose their mentors; there is no bulk match.");
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		int inserted = jdbc.sql("""
				INSERT INTO matching_run (programme_id, status, objective, phase, started_by, started_at)
				SELECT :programme, 'RUNNING', :objective, 'queued', :by, :now FROM programme
				WHERE id = :programme AND NOT EXISTS (SELECT 1 FROM matching_run r WHERE r.programme_id = :programme AND r.status = 'RUNNING')""")
			.param("programme", programmeId).param("objective", programme.objective().name())
			.param("by", manager.email()).param("now", Timestamp.from(clock.instant()))
			.update(key, "id");
		if (inserted == 0) {
			throw new ConflictException("A matching run of this programme is already going; wait for it to finish.");
		}
		long runId = key.getKeyAs(Number.class).longValue();
		executor.execute(() -> execute(runId, programme));
		return run(runId).orElseThrow();
	}

	/** The newest run of the programme (running or finished), for its managers. */
	public Optional<MatchingRun> latest(long programmeId, CurrentUser manager) {
		programmes.managed(programmeId, manager);
		return jdbc.sql("SELECT id FROM matching_run WHERE programme_id = ? ORDER BY id DESC LIMIT 1").param(programmeId)
			.query(Long.class).optional().flatMap(this::run);
	}

	/** The proposed pairs of a finished run, best first. */
	public List<Proposal> proposals(long programmeId, long runId, CurrentUser manager) {
		programmes.managed(programmeId, manager);
		MatchingRun run = run(runId).filter(r -> r.programmeId() == programmeId)
			.orElseThrow(() -> new NotFoundException("No run " + runId + " in this programme"));
		return jdbc.sql("""
				SELECT p.mentee_person_id, e.full_name AS mentee_name, p.mentor_person_id, m.full_name AS mentor_name,
				       p.score, p.pinned, p.reasons
				FROM match_proposal p JOIN person e ON e.id = p.mentee_person_id JOIN person m ON m.id = p.mentor_person_id
				WHERE p.run_id = ? ORDER BY p.score DESC, e.full_name""")
			.param(run.id())
			.query((rs, n) -> new Proposal(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getDouble(5),
					rs.getBoolean(6), List.of(rs.getString(7).split("\n"))))
			.list();
	}

	/**
	 * Pins a pair (every later run must match them; any earlier pin of the mentee is replaced, so
	 * this also moves a mentee) or forbids it.
	 */
	public void decide(long programmeId, long menteeId, long mentorId, Kind kind, CurrentUser manager) {
		programmes.managed(programmeId, manager);
		if (menteeId == mentorId) {
			throw new InvalidInputException("mentorId", "a person cannot mentor themselves");
		}
		Set<Long> mentees = new HashSet<>();
		Set<Long> mentors = new HashSet<>();
		programmes.activeEnrolments(programmeId).forEach(e -> {
			if (e.role().learns()) {
				mentees.add(e.personId());
			}
			if (e.role().mentors()) {
				mentors.add(e.personId());
			}
		});
		if (!mentees.contains(menteeId)) {
			throw new InvalidInputException("menteeId", "is not an enrolled mentee of this programme");
		}
		if (!mentors.contains(mentorId)) {
			throw new InvalidInputException("mentorId", "is not an enrolled mentor of this programme");
		}
		transaction.executeWithoutResult(tx -> {
			if (kind == Kind.PIN) {
				jdbc.sql("DELETE FROM pair_rule WHERE programme_id = ? AND mentee_person_id = ? AND kind = 'PIN'")
					.params(programmeId, menteeId).update();
			}
			jdbc.sql("DELETE FROM pair_rule WHERE programme_id = ? AND mentee_person_id = ? AND mentor_person_id = ?")
				.params(programmeId, menteeId, mentorId).update();
			try {
				jdbc.sql("INSERT INTO pair_rule (programme_id, mentee_person_id, mentor_person_id, kind) VALUES (?, ?, ?, ?)")
					.params(programmeId, menteeId, mentorId, kind.name()).update();
			}
			catch (DuplicateKeyException e) {
				throw new ConflictException("This pair was just decided by someone else; reload.");
			}
		});
	}

	/** Removes a pin or a ban. */
	public void forget(long programmeId, long menteeId, long mentorId, CurrentUser manager) {
		programmes.managed(programmeId, manager);
		jdbc.sql("DELETE FROM pair_rule WHERE programme_id = ? AND mentee_person_id = ? AND mentor_person_id = ?")
			.params(programmeId, menteeId, mentorId).update();
	}

	public List<PairRule> rules(long programmeId, CurrentUser manager) {
		programmes.managed(programmeId, manager);
		return jdbc.sql("""
				SELECT r.mentee_person_id, e.full_name, r.mentor_person_id, m.full_name, r.kind FROM pair_rule r
				JOIN person e ON e.id = r.mentee_person_id JOIN person m ON m.id = r.mentor_person_id
				WHERE r.programme_id = ? ORDER BY e.full_name, m.full_name""")
			.param(programmeId)
			.query((rs, n) -> new PairRule(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), Kind.valueOf(rs.getString(5))))
			.list();
	}

	Optional<MatchingRun> run(long runId) {
		return jdbc.sql("SELECT * FROM matching_run WHERE id = ?").param(runId).query((rs, n) -> new MatchingRun(
				rs.getLong("id"), rs.getLong("programme_id"), MatchingRun.State.valueOf(rs.getString("status")),
				rs.getString("objective"), rs.getString("phase"), rs.getInt("percent"), rs.getInt("mentees"),
				rs.getInt("mentors"), rs.getInt("matched"), rs.getObject("total_score", Double.class),
				rs.getObject("mean_score", Double.class), rs.getObject("min_score", Double.class),
				rs.getObject("blocking_pairs", Long.class), rs.getObject("violations", Integer.class),
				rs.getObject("proven", Boolean.class), rs.getString("failure"), rs.getString("started_by"),
				rs.getTimestamp("started_at").toInstant(),
				rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant()))
			.optional();
	}

	private void execute(long runId, Programme programme) {
		try {
			List<Enrolment> enrolments = programmes.activeEnrolments(programme.id());
			MatchingProblem problem = problem(programme, enrolments, runId);
			MatchingResult result = matching.solve(problem, Objective.parse(programme.objective().name().toLowerCase(Locale.ROOT)),
					progress(runId));
			transaction.executeWithoutResult(tx -> save(runId, problem, result));
			events.publishEvent(new MatchingRunFinished(programme.id(), runId, true));
		}
		catch (InvalidProblemException e) {
			fail(runId, "The pins and bans cannot all hold: " + e.getMessage());
		}
		catch (RuntimeException e) {
			log.error("Matching run {} failed", runId, e);
			fail(runId, "The run failed unexpectedly; nothing was proposed. Try again.");
		}
	}

	private MatchingProblem problem(Programme programme, List<Enrolment> enrolments, long runId) {
		phase(runId, "reading profiles", 2);
		Map<Long, MatchingFacts> facts = people.matchingFacts(enrolments.stream().map(Enrolment::personId).toList());
		List<MenteeProfile> mentees = new ArrayList<>();
		List<MentorProfile> mentors = new ArrayList<>();
		for (Enrolment enrolment : enrolments) {
			MatchingFacts person = facts.get(enrolment.personId());
			if (person == null) {
				continue;
			}
			String id = Long.toString(person.personId());
			String manager = person.managerId() == null ? null : Long.toString(person.managerId());
			Set<String> languages = new LinkedHashSet<>(person.languages().stream().map(l -> l.toLowerCase(Locale.ROOT)).toList());
			int level = person.level() == null ? 0 : person.level();
			if (enrolment.role().learns()) {
				String goals = String.join(". ", concat(enrolment.goals(), person.goals()));
				mentees.add(new MenteeProfile(id, goals, person.wantsToLearn(), level, person.department(), languages,
						person.timeZone(), manager, List.of()));
			}
			if (enrolment.role().mentors()) {
				int capacity = enrolment.capacity() > 0 ? enrolment.capacity() : programme.defaultCapacity();
				String expertise = String.join(", ", person.teaches().keySet())
						+ (person.title() == null ? "" : ". " + person.title());
				mentors.add(new MentorProfile(id, capacity, expertise, person.bio() == null ? "" : person.bio(),
						person.teaches(), level, person.department(), languages, person.timeZone(), manager, List.of()));
			}
		}
		MatchingProblem.Builder builder = MatchingProblem.builder().profiles(mentees, mentors, weights(programme));
		// the reporting line runs through people who are not enrolled too: give the engine every ancestor
		Map<Long, Long> managers = people.reportingLines();
		Set<Long> seen = new HashSet<>();
		for (Enrolment enrolment : enrolments) {
			Long person = enrolment.personId();
			while (person != null && seen.add(person)) {
				Long manager = managers.get(person);
				if (manager != null) {
					builder.manager(Long.toString(person), Long.toString(manager));
				}
				person = manager;
			}
		}
		for (PairRule rule : jdbc.sql("SELECT mentee_person_id, mentor_person_id, kind FROM pair_rule WHERE programme_id = ?")
			.param(programme.id())
			.query((rs, n) -> new PairRule(rs.getLong(1), "", rs.getLong(2), "", Kind.valueOf(rs.getString(3)))).list()) {
			if (rule.kind() == Kind.PIN) {
				builder.require(Long.toString(rule.menteeId()), Long.toString(rule.mentorId()));
			}
			else {
				builder.forbid(Long.toString(rule.menteeId()), Long.toString(rule.mentorId()));
			}
		}
		jdbc.sql("UPDATE matching_run SET mentees = ?, mentors = ? WHERE id = ?").params(mentees.size(), mentors.size(), runId).update();
		return builder.build();
	}

	private static CriterionWeights weights(Programme programme) {
		if (programme.weights().isEmpty()) {
			return CriterionWeights.defaults();
		}
		Map<Criterion, Double> numbers = new EnumMap<>(Criterion.class);
		List<Criterion> musts = new ArrayList<>();
		programme.weights().forEach((key, value) -> {
			Criterion criterion = Criterion.fromKey(key);
			if (criterion != null) {
				if (value.equals("must")) {
					musts.add(criterion);
				}
				else {
					numbers.put(criterion, Double.parseDouble(value));
				}
			}
		});
		CriterionWeights weights = CriterionWeights.of(numbers);
		for (Criterion must : musts) {
			weights = weights.withMust(must);
		}
		return weights;
	}

	private void save(long runId, MatchingProblem problem, MatchingResult result) {
		List<Object[]> rows = new ArrayList<>();
		for (MatchedPair pair : result.pairs()) {
			rows.add(new Object[] {runId, Long.parseLong(pair.mentee()), Long.parseLong(pair.mentor()), pair.score(),
					pair.required(), String.join("\n", pair.reasons().isEmpty() ? List.of("Pinned by the programme manager") : pair.reasons())});
		}
		template.batchUpdate("""
				INSERT INTO match_proposal (run_id, mentee_person_id, mentor_person_id, score, pinned, reasons)
				VALUES (?, ?, ?, ?, ?, ?)""", rows);
		var metrics = result.metrics();
		jdbc.sql("""
				UPDATE matching_run SET status = 'DONE', phase = NULL, percent = 100, matched = ?, total_score = ?,
				  mean_score = ?, min_score = ?, blocking_pairs = ?, violations = ?, proven = ?, finished_at = ? WHERE id = ?""")
			.params(metrics.matched(), result.totalScore(), metrics.meanScore(), metrics.minScore(), metrics.blockingPairs(),
					metrics.violations(), result.optimality().proven(), Timestamp.from(clock.instant()), runId)
			.update();
	}

	private Progress progress(long runId) {
		long[] last = {0};
		return (step, done, total) -> {
			long now = System.nanoTime();
			if (now - last[0] > 300_000_000L) {
				last[0] = now;
				phase(runId, step, total <= 0 ? 50 : (int) Math.min(99, 5 + 94 * done / total));
			}
		};
	}

	private void phase(long runId, String phase, int percent) {
		jdbc.sql("UPDATE matching_run SET phase = ?, percent = ? WHERE id = ? AND status = 'RUNNING'")
			.params(phase.length() > 80 ? phase.substring(0, 80) : phase, percent, runId).update();
	}

	private void fail(long runId, String message) {
		jdbc.sql("UPDATE matching_run SET status = 'FAILED', phase = NULL, failure = ?, finished_at = ? WHERE id = ?")
			.params(message.length() > 1000 ? message.substring(0, 1000) : message, Timestamp.from(clock.instant()), runId).update();
		jdbc.sql("SELECT programme_id FROM matching_run WHERE id = ?").param(runId).query(Long.class).optional()
			.ifPresent(programme -> events.publishEvent(new MatchingRunFinished(programme, runId, false)));
	}

	private static List<String> concat(@Nullable String first, List<String> rest) {
		List<String> all = new ArrayList<>();
		if (first != null && !first.isBlank()) {
			all.add(first.strip());
		}
		all.addAll(rest);
		return all;
	}
}
