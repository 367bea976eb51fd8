package org.guildhall.insights.internal;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.guildhall.people.CharacteristicAnswers;
import org.guildhall.people.Characteristics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read model's copy of consenting people's self-reported characteristics, replaced per person
 * (an answer changed or was withdrawn) or as a whole (the organisation changed the setting, or a
 * rebuild). Kept apart from {@link ReadModel}'s tables so that clearing it is one statement.
 */
@Component
class CharacteristicsCopy {

	private final JdbcTemplate jdbc;
	private final Characteristics characteristics;

	CharacteristicsCopy(JdbcTemplate jdbc, Characteristics characteristics) {
		this.jdbc = jdbc;
		this.characteristics = characteristics;
	}

	/** Replaces one person's answers with what the people module has now (nothing after a withdrawal). */
	void refresh(long personId) {
		jdbc.update("DELETE FROM insight_characteristic WHERE person_id = ?", personId);
		add(List.of(new CharacteristicAnswers(personId, characteristics.consentedAnswers(personId))));
	}

	/** Replaces everyone's answers. */
	void refreshAll() {
		clear();
		forEachBatch(this::add);
	}

	void clear() {
		jdbc.update("DELETE FROM insight_characteristic");
	}

	/** Reads every consenting person's answers, a batch at a time; writes nothing. */
	void forEachBatch(Consumer<List<CharacteristicAnswers>> each) {
		Batches.of(characteristics::forEachConsented, each);
	}

	void add(List<CharacteristicAnswers> people) {
		List<Object[]> rows = rows(people);
		if (!rows.isEmpty()) {
			jdbc.batchUpdate(TABLE.insert(), rows);
		}
	}

	/** Brings the whole copy to a set of answers, writing only what differs (a rebuild): see {@link TableSync}. */
	TableSync sync() {
		return new TableSync(jdbc, TABLE, Types.BIGINT, Types.VARCHAR, Types.VARCHAR);
	}

	static List<Object[]> rows(List<CharacteristicAnswers> people) {
		List<Object[]> rows = new ArrayList<>();
		for (CharacteristicAnswers person : people) {
			for (Map.Entry<String, String> answer : person.answers().entrySet()) {
				rows.add(new Object[] {person.personId(), answer.getKey(), answer.getValue()});
			}
		}
		return rows;
	}

	private static final TableSync.Table TABLE = new TableSync.Table("insight_characteristic",
			List.of("person_id", "characteristic_key"), List.of("answer"));
}
