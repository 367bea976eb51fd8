package org.guildhall.people.hrimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guildhall.people.hrimport.ImportPlanner.Existing;
import org.junit.jupiter.api.Test;

/**
 * What an administrator reads in a preview: what empty cells clear, a manager already in Guildhall
 * accepted as the file format says, and the header's problems together with the rows'.
 */
class ImportPreviewSaysWhatItDoesTest {

	private static final Map<String, Long> SKILLS = Map.of("java", 1L);

	private static ImportPlan plan(String csv, Map<String, Existing> existing) {
		return new ImportPlanner(SKILLS, existing).plan(HrFile.read(csv.getBytes(StandardCharsets.UTF_8), n -> { }), n -> { });
	}

	private static Map<String, Existing> existing(String csv) {
		ImportPlan seed = plan(csv, Map.of());
		assertThat(seed.issues()).isEmpty();
		Map<String, Existing> existing = new HashMap<>();
		long id = 1;
		for (ImportPlan.Change change : seed.creates()) {
			existing.put(change.record().employeeId(), new Existing(id++, true, change.record()));
		}
		return existing;
	}

	@Test
	void thePreviewCountsWhatEmptyCellsClearPerField() {
		Map<String, Existing> before = existing("""
				employee_id,email,full_name,title,department,skills
				E1,a@example.com,Ann,Lead,Engineering,Java:4
				E2,b@example.com,Bo,Engineer,Engineering,
				E3,c@example.com,Cy,,Sales,
				""");
		ImportPlan plan = plan("""
				employee_id,email,full_name,title,department,skills
				E1,a@example.com,Ann,,Engineering,
				E2,b@example.com,Bo,,,
				E3,c@example.com,Cy,,Sales,
				""", before);
		assertThat(plan.issues()).isEmpty();
		assertThat(plan.cleared()).as("Cy had no title: nothing of his is cleared")
			.containsExactlyInAnyOrderEntriesOf(Map.of("title", 2, "department", 1, "skills", 1));
		assertThat(plan(
				"employee_id,email,full_name\nE1,a@example.com,Ann\nE2,b@example.com,Bo\nE3,c@example.com,Cy\n", before).cleared())
			.as("a column left out of the file clears nothing").isEmpty();
	}

	@Test
	void aManagerAlreadyInGuildhallIsAcceptedByEmployeeIdOrEmail() {
		Map<String, Existing> before = existing("employee_id,email,full_name\nBOSS,boss@example.com,Boss\n");
		ImportPlan plan = plan("""
				employee_id,email,full_name,manager
				E1,a@example.com,Ann,BOSS
				E2,b@example.com,Bo,Boss@Example.com
				E3,c@example.com,Cy,nobody@example.com
				""", before);
		assertThat(plan.issues()).extracting(ImportIssue::toString)
			.containsExactly("line 4, column manager: The manager 'nobody@example.com' is neither in the file nor in Guildhall"
					+ " (give the manager's e-mail or employee id).");
		assertThat(plan.creates()).extracting(c -> c.record().managerEmployeeId()).containsExactly("BOSS", "BOSS");
	}

	@Test
	void headerProblemsAndRowProblemsAreReportedTogether() {
		ImportPlan plan = plan("""
				employee_id,email,full_name,titel,level
				E1,not-an-email,Ann,Lead,3
				E2,b@example.com,Bo,Engineer,99
				""", Map.of());
		List<String> messages = plan.issues().stream().map(ImportIssue::toString).toList();
		assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("line 1, column titel").contains("Unknown column 'titel'"))
			.anySatisfy(m -> assertThat(m).startsWith("line 2, column email").contains("not a valid e-mail"))
			.anySatisfy(m -> assertThat(m).startsWith("line 3, column level").contains("1 to 15"));
		assertThat(plan.valid()).isFalse();
	}

	@Test
	void aMissingRequiredColumnIsReportedOnceNotOnEveryRow() {
		ImportPlan plan = plan("employee_id,full_name\nE1,Ann\nE2,Bo\n", Map.of());
		assertThat(plan.issues()).extracting(ImportIssue::toString)
			.containsExactly("line 1, column email: The required column 'email' is missing.");
	}
}
