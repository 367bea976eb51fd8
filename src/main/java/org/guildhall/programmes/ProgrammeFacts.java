package org.guildhall.programmes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Programmes and enrolments as facts for read models (insights): one programme's when an event
 * says it changed, or all of them for a rebuild. No access check: callers aggregate and apply
 * their own rules before showing anything.
 */
@Service
public class ProgrammeFacts {

	private final JdbcClient jdbc;

	ProgrammeFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Optional<ProgrammeFact> programme(long programmeId) {
		return jdbc.sql("SELECT id, name, format, status, duration_weeks, owner_account_id, created_at FROM programme WHERE id = ?")
			.param(programmeId).query((rs, n) -> programme(rs)).optional();
	}

	@Transactional(readOnly = true)
	public List<ProgrammeFact> programmes() {
		return jdbc.sql("SELECT id, name, format, status, duration_weeks, owner_account_id, created_at FROM programme ORDER BY id")
			.query((rs, n) -> programme(rs)).list();
	}

	/** The enrolments of one programme, in person order. */
	@Transactional(readOnly = true)
	public List<EnrolmentFact> enrolments(long programmeId) {
		return jdbc.sql("SELECT programme_id, person_id, role, status, created_at FROM enrolment WHERE programme_id = ? ORDER BY person_id")
			.param(programmeId).query((rs, n) -> enrolment(rs)).list();
	}

	/** One person's enrolment in a programme, if any. */
	@Transactional(readOnly = true)
	public Optional<EnrolmentFact> enrolment(long programmeId, long personId) {
		return jdbc.sql("SELECT programme_id, person_id, role, status, created_at FROM enrolment WHERE programme_id = ? AND person_id = ?")
			.params(programmeId, personId).query((rs, n) -> enrolment(rs)).optional();
	}

	/** Every enrolment of every programme, streamed in programme and person order. */
	@Transactional(readOnly = true)
	public void forEachEnrolment(Consumer<EnrolmentFact> each) {
		jdbc.sql("SELECT programme_id, person_id, role, status, created_at FROM enrolment ORDER BY programme_id, person_id")
			.query(rs -> {
				each.accept(enrolment(rs));
			});
	}

	private static ProgrammeFact programme(ResultSet rs) throws SQLException {
		return new ProgrammeFact(rs.getLong("id"), rs.getString("name"), ProgrammeFormat.valueOf(rs.getString("format")),
				ProgrammeStatus.valueOf(rs.getString("status")), rs.getInt("duration_weeks"), rs.getLong("owner_account_id"),
				rs.getTimestamp("created_at").toInstant());
	}

	private static EnrolmentFact enrolment(ResultSet rs) throws SQLException {
		return new EnrolmentFact(rs.getLong("programme_id"), rs.getLong("person_id"), EnrolmentRole.valueOf(rs.getString("role")),
				EnrolmentStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant());
	}
}
