package org.guildhall.people;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.InvalidInputException.FieldProblem;
import org.guildhall.shared.NotFoundException;
import org.guildhall.shared.PageRequest;
import org.guildhall.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people directory: search, profiles and profile edits. Everyone signed in may search and
 * read profiles; a person may edit their own profile, an administrator anyone's.
 */
@Service
public class PeopleDirectory {

	private static final int TOP_SKILLS = 3;

	/** The most matches a search counts and pages through. */
	public static final int MAX_RESULTS = 10_000;

	private static final int SORT_MATCHES_UP_TO = 2_000;

	private final JdbcClient jdbc;
	private final SkillCatalog skills;
	private final ApplicationEventPublisher events;
	private final AtomicReference<Facets> facets = new AtomicReference<>();

	PeopleDirectory(JdbcClient jdbc, SkillCatalog skills, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.skills = skills;
		this.events = events;
	}

	/**
	 * Active people matching the query, ordered by name. Only the first {@link #MAX_RESULTS}
	 * matches are counted and can be paged through; the result says when there are more.
	 */
	@Transactional(readOnly = true)
	public PageResult<PersonSummary> search(DirectoryQuery query, PageRequest page) {
		StringBuilder where = new StringBuilder(" WHERE p.active = TRUE");
		Map<String, Object> params = new LinkedHashMap<>();
		if (query.text() != null) {
			List<String> words = NameTokens.queryWords(query.text());
			// a prefix as a range, so that the token index serves it whatever the database's collation
			for (int i = 0; i < words.size(); i++) {
				where.append(" AND p.id IN (SELECT t.person_id FROM person_name_token t WHERE t.token >= :from")
					.append(i).append(" AND t.token < :to").append(i).append(")");
				params.put("from" + i, words.get(i));
				params.put("to" + i, prefixEnd(words.get(i)));
			}
		}
		if (query.skill() != null) {
			Optional<Long> skill = skills.resolveId(query.skill());
			if (skill.isEmpty()) {
				return new PageResult<>(List.of(), page.page(), page.size(), 0);
			}
			where.append(" AND p.id IN (SELECT ps.person_id FROM person_skill ps WHERE ps.skill_id = :skill")
				.append(query.teachersOnly() ? " AND ps.can_teach = TRUE)" : ")");
			params.put("skill", skill.get());
		}
		if (query.department() != null) {
			where.append(" AND p.department = :department");
			params.put("department", query.department());
		}
		if (query.location() != null) {
			where.append(" AND p.location = :location");
			params.put("location", query.location());
		}
		if (page.offset() + page.size() > MAX_RESULTS) {
			throw new InvalidInputException("page", "only the first " + MAX_RESULTS
					+ " matches can be paged through; narrow the search with a name, skill, department or location");
		}
		// counting stops after MAX_RESULTS: nobody pages through more, and counting everyone costs every request
		long counted = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM person p" + where + " LIMIT " + (MAX_RESULTS + 1) + ") matches")
			.params(params).query(Long.class).single();
		boolean exact = counted <= MAX_RESULTS;
		long total = Math.min(counted, MAX_RESULTS);
		if (total == 0 || page.offset() >= total) {
			return new PageResult<>(List.of(), page.page(), page.size(), total, exact);
		}
		List<PersonSummary> rows = jdbc
			.sql("SELECT p.id, p.full_name, p.title, p.department, p.location, p.email FROM person p" + where
					+ " ORDER BY " + nameOrder(query, total) + " LIMIT :limit OFFSET :offset")
			.params(params).param("limit", page.size()).param("offset", page.offset())
			.query((rs, n) -> new PersonSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), List.of()))
			.list();
		Map<Long, List<String>> topSkills = topSkills(rows.stream().map(PersonSummary::id).toList());
		List<PersonSummary> items = rows.stream()
			.map(r -> new PersonSummary(r.id(), r.fullName(), r.title(), r.department(), r.location(), r.email(),
					topSkills.getOrDefault(r.id(), List.of())))
			.toList();
		return new PageResult<>(items, page.page(), page.size(), total, exact);
	}

	/** Departments and locations of active people, for the directory's filters (kept for a minute). */
	public Facets facets() {
		Facets current = facets.get();
		if (current == null || current.isStale()) {
			current = new Facets(
					jdbc.sql("SELECT DISTINCT department FROM person WHERE active = TRUE AND department IS NOT NULL")
						.query(String.class).list().stream().collect(java.util.stream.Collectors.toCollection(TreeSet::new)),
					jdbc.sql("SELECT DISTINCT location FROM person WHERE active = TRUE AND location IS NOT NULL")
						.query(String.class).list().stream().collect(java.util.stream.Collectors.toCollection(TreeSet::new)),
					System.nanoTime());
			facets.set(current);
		}
		return current;
	}

	void forgetFacets() {
		facets.set(null);
	}

	/** A profile; inactive people are visible to administrators only. */
	@Transactional(readOnly = true)
	public Profile profile(long personId, CurrentUser viewer) {
		Profile profile = findProfile(personId).orElseThrow(() -> new NotFoundException("No person with id " + personId));
		if (!profile.active() && !viewer.isAdmin()) {
			throw new NotFoundException("No person with id " + personId);
		}
		return profile;
	}

	@Transactional(readOnly = true)
	public Optional<Long> findIdByEmail(String email) {
		return jdbc.sql("SELECT id FROM person WHERE email = ?").param(email.strip().toLowerCase(Locale.ROOT))
			.query(Long.class).optional();
	}

	/** Whether one of the two is the other's manager, manager's manager, and so on (mentors come from outside it). */
	@Transactional(readOnly = true)
	public boolean shareReportingLine(long a, long b) {
		String chain = """
				WITH RECURSIVE chain (id, manager_id, depth) AS (
				  SELECT id, manager_id, 0 FROM person WHERE id = ?
				  UNION ALL SELECT p.id, p.manager_id, c.depth + 1 FROM person p JOIN chain c ON p.id = c.manager_id WHERE c.depth < 50)
				SELECT COUNT(*) FROM chain WHERE id = ?""";
		return jdbc.sql(chain).params(a, b).query(Long.class).single() > 0
				|| jdbc.sql(chain).params(b, a).query(Long.class).single() > 0;
	}

	/** The person's time zone, for showing times in it; UTC when unknown or not a zone Java knows. */
	@Transactional(readOnly = true)
	public java.time.ZoneId timeZoneOf(long personId) {
		String id = jdbc.sql("SELECT time_zone FROM person WHERE id = ?").param(personId).query(String.class).optional().orElse("UTC");
		try {
			return java.time.ZoneId.of(id);
		}
		catch (java.time.DateTimeException e) {
			return java.time.ZoneOffset.UTC;
		}
	}

	@Transactional(readOnly = true)
	public boolean isActive(long personId) {
		return jdbc.sql("SELECT active FROM person WHERE id = ?").param(personId).query(Boolean.class).optional()
			.orElse(false);
	}

	/** A short reference to each of the given people that exists, for links. */
	@Transactional(readOnly = true)
	public Map<Long, PersonRef> refs(java.util.Collection<Long> ids) {
		return refs(ids, false);
	}

	/** Like {@link #refs}, leaving out people who are no longer active. */
	public Map<Long, PersonRef> activeRefs(java.util.Collection<Long> ids) {
		return refs(ids, true);
	}

	private Map<Long, PersonRef> refs(java.util.Collection<Long> ids, boolean activeOnly) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, PersonRef> refs = new LinkedHashMap<>();
		jdbc.sql("SELECT id, full_name, title FROM person WHERE id IN (:ids)" + (activeOnly ? " AND active = TRUE" : "")).param("ids", ids)
			.query((rs, n) -> new PersonRef(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list().forEach(r -> refs.put(r.id(), r));
		return refs;
	}

	/** The work e-mail of each of the given people that exists (for calendar invitations and mail). */
	public Map<Long, String> emails(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, String> emails = new LinkedHashMap<>();
		jdbc.sql("SELECT id, email FROM person WHERE id IN (:ids)").param("ids", ids)
			.query(rs -> {
				emails.put(rs.getLong(1), rs.getString(2));
			});
		return emails;
	}

	/**
	 * Matching facts for each of the given people that exists, read with a handful of queries per
	 * thousand people. A skill counts as teachable when marked so or held at proficiency 4 or 5; a
	 * skill someone wants to learn is wanted two levels above where they are (at least 3).
	 */
	@Transactional(readOnly = true)
	public Map<Long, MatchingFacts> matchingFacts(java.util.Collection<Long> ids) {
		Map<Long, MatchingFacts> facts = new LinkedHashMap<>();
		List<Long> all = List.copyOf(new LinkedHashSet<>(ids));
		for (int from = 0; from < all.size(); from += 1000) {
			List<Long> chunk = all.subList(from, Math.min(all.size(), from + 1000));
			Map<Long, List<String>> languages = new LinkedHashMap<>();
			jdbc.sql("SELECT person_id, language FROM person_language WHERE person_id IN (:ids) ORDER BY person_id, language")
				.param("ids", chunk)
				.query(rs -> {
					languages.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
				});
			Map<Long, Map<String, Integer>> teaches = new LinkedHashMap<>();
			Map<Long, Map<String, Integer>> wants = new LinkedHashMap<>();
			jdbc.sql("""
					SELECT ps.person_id, s.name, ps.proficiency, ps.can_teach, ps.wants_to_learn
					FROM person_skill ps JOIN skill s ON s.id = ps.skill_id WHERE ps.person_id IN (:ids)
					ORDER BY ps.person_id, s.name""")
				.param("ids", chunk)
				.query(rs -> {
					long person = rs.getLong(1);
					int proficiency = rs.getInt(3);
					if (rs.getBoolean(4) || proficiency >= 4) {
						teaches.computeIfAbsent(person, k -> new java.util.TreeMap<>()).put(rs.getString(2), proficiency);
					}
					if (rs.getBoolean(5)) {
						wants.computeIfAbsent(person, k -> new java.util.TreeMap<>())
							.put(rs.getString(2), Math.min(5, Math.max(3, proficiency + 2)));
					}
				});
			Map<Long, List<String>> goals = new LinkedHashMap<>();
			jdbc.sql("SELECT person_id, text FROM learning_goal WHERE person_id IN (:ids) ORDER BY person_id, position")
				.param("ids", chunk)
				.query(rs -> {
					goals.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
				});
			jdbc.sql("""
					SELECT id, full_name, title, department, level, time_zone, bio, manager_id FROM person
					WHERE id IN (:ids) ORDER BY id""")
				.param("ids", chunk)
				.query(rs -> {
					long id = rs.getLong("id");
					int level = rs.getInt("level");
					Integer levelOrNull = rs.wasNull() ? null : level;
					long manager = rs.getLong("manager_id");
					Long managerOrNull = rs.wasNull() ? null : manager;
					facts.put(id, new MatchingFacts(id, rs.getString("full_name"), rs.getString("title"),
							rs.getString("department"), levelOrNull, rs.getString("time_zone"),
							List.copyOf(languages.getOrDefault(id, List.of())), Map.copyOf(teaches.getOrDefault(id, Map.of())),
							Map.copyOf(wants.getOrDefault(id, Map.of())), List.copyOf(goals.getOrDefault(id, List.of())),
							rs.getString("bio"), managerOrNull));
				});
		}
		return facts;
	}

	/** Every person's manager (person id → manager's person id), for reporting-line rules. */
	@Transactional(readOnly = true)
	public Map<Long, Long> reportingLines() {
		Map<Long, Long> managers = new java.util.HashMap<>();
		jdbc.sql("SELECT id, manager_id FROM person WHERE manager_id IS NOT NULL").query(rs -> {
			managers.put(rs.getLong(1), rs.getLong(2));
		});
		return managers;
	}

	/**
	 * Changes the editable part of a profile. Only the person themselves or an administrator may;
	 * a stale {@code version} is refused so that concurrent edits are never lost silently.
	 */
	@Transactional
	public Profile updateProfile(long personId, ProfileUpdate update, CurrentUser editor) {
		if (!editor.is(personId) && !editor.isAdmin()) {
			throw new AccessDeniedException("You can only edit your own profile");
		}
		Profile current = findProfile(personId).orElseThrow(() -> new NotFoundException("No person with id " + personId));
		if (current.email().equals(PersonErased.erasedEmail(personId))) {
			throw new ConflictException("This person was erased; their profile cannot be edited");
		}
		List<FieldProblem> problems = new ArrayList<>();
		String timeZone = update.timeZone().strip();
		try {
			timeZone = ZoneId.of(timeZone).getId();
		}
		catch (DateTimeException e) {
			problems.add(new FieldProblem("timeZone", "is not a known time zone (use a name such as Europe/Berlin)"));
		}
		if (update.mentoringRole().mentors() && update.mentoringCapacity() < 1) {
			problems.add(new FieldProblem("mentoringCapacity", "must be at least 1 when you offer to mentor"));
		}
		Set<String> seenSkills = new LinkedHashSet<>();
		for (int i = 0; i < update.skills().size(); i++) {
			ProfileUpdate.SkillChoice choice = update.skills().get(i);
			if (!seenSkills.add(SkillCatalog.key(choice.skill()))) {
				problems.add(new FieldProblem("skills[" + i + "].skill", "is listed twice"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		int changed = jdbc.sql("""
				UPDATE person SET bio = :bio, time_zone = :tz, mentoring_role = :role, mentoring_capacity = :capacity,
				       version = version + 1, updated_at = CURRENT_TIMESTAMP
				WHERE id = :id AND version = :version""")
			.param("bio", blankToNull(update.bio())).param("tz", timeZone).param("role", update.mentoringRole().name())
			.param("capacity", update.mentoringCapacity()).param("id", personId).param("version", update.version())
			.update();
		if (changed == 0) {
			throw new ConflictException("This profile was changed by someone else since you opened it (version "
					+ current.version() + " now); reload and try again.");
		}
		jdbc.sql("DELETE FROM person_language WHERE person_id = ?").param(personId).update();
		Set<String> languages = new LinkedHashSet<>();
		for (String language : update.languages()) {
			String clean = language.strip();
			if (languages.stream().noneMatch(l -> l.equalsIgnoreCase(clean))) {
				languages.add(clean);
				jdbc.sql("INSERT INTO person_language (person_id, language) VALUES (?, ?)").params(personId, clean).update();
			}
		}
		jdbc.sql("DELETE FROM person_skill WHERE person_id = ?").param(personId).update();
		Set<Long> skillIds = new LinkedHashSet<>();
		for (ProfileUpdate.SkillChoice choice : update.skills()) {
			Skill skill = skills.resolveOrSuggest(choice.skill(), personId);
			if (skillIds.add(skill.id())) {
				jdbc.sql("INSERT INTO person_skill (person_id, skill_id, proficiency, can_teach, wants_to_learn) VALUES (?, ?, ?, ?, ?)")
					.params(personId, skill.id(), choice.proficiency(), choice.canTeach(), choice.wantsToLearn()).update();
			}
		}
		jdbc.sql("DELETE FROM learning_goal WHERE person_id = ?").param(personId).update();
		for (int i = 0; i < update.goals().size(); i++) {
			jdbc.sql("INSERT INTO learning_goal (person_id, position, text) VALUES (?, ?, ?)")
				.params(personId, i, update.goals().get(i).strip()).update();
		}
		events.publishEvent(new ProfileUpdated(personId, editor.accountId()));
		return findProfile(personId).orElseThrow();
	}

	private Optional<Profile> findProfile(long personId) {
		return jdbc.sql("""
				SELECT p.*, m.full_name AS manager_name, m.title AS manager_title
				FROM person p LEFT JOIN person m ON m.id = p.manager_id WHERE p.id = ?""")
			.param(personId)
			.query((rs, n) -> {
				long managerId = rs.getLong("manager_id");
				PersonRef manager = rs.wasNull() ? null
						: new PersonRef(managerId, rs.getString("manager_name"), rs.getString("manager_title"));
				int level = rs.getInt("level");
				Integer levelOrNull = rs.wasNull() ? null : level;
				java.sql.Date hire = rs.getDate("hire_date");
				return new Profile(rs.getLong("id"), rs.getString("employee_id"), rs.getString("email"),
						rs.getString("full_name"), rs.getString("title"), rs.getString("department"),
						rs.getString("location"), rs.getString("time_zone"), levelOrNull, manager, List.of(),
						hire == null ? null : hire.toLocalDate(), rs.getString("bio"), List.of(), List.of(), List.of(),
						MentoringRole.valueOf(rs.getString("mentoring_role")), rs.getInt("mentoring_capacity"),
						rs.getBoolean("active"), rs.getLong("version"));
			})
			.optional()
			.map(p -> new Profile(p.id(), p.employeeId(), p.email(), p.fullName(), p.title(), p.department(),
					p.location(), p.timeZone(), p.level(), p.manager(), reportsOf(p.id()), p.hireDate(), p.bio(),
					languagesOf(p.id()), skillsOf(p.id()), goalsOf(p.id()), p.mentoringRole(),
					p.mentoringCapacity(), p.active(), p.version()));
	}

	private List<PersonRef> reportsOf(long personId) {
		return jdbc.sql("SELECT id, full_name, title FROM person WHERE manager_id = ? AND active = TRUE ORDER BY full_name")
			.param(personId).query((rs, n) -> new PersonRef(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
	}

	private List<String> languagesOf(long personId) {
		return jdbc.sql("SELECT language FROM person_language WHERE person_id = ? ORDER BY language").param(personId)
			.query(String.class).list();
	}

	private List<SkillEntry> skillsOf(long personId) {
		return jdbc.sql("""
				SELECT s.id, s.name, ps.proficiency, ps.can_teach, ps.wants_to_learn
				FROM person_skill ps JOIN skill s ON s.id = ps.skill_id
				WHERE ps.person_id = ? ORDER BY ps.proficiency DESC, s.name""")
			.param(personId)
			.query((rs, n) -> new SkillEntry(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4), rs.getBoolean(5)))
			.list();
	}

	private List<String> goalsOf(long personId) {
		return jdbc.sql("SELECT text FROM learning_goal WHERE person_id = ? ORDER BY position").param(personId)
			.query(String.class).list();
	}

	private Map<Long, List<String>> topSkills(List<Long> personIds) {
		if (personIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<String>> top = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT ps.person_id, s.name FROM person_skill ps JOIN skill s ON s.id = ps.skill_id
				WHERE ps.person_id IN (:ids) ORDER BY ps.person_id, ps.proficiency DESC, s.name""")
			.param("ids", personIds)
			.query(rs -> {
				List<String> list = top.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>());
				if (list.size() < TOP_SKILLS) {
					list.add(rs.getString(2));
				}
			});
		return top;
	}

	/**
	 * Name order for a page: the few matches of a name or skill search are sorted; otherwise the
	 * order is led by the columns the query fixes, so that the database reads the page straight
	 * from the matching index (person_by_department, person_by_location or person_by_name).
	 */
	private static String nameOrder(DirectoryQuery query, long matches) {
		if ((query.text() != null || query.skill() != null) && matches <= SORT_MATCHES_UP_TO) {
			// few matches found through the name or skill index: sorting them beats walking everyone in name order
			return "p.full_name, p.id";
		}
		if (query.department() != null) {
			return "p.department, p.active, p.full_name, p.id";
		}
		if (query.location() != null) {
			return "p.location, p.active, p.full_name, p.id";
		}
		return "p.active, p.full_name, p.id";
	}

	/** The smallest string greater than every string that starts with the prefix. */
	static String prefixEnd(String prefix) {
		int last = prefix.codePointBefore(prefix.length());
		return prefix.substring(0, prefix.length() - Character.charCount(last)) + new String(Character.toChars(last + 1));
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/** The values the directory can be filtered by. */
	public record Facets(Set<String> departments, Set<String> locations, long loadedAt) {

		boolean isStale() {
			return System.nanoTime() - loadedAt > 60_000_000_000L;
		}
	}
}
