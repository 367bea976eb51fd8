package org.guildhall.people.hrimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.guildhall.people.hrimport.ImportPlan.Change;
import org.guildhall.people.hrimport.ImportPlanner.Existing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The planner's rules value by value: what the preview says changed for each column, what a file
 * without a column keeps, and where each limit lies (the last allowed value and the first refused).
 */
class ImportPlannerRulesTest {

	/** Ids chosen so that a hash map would list 16 before 3: the planner must sort them. */
	private static final Map<String, Long> SKILLS = Map.of("java", 1L, "go", 16L, "rust", 3L);

	private static final String FULL_HEADER = "employee_id,email,full_name,title,department,location,time_zone,level,"
			+ "manager,hire_date,leaving_date,languages,skills,goals,bio,mentoring,mentoring_capacity";

	/** Every column of the base row, by header, for a file that has all of them. */
	private static Map<String, String> baseRow() {
		Map<String, String> row = new LinkedHashMap<>();
		row.put("employee_id", "E2");
		row.put("email", "ann@example.com");
		row.put("full_name", "Ann Example");
		row.put("title", "Lead");
		row.put("department", "Platform");
		row.put("location", "Berlin");
		row.put("time_zone", "Europe/Berlin");
		row.put("level", "9");
		row.put("manager", "E1");
		row.put("hire_date", "2021-02-03");
		row.put("leaving_date", "2027-01-31");
		row.put("languages", "German; English");
		row.put("skills", "Java:4:teach; Rust:2:learn");
		row.put("goals", "Lead a team | Speak at a conference");
		row.put("bio", "Builds platforms.");
		row.put("mentoring", "MENTOR");
		row.put("mentoring_capacity", "2");
		return row;
	}

	private static final String BOSS = "E1,boss@example.com,Boss,CEO,Board,Berlin,UTC,15,,2019-01-01,,,,,,NONE,0";

	private static String csv(Map<String, String> row) {
		return FULL_HEADER + "\n" + BOSS + "\n" + String.join(",", row.values()) + "\n";
	}

	private static ImportPlan plan(String csv, Map<String, Existing> existing) {
		return plan(csv, existing, SKILLS);
	}

	private static ImportPlan plan(String csv, Map<String, Existing> existing, Map<String, Long> skills) {
		HrFile file = HrFile.read(csv.getBytes(StandardCharsets.UTF_8), n -> { });
		return new ImportPlanner(skills, existing).plan(file, n -> { });
	}

	private static ImportPlan plan(String csv) {
		return plan(csv, Map.of());
	}

	/** What Guildhall would hold after importing the file once (ids 1, 2, … in file order). */
	private static Map<String, Existing> imported(String csv, boolean active) {
		ImportPlan first = plan(csv);
		assertThat(first.issues()).isEmpty();
		Map<String, Existing> existing = new HashMap<>();
		long id = 1;
		for (Change change : first.creates()) {
			existing.put(change.record().employeeId(), new Existing(id++, active, change.record()));
		}
		return existing;
	}

	private static List<String> messages(ImportPlan plan) {
		return plan.issues().stream().map(ImportIssue::toString).toList();
	}

	private static PersonRecord only(ImportPlan plan, String employeeId) {
		assertThat(plan.issues()).isEmpty();
		List<Change> all = new ArrayList<>(plan.creates());
		all.addAll(plan.updates());
		return all.stream().filter(c -> c.record().employeeId().equals(employeeId)).findFirst().orElseThrow().record();
	}

