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
 * the same change twice, or events out of order, leaves the same rows: the incremental path and
 * a rebuild write through the same methods and cannot drift apart.
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

	/** Empties the whole model (rebuild). */
	public void clear() {
		for (String table : List.of("insight_person", "insight_person_history", "insight_skill", "insight_programme",
				"insight_enrolment", "insight_pair", "insight_meeting", "insight_rating", "insight_link",
				"insight_network_person", "insight_snapshot")) {
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

	/** Adds people not in the model (after {@link #clearPeople()} or {@link #clear()}). */
	public void addPeople(Collection<PersonFact> people) {
		List<Object[]> rows = new ArrayList<>(people.size());
		for (PersonFact p : people) {
			rows.add(new Object[] {p.id(), p.fullName(), p.department(), p.location(), p.level(),
					p.hireDate() == null ? null : Date.valueOf(p.hireDate()),
					p.leavingDate() == null ? null : Date.valueOf(p.leavingDate()), p.managerId(), p.active()});
		}
		batch("""
				INSERT INTO insight_person (person_id, full_name, department, location, level, hire_date, leaving_date, manager_id,
				  active)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
				Types.INTEGER, Types.DATE, Types.DATE, Types.BIGINT, Types.BOOLEAN);
	}

	public void clearPeople() {
		jdbc.update("DELETE FROM insight_person");
		networkChanged(NETWORK_PEOPLE);
		changed(true, List.of());
	}

	/** Replaces one person's skills. */
	public void skills(long personId, List<SkillHolding> skills) {
		jdbc.update("DELETE FROM insight_skill WHERE person_id = ?", personId);
		addSkills(skills);
	}

	/** Adds skills (rebuild, after {@link #clear()}). */
	public void addSkills(List<SkillHolding> skills) {
		List<Object[]> rows = new ArrayList<>(skills.size());
		for (SkillHolding s : skills) {
			rows.add(new Object[] {s.personId(), s.skillId(), s.skillName(), s.proficiency(), s.canTeach(), s.wantsToLearn()});
		}
		batch("""
				INSERT INTO insight_skill (person_id, skill_id, skill_name, proficiency, can_teach, wants_to_learn)
				VALUES (?, ?, ?, ?, ?, ?)""", rows);
	}

	public void clearSkills() {
		jdbc.update("DELETE FROM insight_skill");
	}

	/** Copies history entries (already past the watermark) and moves the watermark to the last one. */
	public void history(List<PersonHistoryEntry> entries) {
		List<Object[]> deletes = new ArrayList<>(entries.size());
		entries.forEach(e -> deletes.add(new Object[] {e.sequence()}));
		batch("DELETE FROM insight_person_history WHERE sequence = ?", deletes);
		addHistory(entries);
	}

	/** Adds history entries not in the model (rebuild, after {@link #clear()}) and moves the watermark. */
	public void addHistory(List<PersonHistoryEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(entries.size());
		long last = 0;
		for (PersonHistoryEntry e : entries) {
			rows.add(new Object[] {e.sequence(), e.personId(), Date.valueOf(e.effectiveOn()), e.department(), e.location(),
					e.level(), e.managerId(), e.active()});
			last = Math.max(last, e.sequence());
		}
		batch("""
				INSERT INTO insight_person_history (sequence, person_id, effective_on, department, location, level, manager_id, active)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows, Types.BIGINT, Types.BIGINT, Types.DATE, Types.VARCHAR,
				Types.VARCHAR, Types.INTEGER, Types.BIGINT, Types.BOOLEAN);
		if (last > historyWatermark()) {
			state(HISTORY_WATERMARK, Long.toString(last));
		}
	}

	public long historyWatermark() {
		return state(HISTORY_WATERMARK).map(Long::parseLong).orElse(0L);
	}

	// programmes ---------------------------------------------------------------------------------

	public void programme(ProgrammeFact p) {
		jdbc.update("DELETE FROM insight_programme WHERE programme_id = ?", p.id());
		jdbc.update("""
				INSERT INTO insight_programme (programme_id, name, format, status, duration_weeks, owner_account_id, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""", p.id(), p.name(), p.format().name(), p.status().name(), p.durationWeeks(),
				p.ownerAccountId(), Timestamp.from(p.createdAt()));
		changed(false, List.of(p.id()));
	}

	/** Replaces these enrolments. */
	public void enrolments(Collection<EnrolmentFact> enrolments) {
		List<Object[]> deletes = new ArrayList<>(enrolments.size());
		enrolments.forEach(e -> deletes.add(new Object[] {e.programmeId(), e.personId()}));
		batch("DELETE FROM insight_enrolment WHERE programme_id = ? AND person_id = ?", deletes);
		addEnrolments(enrolments);
		changed(false, enrolments.stream().map(EnrolmentFact::programmeId).toList());
	}

	/** Adds enrolments not in the model (rebuild, after {@link #clear()}). */
	public void addEnrolments(Collection<EnrolmentFact> enrolments) {
		List<Object[]> rows = new ArrayList<>(enrolments.size());
		for (EnrolmentFact e : enrolments) {
			rows.add(new Object[] {e.programmeId(), e.personId(), e.role().name(), e.status().name(), Timestamp.from(e.enrolledAt())});
		}
		batch("INSERT INTO insight_enrolment (programme_id, person_id, role, status, enrolled_at) VALUES (?, ?, ?, ?, ?)", rows);
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

	/** Adds mentorships not in the model (rebuild, after {@link #clear()}). */
	public void addPairs(Collection<MentorshipFact> facts) {
		List<Object[]> pairs = new ArrayList<>(facts.size());
		List<Object[]> meetings = new ArrayList<>();
		List<Object[]> ratings = new ArrayList<>();
		for (MentorshipFact m : facts) {
			pairs.add(new Object[] {m.id(), m.programmeId(), m.runId(), m.mentorId(), m.menteeId(), m.status().name(),
					m.requested(), ts(m.createdAt()), ts(m.startedAt()), ts(m.endedAt()),
					m.status().name().equals("ENDED_EARLY") ? EndReasons.category(m.closeReason()) : null, m.cadenceDays(),
					m.plannedWeeks(), m.matchScore(), m.goals(), m.goalsAchieved()});
			for (int i = 0; i < m.meetings().size(); i++) {
				meetings.add(new Object[] {m.id(), i, ts(m.meetings().get(i))});
			}
			for (int i = 0; i < m.ratings().size(); i++) {
				MentorshipFact.Rating r = m.ratings().get(i);
				ratings.add(new Object[] {m.id(), i, r.kind().name(), r.byMentor(), r.rating()});
			}
		}
		batch("""
				INSERT INTO insight_pair (mentorship_id, programme_id, run_id, mentor_id, mentee_id, status, requested, created_at,
				  started_at, ended_at, end_category, cadence_days, planned_weeks, match_score, goals, goals_achieved)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", pairs, Types.BIGINT, Types.BIGINT, Types.BIGINT,
				Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.BOOLEAN, Types.TIMESTAMP,
				Types.TIMESTAMP, Types.TIMESTAMP, Types.VARCHAR, Types.INTEGER, Types.INTEGER,
				Types.DOUBLE, Types.INTEGER, Types.INTEGER);
		batch("INSERT INTO insight_meeting (mentorship_id, position, starts_at) VALUES (?, ?, ?)", meetings);
		batch("INSERT INTO insight_rating (mentorship_id, position, kind, by_mentor, rating) VALUES (?, ?, ?, ?, ?)", ratings);
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

	/** Adds links (rebuild, after {@link #clear()}); a source's duplicate pair is kept once. */
	public void addLinks(List<LearningLink> links) {
		List<Object[]> rows = new ArrayList<>(links.size());
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (LearningLink l : links) {
			if (seen.add(l.source() + '/' + l.learnerId() + '/' + l.teacherId())) {
				rows.add(new Object[] {l.source(), l.kind().name(), l.learnerId(), l.teacherId(), ts(l.at())});
			}
		}
		batch("INSERT INTO insight_link (source, kind, learner_id, teacher_id, linked_at) VALUES (?, ?, ?, ?, ?)", rows);
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
}
