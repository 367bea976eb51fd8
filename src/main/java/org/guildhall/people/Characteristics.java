package org.guildhall.people;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-reported characteristics for the fairness audit of matching: off unless an administrator
 * turns them on and chooses what is asked. Each person may then answer on their own profile, with
 * explicit consent, and change or withdraw at any time (withdrawing deletes the answers). Only the
 * person reads or sets their own answers, administrators included; everything else sees them only
 * aggregated into groups of five or more (the insights module's copy, from
 * {@link #forEachConsented} and {@link CharacteristicsAnswered}).
 * <p>
 * Turning the setting off deletes every answer and consent: nothing sensitive is kept that nobody
 * may use. Unticking one characteristic, or taking an answer off its list, deletes those answers.
 */
@Service
public class Characteristics {

	static final String SETTING = "characteristics.on";
	/** At most this many characteristics, each with at most {@link #MAX_ANSWERS} answers. */
	public static final int MAX_CHARACTERISTICS = 12;
	public static final int MAX_ANSWERS = 20;
	static final int MAX_NAME = 80;

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock = Clock.systemUTC();

	Characteristics(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Whether characteristics are on and what the organisation knows and asks (no one's answers). */
	@Transactional(readOnly = true)
	public CharacteristicsSettings settings() {
		boolean on = jdbc.sql("SELECT setting_value FROM organisation_setting WHERE setting_key = ?").param(SETTING)
			.query(String.class).optional().map(Boolean::parseBoolean).orElse(false);
		List<Characteristic> all = jdbc.sql("SELECT characteristic_key, name, answers, asked FROM characteristic ORDER BY position, characteristic_key")
			.query((rs, n) -> new Characteristic(rs.getString(1), rs.getString(2), List.of(rs.getString(3).split("\n")), rs.getBoolean(4)))
			.list();
		return new CharacteristicsSettings(on, all);
	}

	/**
	 * An administrator turns characteristics on or off and sets what is asked: {@code wanted} lists
	 * every characteristic to keep (a blank key for a new one, named by its name), asked or not.
	 * Characteristics left out are forgotten with their answers.
	 */
	@Transactional
	public CharacteristicsSettings configure(boolean on, List<Characteristic> wanted, CurrentUser admin) {
		if (!admin.isAdmin()) {
			throw new AccessDeniedException("Only administrators change what people are asked");
		}
		if (wanted.size() > MAX_CHARACTERISTICS) {
			throw new InvalidInputException("characteristics", "at most " + MAX_CHARACTERISTICS + " characteristics");
		}
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		Map<String, Characteristic> clean = new LinkedHashMap<>();
		Set<String> names = new HashSet<>();
		for (int i = 0; i < wanted.size(); i++) {
			Characteristic c = wanted.get(i);
			String field = "characteristics[" + i + "]";
			String name = c.name() == null ? "" : c.name().strip();
			if (name.isEmpty() || name.length() > MAX_NAME) {
				problems.add(new InvalidInputException.FieldProblem(field + ".name", "must be 1 to " + MAX_NAME + " characters"));
				continue;
			}
			if (!names.add(name.toLowerCase(Locale.ROOT))) {
				problems.add(new InvalidInputException.FieldProblem(field + ".name", "'" + name + "' is there twice"));
				continue;
			}
			List<String> answers = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			for (String a : c.answers()) {
				String answer = a == null ? "" : a.strip();
				if (answer.isEmpty()) {
					continue;
				}
				if (answer.length() > MAX_NAME) {
					problems.add(new InvalidInputException.FieldProblem(field + ".answers", "'" + answer.substring(0, 20)
							+ "...' is longer than " + MAX_NAME + " characters"));
				}
				if (seen.add(answer.toLowerCase(Locale.ROOT)) && !answer.equalsIgnoreCase(Characteristic.PREFER_NOT_TO_SAY)) {
					answers.add(answer);
				}
			}
			if (answers.isEmpty()) {
				problems.add(new InvalidInputException.FieldProblem(field + ".answers", "needs at least one answer besides '"
						+ Characteristic.PREFER_NOT_TO_SAY + "'"));
			}
			if (answers.size() + 1 > MAX_ANSWERS) {
				problems.add(new InvalidInputException.FieldProblem(field + ".answers", "at most " + MAX_ANSWERS + " answers"));
			}
			answers.add(Characteristic.PREFER_NOT_TO_SAY);
			String key = c.key() == null || c.key().isBlank() ? key(name) : c.key();
			if (key.isEmpty()) {
				problems.add(new InvalidInputException.FieldProblem(field + ".name", "needs a letter or digit"));
				continue;
			}
			while (clean.containsKey(key)) {
				key = key.length() > 36 ? key.substring(0, 36) + "-" + clean.size() : key + "-" + clean.size();
			}
			clean.put(key, new Characteristic(key, name, List.copyOf(answers), c.asked()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		// the setting's row (created by the migration) is locked first: two administrators saving take turns
		jdbc.sql("UPDATE organisation_setting SET setting_value = ?, changed_at = ?, changed_by = ? WHERE setting_key = ?")
			.params(Boolean.toString(on), Timestamp.from(now), admin.email(), SETTING).update();
		Map<String, Characteristic> before = new HashMap<>();
		settings().characteristics().forEach(c -> before.put(c.key(), c));
		for (String gone : before.keySet()) {
			if (!clean.containsKey(gone)) {
				jdbc.sql("DELETE FROM characteristic WHERE characteristic_key = ?").param(gone).update(); // answers cascade
			}
		}
		int position = 1;
		for (Characteristic c : clean.values()) {
			String answers = String.join("\n", c.answers());
			if (before.containsKey(c.key())) {
				jdbc.sql("UPDATE characteristic SET name = ?, answers = ?, position = ?, asked = ? WHERE characteristic_key = ?")
					.params(c.name(), answers, position++, c.asked(), c.key()).update();
			}
			else {
				jdbc.sql("INSERT INTO characteristic (characteristic_key, name, answers, position, asked) VALUES (?, ?, ?, ?, ?)")
					.params(c.key(), c.name(), answers, position++, c.asked()).update();
			}
		}
		if (!on) {
			// off: nobody may use the answers, so none are kept
			jdbc.sql("DELETE FROM characteristic_answer").update();
			jdbc.sql("DELETE FROM characteristic_consent").update();
		}
		else {
			for (Characteristic c : clean.values()) {
				if (!c.asked()) {
					jdbc.sql("DELETE FROM characteristic_answer WHERE characteristic_key = ?").param(c.key()).update();
					continue;
				}
				// answers taken off the list go with it
				jdbc.sql("SELECT DISTINCT answer FROM characteristic_answer WHERE characteristic_key = ?").param(c.key())
					.query(String.class).list().stream().filter(a -> !c.answers().contains(a))
					.forEach(a -> jdbc.sql("DELETE FROM characteristic_answer WHERE characteristic_key = ? AND answer = ?")
						.params(c.key(), a).update());
			}
		}
		events.publishEvent(new CharacteristicsConfigured(on));
		return settings();
	}

	/** The person's own answers; refused for anyone else (administrators too). Empty while the setting is off. */
	@Transactional(readOnly = true)
	public Optional<MyCharacteristics> mine(long personId, CurrentUser user) {
		requireSelf(personId, user);
		List<Characteristic> asked = settings().asked();
		if (asked.isEmpty()) {
			return Optional.empty();
		}
		Instant consentedAt = jdbc.sql("SELECT given_at FROM characteristic_consent WHERE person_id = ?").param(personId)
			.query((rs, n) -> rs.getTimestamp(1).toInstant()).optional().orElse(null);
		return Optional.of(new MyCharacteristics(asked, consentedAt != null, consentedAt, consentedAnswers(personId)));
	}

	/**
	 * The person gives (or changes) their answers with consent; a blank answer leaves that
	 * characteristic unanswered. Replaces what they gave before.
	 */
	@Transactional
	public MyCharacteristics answer(long personId, boolean consent, Map<String, String> answers, CurrentUser user) {
		requireSelf(personId, user);
		List<Characteristic> asked = settings().asked();
		if (asked.isEmpty()) {
			throw new ConflictException("The organisation does not ask for self-reported characteristics.");
		}
		if (!consent) {
			throw new InvalidInputException("consent", "tick the box to give your consent, or withdraw to delete your answers");
		}
		Map<String, Characteristic> byKey = new HashMap<>();
		asked.forEach(c -> byKey.put(c.key(), c));
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		Map<String, String> kept = new LinkedHashMap<>();
		answers.forEach((key, value) -> {
			Characteristic c = byKey.get(key);
			if (c == null) {
				problems.add(new InvalidInputException.FieldProblem("answers." + key, "is not asked"));
			}
			else if (value != null && !value.isBlank()) {
				if (!c.answers().contains(value)) {
					problems.add(new InvalidInputException.FieldProblem("answers." + key, "must be one of " + String.join(", ", c.answers())));
				}
				else {
					kept.put(key, value);
				}
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		// one change of a person's answers at a time (a double submit): their person row is the lock
		jdbc.sql("SELECT id FROM person WHERE id = ? FOR UPDATE").param(personId).query(Long.class).optional();
		Timestamp now = Timestamp.from(clock.instant());
		if (jdbc.sql("UPDATE characteristic_consent SET given_at = ? WHERE person_id = ?").params(now, personId).update() == 0) {
			jdbc.sql("INSERT INTO characteristic_consent (person_id, given_at) VALUES (?, ?)").params(personId, now).update();
		}
		jdbc.sql("DELETE FROM characteristic_answer WHERE person_id = ?").param(personId).update();
		kept.forEach((key, value) -> jdbc.sql("INSERT INTO characteristic_answer (person_id, characteristic_key, answer) VALUES (?, ?, ?)")
			.params(personId, key, value).update());
		events.publishEvent(new CharacteristicsAnswered(personId));
		return mine(personId, user).orElseThrow();
	}

	/** The person withdraws consent: their answers and consent are deleted. Allowed even while off. */
	@Transactional
	public void withdraw(long personId, CurrentUser user) {
		requireSelf(personId, user);
		jdbc.sql("DELETE FROM characteristic_consent WHERE person_id = ?").param(personId).update(); // answers cascade
		events.publishEvent(new CharacteristicsAnswered(personId));
	}

	/**
	 * A person's answers while they consent and the setting is on (empty otherwise), for read
	 * models that only show them aggregated. No access check: never show the result as it is.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> consentedAnswers(long personId) {
		Map<String, String> answers = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT a.characteristic_key, a.answer FROM characteristic_answer a
				JOIN characteristic c ON c.characteristic_key = a.characteristic_key AND c.asked
				WHERE a.person_id = ? ORDER BY c.position""").param(personId)
			.query(rs -> {
				answers.put(rs.getString(1), rs.getString(2));
			});
		return answers;
	}

	/** Every consenting person's answers, in person order (see {@link #consentedAnswers}). */
	@Transactional(readOnly = true)
	public void forEachConsented(Consumer<CharacteristicAnswers> each) {
		class Person {
			long id = -1;
			Map<String, String> answers = new LinkedHashMap<>();
		}
		Person current = new Person();
		jdbc.sql("""
				SELECT a.person_id, a.characteristic_key, a.answer FROM characteristic_answer a
				JOIN characteristic c ON c.characteristic_key = a.characteristic_key AND c.asked
				ORDER BY a.person_id, c.position""")
			.query(rs -> {
				long person = rs.getLong(1);
				if (person != current.id && current.id >= 0) {
					each.accept(new CharacteristicAnswers(current.id, current.answers));
					current.answers = new LinkedHashMap<>();
				}
				current.id = person;
				current.answers.put(rs.getString(2), rs.getString(3));
			});
		if (current.id >= 0) {
			each.accept(new CharacteristicAnswers(current.id, current.answers));
		}
	}

	private static void requireSelf(long personId, CurrentUser user) {
		if (!user.is(personId)) {
			throw new AccessDeniedException("Only the person themselves sees or sets their self-reported characteristics");
		}
	}

	static String key(String name) {
		String key = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
		return key.length() > 40 ? key.substring(0, 40) : key;
	}
}
