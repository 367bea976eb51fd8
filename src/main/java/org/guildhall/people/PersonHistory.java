package org.guildhall.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The dated history of each person's department, location, level, manager and active state, as HR
 * imports set them. Entries are only ever appended, each with a sequence number higher than all
 * before it; {@link PersonHistoryRecorded} announces new ones. A read model rebuilds itself by
 * paging with {@link #after} from 0 and catches up from the last sequence it has seen.
 */
@Service
public class PersonHistory {

	/** The most entries {@link #after} returns at once. */
	public static final int MAX_PAGE = 50_000;

	private static final String COLUMNS = "id, person_id, effective_on, department, location, level, manager_id, active";

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PersonHistory(JdbcClient jdbc, ApplicationEventPublisher events, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Entries with a sequence greater than {@code sequence}, in sequence order, at most {@code limit}
	 * (1 to {@value #MAX_PAGE}). An answer shorter than {@code limit} means there is nothing more yet.
	 */
	public List<PersonHistoryEntry> after(long sequence, int limit) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw new IllegalArgumentException("limit must be from 1 to " + MAX_PAGE + ", not " + limit);
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM person_history WHERE id > ? ORDER BY id LIMIT ?")
			.params(sequence, limit).query(PersonHistory::entry).list();
	}

	/** One person's entries, oldest first (by the day they took effect, then as written). */
	public List<PersonHistoryEntry> of(long personId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM person_history WHERE person_id = ? ORDER BY effective_on, id")
			.param(personId).query(PersonHistory::entry).list();
	}

	/** The sequence of the newest entry, or 0 when there is none. */
	public long lastSequence() {
		return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM person_history").query(Long.class).single();
	}

	/**
	 * Appends an entry, effective on {@code effectiveOn}, for everyone whose department, location,
	 * level, manager or active state differs from their last entry, and for everyone who has none
	 * yet; then publishes {@link PersonHistoryRecorded}. Runs inside the caller's transaction, after
	 * it has written the people, so the history commits or rolls back with them.
	 * <p>
	 * "Last" is the last one written, not the one with the latest day: it holds what the person
	 * table held after the previous import, so the comparison finds exactly what has changed since
	 * and applying the same file twice appends nothing, even when imports arrive out of date order.
	 */
	Optional<PersonHistoryRecorded> recordChanges(LocalDate effectiveOn) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("The person history is written inside the transaction that changed the people");
		}
		// Readers catch up by sequence, so entries must become visible in sequence order: a writer
		// waits here until the one before it has committed, then numbers its entries after its.
		jdbc.sql("SELECT id FROM person_history ORDER BY id DESC LIMIT 1 FOR UPDATE").query(Long.class).optional();
		long before = lastSequence();
		// One statement for everyone: a 100,000-person import must not loop row by row. The last
		// entry is one probe of person_history_last per person. The join also matches on person_id
		// so that no plan compares every person with every entry (without it, and without that index,
		// PostgreSQL took minutes). IS DISTINCT FROM compares nulls on both databases (a level or
		// manager that becomes empty counts as a change).
		int entries = jdbc.sql("""
				INSERT INTO person_history (person_id, effective_on, department, location, level, manager_id, active, recorded_at)
				SELECT p.id, ?, p.department, p.location, p.level, p.manager_id, p.active, ?
				FROM person p
				LEFT JOIN person_history h ON h.person_id = p.id
				      AND h.id = (SELECT MAX(l.id) FROM person_history l WHERE l.person_id = p.id)
				WHERE h.id IS NULL
				   OR h.department IS DISTINCT FROM p.department
				   OR h.location IS DISTINCT FROM p.location
				   OR h.level IS DISTINCT FROM p.level
				   OR h.manager_id IS DISTINCT FROM p.manager_id
				   OR h.active <> p.active
				ORDER BY p.id""")
			.params(java.sql.Date.valueOf(effectiveOn), Timestamp.from(clock.instant()))
			.update();
		if (entries == 0) {
			return Optional.empty();
		}
		PersonHistoryRecorded recorded = jdbc.sql("SELECT MIN(id), MAX(id) FROM person_history WHERE id > ?")
			.param(before)
			.query((rs, n) -> new PersonHistoryRecorded(rs.getLong(1), rs.getLong(2), entries, effectiveOn))
			.single();
		events.publishEvent(recorded);
		return Optional.of(recorded);
	}

	private static PersonHistoryEntry entry(ResultSet rs, int row) throws SQLException {
		return new PersonHistoryEntry(rs.getLong("id"), rs.getLong("person_id"), rs.getObject("effective_on", LocalDate.class),
				rs.getString("department"), rs.getString("location"), rs.getObject("level", Integer.class),
				rs.getObject("manager_id", Long.class), rs.getBoolean("active"));
	}
}
