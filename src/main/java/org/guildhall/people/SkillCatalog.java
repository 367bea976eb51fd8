package org.guildhall.people;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.guildhall.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The skill taxonomy. Every skill has one canonical name and any number of aliases; looking a skill
 * up by any of them, in any case, gives the same skill ("JS", "javascript" and "JavaScript").
 */
@Service
public class SkillCatalog {

	public static final int MAX_NAME_LENGTH = 80;

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final SkillSpelling spelling = new SkillSpelling();

	SkillCatalog(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** The lookup key of a skill name or alias: case, accents width and spacing do not matter. */
	public static String key(String name) {
		String normal = Normalizer.normalize(name, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
		return normal.replaceAll("\\s+", " ");
	}

	/** The skill with this name or alias. */
	@Transactional(readOnly = true)
	public Optional<Skill> resolve(String nameOrAlias) {
		return resolveId(nameOrAlias).flatMap(this::find);
	}

	/** The id of the skill with this name or alias, in one query (a name wins over an alias). */
	Optional<Long> resolveId(String nameOrAlias) {
		String key = key(nameOrAlias);
		if (key.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql("""
				SELECT id FROM (SELECT id, 0 AS priority FROM skill WHERE name_key = :key
				                UNION ALL SELECT skill_id, 1 FROM skill_alias WHERE alias_key = :key) found
				ORDER BY priority LIMIT 1""")
			.param("key", key).query(Long.class).optional();
	}

	@Transactional(readOnly = true)
	public Optional<Skill> find(long id) {
		return load(List.of(id)).stream().findFirst();
	}

	/**
	 * Skills whose name or an alias starts with the given text (all when blank), approved ones
	 * first, at most {@code limit}.
	 */
	@Transactional(readOnly = true)
	public List<Skill> search(@Nullable String text, int limit) {
		if (limit < 1 || limit > 200) {
			throw new InvalidInputException("limit", "must be between 1 and 200");
		}
		String prefix = text == null ? "" : key(text);
		if (prefix.length() > MAX_NAME_LENGTH) {
			throw new InvalidInputException("q", "must be at most " + MAX_NAME_LENGTH + " characters");
		}
		String like = escapeLike(prefix) + "%";
		List<Long> ids = jdbc.sql("""
				SELECT s.id FROM skill s
				WHERE s.name_key LIKE :like ESCAPE '\\'
				   OR s.id IN (SELECT a.skill_id FROM skill_alias a WHERE a.alias_key LIKE :like ESCAPE '\\')
				ORDER BY CASE WHEN s.status = 'APPROVED' THEN 0 ELSE 1 END, s.name_key
				LIMIT :limit""")
			.param("like", like).param("limit", limit).query(Long.class).list();
		return load(ids);
	}

	/**
	 * Approved skills whose name or an alias is one or two letters away from {@code typed} ("Did you
	 * mean Kubernetes?" for "Kuberentes"), closest first, at most {@code max}; empty when
	 * {@code typed} names a skill already or nothing is close.
	 */
	@Transactional(readOnly = true)
	public List<String> closest(@Nullable String typed, int max) {
		String key = typed == null ? "" : key(typed);
		if (key.isEmpty() || key.length() > MAX_NAME_LENGTH || resolveId(key).isPresent()) {
			return List.of();
		}
		String fingerprint = jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM skill WHERE status = 'APPROVED') || ':' || (SELECT COALESCE(MAX(id), 0) FROM skill)
				  || ':' || (SELECT COUNT(*) FROM skill_alias)""").query(String.class).single();
		return spelling.closest(key, max, fingerprint, () -> {
			Map<String, String> names = new LinkedHashMap<>();
			jdbc.sql("""
					SELECT s.name_key, s.name FROM skill s WHERE s.status = 'APPROVED'
					UNION ALL SELECT a.alias_key, s.name FROM skill_alias a JOIN skill s ON s.id = a.skill_id WHERE s.status = 'APPROVED'""")
				.query(rs -> {
					names.putIfAbsent(rs.getString(1), rs.getString(2));
				});
			return names;
		});
	}

	/** All skills waiting for an administrator's decision. */
	@Transactional(readOnly = true)
	public List<Skill> suggestions() {
		return load(jdbc.sql("SELECT id FROM skill WHERE status = 'SUGGESTED' ORDER BY name_key").query(Long.class).list());
	}

	/**
	 * The skill with this name or alias, or a new suggested skill when there is none. A suggested
	 * skill can be used at once; an administrator later approves it or merges it into another.
	 */
	@Transactional
	public Skill resolveOrSuggest(String name, @Nullable Long suggestedBy) {
		String display = Normalizer.normalize(name, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
		if (display.isEmpty()) {
			throw new InvalidInputException("skill", "is required");
		}
		if (display.length() > MAX_NAME_LENGTH) {
			throw new InvalidInputException("skill", "must be at most " + MAX_NAME_LENGTH + " characters");
		}
		return resolve(display).orElseGet(() -> {
			jdbc.sql("INSERT INTO skill (name, name_key, status, suggested_by) VALUES (?, ?, 'SUGGESTED', ?)")
				.params(display, key(display), suggestedBy).update();
			return resolve(display).orElseThrow();
		});
	}

	/** Accepts a suggested skill into the taxonomy. */
	@Transactional
	public void approve(long skillId) {
		int changed = jdbc.sql("UPDATE skill SET status = 'APPROVED' WHERE id = ? AND status = 'SUGGESTED'")
			.param(skillId).update();
		if (changed == 0) {
			throw new InvalidInputException("skill", "is not a suggestion waiting for approval");
		}
	}

	/**
	 * Folds a suggested skill into an existing one: its name becomes an alias and every profile
	 * that had it gets the target skill instead (keeping the higher proficiency).
	 */
	@Transactional
	public void merge(long suggestedId, long intoId) {
		Skill suggested = find(suggestedId).filter(Skill::suggested)
			.orElseThrow(() -> new InvalidInputException("skill", "is not a suggestion waiting for approval"));
		Skill target = find(intoId).filter(s -> !s.suggested())
			.orElseThrow(() -> new InvalidInputException("into", "must be an approved skill"));
		jdbc.sql("""
				UPDATE person_skill SET skill_id = :into
				WHERE skill_id = :from AND person_id NOT IN (SELECT person_id FROM person_skill WHERE skill_id = :into)""")
			.param("into", target.id()).param("from", suggested.id()).update();
		jdbc.sql("DELETE FROM person_skill WHERE skill_id = ?").param(suggested.id()).update();
		jdbc.sql("DELETE FROM skill WHERE id = ?").param(suggested.id()).update();
		jdbc.sql("INSERT INTO skill_alias (alias_key, alias, skill_id) VALUES (?, ?, ?)")
			.params(key(suggested.name()), suggested.name(), target.id()).update();
		events.publishEvent(new SkillMerged(suggested.id(), target.id()));
	}

	/** Every skill id, keyed by the lookup key of its name and of each of its aliases. */
	@Transactional(readOnly = true)
	public Map<String, Long> idsByKey() {
		Map<String, Long> ids = new LinkedHashMap<>();
		jdbc.sql("SELECT name_key, id FROM skill").query(rs -> {
			ids.put(rs.getString(1), rs.getLong(2));
		});
		jdbc.sql("SELECT alias_key, skill_id FROM skill_alias").query(rs -> {
			ids.putIfAbsent(rs.getString(1), rs.getLong(2));
		});
		return ids;
	}

	/** The skills with these ids, in the given order, in two queries whatever their number. */
	private List<Skill> load(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, List<String>> aliases = new LinkedHashMap<>();
		jdbc.sql("SELECT skill_id, alias FROM skill_alias WHERE skill_id IN (:ids) ORDER BY alias_key").param("ids", ids)
			.query(rs -> {
				aliases.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
			});
		Map<Long, Skill> byId = new LinkedHashMap<>();
		jdbc.sql("SELECT id, name, category, status FROM skill WHERE id IN (:ids)").param("ids", ids)
			.query((rs, n) -> new Skill(rs.getLong("id"), rs.getString("name"), rs.getString("category"),
					"SUGGESTED".equals(rs.getString("status")), List.copyOf(aliases.getOrDefault(rs.getLong("id"), List.of()))))
			.list().forEach(skill -> byId.put(skill.id(), skill));
		return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
	}

	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
