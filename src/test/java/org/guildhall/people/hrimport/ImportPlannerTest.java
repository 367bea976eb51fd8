package org.guildhall.people.hrimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guildhall.people.hrimport.ImportPlanner.Existing;
import org.junit.jupiter.api.Test;

class ImportPlannerTest {

	private static final Map<String, Long> SKILLS = Map.of("java", 1L, "javascript", 2L, "js", 2L, "kubernetes", 3L, "k8s", 3L);
	private static final String HEADER = "employee_id,email,full_name,title,manager,hire_date,level,time_zone,skills\n";

	private static ImportPlan plan(String csv, Map<String, Existing> existing) {
		HrFile file = HrFile.read(csv.getBytes(StandardCharsets.UTF_8), n -> { });
		return new ImportPlanner(SKILLS, existing).plan(file, n -> { });
	}

	private static ImportPlan plan(String csv) {
		return plan(csv, Map.of());
	}

	private static List<String> messages(ImportPlan plan) {
		return plan.issues().stream().map(ImportIssue::toString).toList();
	}

	@Test
	void resolvesManagersByEmailOrEmployeeIdAndSkillsByAlias() {
		ImportPlan plan = plan(HEADER
				+ "E1,ceo@example.com,Cee Oh,CEO,,2020-01-01,12,Europe/Berlin,Java:5:teach\n"
				+ "E2,ann@example.com,Ann,Lead,ceo@example.com,2021-02-03,9,UTC,JS:4:teach; k8s:2:learn\n"
				+ "E3,bo@example.com,Bo,Engineer,E2,,5,,\n");
		assertThat(plan.issues()).isEmpty();
		assertThat(plan.creates()).hasSize(3);
		PersonRecord ann = plan.creates().get(1).record();
		assertThat(ann.managerEmployeeId()).isEqualTo("E1");
		assertThat(ann.skills()).extracting(PersonRecord.SkillValue::skillId).containsExactly(2L, 3L);
		assertThat(ann.skills().get(0).canTeach()).isTrue();
		assertThat(ann.skills().get(1).wantsToLearn()).isTrue();
		assertThat(plan.creates().get(2).record().managerEmployeeId()).isEqualTo("E2");
		assertThat(plan.creates().get(2).record().timeZone()).as("blank time zone means UTC").isEqualTo("UTC");
	}

	@Test
	void namesEachBadValueWithLineAndColumn() {
		ImportPlan plan = plan(HEADER
				+ "E1,not-an-email,Ann,,,2021-13-01,99,Mars/Olympus,Cobol:3\n"
				+ "E2,bo@example.com,,,nobody@example.com,,,,Java:9\n");
		assertThat(messages(plan)).anySatisfy(m -> assertThat(m).startsWith("line 2, column email").contains("not a valid e-mail"))
			.anySatisfy(m -> assertThat(m).startsWith("line 2, column hire_date").contains("YYYY-MM-DD"))
			.anySatisfy(m -> assertThat(m).startsWith("line 2, column level").contains("1 to 15"))
			.anySatisfy(m -> assertThat(m).startsWith("line 2, column time_zone").contains("Mars/Olympus"))
			.anySatisfy(m -> assertThat(m).startsWith("line 2, column skills").contains("Unknown skill 'Cobol'"))
			.anySatisfy(m -> assertThat(m).startsWith("line 3, column full_name").contains("required"))
			.anySatisfy(m -> assertThat(m).startsWith("line 3, column manager").contains("nobody@example.com"))
			.anySatisfy(m -> assertThat(m).startsWith("line 3, column skills").contains("1 to 5"));
		assertThat(plan.valid()).isFalse();
	}

	@Test
	void reportsDuplicateEmailsAndEmployeeIdsWithTheFirstLine() {
		ImportPlan plan = plan("employee_id,email,full_name\nE1,a@example.com,A\nE2,A@Example.com,B\nE1,c@example.com,C\n");
		assertThat(messages(plan)).contains("line 3, column email: The e-mail 'a@example.com' is also on line 2.",
				"line 4, column employee_id: The employee id 'E1' is also on line 2.");
	}

	@Test
	void findsCyclesInTheReportingLineAndSelfManagement() {
		ImportPlan plan = plan("employee_id,email,full_name,manager\n"
				+ "E1,a@example.com,Ann,E3\nE2,b@example.com,Bo,E1\nE3,c@example.com,Cy,E2\nE4,d@example.com,Di,E4\nE5,e@example.com,Ed,E1\n");
		assertThat(messages(plan)).anySatisfy(m -> assertThat(m).startsWith("line 2, column manager")
			.contains("circle").contains("Ann (E1, line 2)").contains("Bo (E2, line 3)").contains("Cy (E3, line 4)"));
		assertThat(messages(plan)).anySatisfy(m -> assertThat(m).contains("line 5").contains("own manager"));
		assertThat(plan.issues()).hasSize(2);
	}

	@Test
	void theSameDataTwiceChangesNothingAndMissingPeopleAreDeactivated() {
		String csv = "employee_id,email,full_name,title,skills\nE1,a@example.com,Ann,Lead,Java:5:teach\nE2,b@example.com,Bo,Dev,\n";
		ImportPlan first = plan(csv);
		Map<String, Existing> existing = new HashMap<>();
		long id = 1;
		for (var change : first.creates()) {
			existing.put(change.record().employeeId(), new Existing(id++, true, change.record()));
		}
		existing.put("E9", new Existing(9, true, first.creates().get(1).record().withEmployeeId("E9", "gone@example.com")));

		ImportPlan second = plan(csv, existing);

		assertThat(second.creates()).isEmpty();
		assertThat(second.updates()).isEmpty();
		assertThat(second.unchanged()).isEqualTo(2);
		assertThat(second.deactivations()).extracting(ImportPlan.Deactivation::employeeId).containsExactly("E9");

		ImportPlan changed = plan(csv.replace("Lead", "Director"), existing);
		assertThat(changed.updates()).singleElement().satisfies(c -> assertThat(c.summary()).isEqualTo("changed: title"));
	}

	@Test
	void anEmailMayMoveOnlyWhenItsOwnerGetsAnotherOne() {
		Map<String, Existing> existing = new HashMap<>();
		ImportPlan seed = plan("employee_id,email,full_name\nE1,a@example.com,Ann\n");
		existing.put("E1", new Existing(1, true, seed.creates().get(0).record()));

		assertThat(messages(plan("employee_id,email,full_name\nE1,a@example.com,Ann\nE2,a2@example.com,Bo\nE3,A@example.com,Cy\n", existing)))
			.anySatisfy(m -> assertThat(m).contains("also on line"));
		assertThat(messages(plan("employee_id,email,full_name\nE2,a@example.com,Bo\n", existing)))
			.singleElement().satisfies(m -> assertThat(m).contains("already belongs to Ann"));
		assertThat(plan("employee_id,email,full_name\nE1,ann@example.com,Ann\nE2,a@example.com,Bo\n", existing).issues()).isEmpty();
	}
}
