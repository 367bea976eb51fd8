package org.guildhall.people;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** PLACEHOLDER until the people-history branch lands. */
@Service
public class PeopleFacts {
	private final JdbcTemplate jdbc;

	PeopleFacts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void forEachPerson(Consumer<PersonFact> each) {
		jdbc.query("SELECT id, full_name, department, location, level, hire_date, manager_id, active FROM person ORDER BY id",
				rs -> {
					each.accept(new PersonFact(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
							(Integer) rs.getObject(5, Integer.class), rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(),
							(Long) rs.getObject(7, Long.class), rs.getBoolean(8)));
				});
	}

	public List<PersonFact> people(Collection<Long> ids) {
		List<PersonFact> out = new java.util.ArrayList<>();
		forEachPerson(p -> {
			if (ids.contains(p.id())) {
				out.add(p);
			}
		});
		return out;
	}

	public void forEachSkill(Consumer<SkillHolding> each) {
		jdbc.query("SELECT ps.person_id, ps.skill_id, s.name, ps.proficiency, ps.can_teach, ps.wants_to_learn FROM person_skill ps JOIN skill s ON s.id = ps.skill_id ORDER BY 1, 2",
				rs -> {
					each.accept(new SkillHolding(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5), rs.getBoolean(6)));
				});
	}

	public List<SkillHolding> skillsOf(long personId) {
		List<SkillHolding> out = new java.util.ArrayList<>();
		forEachSkill(s -> {
			if (s.personId() == personId) {
				out.add(s);
			}
		});
		return out;
	}
}