	@Test
	void readsEveryColumnOfARowIntoTheRecord() {
		ImportPlan plan = plan(csv(baseRow()));
		assertThat(plan.valid()).isTrue();
		PersonRecord ann = only(plan, "E2");
		assertThat(ann).isEqualTo(new PersonRecord("E2", "ann@example.com", "Ann Example", "Lead", "Platform", "Berlin",
				"Europe/Berlin", 9, "E1", LocalDate.of(2021, 2, 3), LocalDate.of(2027, 1, 31), "Builds platforms.", "MENTOR",
				2, List.of("English", "German"), List.of(new PersonRecord.SkillValue(1, 4, true, false),
						new PersonRecord.SkillValue(3, 2, false, true)),
				List.of("Lead a team", "Speak at a conference")));
		assertThat(plan.creates()).extracting(Change::summary)
			.containsExactly("new: Boss, CEO, Board", "new: Ann Example, Lead, Platform");
		assertThat(plan.creates()).allSatisfy(c -> {
			assertThat(c.personId()).isNull();
			assertThat(c.reactivate()).isFalse();
		});
		assertThat(plan.creates()).extracting(Change::line).containsExactly(2, 3);
	}

	@Test
	void aNewPersonWithoutTitleOrDepartmentIsSummarisedByName() {
		ImportPlan plan = plan("employee_id,email,full_name\nE1,a@example.com,Ann\n");
		assertThat(plan.creates()).singleElement().satisfies(c -> assertThat(c.summary()).isEqualTo("new: Ann"));
		ImportPlan withDepartment = plan("employee_id,email,full_name,department\nE1,a@example.com,Ann,Sales\n");
		assertThat(withDepartment.creates()).singleElement()
			.satisfies(c -> assertThat(c.summary()).isEqualTo("new: Ann, Sales"));
	}

	@ParameterizedTest(name = "{0} = {1} → changed: {2}")
	@CsvSource(delimiter = '|', value = {
		"email              | ann.example@example.com  | email",
		"full_name          | Ann Other                | name",
		"title              | Director                 | title",
		"department         | Payments                 | department",
		"location           | Lisbon                   | location",
		"time_zone          | Europe/Lisbon            | time zone",
		"level              | 10                       | level",
		"manager            | ''                       | manager",
		"hire_date          | 2021-02-04               | hire date",
		"leaving_date       | 2027-02-28               | leaving date",
		"languages          | German; English; French  | languages",
		"skills             | Java:5:teach; Rust:2:learn | skills",
		"goals              | Lead a team              | goals",
		"bio                | Builds payment systems.  | bio",
		"mentoring          | BOTH                     | mentoring",
		"mentoring_capacity | 3                        | capacity",
	})
	void eachColumnNamesItselfInTheChangeSummary(String column, String value, String name) {
		String csv = csv(baseRow());
		Map<String, Existing> existing = imported(csv, true);
		Map<String, String> row = baseRow();
		row.put(column, value);

		ImportPlan plan = plan(csv(row), existing);

		assertThat(plan.issues()).isEmpty();
		assertThat(plan.creates()).isEmpty();
		assertThat(plan.unchanged()).as("the boss is unchanged").isEqualTo(1);
		assertThat(plan.updates()).singleElement().satisfies(change -> {
			assertThat(change.summary()).isEqualTo("changed: " + name);
			assertThat(change.personId()).isEqualTo(2L);
			assertThat(change.line()).isEqualTo(3);
			assertThat(change.reactivate()).isFalse();
			assertThat(change.nameChanged()).isEqualTo(column.equals("full_name"));
			assertThat(change.emailChanged()).isEqualTo(column.equals("email"));
		});
	}

	@Test
	void severalChangesAreListedInColumnOrder() {
		String csv = csv(baseRow());
		Map<String, Existing> existing = imported(csv, true);
		Map<String, String> row = baseRow();
		row.put("bio", "Other.");
		row.put("title", "Director");
		row.put("email", "ann2@example.com");
		assertThat(plan(csv(row), existing).updates()).singleElement()
			.satisfies(c -> assertThat(c.summary()).isEqualTo("changed: email, title, bio"));
	}

	@Test
	void someoneInactiveWhoIsBackIsReactivatedWithWhatChanged() {
		String csv = csv(baseRow());
		Map<String, Existing> existing = imported(csv, false);

		ImportPlan same = plan(csv, existing);
		assertThat(same.unchanged()).isZero();
		assertThat(same.deactivations()).as("inactive people are not deactivated again").isEmpty();
		assertThat(same.updates()).extracting(Change::summary).containsExactly("reactivated", "reactivated");
		assertThat(same.updates()).allSatisfy(c -> assertThat(c.reactivate()).isTrue());

		Map<String, String> row = baseRow();
		row.put("title", "Director");
		assertThat(plan(csv(row), existing).updates()).extracting(Change::summary)
			.containsExactly("reactivated", "reactivated; changed: title");
	}

