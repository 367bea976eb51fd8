package org.guildhall.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrganisationGeneratorTest {

	private static final Pattern EMPLOYEE_ID = Pattern.compile("E\\d{6}");
	private static final Pattern EMAIL = Pattern.compile("[a-z-]+(\\.[a-z-]+)+\\d*@example\\.com");
	private static final Pattern SKILL_ENTRY = Pattern.compile("([^:;]+):([1-5])(:teach)?(:learn)?");
	private static final Set<String> MENTORING = Set.of("NONE", "MENTOR", "MENTEE", "BOTH");

	private static StarterTaxonomy taxonomy;

	@BeforeAll
	static void loadTaxonomy() throws IOException {
		taxonomy = StarterTaxonomy.load();
	}

	@Test
	void sameSeedAndSizeGiveTheSameBytes() throws IOException {
		assertThat(GeneratedFile.text(3_000, 7)).isEqualTo(GeneratedFile.text(3_000, 7));
	}

	@Test
	void anotherSeedGivesAnotherOrganisation() throws IOException {
		assertThat(GeneratedFile.text(3_000, 7)).isNotEqualTo(GeneratedFile.text(3_000, 8));
	}

	@Test
	void writesExactlyTheDocumentedHeaderAndOneRowAPerson() throws IOException {
		GeneratedFile file = GeneratedFile.generate(500, 1);
		assertThat(file.header()).containsExactlyElementsOf(GeneratedFile.DOCUMENTED_HEADER);
		assertThat(OrganisationGenerator.COLUMNS).containsExactlyElementsOf(GeneratedFile.DOCUMENTED_HEADER);
		assertThat(file.rows()).hasSize(500);
		assertThat(file.rows()).allSatisfy(row -> assertThat(row.isConsistent()).isTrue());
	}

	@ParameterizedTest(name = "{0} people, seed {1}")
	@CsvSource({ "1, 1", "2, 2", "5, 3", "9, 4", "10, 5", "14, 6", "60, 7", "149, 8", "150, 9", "151, 10",
			"1000, 11", "25000, 12" })
	void everyRowIsValidForTheImport(int people, long seed) throws IOException {
		GeneratedFile file = GeneratedFile.generate(people, seed);
		assertThat(file.rows()).hasSize(people);
		assertValid(file);
	}

	@Test
	void aHundredThousandPeople() throws IOException {
		long started = System.nanoTime();
		GeneratedFile file = GeneratedFile.generate(100_000, 42);
		System.out.printf("generated and parsed 100,000 people in %.1f s%n", (System.nanoTime() - started) / 1e9);
		assertThat(file.rows()).hasSize(100_000);
		assertValid(file);
	}

	@Test
	void refusesSizesOutsideTheLimits() {
		Writer out = new StringWriter();
		OrganisationGenerator generator = new OrganisationGenerator();
		assertThatThrownBy(() -> generator.generate(0, 1, out)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("people");
		assertThatThrownBy(() -> generator.generate(OrganisationGenerator.MAX_PEOPLE + 1, 1, out))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("500000");
		assertThat(out.toString()).isEmpty();
	}

	@Test
	void aLargeCompanyHasAnExecutiveTeamAndEveryDepartment() throws IOException {
		GeneratedFile file = GeneratedFile.generate(5_000, 3);
		CSVRecord ceo = file.byEmail().get(file.organisation().chiefExecutive().email());
		List<String> executives = file.rows().stream().filter(row -> file.managerOf(row) == ceo)
			.map(row -> row.get("title")).toList();
		assertThat(executives).containsExactlyInAnyOrder("Chief Technology Officer", "Chief Product Officer",
				"Chief Revenue Officer", "Chief Financial Officer", "Chief Operating Officer");
		Set<String> departments = new HashSet<>();
		Set<String> zones = new HashSet<>();
		file.rows().forEach(row -> {
			departments.add(row.get("department"));
			zones.add(row.get("time_zone"));
		});
		assertThat(departments).contains("Engineering", "Product", "Design", "Data", "Sales", "Marketing", "Finance",
				"People", "Legal", "Operations", "Customer Success", "Security");
		assertThat(zones).contains("Europe/Berlin", "Europe/London", "America/New_York", "Asia/Kolkata",
				"Asia/Singapore", "America/Sao_Paulo", "America/Toronto", "Australia/Sydney", "Europe/Lisbon",
				"Africa/Nairobi");
		long accented = file.rows().stream().filter(row -> !row.get("full_name").matches("[A-Za-z' -]+")).count();
		assertThat(accented).as("names with accents").isGreaterThan(100);
		long byAlias = file.rows().stream().filter(row -> row.get("skills").matches(".*\\b(k8s|JS|TS|Golang|Postgres|ML|AWS):.*")).count();
		assertThat(byAlias).as("rows naming a skill by a common alias").isGreaterThan(20);
		long managersAfterReports = file.rows().stream()
			.filter(row -> file.managerOf(row) != null && file.managerOf(row).getRecordNumber() > row.getRecordNumber())
			.count();
		assertThat(managersAfterReports).as("rows whose manager comes later in the file").isGreaterThan(0);
	}

	@Test
	void theSummaryNamesPeopleOfTheFileInTheirRoles() throws IOException {
		GeneratedFile file = GeneratedFile.generate(2_000, 99);
		Organisation organisation = file.organisation();
		assertThat(organisation.people()).isEqualTo(2_000);
		assertThat(organisation.seed()).isEqualTo(99);

		CSVRecord ceo = file.byEmail().get(organisation.chiefExecutive().email());
		assertThat(ceo.get("manager")).isEmpty();
		assertThat(ceo.get("title")).isEqualTo("Chief Executive Officer");
		assertThat(organisation.chiefExecutive().employeeId()).isEqualTo(ceo.get("employee_id"));

		CSVRecord mentee = file.byEmail().get(organisation.mentee().email());
		assertThat(mentee.get("mentoring")).isEqualTo("MENTEE");
		CSVRecord manager = file.byEmail().get(organisation.manager().email());
		assertThat(file.managerOf(mentee)).isSameAs(manager);
		assertThat(organisation.manager().title()).isEqualTo(manager.get("title"));
		assertThat(organisation.manager().fullName()).isEqualTo(manager.get("full_name"));
		CSVRecord mentor = file.byEmail().get(organisation.mentor().email());
		assertThat(mentor.get("mentoring")).isIn("MENTOR", "BOTH");

		assertThat(organisation.mentors())
			.isEqualTo(count(file, row -> row.get("mentoring").equals("MENTOR") || row.get("mentoring").equals("BOTH")));
		assertThat(organisation.mentees())
			.isEqualTo(count(file, row -> row.get("mentoring").equals("MENTEE") || row.get("mentoring").equals("BOTH")));
		Set<CSVRecord> managers = new HashSet<>();
		file.rows().forEach(row -> {
			if (file.managerOf(row) != null) {
				managers.add(file.managerOf(row));
			}
		});
		assertThat(organisation.managers()).isEqualTo(managers.size());
	}

	@Test
	void theSameSeedKeepsTheSameChiefExecutiveAtEverySize() throws IOException {
		String ceo = GeneratedFile.generate(10, 5).organisation().chiefExecutive().email();
		assertThat(GeneratedFile.generate(1_000, 5).organisation().chiefExecutive().email()).isEqualTo(ceo);
	}

	private static long count(GeneratedFile file, java.util.function.Predicate<CSVRecord> test) {
		return file.rows().stream().filter(test).count();
	}

	/** Everything the import checks, and the shape the brief asks for. */
	private static void assertValid(GeneratedFile file) {
		LocalDate exported = OrgChart.EXPORTED;
		Map<CSVRecord, Integer> reports = new HashMap<>();
		int withoutManager = 0;
		int leaving = 0;
		for (CSVRecord row : file.rows()) {
			String id = row.get("employee_id");
			assertThat(id).matches(EMPLOYEE_ID);
			assertThat(row.get("email")).as(id).matches(EMAIL).hasSizeLessThanOrEqualTo(254);
			assertThat(row.get("full_name")).as(id).isNotBlank().hasSizeLessThanOrEqualTo(200);
			assertThat(row.get("title")).as(id).isNotBlank();
			assertThat(row.get("department")).as(id).isNotBlank();
			assertThat(row.get("location")).as(id).isNotBlank();
			assertThat(ZoneId.of(row.get("time_zone")).getId()).isEqualTo(row.get("time_zone"));
			int level = Integer.parseInt(row.get("level"));
			assertThat(level).as(id).isBetween(1, 15);
			LocalDate hired = LocalDate.parse(row.get("hire_date"));
			assertThat(hired).as(id).isBetween(OrgChart.FOUNDED, exported);
			if (!row.get("leaving_date").isEmpty()) {
				leaving++;
				assertThat(LocalDate.parse(row.get("leaving_date"))).as(id).isBetween(exported.plusDays(14), exported.plusDays(120));
			}
			List<String> languages = List.of(row.get("languages").split("; "));
			assertThat(languages).as(id).contains("English").doesNotHaveDuplicates();

			String[] skills = row.get("skills").split("; ");
			assertThat(skills).as(id).hasSizeBetween(3, 8);
			Set<String> skillKeys = new HashSet<>();
			for (String entry : skills) {
				var matcher = SKILL_ENTRY.matcher(entry);
				assertThat(matcher.matches()).as("%s: skill entry '%s'", id, entry).isTrue();
				assertThat(taxonomy.resolves(matcher.group(1))).as("%s: skill '%s' is in the taxonomy", id, matcher.group(1))
					.isTrue();
				assertThat(skillKeys.add(org.guildhall.people.SkillCatalog.key(matcher.group(1)))).as("%s: %s twice", id, entry)
					.isTrue();
				if (matcher.group(3) != null) {
					assertThat(Integer.parseInt(matcher.group(2))).as("%s teaches %s", id, entry).isGreaterThanOrEqualTo(4);
				}
			}
			String[] goals = row.get("goals").split("\\|", -1);
			assertThat(goals).as(id).hasSizeBetween(1, 3).allSatisfy(goal -> assertThat(goal).isNotBlank().hasSizeLessThanOrEqualTo(500));
			assertThat(row.get("bio")).as(id).isNotBlank().hasSizeLessThanOrEqualTo(4_000);
			for (String column : GeneratedFile.DOCUMENTED_HEADER) {
				// nothing a spreadsheet would run as a formula
				assertThat(row.get(column)).as("%s %s", id, column).doesNotStartWith("=").doesNotStartWith("+")
					.doesNotStartWith("-").doesNotStartWith("@");
			}

			String mentoring = row.get("mentoring");
			assertThat(mentoring).isIn(MENTORING);
			int capacity = Integer.parseInt(row.get("mentoring_capacity"));
			if (mentoring.equals("MENTOR") || mentoring.equals("BOTH")) {
				assertThat(capacity).as(id).isBetween(1, 4);
			}
			else {
				assertThat(capacity).as(id).isZero();
			}

			if (row.get("manager").isEmpty()) {
				withoutManager++;
				assertThat(row.get("title")).isEqualTo("Chief Executive Officer");
				continue;
			}
			CSVRecord manager = file.resolve(row.get("manager"));
			assertThat(manager).as("%s: manager %s is in the file", id, row.get("manager")).isNotNull();
			assertThat(manager).as("%s manages themselves", id).isNotSameAs(row);
			assertThat(Integer.parseInt(manager.get("level"))).as("level of %s's manager", id).isGreaterThan(level);
			reports.merge(manager, 1, Integer::sum);
		}
		assertThat(withoutManager).as("people without a manager").isEqualTo(1);
		assertThat(reports.values()).as("direct reports of a manager").allSatisfy(n -> assertThat(n).isBetween(1, 9));
		assertNoCycles(file);
		if (file.rows().size() >= 1_000) {
			assertThat(leaving).as("people who handed in their notice").isBetween(file.rows().size() / 200, file.rows().size() / 30);
		}
		if (file.rows().size() >= 20) {
			assertThat(file.rows().stream().map(row -> row.get("manager")).filter(m -> m.startsWith("E")).count())
				.as("managers named by employee id").isPositive();
			assertThat(file.rows().stream().map(row -> row.get("manager")).filter(m -> m.contains("@")).count())
				.as("managers named by e-mail").isPositive();
		}
	}

	/** Walks up from every person; a walk longer than the file would mean a cycle. */
	private static void assertNoCycles(GeneratedFile file) {
		Map<CSVRecord, Integer> depth = new HashMap<>();
		for (CSVRecord row : file.rows()) {
			int steps = 0;
			CSVRecord at = row;
			while (at != null && !depth.containsKey(at)) {
				at = file.managerOf(at);
				steps++;
				assertThat(steps).as("reporting line of %s", row.get("employee_id")).isLessThanOrEqualTo(file.rows().size());
			}
			depth.put(row, steps);
		}
	}
}
