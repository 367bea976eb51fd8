package org.guildhall.people.hrimport;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

import org.guildhall.people.MentoringRole;
import org.guildhall.people.SkillCatalog;
import org.guildhall.people.hrimport.ImportPlan.Change;
import org.guildhall.people.hrimport.ImportPlan.Deactivation;
import org.guildhall.people.hrimport.PersonRecord.SkillValue;
import org.jspecify.annotations.Nullable;

/**
 * Compares an HR file with what Guildhall holds and decides, row by row, what would change. Checks
 * every value and the reporting line as a whole; never writes anything.
 */
public final class ImportPlanner {

	static final int MAX_ISSUES = 1_000;
	private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+'\\-]+@[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?)+$");
	private static final Pattern EMPLOYEE_ID = Pattern.compile("^[\\p{L}\\p{N}._\\-/]{1,64}$");
	private static final int MAX_LANGUAGES = 10;
	private static final int MAX_SKILLS = 50;
	private static final int MAX_GOALS = 10;

	/** What Guildhall holds for one person now. */
	public record Existing(long id, boolean active, PersonRecord record) {
	}

	private final Map<String, Long> skillIdsByKey;
	private final Map<String, Existing> existingByEmployeeId;
	private final Map<String, Existing> existingByEmail = new HashMap<>();
	private final List<ImportIssue> issues = new ArrayList<>();
	private int issueCount;
	/** The columns the file has: a required column the header lacks is reported once, on line 1, not on every row. */
	private final Set<Column> columnsPresent = EnumSet.noneOf(Column.class);

	public ImportPlanner(Map<String, Long> skillIdsByKey, Map<String, Existing> existingByEmployeeId) {
		this.skillIdsByKey = skillIdsByKey;
		this.existingByEmployeeId = existingByEmployeeId;
		existingByEmployeeId.values().forEach(e -> existingByEmail.put(e.record().email(), e));
	}

	public ImportPlan plan(HrFile file, IntConsumer progress) {
		file.issues().forEach(this::report);
		Set<Column> columns = EnumSet.noneOf(Column.class);
		columns.addAll(file.columns());
		columnsPresent.addAll(file.columns());
		if (!file.issues().isEmpty() && file.rows().isEmpty()) {
			return new ImportPlan(columns, List.of(), List.of(), List.of(), 0, capped(), Map.of());
		}

		Map<String, Integer> lineOfEmployeeId = new HashMap<>();
		Map<String, Integer> lineOfEmail = new HashMap<>();
		Map<String, String> employeeIdByEmail = new HashMap<>();
		for (HrRow row : file.rows()) {
			String employeeId = row.get(Column.EMPLOYEE_ID);
			String email = row.get(Column.EMAIL) == null ? null : row.get(Column.EMAIL).toLowerCase(Locale.ROOT);
			if (employeeId != null) {
				Integer first = lineOfEmployeeId.putIfAbsent(employeeId, row.line());
				if (first != null) {
					report(new ImportIssue(row.line(), "employee_id", "The employee id '" + employeeId + "' is also on line " + first + "."));
				}
			}
			if (email != null) {
				Integer first = lineOfEmail.putIfAbsent(email, row.line());
				if (first != null) {
					report(new ImportIssue(row.line(), "email", "The e-mail '" + email + "' is also on line " + first + "."));
				}
				else if (employeeId != null) {
					employeeIdByEmail.put(email, employeeId);
				}
			}
		}

		Map<String, PersonRecord> records = new LinkedHashMap<>();
		Map<String, Integer> lines = new HashMap<>();
		int done = 0;
		for (HrRow row : file.rows()) {
			PersonRecord record = read(row, file, lineOfEmployeeId, employeeIdByEmail);
			if (record != null && !records.containsKey(record.employeeId())) {
				records.put(record.employeeId(), record);
				lines.put(record.employeeId(), row.line());
			}
			if (++done % 5_000 == 0) {
				progress.accept(done);
			}
		}
		checkReportingLine(records, lines);
		checkEmailOwners(records, lines);

		List<Change> creates = new ArrayList<>();
		List<Change> updates = new ArrayList<>();
		int unchanged = 0;
		for (PersonRecord record : records.values()) {
			int line = lines.get(record.employeeId());
			Existing existing = existingByEmployeeId.get(record.employeeId());
			if (existing == null) {
				creates.add(new Change(line, null, record, false, true, false, "new: " + record.fullName()
						+ (record.title() == null ? "" : ", " + record.title())
						+ (record.department() == null ? "" : ", " + record.department())));
				continue;
			}
			List<String> changed = differences(existing.record(), record);
			if (changed.isEmpty() && existing.active()) {
				unchanged++;
			}
			else {
				String summary = existing.active() ? "changed: " + String.join(", ", changed)
						: "reactivated" + (changed.isEmpty() ? "" : "; changed: " + String.join(", ", changed));
				updates.add(new Change(line, existing.id(), record, !existing.active(),
						!existing.record().fullName().equals(record.fullName()),
						!existing.record().email().equals(record.email()), summary));
			}
		}
		List<Deactivation> deactivations = new ArrayList<>();
		if (file.rows().size() > 0) {
			for (Existing existing : existingByEmployeeId.values()) {
				if (existing.active() && !lineOfEmployeeId.containsKey(existing.record().employeeId())) {
					deactivations.add(new Deactivation(existing.id(), existing.record().employeeId(), existing.record().fullName()));
				}
			}
		}
		progress.accept(done);
		Map<String, Integer> cleared = new java.util.TreeMap<>();
		for (Change update : updates) {
			Existing existing = existingByEmployeeId.get(update.record().employeeId());
			cleared(existing.record(), update.record()).forEach(field -> cleared.merge(field, 1, Integer::sum));
		}
		return new ImportPlan(columns, creates, updates, deactivations, unchanged, capped(), cleared);
	}

