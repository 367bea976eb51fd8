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
import org.guildhall.shared.PageRequest;
import org.guildhall.shared.PageResult;
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
	private final MatchingProblems problems;
	private final MentorMatching matching;
	private final ApplicationEventPublisher events;
	private final Executor executor;
	private final TransactionTemplate transaction;
	private final Clock clock = Clock.systemUTC();

	MatchingRuns(JdbcClient jdbc, JdbcTemplate template, ProgrammeManagement programmes, MatchingProblems problems,
			MentorMatching matching, ApplicationEventPublisher events,
			@Qualifier("applicationTaskExecutor") Executor executor, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.template = template;
		this.programmes = programmes;
		this.problems = problems;
		this.matching = matching;
		this.events = events;
		this.executor = executor;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Starts a run with the programme's own objective; see {@link #start(long, ProgrammeSettings.ObjectiveChoice, CurrentUser)}. */
	public MatchingRun start(long programmeId, CurrentUser manager) {
		return start(programmeId, null, manager);
	}

	/**
	 * Starts a run in the background with the objective the manager chose now (the programme's own
	 * objective when null); refused while another run of the programme is going. Runs with different
	 * objectives on the same enrolments, pins and bans are compared side by side, and any one of them
	 * can be published.
	 */
	public MatchingRun start(long programmeId, ProgrammeSettings.@Nullable ObjectiveChoice objective, CurrentUser manager) {
		Programme programme = programmes.managed(programmeId, manager);
		ProgrammeSettings.ObjectiveChoice chosen = objective == null ? programme.objective() : objective;
		if (programme.status() != ProgrammeStatus.MATCHING && programme.status() != ProgrammeStatus.RUNNING) {
			throw new ConflictException("Matching runs happen after enrolment closes; the programme is "
					+ Programme.describe(programme.status()) + ".");
		}
		if (programme.matchingMode() == MatchingMode.SELF_SELECT) {
			throw new ConflictException("In this programme mentees choose their mentors; there is no bulk match.");
		}
		// in a transaction: the audit trail hears of the run only from an event published in one
		long runId = transaction.execute(tx -> {
			GeneratedKeyHolder key = new GeneratedKeyHolder();
			int inserted = jdbc.sql("""
					INSERT INTO matching_run (programme_id, status, objective, phase, started_by, started_at, basis)
					SELECT :programme, 'RUNNING', :objective, 'queued', :by, :now, :basis FROM programme
					WHERE id = :programme AND NOT EXISTS (SELECT 1 FROM matching_run r WHERE r.programme_id = :programme AND r.status = 'RUNNING')""")
				.param("programme", programmeId).param("objective", chosen.name()).param("basis", basis(programmeId))
				.param("by", manager.email()).param("now", Timestamp.from(clock.instant()))
				.update(key, "id");
			if (inserted == 0) {
				throw new ConflictException("A matching run of this programme is already going; wait for it to finish.");
			}
			long id = key.getKeyAs(Number.class).longValue();
			events.publishEvent(new MatchingRunStarted(programmeId, id, chosen.name(), manager.email()));
			return id;
		});
		executor.execute(() -> execute(runId, programme, chosen));
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
		return proposals(programmeId, runId, manager, Integer.MAX_VALUE, 0);
	}

	/** One page of the proposed pairs of a finished run, best first. */
	public PageResult<Proposal> proposals(long programmeId, long runId, CurrentUser manager, PageRequest page) {
		List<Proposal> items = proposals(programmeId, runId, manager, page.size(), page.offset());
		long total = jdbc.sql("SELECT COUNT(*) FROM match_proposal WHERE run_id = ?").param(runId).query(Long.class).single();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	private List<Proposal> proposals(long programmeId, long runId, CurrentUser manager, int limit, long offset) {
		programmes.managed(programmeId, manager);
		MatchingRun run = run(runId).filter(r -> r.programmeId() == programmeId)
			.orElseThrow(() -> new NotFoundException("No run " + runId + " in this programme"));
		return jdbc.sql("""
				SELECT p.mentee_person_id, e.full_name AS mentee_name, p.mentor_person_id, m.full_name AS mentor_name,
				       p.score, p.pinned, p.reasons, p.choice_rank
				FROM match_proposal p JOIN person e ON e.id = p.mentee_person_id JOIN person m ON m.id = p.mentor_person_id
				WHERE p.run_id = :run ORDER BY p.score DESC, e.full_name, p.mentee_person_id LIMIT :limit OFFSET :offset""")
			.param("run", run.id()).param("limit", limit).param("offset", offset)
			.query((rs, n) -> new Proposal(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getDouble(5),
					rs.getBoolean(6), List.of(rs.getString(7).split("\n")), rs.getObject(8, Integer.class)))
			.list();
	}

	/**
	 * Publishes the newest finished run: every proposed pair takes its mentor's place and becomes a
	 * mentorship invitation, in one transaction (when any pair can no longer be placed, nothing is
	 * published and the message names who is in the way). A programme in matching starts running.
	 */
	public MatchingRun publish(long programmeId, long runId, CurrentUser manager) {
		Programme programme = programmes.managed(programmeId, manager);
		if (programme.status() != ProgrammeStatus.MATCHING && programme.status() != ProgrammeStatus.RUNNING) {
			throw new ConflictException("Proposals are published while matching or running; the programme is "
					+ Programme.describe(programme.status()) + ".");
		}
		return transaction.execute(tx -> {
			MatchingRun run = run(runId).filter(r -> r.programmeId() == programmeId)
				.orElseThrow(() -> new NotFoundException("No run " + runId + " in this programme"));
			if (run.state() != MatchingRun.State.DONE) {
				throw new ConflictException("Only a finished run can be published.");
			}
			if (run.published()) {
				throw new ConflictException("This run is already published.");
			}
			String basis = jdbc.sql("SELECT basis FROM matching_run WHERE id = ?").param(runId).query(String.class).single();
			// runs made before bases were kept compete with every newer run; others only with their own objective
			long newer = jdbc.sql("""
					SELECT COUNT(*) FROM matching_run WHERE programme_id = ? AND id > ? AND status = 'DONE'
					AND (? IS NULL OR objective = ?)""")
				.params(programmeId, runId, basis, run.objective()).query(Long.class).single();
			if (newer > 0) {
				throw new ConflictException("A newer run" + (basis == null ? "" : " with the same objective")
						+ " has finished since; review and publish that one.");
			}
			if (basis != null && !basis.equals(basis(programmeId))) {
				throw new ConflictException("Enrolments, pins or bans changed since this run was made; run the match again.");
			}
			int marked = jdbc.sql("""
					UPDATE matching_run SET published_at = ?, published_by = ? WHERE id = ? AND status = 'DONE' AND published_at IS NULL""")
				.params(Timestamp.from(clock.instant()), manager.email(), runId).update();
			if (marked == 0) {
				throw new ConflictException("This run is already published.");
			}
			List<Proposal> proposals = proposals(programmeId, runId, manager);
			place(programme, proposals);
			jdbc.sql("UPDATE matching_run SET published_pairs = ? WHERE id = ?").params(proposals.size(), runId).update();
			if (programme.status() == ProgrammeStatus.MATCHING) {
				programmes.markRunning(programmeId, manager.email());
			}
			events.publishEvent(new ProposalsPublished(programmeId, runId, proposals.stream()
				.map(p -> new ProposalsPublished.Pair(p.menteeId(), p.mentorId(), p.score(), PairReasons.forMentee(p.reasons())))
				.toList(), manager.email()));
			return run(runId).orElseThrow();
		});
	}

	/** Takes every proposal's places in two batches; any pair that no longer fits stops the publishing. */
	private void place(Programme programme, List<Proposal> proposals) {
		List<Object[]> mentees = new ArrayList<>();
		Map<Long, Integer> perMentor = new java.util.TreeMap<>();
		for (Proposal p : proposals) {
			mentees.add(new Object[] {p.mentorId(), programme.id(), p.menteeId()});
			perMentor.merge(p.mentorId(), 1, Integer::sum);
		}
		int[] placed = template.batchUpdate("""
				UPDATE enrolment SET placed_with = ? WHERE programme_id = ? AND person_id = ? AND status = 'ACTIVE'
				AND placed_with IS NULL""", mentees);
		for (int i = 0; i < placed.length; i++) {
			if (placed[i] == 0) {
				throw new ConflictException(proposals.get(i).menteeName()
						+ " has a mentor already or is no longer enrolled; run the match again.");
			}
		}
		List<Object[]> mentors = new ArrayList<>();
		List<Long> mentorIds = new ArrayList<>(perMentor.keySet());
		perMentor.forEach((mentor, count) -> mentors.add(new Object[] {count, programme.id(), mentor, count,
				programme.defaultCapacity()}));
		int[] taken = template.batchUpdate("""
				UPDATE enrolment SET places_taken = places_taken + ? WHERE programme_id = ? AND person_id = ? AND status = 'ACTIVE'
				AND places_taken + ? <= (CASE WHEN capacity > 0 THEN capacity ELSE ? END)""", mentors);
		for (int i = 0; i < taken.length; i++) {
			if (taken[i] == 0) {
				long mentor = mentorIds.get(i);
				String name = proposals.stream().filter(p -> p.mentorId() == mentor).findFirst().orElseThrow().mentorName();
				throw new ConflictException(name + " no longer has enough free places (mentees asked for them meanwhile,"
						+ " or they withdrew); run the match again.");
			}
		}
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
			Long earlierPin = kind != Kind.PIN ? null : jdbc.sql("SELECT mentor_person_id FROM pair_rule WHERE programme_id = ? AND mentee_person_id = ? AND kind = 'PIN'")
					.params(programmeId, menteeId).query(Long.class).optional().filter(m -> m != mentorId).orElse(null);
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
			events.publishEvent(new PairRuleChanged(programmeId, menteeId, mentorId,
					kind == Kind.FORBID ? "forbidden" : earlierPin != null ? "moved" : "pinned", earlierPin, manager.email()));
		});
	}

	/** Removes a pin or a ban. */
	public void forget(long programmeId, long menteeId, long mentorId, CurrentUser manager) {
		programmes.managed(programmeId, manager);
		transaction.executeWithoutResult(tx -> {
			int removed = jdbc.sql("DELETE FROM pair_rule WHERE programme_id = ? AND mentee_person_id = ? AND mentor_person_id = ?")
				.params(programmeId, menteeId, mentorId).update();
			if (removed > 0) {
				events.publishEvent(new PairRuleChanged(programmeId, menteeId, mentorId, "removed", null, manager.email()));
			}
		});
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

	/**
	 * The runs to compare side by side: for each objective, the newest finished run made on the
	 * enrolments, pins and bans as they are now (older runs, and runs on other enrolments, are left
	 * out), in the order optimal, fair, stable.
	 */
	public List<ComparedRun> comparison(long programmeId, CurrentUser manager) {
		programmes.managed(programmeId, manager);
		String basis = basis(programmeId);
		List<ComparedRun> compared = new ArrayList<>();
		for (ProgrammeSettings.ObjectiveChoice objective : ProgrammeSettings.ObjectiveChoice.values()) {
			jdbc.sql("""
					SELECT id FROM matching_run WHERE programme_id = ? AND status = 'DONE' AND objective = ? AND basis = ?
					ORDER BY id DESC LIMIT 1""")
				.params(programmeId, objective.name(), basis).query(Long.class).optional().flatMap(this::run)
				.ifPresent(run -> {
					long ranked = jdbc.sql("SELECT COUNT(*) FROM match_proposal WHERE run_id = ? AND choice_rank IS NOT NULL")
						.param(run.id()).query(Long.class).single();
					long top = jdbc.sql("SELECT COUNT(*) FROM match_proposal WHERE run_id = ? AND choice_rank <= 3")
						.param(run.id()).query(Long.class).single();
					compared.add(new ComparedRun(run, (int) ranked, (int) top));
				});
		}
		return compared;
	}

	/**
	 * The finished run whose pairs the programme page shows by default: the one published last when no
	 * run finished after it was published, else the newest finished one.
	 */
	public Optional<MatchingRun> shown(long programmeId, CurrentUser manager) {
		programmes.managed(programmeId, manager);
		Optional<MatchingRun> newest = jdbc.sql("SELECT id FROM matching_run WHERE programme_id = ? AND status = 'DONE' ORDER BY id DESC LIMIT 1")
			.param(programmeId).query(Long.class).optional().flatMap(this::run);
		Optional<MatchingRun> published = jdbc.sql("""
				SELECT id FROM matching_run WHERE programme_id = ? AND published_at IS NOT NULL ORDER BY published_at DESC, id DESC LIMIT 1""")
			.param(programmeId).query(Long.class).optional().flatMap(this::run);
		if (published.isPresent() && newest.isPresent() && newest.get().finishedAt() != null
				&& !newest.get().finishedAt().isAfter(published.get().publishedAt())) {
			return published;
		}
		return newest;
	}

	/** A finished or running run of the programme, for its managers. */
	public MatchingRun run(long programmeId, long runId, CurrentUser manager) {
		programmes.managed(programmeId, manager);
		return run(runId).filter(r -> r.programmeId() == programmeId)
			.orElseThrow(() -> new NotFoundException("No run " + runId + " in this programme"));
	}

	/** A digest of what a run is made from now: the active enrolments and the pins and bans. */
	private String basis(long programmeId) {
		StringBuilder text = new StringBuilder();
		for (Enrolment e : programmes.activeEnrolments(programmeId)) {
			text.append(e.personId()).append(' ').append(e.role()).append(' ').append(e.capacity()).append(' ')
				.append(e.placesTaken()).append(' ').append(e.placedWith()).append('\n');
		}
		jdbc.sql("SELECT mentee_person_id, mentor_person_id, kind FROM pair_rule WHERE programme_id = ? ORDER BY 1, 2")
			.param(programmeId)
			.query(rs -> {
				text.append(rs.getLong(1)).append(' ').append(rs.getLong(2)).append(' ').append(rs.getString(3)).append('\n');
			});
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
				.digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(digest);
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
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
				rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
				rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant(),
				rs.getObject("published_pairs", Integer.class)))
			.optional();
	}

	private void execute(long runId, Programme programme, ProgrammeSettings.ObjectiveChoice objective) {
		try {
			List<Enrolment> enrolments = programmes.activeEnrolments(programme.id());
			phase(runId, "reading profiles", 2);
			MatchingProblem problem = problems.bulk(programme, enrolments);
			jdbc.sql("UPDATE matching_run SET mentees = ?, mentors = ? WHERE id = ?")
				.params(problem.menteeCount(), problem.mentorCount(), runId).update();
			MatchingResult result = matching.solve(problem, Objective.parse(objective.name().toLowerCase(Locale.ROOT)),
					progress(runId));
			// inside the transaction: listeners after commit (notifications) only hear events published in one
			transaction.executeWithoutResult(tx -> {
				save(runId, problem, result);
				events.publishEvent(new MatchingRunFinished(programme.id(), runId, true));
			});
		}
		catch (InvalidProblemException e) {
			fail(runId, "The pins and bans cannot all hold: " + e.getMessage());
		}
		catch (RuntimeException e) {
			log.error("Matching run {} failed", runId, e);
			fail(runId, "The run failed unexpectedly; nothing was proposed. Try again.");
		}
	}

	private void save(long runId, MatchingProblem problem, MatchingResult result) {
		List<Object[]> rows = new ArrayList<>();
		for (MatchedPair pair : result.pairs()) {
			rows.add(new Object[] {runId, Long.parseLong(pair.mentee()), Long.parseLong(pair.mentor()), pair.score(),
					pair.required(), String.join("\n", pair.reasons().isEmpty() ? List.of("Pinned by the programme manager") : pair.reasons()),
					pair.choiceRank()});
		}
		template.batchUpdate("""
				INSERT INTO match_proposal (run_id, mentee_person_id, mentor_person_id, score, pinned, reasons, choice_rank)
				VALUES (?, ?, ?, ?, ?, ?, ?)""", rows, new int[] {java.sql.Types.BIGINT, java.sql.Types.BIGINT,
				java.sql.Types.BIGINT, java.sql.Types.DOUBLE, java.sql.Types.BOOLEAN, java.sql.Types.VARCHAR, java.sql.Types.INTEGER});
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
		transaction.executeWithoutResult(tx -> {
			jdbc.sql("UPDATE matching_run SET status = 'FAILED', phase = NULL, failure = ?, finished_at = ? WHERE id = ?")
				.params(message.length() > 1000 ? message.substring(0, 1000) : message, Timestamp.from(clock.instant()), runId)
				.update();
			jdbc.sql("SELECT programme_id FROM matching_run WHERE id = ?").param(runId).query(Long.class).optional()
				.ifPresent(programme -> events.publishEvent(new MatchingRunFinished(programme, runId, false)));
		});
	}

}
