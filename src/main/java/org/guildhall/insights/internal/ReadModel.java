package org.guildhall.insights.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.guildhall.community.LearningLink;
import org.guildhall.mentorships.MentorshipFact;
import org.guildhall.people.PersonFact;
import org.guildhall.people.PersonHistoryEntry;
import org.guildhall.people.SkillHolding;
import org.guildhall.programmes.EnrolmentFact;
import org.guildhall.programmes.ProgrammeFact;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the insights read model. Every write replaces what the model holds about one thing (a
 * person, a programme, a mentorship, a link source) with the owner's current facts, so applying
 * the same change twice, or events out of order, leaves the same rows. The incremental path and
 * a rebuild ({@link #sync}) make their rows with the same methods, so they cannot drift apart.
 */
@Component
public class ReadModel {

	private static final int BATCH = 5_000;
	static final String HISTORY_WATERMARK = "people.history.sequence";
	static final String STALE = "figures.stale";
	static final String LOCK = "feed.lock";
	static final String BUILT_AT = "built.at";
	static final String VERSION = "version";
	static final String PEOPLE_VERSION = "version.people";
	static final String NETWORK_RESET = "reset";
	static final String NETWORK_PEOPLE = "people";
	static final String NETWORK_PAIR = "pair:";

	private final JdbcTemplate jdbc;

	ReadModel(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Forgets everything computed from the copied facts (network figures, snapshots, versions,
	 * watermarks) and has the network analysed afresh: the start of a rebuild, which then brings
	 * the copied tables to the owners' facts with {@link #sync}.
	 */
	public void clearComputed() {
		for (String table : List.of("insight_network_person", "insight_snapshot")) {
			jdbc.update("DELETE FROM " + table);
		}
		jdbc.update("DELETE FROM insight_state WHERE state_key <> ?", LOCK);
		networkChanged(NETWORK_RESET);
	}

	/**
	 * Notes that a part of the learning network changed ({@link #NETWORK_PEOPLE}, a pair, a link
	 * source or {@link #NETWORK_RESET}), for {@link NetworkSnapshots}; callers hold {@link #lock()}.
	 */
	void networkChanged(String source) {
		jdbc.update("INSERT INTO insight_network_change (source) VALUES (?)", source);
	}

	/** Serialises the writers (on every node) until the caller's transaction ends. */
	public void lock() {
		jdbc.queryForList("SELECT state_value FROM insight_state WHERE state_key = ? FOR UPDATE", String.class, LOCK);
	}

	/**
	 * Notes that the figures of these programmes changed (every programme's when people changed, or
	 * none is named), so that cached dashboards are counted again on every node; callers hold
	 * {@link #lock()}.
	 */
	void changed(boolean people, Collection<Long> programmes) {
		String token = java.util.UUID.randomUUID().toString();
		state(VERSION, token);
		if (people) {
			state(PEOPLE_VERSION, token);
		}
		for (Long programme : new java.util.HashSet<>(programmes)) {
			state(VERSION + ":" + programme, token);
		}
	}

	/**
	 * The version of the data a dashboard counts: of the people and of one programme, or of the
	 * whole model when the programme is null. Changes whenever {@link #changed} is called for it.
	 */
	public String version(@Nullable Long programmeId) {
		List<String> keys = programmeId == null ? List.of(VERSION) : List.of(PEOPLE_VERSION, VERSION + ":" + programmeId);
		return String.join("|", jdbc.query("SELECT state_key, state_value FROM insight_state WHERE state_key IN ("
				+ String.join(", ", java.util.Collections.nCopies(keys.size(), "?")) + ") ORDER BY state_key",
				(rs, n) -> rs.getString(1) + "=" + rs.getString(2), keys.toArray()));
	}

	/** Whether the model was ever built from the owners (first start). */
	public boolean built() {
		return state(BUILT_AT).isPresent();
	}

	public void built(Instant at) {
		state(BUILT_AT, at.toString());
	}

	// people -------------------------------------------------------------------------------------

	/** Replaces these people. */
	public void people(Collection<PersonFact> people) {
		List<Object[]> deletes = new ArrayList<>(people.size());
		people.forEach(p -> deletes.add(new Object[] {p.id()}));
		batch("DELETE FROM insight_person WHERE person_id = ?", deletes);
		addPeople(people);
		networkChanged(NETWORK_PEOPLE);
		changed(true, List.of());
	}

	/** Adds people not in the model. */
	private void addPeople(Collection<PersonFact> people) {
		insert(PERSON, personRows(people));
	}

	private static List<Object[]> personRows(Collection<PersonFact> people) {
		List<Object[]> rows = new ArrayList<>(people.size());
		for (PersonFact p : people) {
			rows.add(new Object[] {p.id(), p.fullName(), p.department(), p.location(), p.level(),
					p.hireDate() == null ? null : Date.valueOf(p.hireDate()),
					p.leavingDate() == null ? null : Date.valueOf(p.leavingDate()), p.managerId(), p.active()});
		}
		return rows;
	}

	/** Tells the network and every dashboard that people changed (after a {@link #sync} of them). */
	public void peopleChanged() {
		networkChanged(NETWORK_PEOPLE);
		changed(true, List.of());
	}

	/** Replaces one person's skills. */
	public void skills(long personId, List<SkillHolding> skills) {
		jdbc.update("DELETE FROM insight_skill WHERE person_id = ?", personId);
		addSkills(skills);
	}

	/** Adds skills not in the model. */
	private void addSkills(List<SkillHolding> skills) {
		insert(SKILL, skillRows(skills));
	}

	private static List<Object[]> skillRows(List<SkillHolding> skills) {
		List<Object[]> rows = new ArrayList<>(skills.size());
		for (SkillHolding s : skills) {
			rows.add(new Object[] {s.personId(), s.skillId(), s.skillName(), s.proficiency(), s.canTeach(), s.wantsToLearn()});
		}
		return rows;
	}

	/** Copies history entries (already past the watermark) and moves the watermark to the last one. */
	public void history(List<PersonHistoryEntry> entries) {
		List<Object[]> deletes = new ArrayList<>(entries.size());
		entries.forEach(e -> deletes.add(new Object[] {e.sequence()}));
		batch("DELETE FROM insight_person_history WHERE sequence = ?", deletes);
		addHistory(entries);
	}

	/** Adds history entries not in the model and moves the watermark. */
	private void addHistory(List<PersonHistoryEntry> entries) {
		insert(HISTORY, historyRows(entries));
		moveWatermark(entries);
	}

	private void moveWatermark(List<PersonHistoryEntry> entries) {
		long last = entries.stream().mapToLong(PersonHistoryEntry::sequence).max().orElse(0);
		if (last > historyWatermark()) {
			state(HISTORY_WATERMARK, Long.toString(last));
		}
	}

	private static List<Object[]> historyRows(List<PersonHistoryEntry> entries) {
		List<Object[]> rows = new ArrayList<>(entries.size());
		for (PersonHistoryEntry e : entries) {
			rows.add(new Object[] {e.sequence(), e.personId(), Date.valueOf(e.effectiveOn()), e.department(), e.location(),
					e.level(), e.managerId(), e.active()});
		}
		return rows;
	}

	public long historyWatermark() {
		return state(HISTORY_WATERMARK).map(Long::parseLong).orElse(0L);
	}

	// programmes ---------------------------------------------------------------------------------

	public void programme(ProgrammeFact p) {
		jdbc.update("DELETE FROM insight_programme WHERE programme_id = ?", p.id());
		insert(PROGRAMME, programmeRows(List.of(p)));
		changed(false, List.of(p.id()));
	}

	private static List<Object[]> programmeRows(List<ProgrammeFact> programmes) {
		return programmes.stream().map(p -> new Object[] {p.id(), p.name(), p.format().name(), p.status().name(), p.durationWeeks(),
				p.ownerAccountId(), Timestamp.from(p.createdAt())}).toList();
	}

	/** Replaces these enrolments. */
	public void enrolments(Collection<EnrolmentFact> enrolments) {
		List<Object[]> deletes = new ArrayList<>(enrolments.size());
		enrolments.forEach(e -> deletes.add(new Object[] {e.programmeId(), e.personId()}));
		batch("DELETE FROM insight_enrolment WHERE programme_id = ? AND person_id = ?", deletes);
		addEnrolments(enrolments);
		changed(false, enrolments.stream().map(EnrolmentFact::programmeId).toList());
	}

	/** Adds enrolments not in the model. */
	private void addEnrolments(Collection<EnrolmentFact> enrolments) {
		insert(ENROLMENT, enrolmentRows(enrolments));
	}

	private static List<Object[]> enrolmentRows(Collection<EnrolmentFact> enrolments) {
		List<Object[]> rows = new ArrayList<>(enrolments.size());
		for (EnrolmentFact e : enrolments) {
			rows.add(new Object[] {e.programmeId(), e.personId(), e.role().name(), e.status().name(), Timestamp.from(e.enrolledAt())});
		}
		return rows;
	}

	// mentorships --------------------------------------------------------------------------------

	/** Replaces what the model knows of these mentorships: the pair, its meetings and its ratings. */
	public void pairs(Collection<MentorshipFact> facts) {
		List<Object[]> deletes = new ArrayList<>(facts.size());
		facts.forEach(m -> deletes.add(new Object[] {m.id()}));
		batch("DELETE FROM insight_pair WHERE mentorship_id = ?", deletes);
		batch("DELETE FROM insight_meeting WHERE mentorship_id = ?", deletes);
		batch("DELETE FROM insight_rating WHERE mentorship_id = ?", deletes);
		addPairs(facts);
		facts.forEach(m -> networkChanged(NETWORK_PAIR + m.id()));
		changed(false, facts.stream().map(MentorshipFact::programmeId).toList());
	}

	/** Adds mentorships not in the model. */
	private void addPairs(Collection<MentorshipFact> facts) {
		PairRows rows = pairRows(facts);
		insert(PAIR, rows.pairs());
		insert(MEETING, rows.meetings());
		insert(RATING, rows.ratings());
	}

	private record PairRows(List<Object[]> pairs, List<Object[]> meetings, List<Object[]> ratings) {
	}

	private static PairRows pairRows(Collection<MentorshipFact> facts) {
		PairRows rows = new PairRows(new ArrayList<>(facts.size()), new ArrayList<>(), new ArrayList<>());
		for (MentorshipFact m : facts) {
			rows.pairs().add(new Object[] {m.id(), m.programmeId(), m.runId(), m.mentorId(), m.menteeId(), m.status().name(),
					m.requested(), ts(m.createdAt()), ts(m.startedAt()), ts(m.endedAt()),
					m.status().name().equals("ENDED_EARLY") ? EndReasons.category(m.closeReason()) : null, m.cadenceDays(),
					m.plannedWeeks(), m.matchScore(), m.goals(), m.goalsAchieved()});
			for (int i = 0; i < m.meetings().size(); i++) {
				rows.meetings().add(new Object[] {m.id(), i, ts(m.meetings().get(i))});
			}
			for (int i = 0; i < m.ratings().size(); i++) {
				MentorshipFact.Rating r = m.ratings().get(i);
				rows.ratings().add(new Object[] {m.id(), i, r.kind().name(), r.byMentor(), r.rating()});
			}
		}
		return rows;
	}

	public void forgetPair(long mentorshipId) {
		changed(false, jdbc.queryForList("SELECT programme_id FROM insight_pair WHERE mentorship_id = ?", Long.class, mentorshipId));
		for (String table : List.of("insight_pair", "insight_meeting", "insight_rating")) {
			jdbc.update("DELETE FROM " + table + " WHERE mentorship_id = ?", mentorshipId);
		}
		networkChanged(NETWORK_PAIR + mentorshipId);
	}

	// community ----------------------------------------------------------------------------------

	/** Replaces the links of one source with the ones it makes now. */
	public void links(String source, List<LearningLink> links) {
		jdbc.update("DELETE FROM insight_link WHERE source = ?", source);
		addLinks(links);
		networkChanged(source);
	}

	/** Adds links not in the model; a source's duplicate pair is kept once. */
	private void addLinks(List<LearningLink> links) {
		insert(LINK, linkRows(links));
	}

	private static List<Object[]> linkRows(List<LearningLink> links) {
		List<Object[]> rows = new ArrayList<>(links.size());
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (LearningLink l : links) {
			if (seen.add(l.source() + '/' + l.learnerId() + '/' + l.teacherId())) {
				rows.add(new Object[] {l.source(), l.learnerId(), l.teacherId(), l.kind().name(), ts(l.at())});
			}
		}
		return rows;
	}

	// state --------------------------------------------------------------------------------------

	public Optional<String> state(String name) {
		return jdbc.query("SELECT state_value FROM insight_state WHERE state_key = ?", (rs, n) -> rs.getString(1), name).stream().findFirst();
	}

	public void state(String name, String value) {
		if (jdbc.update("UPDATE insight_state SET state_value = ? WHERE state_key = ?", value, name) == 0) {
			jdbc.update("INSERT INTO insight_state (state_key, state_value) VALUES (?, ?)", name, value);
		}
	}

	/** The slow figures (outcomes, skills) need computing again; the network follows its own change log. */
	public void markStale() {
		state(STALE, "true");
	}

	private static @Nullable Timestamp ts(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private void batch(String sql, List<Object[]> rows, int... types) {
		for (int from = 0; from < rows.size(); from += BATCH) {
			List<Object[]> slice = rows.subList(from, Math.min(rows.size(), from + BATCH));
			if (types.length > 0) {
				jdbc.batchUpdate(sql, slice, types);
			}
			else {
				jdbc.batchUpdate(sql, slice);
			}
		}
	}

	private void insert(Typed table, List<Object[]> rows) {
		batch(table.table().insert(), rows, table.types());
	}

	// whole tables -------------------------------------------------------------------------------

	/** A table of the model with the SQL types of its columns (keys first), as rows of it list them. */
	record Typed(TableSync.Table table, int... types) {
	}

	static final Typed PERSON = new Typed(new TableSync.Table("insight_person", List.of("person_id"),
			List.of("full_name", "department", "location", "level", "hire_date", "leaving_date", "manager_id", "active")),
			Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.DATE, Types.DATE, Types.BIGINT,
			Types.BOOLEAN);
	static final Typed SKILL = new Typed(new TableSync.Table("insight_skill", List.of("person_id", "skill_id"),
			List.of("skill_name", "proficiency", "can_teach", "wants_to_learn")),
			Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.INTEGER, Types.BOOLEAN, Types.BOOLEAN);
	static final Typed HISTORY = new Typed(new TableSync.Table("insight_person_history", List.of("sequence"),
			List.of("person_id", "effective_on", "department", "location", "level", "manager_id", "active")),
			Types.BIGINT, Types.BIGINT, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.BIGINT, Types.BOOLEAN);
	static final Typed PROGRAMME = new Typed(new TableSync.Table("insight_programme", List.of("programme_id"),
			List.of("name", "format", "status", "duration_weeks", "owner_account_id", "created_at")),
			Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.BIGINT, Types.TIMESTAMP);
	static final Typed ENROLMENT = new Typed(new TableSync.Table("insight_enrolment", List.of("programme_id", "person_id"),
			List.of("role", "status", "enrolled_at")),
			Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP);
	static final Typed PAIR = new Typed(new TableSync.Table("insight_pair", List.of("mentorship_id"),
			List.of("programme_id", "run_id", "mentor_id", "mentee_id", "status", "requested", "created_at", "started_at", "ended_at",
					"end_category", "cadence_days", "planned_weeks", "match_score", "goals", "goals_achieved")),
			Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.BOOLEAN, Types.TIMESTAMP,
			Types.TIMESTAMP, Types.TIMESTAMP, Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.DOUBLE, Types.INTEGER,
			Types.INTEGER);
	static final Typed MEETING = new Typed(new TableSync.Table("insight_meeting", List.of("mentorship_id", "position"),
			List.of("starts_at")), Types.BIGINT, Types.INTEGER, Types.TIMESTAMP);
	static final Typed RATING = new Typed(new TableSync.Table("insight_rating", List.of("mentorship_id", "position"),
			List.of("kind", "by_mentor", "rating")), Types.BIGINT, Types.INTEGER, Types.VARCHAR, Types.BOOLEAN, Types.INTEGER);
	static final Typed LINK = new Typed(new TableSync.Table("insight_link", List.of("source", "learner_id", "teacher_id"),
			List.of("kind", "linked_at")), Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.TIMESTAMP);

	/**
	 * Starts bringing whole tables to the owners' facts (a rebuild, or everyone's people side after
	 * an import), writing only the rows that differ; see {@link TableSync}. Callers hold {@link #lock()}.
	 */
	public Sync sync(Typed... tables) {
		return new Sync(tables);
	}

	/** Every table copied from the owners (the rebuild brings them all). */
	static final Typed[] COPIED = {PERSON, SKILL, HISTORY, PROGRAMME, ENROLMENT, PAIR, MEETING, RATING, LINK};

	/** The tables being brought to the owners' facts; {@link #finish()} deletes what nobody wanted. */
	public final class Sync {

		private final java.util.Map<Typed, TableSync> tables = new java.util.LinkedHashMap<>();

		private Sync(Typed... tables) {
			for (Typed table : tables) {
				this.tables.put(table, new TableSync(jdbc, table.table(), table.types()));
			}
		}

		private TableSync table(Typed typed) {
			TableSync table = tables.get(typed);
			if (table == null) {
				throw new IllegalStateException(typed.table().name() + " is not being brought to the owners' facts");
			}
			return table;
		}

		public void people(Collection<PersonFact> people) {
			table(PERSON).want(personRows(people));
		}

		public void skills(List<SkillHolding> skills) {
			table(SKILL).want(skillRows(skills));
		}

		public void history(List<PersonHistoryEntry> entries) {
			table(HISTORY).want(historyRows(entries));
			moveWatermark(entries);
		}

		public void programmes(List<ProgrammeFact> programmes) {
			table(PROGRAMME).want(programmeRows(programmes));
		}

		public void enrolments(Collection<EnrolmentFact> enrolments) {
			table(ENROLMENT).want(enrolmentRows(enrolments));
		}

		public void pairs(Collection<MentorshipFact> facts) {
			PairRows rows = pairRows(facts);
			table(PAIR).want(rows.pairs());
			table(MEETING).want(rows.meetings());
			table(RATING).want(rows.ratings());
		}

		public void links(List<LearningLink> links) {
			table(LINK).want(linkRows(links));
		}

		/** Deletes the rows nobody wanted in every table of this sync (all of them, if none was wanted); returns what changed. */
		public String finish() {
			List<String> lines = new ArrayList<>();
			tables.values().forEach(t -> lines.add(t.finish()));
			return String.join("; ", lines);
		}

		/** Whether any row was written or deleted so far. */
		boolean changedAny() {
			return tables.values().stream().anyMatch(t -> t.changes() > 0);
		}
	}
}