	private @Nullable PersonRecord read(HrRow row, HrFile file, Map<String, Integer> lineOfEmployeeId,
			Map<String, String> employeeIdByEmail) {
		int line = row.line();
		int before = issueCount;
		String employeeId = required(row, Column.EMPLOYEE_ID);
		if (employeeId != null && !EMPLOYEE_ID.matcher(employeeId).matches()) {
			issue(line, Column.EMPLOYEE_ID, "'" + employeeId + "' is not a valid employee id (letters, digits, . _ - / and at most 64 characters).");
		}
		String email = required(row, Column.EMAIL);
		if (email != null) {
			email = email.toLowerCase(Locale.ROOT);
			if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
				issue(line, Column.EMAIL, "'" + row.get(Column.EMAIL) + "' is not a valid e-mail address.");
			}
		}
		String fullName = required(row, Column.FULL_NAME);
		checkLength(row, Column.FULL_NAME, 200);
		checkLength(row, Column.TITLE, 200);
		checkLength(row, Column.DEPARTMENT, 120);
		checkLength(row, Column.LOCATION, 120);

		Existing existing = employeeId == null ? null : existingByEmployeeId.get(employeeId);
		PersonRecord old = existing == null ? null : existing.record();

		String timeZone = old == null ? "UTC" : old.timeZone();
		if (file.has(Column.TIME_ZONE)) {
			timeZone = "UTC";
			String value = row.get(Column.TIME_ZONE);
			if (value != null) {
				try {
					timeZone = ZoneId.of(value).getId();
				}
				catch (DateTimeException e) {
					issue(line, Column.TIME_ZONE, "'" + value + "' is not a known time zone (use a name such as Europe/Berlin).");
				}
			}
		}
		Integer level = old == null ? null : old.level();
		if (file.has(Column.LEVEL)) {
			level = integer(row, Column.LEVEL, 1, 15);
		}
		LocalDate hireDate = old == null ? null : old.hireDate();
		if (file.has(Column.HIRE_DATE)) {
			hireDate = date(row, Column.HIRE_DATE, line);
		}
		LocalDate leavingDate = old == null ? null : old.leavingDate();
		if (file.has(Column.LEAVING_DATE)) {
			leavingDate = date(row, Column.LEAVING_DATE, line);
		}
		String managerEmployeeId = old == null ? null : old.managerEmployeeId();
		if (file.has(Column.MANAGER)) {
			managerEmployeeId = null;
			String value = row.get(Column.MANAGER);
			if (value != null) {
				if (lineOfEmployeeId.containsKey(value)) {
					managerEmployeeId = value;
				}
				else if (employeeIdByEmail.containsKey(value.toLowerCase(Locale.ROOT))) {
					managerEmployeeId = employeeIdByEmail.get(value.toLowerCase(Locale.ROOT));
				}
				else if (existingByEmployeeId.containsKey(value)) {
					// a manager already in Guildhall, as the file format allows
					managerEmployeeId = value;
				}
				else if (existingByEmail.containsKey(value.toLowerCase(Locale.ROOT))) {
					managerEmployeeId = existingByEmail.get(value.toLowerCase(Locale.ROOT)).record().employeeId();
				}
				else {
					issue(line, Column.MANAGER, "The manager '" + value + "' is neither in the file nor in Guildhall (give the manager's e-mail or employee id).");
				}
				if (managerEmployeeId != null && managerEmployeeId.equals(employeeId)) {
					issue(line, Column.MANAGER, "A person cannot be their own manager.");
					managerEmployeeId = null;
				}
			}
		}
		String bio = old == null ? null : old.bio();
		if (file.has(Column.BIO)) {
			bio = row.get(Column.BIO);
		}
		String mentoring = old == null ? MentoringRole.NONE.name() : old.mentoringRole();
		if (file.has(Column.MENTORING)) {
			mentoring = MentoringRole.NONE.name();
			String value = row.get(Column.MENTORING);
			if (value != null) {
				try {
					mentoring = MentoringRole.valueOf(value.toUpperCase(Locale.ROOT)).name();
				}
				catch (IllegalArgumentException e) {
					issue(line, Column.MENTORING, "'" + value + "' is not one of NONE, MENTOR, MENTEE, BOTH.");
				}
			}
		}
		int capacity = old == null ? 0 : old.mentoringCapacity();
		if (file.has(Column.MENTORING_CAPACITY)) {
			Integer value = integer(row, Column.MENTORING_CAPACITY, 0, 20);
			capacity = value == null ? 0 : value;
		}
		List<String> languages = old == null ? List.of() : old.languages();
		if (file.has(Column.LANGUAGES)) {
			languages = languages(row);
		}
		List<SkillValue> skills = old == null ? List.of() : old.skills();
		if (file.has(Column.SKILLS)) {
			skills = skills(row);
		}
		List<String> goals = old == null ? List.of() : old.goals();
		if (file.has(Column.GOALS)) {
			goals = goals(row);
		}
		if (issueCount > before || employeeId == null || email == null || fullName == null) {
			return null;
		}
		return new PersonRecord(employeeId, email, fullName, 
				file.has(Column.TITLE) ? row.get(Column.TITLE) : old == null ? null : old.title(),
				file.has(Column.DEPARTMENT) ? row.get(Column.DEPARTMENT) : old == null ? null : old.department(),
				file.has(Column.LOCATION) ? row.get(Column.LOCATION) : old == null ? null : old.location(),
				timeZone, level, managerEmployeeId, hireDate, leavingDate, bio, mentoring, capacity, languages, skills, goals);
	}

	private List<String> languages(HrRow row) {
		String value = row.get(Column.LANGUAGES);
		if (value == null) {
			return List.of();
		}
		Set<String> languages = new LinkedHashSet<>();
		Set<String> keys = new HashSet<>();
		for (String part : value.split(";")) {
			String language = part.strip();
			if (language.isEmpty()) {
				continue;
			}
			if (language.length() > 40) {
				issue(row.line(), Column.LANGUAGES, "'" + language + "' is longer than 40 characters.");
			}
			else if (keys.add(language.toLowerCase(Locale.ROOT))) {
				languages.add(language);
			}
		}
		if (languages.size() > MAX_LANGUAGES) {
			issue(row.line(), Column.LANGUAGES, "At most " + MAX_LANGUAGES + " languages.");
		}
		List<String> sorted = new ArrayList<>(languages);
		Collections.sort(sorted);
		return List.copyOf(sorted);
	}

	private List<SkillValue> skills(HrRow row) {
		String value = row.get(Column.SKILLS);
		if (value == null) {
			return List.of();
		}
		Map<Long, SkillValue> skills = new HashMap<>();
		for (String part : value.split(";")) {
			String entry = part.strip();
			if (entry.isEmpty()) {
				continue;
			}
			String[] pieces = entry.split(":");
			String name = pieces[0].strip();
			if (pieces.length < 2 || name.isEmpty()) {
				issue(row.line(), Column.SKILLS, "'" + entry + "' is not of the form Skill:proficiency[:teach][:learn].");
				continue;
			}
			Long skillId = skillIdsByKey.get(SkillCatalog.key(name));
			if (skillId == null) {
				issue(row.line(), Column.SKILLS, "Unknown skill '" + name + "' (not in the skill taxonomy nor its aliases).");
				continue;
			}
			int proficiency;
			try {
				proficiency = Integer.parseInt(pieces[1].strip());
			}
			catch (NumberFormatException e) {
				proficiency = -1;
			}
			if (proficiency < 1 || proficiency > 5) {
				issue(row.line(), Column.SKILLS, "The proficiency of '" + name + "' must be a whole number from 1 to 5.");
				continue;
			}
			boolean teach = false;
			boolean learn = false;
			boolean flagsOk = true;
			for (int i = 2; i < pieces.length; i++) {
				String flag = pieces[i].strip().toLowerCase(Locale.ROOT);
				switch (flag) {
					case "teach" -> teach = true;
					case "learn" -> learn = true;
					default -> {
						issue(row.line(), Column.SKILLS, "'" + pieces[i].strip() + "' after '" + name + "' is neither teach nor learn.");
						flagsOk = false;
					}
				}
			}
			if (!flagsOk) {
				continue;
			}
			if (skills.putIfAbsent(skillId, new SkillValue(skillId, proficiency, teach, learn)) != null) {
				issue(row.line(), Column.SKILLS, "The skill '" + name + "' is listed twice.");
			}
		}
		if (skills.size() > MAX_SKILLS) {
			issue(row.line(), Column.SKILLS, "At most " + MAX_SKILLS + " skills.");
		}
		List<SkillValue> sorted = new ArrayList<>(skills.values());
		Collections.sort(sorted);
		return List.copyOf(sorted);
	}

	private List<String> goals(HrRow row) {
		String value = row.get(Column.GOALS);
		if (value == null) {
			return List.of();
		}
		List<String> goals = new ArrayList<>();
		for (String part : value.split("\\|")) {
			String goal = part.strip();
			if (goal.isEmpty()) {
				continue;
			}
			if (goal.length() > 500) {
				issue(row.line(), Column.GOALS, "A goal is longer than 500 characters.");
			}
			goals.add(goal);
		}
		if (goals.size() > MAX_GOALS) {
			issue(row.line(), Column.GOALS, "At most " + MAX_GOALS + " goals.");
		}
		return List.copyOf(goals);
	}

	/** Managers must form a tree: follow each chain upwards and report every loop once. */
	private void checkReportingLine(Map<String, PersonRecord> records, Map<String, Integer> lines) {
		Map<String, Integer> state = new HashMap<>();
		for (String start : records.keySet()) {
			if (state.containsKey(start)) {
				continue;
			}
			List<String> path = new ArrayList<>();
			Map<String, Integer> positionInPath = new HashMap<>();
			String current = start;
			while (current != null && !state.containsKey(current) && records.containsKey(current)) {
				positionInPath.put(current, path.size());
				path.add(current);
				state.put(current, 1);
				current = records.get(current).managerEmployeeId();
			}
			if (current != null && positionInPath.containsKey(current)) {
				List<String> loop = path.subList(positionInPath.get(current), path.size());
				String first = loop.stream().min((a, b) -> Integer.compare(lines.get(a), lines.get(b))).orElseThrow();
				List<String> names = new ArrayList<>();
				for (String id : loop) {
					names.add(records.get(id).fullName() + " (" + id + ", line " + lines.get(id) + ")");
				}
				names.add(records.get(loop.get(0)).fullName());
				report(new ImportIssue(lines.get(first), "manager",
						"The reporting line goes round in a circle: " + String.join(" → ", names) + "."));
			}
			path.forEach(id -> state.put(id, 2));
		}
	}

	/** An e-mail may move between people only when its current owner gets another one in the same file. */
	private void checkEmailOwners(Map<String, PersonRecord> records, Map<String, Integer> lines) {
		for (PersonRecord record : records.values()) {
			Existing owner = existingByEmail.get(record.email());
			if (owner != null && !owner.record().employeeId().equals(record.employeeId())) {
				PersonRecord ownerInFile = records.get(owner.record().employeeId());
				if (ownerInFile == null || ownerInFile.email().equals(record.email())) {
					report(new ImportIssue(lines.get(record.employeeId()), "email", "The e-mail '" + record.email()
							+ "' already belongs to " + owner.record().fullName() + " (employee id "
							+ owner.record().employeeId() + ")."));
				}
			}
		}
	}

	private static List<String> differences(PersonRecord a, PersonRecord b) {
		List<String> changed = new ArrayList<>();
		compare(changed, "email", a.email(), b.email());
		compare(changed, "name", a.fullName(), b.fullName());
		compare(changed, "title", a.title(), b.title());
		compare(changed, "department", a.department(), b.department());
		compare(changed, "location", a.location(), b.location());
		compare(changed, "time zone", a.timeZone(), b.timeZone());
		compare(changed, "level", a.level(), b.level());
		compare(changed, "manager", a.managerEmployeeId(), b.managerEmployeeId());
		compare(changed, "hire date", a.hireDate(), b.hireDate());
		compare(changed, "leaving date", a.leavingDate(), b.leavingDate());
		compare(changed, "bio", a.bio(), b.bio());
		compare(changed, "mentoring", a.mentoringRole(), b.mentoringRole());
		compare(changed, "capacity", a.mentoringCapacity(), b.mentoringCapacity());
		compare(changed, "languages", a.languages(), b.languages());
		compare(changed, "skills", a.skills(), b.skills());
		compare(changed, "goals", a.goals(), b.goals());
		return changed;
	}

	/** The fields of a person that had a value and that an empty cell in the file clears. */
	private static List<String> cleared(PersonRecord a, PersonRecord b) {
		List<String> cleared = new ArrayList<>();
		clears(cleared, "title", a.title(), b.title());
		clears(cleared, "department", a.department(), b.department());
		clears(cleared, "location", a.location(), b.location());
		clears(cleared, "level", a.level(), b.level());
		clears(cleared, "manager", a.managerEmployeeId(), b.managerEmployeeId());
		clears(cleared, "hire date", a.hireDate(), b.hireDate());
		clears(cleared, "leaving date", a.leavingDate(), b.leavingDate());
		clears(cleared, "bio", a.bio(), b.bio());
		clears(cleared, "languages", a.languages(), b.languages());
		clears(cleared, "skills", a.skills(), b.skills());
		clears(cleared, "goals", a.goals(), b.goals());
		return cleared;
	}

	private static void clears(List<String> cleared, String name, @Nullable Object a, @Nullable Object b) {
		if (!empty(a) && empty(b)) {
			cleared.add(name);
		}
	}

	private static boolean empty(@Nullable Object value) {
		return value == null || (value instanceof java.util.Collection<?> c && c.isEmpty())
				|| (value instanceof Map<?, ?> m && m.isEmpty()) || (value instanceof String text && text.isBlank());
	}

	private static void compare(List<String> changed, String name, @Nullable Object a, @Nullable Object b) {
		if (!Objects.equals(a, b)) {
			changed.add(name);
		}
	}

	private @Nullable String required(HrRow row, Column column) {
		String value = row.get(column);
		if (value == null && columnsPresent.contains(column)) {
			issue(row.line(), column, "A value is required.");
		}
		return value;
	}

	private void checkLength(HrRow row, Column column, int max) {
		String value = row.get(column);
		if (value != null && value.length() > max) {
			issue(row.line(), column, "is longer than " + max + " characters.");
		}
	}

	/** The cell as a date, or null when empty or not a date (reported as an issue of the line). */
	private @Nullable LocalDate date(HrRow row, Column column, int line) {
		String value = row.get(column);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			issue(line, column, "'" + value + "' is not a date in the form YYYY-MM-DD.");
			return null;
		}
	}

	private @Nullable Integer integer(HrRow row, Column column, int min, int max) {
		String value = row.get(column);
		if (value == null) {
			return null;
		}
		try {
			int number = Integer.parseInt(value);
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException e) {
			// reported below
		}
		issue(row.line(), column, "'" + value + "' must be a whole number from " + min + " to " + max + ".");
		return null;
	}

	private void issue(int line, Column column, String message) {
		report(new ImportIssue(line, column.header(), message));
	}

	private void report(ImportIssue issue) {
		issueCount++;
		if (issues.size() < MAX_ISSUES) {
			issues.add(issue);
		}
	}

	/** The issues found, at most {@link #MAX_ISSUES}, plus a last one saying how many more there were. */
	private List<ImportIssue> capped() {
		List<ImportIssue> result = new ArrayList<>(issues);
		if (issueCount > issues.size()) {
			result.add(ImportIssue.ofFile((issueCount - issues.size()) + " more problems are not listed."));
		}
		return result;
	}
}