	@Test
	void aFileWithoutAColumnKeepsWhatGuildhallHolds() {
		Map<String, Existing> existing = imported(csv(baseRow()), true);

		ImportPlan plan = plan("employee_id,email,full_name\nE1,boss@example.com,Boss\nE2,ann@example.com,Ann Example\n",
				existing);

		assertThat(plan.issues()).isEmpty();
		assertThat(plan.updates()).isEmpty();
		assertThat(plan.unchanged()).isEqualTo(2);
		assertThat(plan.deactivations()).isEmpty();
	}

	@Test
	void anEmptyCellClearsTheValueOrFallsBackToTheDefault() {
		Map<String, Existing> existing = imported(csv(baseRow()), true);
		Map<String, String> row = baseRow();
		for (String column : List.of("title", "time_zone", "level", "leaving_date", "languages", "skills", "goals", "bio",
				"mentoring", "mentoring_capacity")) {
			row.put(column, "");
		}
		ImportPlan plan = plan(csv(row), existing);
		PersonRecord ann = only(plan, "E2");
		assertThat(ann.title()).isNull();
		assertThat(ann.timeZone()).isEqualTo("UTC");
		assertThat(ann.level()).isNull();
		assertThat(ann.leavingDate()).isNull();
		assertThat(ann.languages()).isEmpty();
		assertThat(ann.skills()).isEmpty();
		assertThat(ann.goals()).isEmpty();
		assertThat(ann.bio()).isNull();
		assertThat(ann.mentoringRole()).isEqualTo("NONE");
		assertThat(ann.mentoringCapacity()).isZero();
		assertThat(plan.updates()).singleElement().satisfies(c -> assertThat(c.summary())
			.isEqualTo("changed: title, time zone, level, leaving date, bio, mentoring, capacity, languages, skills, goals"));
	}

	@Test
	void managersAreFoundByEmailWhateverItsCase() {
		PersonRecord bo = only(plan("employee_id,email,full_name,manager\nE1,boss@example.com,Boss,\n"
				+ "E2,bo@example.com,Bo,BOSS@Example.com\n"), "E2");
		assertThat(bo.managerEmployeeId()).isEqualTo("E1");
		assertThat(messages(plan("employee_id,email,full_name,manager\nE1,boss@example.com,Boss,boss@example.com\n")))
			.containsExactly("line 2, column manager: A person cannot be their own manager.");
	}

	@Test
	void mentoringRolesIgnoreCaseAndUnknownOnesAreNamed() {
		assertThat(only(plan("employee_id,email,full_name,mentoring\nE1,a@example.com,Ann,mentee\n"), "E1").mentoringRole())
			.isEqualTo("MENTEE");
		assertThat(messages(plan("employee_id,email,full_name,mentoring\nE1,a@example.com,Ann,coach\n")))
			.containsExactly("line 2, column mentoring: 'coach' is not one of NONE, MENTOR, MENTEE, BOTH.");
	}

	@ParameterizedTest(name = "level {0} allowed: {1}")
	@CsvSource({ "0,false", "1,true", "15,true", "16,false", "x,false", "-3,false" })
	void levelsRunFromOneToFifteen(String level, boolean allowed) {
		ImportPlan plan = plan("employee_id,email,full_name,level\nE1,a@example.com,Ann," + level + "\n");
		if (allowed) {
			assertThat(only(plan, "E1").level()).isEqualTo(Integer.parseInt(level));
		}
		else {
			assertThat(messages(plan))
				.containsExactly("line 2, column level: '" + level + "' must be a whole number from 1 to 15.");
			assertThat(plan.creates()).isEmpty();
		}
	}

