package org.guildhall.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People and their skills as they are today, read in bulk by read models in other modules, which
 * never read the people tables themselves. Everyone is included, active or not.
 * <p>
 * What changes them is announced: {@link PeopleImported} (people and, when the file has the column,
 * skills), {@link ProfileUpdated} (a person's own skills), {@link SkillMerged} (a suggested skill
 * folded into another), and {@link PersonHistoryRecorded} for the fields the history keeps.
 */
@Service
public class PeopleFacts {

	private static final int FETCH_SIZE = 1_000;
	private static final int IDS_PER_QUERY = 1_000;

	private static final String PERSON_COLUMNS = "id, full_name, department, location, level, hire_date, leaving_date, manager_id, active";
	private static final String SKILL_COLUMNS = """
			ps.person_id, ps.skill_id, s.name, ps.proficiency, ps.can_teach, ps.wants_to_learn
			FROM person_skill ps JOIN skill s ON s.id = ps.skill_id""";

	private final JdbcTemplate jdbc;

	PeopleFacts(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(FETCH_SIZE);
	}

	/**
	 * Hands everyone to {@code each}, in id order, as the rows are read: nothing is collected in
	 * memory. Runs in a transaction (the caller's, if it has one), which PostgreSQL needs to read
	 * with a cursor; {@code each} is called while the rows are read, so keep it short.
	 */
	@Transactional
	public void forEachPerson(Consumer<PersonFact> each) {
		jdbc.query("SELECT " + PERSON_COLUMNS + " FROM person ORDER BY id", rs -> {
			each.accept(person(rs));
		});
	}

	/** The people with these ids, in id order; ids nobody has are left out. */
	public List<PersonFact> people(Collection<Long> ids) {
		List<Long> sorted = new ArrayList<>(new TreeSet<>(ids));
		List<PersonFact> people = new ArrayList<>(sorted.size());
		for (int from = 0; from < sorted.size(); from += IDS_PER_QUERY) {
			List<Long> chunk = sorted.subList(from, Math.min(sorted.size(), from + IDS_PER_QUERY));
			String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
			people.addAll(jdbc.query("SELECT " + PERSON_COLUMNS + " FROM person WHERE id IN (" + marks + ") ORDER BY id",
					(rs, n) -> person(rs), chunk.toArray()));
		}
		return people;
	}

	/**
	 * Hands every skill on every profile to {@code each}, in no particular order, as the rows are
	 * read (in a transaction, as {@link #forEachPerson}). The skills' names are read first, so the
	 * profile rows are scanned alone: on 100,000 people, joining and ordering them was most of a
	 * full read.
	 */
	@Transactional
	public void forEachSkill(Consumer<SkillHolding> each) {
		java.util.Map<Long, String> names = new java.util.HashMap<>();
		jdbc.query("SELECT id, name FROM skill", rs -> {
			names.put(rs.getLong(1), rs.getString(2));
		});
		jdbc.query("SELECT person_id, skill_id, proficiency, can_teach, wants_to_learn FROM person_skill", rs -> {
			long skillId = rs.getLong(2);
			String name = names.get(skillId);
			if (name == null) { // a skill added since its names were read
				name = jdbc.queryForObject("SELECT name FROM skill WHERE id = ?", String.class, skillId);
				names.put(skillId, name);
			}
			each.accept(new SkillHolding(rs.getLong(1), skillId, name, rs.getInt(3), rs.getBoolean(4), rs.getBoolean(5)));
		});
	}

	/** One person's skills, by skill id. */
	public List<SkillHolding> skillsOf(long personId) {
		return jdbc.query("SELECT " + SKILL_COLUMNS + " WHERE ps.person_id = ? ORDER BY ps.skill_id",
				(rs, n) -> skill(rs), personId);
	}

	private static PersonFact person(ResultSet rs) throws SQLException {
		return new PersonFact(rs.getLong("id"), rs.getString("full_name"), rs.getString("department"),
				rs.getString("location"), rs.getObject("level", Integer.class), rs.getObject("hire_date", LocalDate.class),
				rs.getObject("leaving_date", LocalDate.class),
				rs.getObject("manager_id", Long.class), rs.getBoolean("active"));
	}

	private static SkillHolding skill(ResultSet rs) throws SQLException {
		return new SkillHolding(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5),
				rs.getBoolean(6));
	}
}
