package org.guildhall.people.hrimport;

import java.sql.Date;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.guildhall.people.NameTokens;
import org.guildhall.people.hrimport.ImportPlan.Change;
import org.guildhall.people.hrimport.ImportPlanner.Existing;
import org.guildhall.people.hrimport.PersonRecord.SkillValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads what Guildhall holds for the planner and writes an import plan with batched statements.
 * The caller runs {@link #write} inside one transaction, so a failure leaves nothing half-applied.
 */
@Component
public class ImportWriter {

	private static final int BATCH = 1_000;

	private final JdbcTemplate jdbc;

	ImportWriter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Everyone Guildhall knows, keyed by employee id, with the collections the file has columns for. */
	public Map<String, Existing> snapshot(boolean withLanguages, boolean withSkills, boolean withGoals) {
		Map<Long, String> employeeIds = new HashMap<>();
		jdbc.query("SELECT id, employee_id FROM person", rs -> {
			employeeIds.put(rs.getLong(1), rs.getString(2));
		});
		Map<Long, List<String>> languages = new HashMap<>();
		if (withLanguages) {
			jdbc.query("SELECT person_id, language FROM person_language ORDER BY person_id, language",
					rs -> {
						languages.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
					});
		}
		Map<Long, List<SkillValue>> skills = new HashMap<>();
		if (withSkills) {
			jdbc.query("SELECT person_id, skill_id, proficiency, can_teach, wants_to_learn FROM person_skill ORDER BY person_id, skill_id",
					rs -> {
						skills.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
							.add(new SkillValue(rs.getLong(2), rs.getInt(3), rs.getBoolean(4), rs.getBoolean(5)));
					});
		}
		Map<Long, List<String>> goals = new HashMap<>();
		if (withGoals) {
			jdbc.query("SELECT person_id, text FROM learning_goal ORDER BY person_id, position", rs -> {
				goals.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
			});
		}
		Map<String, Existing> existing = new HashMap<>();
		jdbc.query("""
				SELECT id, employee_id, email, full_name, title, department, location, time_zone, level, manager_id,
				       hire_date, leaving_date, bio, mentoring_role, mentoring_capacity, active FROM person""", rs -> {
			long id = rs.getLong("id");
			int level = rs.getInt("level");
			Integer levelOrNull = rs.wasNull() ? null : level;
			long managerId = rs.getLong("manager_id");
			String manager = rs.wasNull() ? null : employeeIds.get(managerId);
			Date hire = rs.getDate("hire_date");
			Date leaving = rs.getDate("leaving_date");
			PersonRecord record = new PersonRecord(rs.getString("employee_id"), rs.getString("email"),
					rs.getString("full_name"), rs.getString("title"), rs.getString("department"),
					rs.getString("location"), rs.getString("time_zone"), levelOrNull, manager,
					hire == null ? null : hire.toLocalDate(), leaving == null ? null : leaving.toLocalDate(), rs.getString("bio"), rs.getString("mentoring_role"),
					rs.getInt("mentoring_capacity"), List.copyOf(languages.getOrDefault(id, List.of())),
					List.copyOf(skills.getOrDefault(id, List.of())), List.copyOf(goals.getOrDefault(id, List.of())));
			existing.put(record.employeeId(), new Existing(id, rs.getBoolean("active"), record));
		});
		return existing;
	}

	/** Writes the plan; {@code progress} receives the number of people written so far. */
	public void write(ImportPlan plan, IntConsumer progress) {
		int[] written = {0};
		// E-mails that move to another person are parked first, so the unique constraint holds throughout.
		List<Object[]> parked = new ArrayList<>();
		for (Change change : plan.updates()) {
			if (change.emailChanged()) {
				parked.add(new Object[] {"moving-" + change.personId() + "@guildhall.invalid", change.personId()});
			}
		}
		batch("UPDATE person SET email = ? WHERE id = ?", parked);

		Map<String, Long> ids = new HashMap<>();
		jdbc.query("SELECT id, employee_id FROM person", rs -> {
			ids.put(rs.getString(2), rs.getLong(1));
		});
		// New people go in layer by layer down the reporting line, each row written once with its
		// manager; a second pass over every row would double the work and the table's size.
		List<Change> pending = new ArrayList<>(plan.creates());
		while (!pending.isEmpty()) {
			List<Change> layer = new ArrayList<>();
			List<Change> later = new ArrayList<>();
			for (Change change : pending) {
				String manager = change.record().managerEmployeeId();
				(manager == null || ids.containsKey(manager) ? layer : later).add(change);
			}
			if (layer.isEmpty()) {
				throw new IllegalStateException("The reporting line of the new people goes round in a circle");
			}
			long before = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM person", Long.class);
			List<Object[]> inserts = new ArrayList<>(layer.size());
			for (Change change : layer) {
				PersonRecord r = change.record();
				inserts.add(new Object[] {r.employeeId(), r.email(), r.fullName(), r.title(), r.department(), r.location(),
						r.timeZone(), r.level(), r.hireDate() == null ? null : Date.valueOf(r.hireDate()),
						r.leavingDate() == null ? null : Date.valueOf(r.leavingDate()), r.bio(),
						r.mentoringRole(), r.mentoringCapacity(), managerId(ids, r)});
			}
			batchWithProgress("""
					INSERT INTO person (employee_id, email, full_name, title, department, location, time_zone, level,
					                    hire_date, leaving_date, bio, mentoring_role, mentoring_capacity, manager_id, active)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE)""", inserts, written, progress,
					Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
					Types.INTEGER, Types.DATE, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.BIGINT);
			jdbc.query("SELECT id, employee_id FROM person WHERE id > ?", rs -> {
				ids.put(rs.getString(2), rs.getLong(1));
			}, before);
			pending = later;
		}

		List<Object[]> updates = new ArrayList<>(plan.updates().size());
		for (Change change : plan.updates()) {
			PersonRecord r = change.record();
			updates.add(new Object[] {r.email(), r.fullName(), r.title(), r.department(), r.location(), r.timeZone(),
					r.level(), r.hireDate() == null ? null : Date.valueOf(r.hireDate()),
					r.leavingDate() == null ? null : Date.valueOf(r.leavingDate()), r.bio(), r.mentoringRole(),
					r.mentoringCapacity(), managerId(ids, r), change.personId()});
		}
		batchWithProgress("""
				UPDATE person SET email = ?, full_name = ?, title = ?, department = ?, location = ?, time_zone = ?,
				       level = ?, hire_date = ?, leaving_date = ?, bio = ?, mentoring_role = ?, mentoring_capacity = ?, manager_id = ?,
				       active = TRUE, version = version + 1, updated_at = CURRENT_TIMESTAMP
				WHERE id = ?""", updates, written, progress,
				Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER,
				Types.DATE, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.BIGINT, Types.BIGINT);

		List<Change> changes = new ArrayList<>(plan.creates());
		changes.addAll(plan.updates());

		List<Object[]> tokenDeletes = new ArrayList<>();
		List<Object[]> tokens = new ArrayList<>();
		for (Change change : changes) {
			long id = ids.get(change.record().employeeId());
			if (change.nameChanged()) {
				if (change.personId() != null) {
					tokenDeletes.add(new Object[] {id});
				}
				for (String token : NameTokens.of(change.record().fullName())) {
					tokens.add(new Object[] {token, id});
				}
			}
		}
		batch("DELETE FROM person_name_token WHERE person_id = ?", tokenDeletes);
		batch("INSERT INTO person_name_token (token, person_id) VALUES (?, ?)", tokens);

		if (plan.columns().contains(Column.LANGUAGES)) {
			replace(changes, ids, "person_language", "INSERT INTO person_language (person_id, language) VALUES (?, ?)",
					(id, r, rows) -> r.languages().forEach(l -> rows.add(new Object[] {id, l})));
		}
		if (plan.columns().contains(Column.SKILLS)) {
			replace(changes, ids, "person_skill",
					"INSERT INTO person_skill (person_id, skill_id, proficiency, can_teach, wants_to_learn) VALUES (?, ?, ?, ?, ?)",
					(id, r, rows) -> r.skills().forEach(s -> rows.add(new Object[] {id, s.skillId(), s.proficiency(), s.canTeach(), s.wantsToLearn()})));
		}
		if (plan.columns().contains(Column.GOALS)) {
			replace(changes, ids, "learning_goal", "INSERT INTO learning_goal (person_id, position, text) VALUES (?, ?, ?)",
					(id, r, rows) -> {
						for (int i = 0; i < r.goals().size(); i++) {
							rows.add(new Object[] {id, i, r.goals().get(i)});
						}
					});
		}
		List<Object[]> deactivations = new ArrayList<>();
		plan.deactivations().forEach(d -> deactivations.add(new Object[] {d.personId()}));
		batch("UPDATE person SET active = FALSE, version = version + 1, updated_at = CURRENT_TIMESTAMP WHERE id = ?",
				deactivations);
		progress.accept(written[0] + deactivations.size());
	}

	private static Long managerId(Map<String, Long> ids, PersonRecord record) {
		return record.managerEmployeeId() == null ? null : ids.get(record.managerEmployeeId());
	}

	private interface Rows {
		void add(long personId, PersonRecord record, List<Object[]> rows);
	}

	private void replace(List<Change> changes, Map<String, Long> ids, String table, String insert, Rows rows) {
		List<Object[]> deletes = new ArrayList<>();
		List<Object[]> inserts = new ArrayList<>();
		for (Change change : changes) {
			long id = ids.get(change.record().employeeId());
			if (change.personId() != null) {
				deletes.add(new Object[] {id});
			}
			rows.add(id, change.record(), inserts);
		}
		batch("DELETE FROM " + table + " WHERE person_id = ?", deletes);
		batch(insert, inserts);
	}

	private void batchWithProgress(String sql, List<Object[]> rows, int[] written, IntConsumer progress, int... types) {
		for (int from = 0; from < rows.size(); from += BATCH) {
			List<Object[]> slice = rows.subList(from, Math.min(rows.size(), from + BATCH));
			jdbc.batchUpdate(sql, slice, types);
			written[0] += slice.size();
			progress.accept(written[0]);
		}
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