	@ParameterizedTest(name = "capacity {0} allowed: {1}")
	@CsvSource({ "-1,false", "0,true", "7,true", "20,true", "21,false" })
	void mentoringCapacityRunsFromZeroToTwenty(String capacity, boolean allowed) {
		ImportPlan plan = plan("employee_id,email,full_name,mentoring_capacity\nE1,a@example.com,Ann," + capacity + "\n");
		if (allowed) {
			assertThat(only(plan, "E1").mentoringCapacity()).isEqualTo(Integer.parseInt(capacity));
		}
		else {
			assertThat(messages(plan)).containsExactly(
					"line 2, column mentoring_capacity: '" + capacity + "' must be a whole number from 0 to 20.");
		}
	}

	@ParameterizedTest(name = "{0} of {1} characters allowed: {2}")
	@CsvSource({ "full_name,200,true", "full_name,201,false", "title,200,true", "title,201,false",
		"department,120,true", "department,121,false", "location,120,true", "location,121,false" })
	void textColumnsHaveLengthLimits(String column, int length, boolean allowed) {
		String value = "x".repeat(length);
		ImportPlan plan = plan("employee_id,email,full_name," + (column.equals("full_name") ? "title" : column)
				+ "\nE1,a@example.com," + (column.equals("full_name") ? value + ",T" : "Ann," + value) + "\n");
		if (allowed) {
			assertThat(plan.issues()).isEmpty();
			assertThat(plan.creates()).hasSize(1);
		}
		else {
			int max = length - 1;
			assertThat(messages(plan)).containsExactly("line 2, column " + column + ": is longer than " + max + " characters.");
			assertThat(plan.creates()).isEmpty();
		}
	}

	@Test
	void employeeIdsAndEmailsHaveAShapeAndALength() {
		assertThat(plan("employee_id,email,full_name\n" + "E".repeat(64) + ",a@example.com,Ann\n").issues()).isEmpty();
		assertThat(messages(plan("employee_id,email,full_name\n" + "E".repeat(65) + ",a@example.com,Ann\n")))
			.singleElement().satisfies(m -> assertThat(m).startsWith("line 2, column employee_id: '").contains("not a valid employee id"));
		assertThat(messages(plan("employee_id,email,full_name\nE 1,a@example.com,Ann\n")))
			.singleElement().satisfies(m -> assertThat(m).contains("'E 1' is not a valid employee id"));
		String local = "a".repeat(64);
		String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(49) + ".com"; // 181 characters
		String longest = local + "@" + domain + ".e".repeat(4); // 254 characters
		assertThat(longest).hasSize(254);
		assertThat(plan("employee_id,email,full_name\nE1," + longest + ",Ann\n").issues()).isEmpty();
		assertThat(messages(plan("employee_id,email,full_name\nE1," + longest + "e,Ann\n")))
			.singleElement().satisfies(m -> assertThat(m).contains("is not a valid e-mail address"));
		assertThat(only(plan("employee_id,email,full_name\nE1,Ann@Example.COM,Ann\n"), "E1").email())
			.isEqualTo("ann@example.com");
	}

	@Test
	void datesAreReadAndBadOnesNamed() {
		PersonRecord ann = only(plan("employee_id,email,full_name,hire_date,leaving_date\nE1,a@example.com,Ann,2020-02-29,2026-12-31\n"), "E1");
		assertThat(ann.hireDate()).isEqualTo(LocalDate.of(2020, 2, 29));
		assertThat(ann.leavingDate()).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(messages(plan("employee_id,email,full_name,leaving_date\nE1,a@example.com,Ann,31.12.2026\n")))
			.containsExactly("line 2, column leaving_date: '31.12.2026' is not a date in the form YYYY-MM-DD.");
	}

	@Test
	void languagesAreDeduplicatedSortedAndLimited() {
		PersonRecord ann = only(plan("employee_id,email,full_name,languages\nE1,a@example.com,Ann,Spanish; english;; French ; ENGLISH\n"), "E1");
		assertThat(ann.languages()).containsExactly("French", "Spanish", "english");

		String forty = "L".repeat(40);
		assertThat(plan("employee_id,email,full_name,languages\nE1,a@example.com,Ann," + forty + "\n").issues()).isEmpty();
		assertThat(messages(plan("employee_id,email,full_name,languages\nE1,a@example.com,Ann," + forty + "x\n")))
			.containsExactly("line 2, column languages: '" + forty + "x' is longer than 40 characters.");

		List<String> ten = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			ten.add("Language" + (char) ('A' + i));
		}
		assertThat(plan("employee_id,email,full_name,languages\nE1,a@example.com,Ann," + String.join(";", ten) + "\n").issues())
			.isEmpty();
		assertThat(messages(plan("employee_id,email,full_name,languages\nE1,a@example.com,Ann," + String.join(";", ten)
				+ ";LanguageK\n"))).containsExactly("line 2, column languages: At most 10 languages.");
	}

	@Test
	void skillsAreSortedByTaxonomyAndEachMistakeIsNamed() {
		PersonRecord ann = only(plan("employee_id,email,full_name,skills\nE1,a@example.com,Ann,Go:3:LEARN:teach; Rust:5\n"), "E1");
		assertThat(ann.skills()).containsExactly(new PersonRecord.SkillValue(3, 5, false, false),
				new PersonRecord.SkillValue(16, 3, true, true));

		assertThat(messages(plan("employee_id,email,full_name,skills\n"
				+ "E1,a@example.com,Ann,Java\n"
				+ "E2,b@example.com,Bo,:3\n"
				+ "E3,c@example.com,Cy,Java:0\n"
				+ "E4,d@example.com,Di,Java:6\n"
				+ "E5,e@example.com,Ed,Java:five\n"
				+ "E6,f@example.com,Flo,Java:3:mentor\n"
				+ "E7,g@example.com,Gus,Java:3; java:4\n"))).containsExactly(
						"line 2, column skills: 'Java' is not of the form Skill:proficiency[:teach][:learn].",
						"line 3, column skills: ':3' is not of the form Skill:proficiency[:teach][:learn].",
						"line 4, column skills: The proficiency of 'Java' must be a whole number from 1 to 5.",
						"line 5, column skills: The proficiency of 'Java' must be a whole number from 1 to 5.",
						"line 6, column skills: The proficiency of 'Java' must be a whole number from 1 to 5.",
						"line 7, column skills: 'mentor' after 'Java' is neither teach nor learn.",
						"line 8, column skills: The skill 'java' is listed twice.");
		assertThat(only(plan("employee_id,email,full_name,skills\nE1,a@example.com,Ann,Java:1; Rust:5\n"), "E1").skills())
			.extracting(PersonRecord.SkillValue::proficiency).containsExactly(1, 5);
	}

	@Test
	void atMostFiftySkills() {
		Map<String, Long> taxonomy = new HashMap<>();
		StringBuilder fifty = new StringBuilder();
		for (int i = 1; i <= 51; i++) {
			taxonomy.put("skill" + i, (long) i);
			if (i <= 50) {
				fifty.append(i > 1 ? ";" : "").append("Skill").append(i).append(":3");
			}
		}
		String header = "employee_id,email,full_name,skills\nE1,a@example.com,Ann,";
		ImportPlan ok = plan(header + fifty + "\n", Map.of(), taxonomy);
		assertThat(only(ok, "E1").skills()).hasSize(50);
		assertThat(messages(plan(header + fifty + ";Skill51:2\n", Map.of(), taxonomy)))
			.containsExactly("line 2, column skills: At most 50 skills.");
	}

	@Test
	void goalsAreSplitAtBarsAndLimited() {
		assertThat(only(plan("employee_id,email,full_name,goals\nE1,a@example.com,Ann, Speak up || Write more \n"), "E1").goals())
			.containsExactly("Speak up", "Write more");
		String longest = "g".repeat(500);
		assertThat(only(plan("employee_id,email,full_name,goals\nE1,a@example.com,Ann," + longest + "\n"), "E1").goals())
			.containsExactly(longest);
		assertThat(messages(plan("employee_id,email,full_name,goals\nE1,a@example.com,Ann," + longest + "g\n")))
			.containsExactly("line 2, column goals: A goal is longer than 500 characters.");
		String ten = String.join("|", java.util.Collections.nCopies(10, "Grow"));
		assertThat(only(plan("employee_id,email,full_name,goals\nE1,a@example.com,Ann," + ten + "\n"), "E1").goals()).hasSize(10);
		assertThat(messages(plan("employee_id,email,full_name,goals\nE1,a@example.com,Ann," + ten + "|Grow\n")))
			.containsExactly("line 2, column goals: At most 10 goals.");
	}

	@Test
	void aLoopIsReportedOnItsEarliestLineWhereverTheWalkEntersIt() {
		// X leads into the loop at C (line 5); the loop's earliest line is A's (line 3)
		ImportPlan plan = plan("employee_id,email,full_name,manager\n"
				+ "X,x@example.com,Xia,C\nA,a@example.com,Ann,B\nB,b@example.com,Bo,C\nC,c@example.com,Cy,A\n");
		assertThat(plan.issues()).singleElement().satisfies(issue -> {
			assertThat(issue.line()).isEqualTo(3);
			assertThat(issue.message()).isEqualTo("The reporting line goes round in a circle: "
					+ "Cy (C, line 5) → Ann (A, line 3) → Bo (B, line 4) → Cy.");
		});
	}

	@Test
	void fileProblemsComeFirstAndAFileWithoutRowsPlansNothing() {
		Map<String, Existing> existing = imported("employee_id,email,full_name\nE1,a@example.com,Ann\n", true);
		ImportPlan plan = plan("employee_id,email,full_name\n", existing);
		assertThat(messages(plan)).containsExactly("The file has a header but no people.");
		assertThat(plan.deactivations()).as("an empty file deactivates no one").isEmpty();
		assertThat(plan.creates()).isEmpty();
		assertThat(plan.valid()).isFalse();

		ImportPlan rowProblem = plan("employee_id,email,full_name\nE1,a@example.com,Ann,extra\nE2,b@example.com,Bo\n", existing);
		assertThat(messages(rowProblem)).first().asString().startsWith("line 2: The row has 4 fields");
		assertThat(rowProblem.creates()).extracting(c -> c.record().employeeId()).containsExactly("E2");
	}

	@Test
	void moreThanAThousandProblemsAreCappedWithACount() {
		StringBuilder csv = new StringBuilder("employee_id,email,full_name\n");
		for (int i = 0; i < 1_001; i++) {
			csv.append("E").append(i).append(",bad").append(i).append(",Ann\n");
		}
		ImportPlan plan = plan(csv.toString());
		assertThat(plan.issues()).hasSize(1_001);
		assertThat(plan.issues().get(999).line()).isEqualTo(1_001);
		assertThat(plan.issues().get(1_000).toString()).isEqualTo("1 more problems are not listed.");

		StringBuilder exactly = new StringBuilder("employee_id,email,full_name\n");
		for (int i = 0; i < 1_000; i++) {
			exactly.append("E").append(i).append(",bad").append(i).append(",Ann\n");
		}
		ImportPlan full = plan(exactly.toString());
		assertThat(full.issues()).hasSize(1_000);
		assertThat(full.issues().get(999).toString()).startsWith("line 1001, column email");
	}

	@Test
	void progressIsReportedEveryFiveThousandRowsAndAtTheEnd() {
		StringBuilder csv = new StringBuilder("employee_id,email,full_name\n");
		for (int i = 0; i < 10_001; i++) {
			csv.append("E").append(i).append(",p").append(i).append("@example.com,P\n");
		}
		HrFile file = HrFile.read(csv.toString().getBytes(StandardCharsets.UTF_8), n -> { });
		List<Integer> seen = new ArrayList<>();
		ImportPlan plan = new ImportPlanner(SKILLS, Map.of()).plan(file, seen::add);
		assertThat(plan.creates()).hasSize(10_001);
		assertThat(seen).containsExactly(5_000, 10_000, 10_001);
	}
}
