package org.guildhall.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo organisation's history, worked out from today's file: three exports whose differences
 * are the promotions, moves, leavers and new hires the history reports, each export one the HR
 * import takes, today's exactly the generated file, and the finished programme's people in the
 * first export.
 */
class OrganisationHistoryTest {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	static Organisation organisation;
	static String todayFile;
	static OrganisationHistory.History history;
	static List<GeneratedFile> exports = new ArrayList<>();

	@BeforeAll
	static void derive() throws IOException {
		StringWriter out = new StringWriter();
		organisation = new OrganisationGenerator().generate(400, 42, TODAY, out);
		todayFile = out.toString();
		history = OrganisationHistory.derive(todayFile.getBytes(StandardCharsets.UTF_8), 400, 42, TODAY, signIns());
		for (OrganisationHistory.Snapshot snapshot : history.snapshots()) {
			exports.add(GeneratedFile.read(organisation, new StringReader(new String(snapshot.csv(), StandardCharsets.UTF_8))));
		}
	}

	@Test
	void threeExportsAboutEighteenAndNineMonthsAgoAndTodaysIsTheGeneratedFile() {
		assertThat(history.snapshots()).extracting(OrganisationHistory.Snapshot::effectiveOn)
			.containsExactly(LocalDate.of(2025, 6, 7), LocalDate.of(2026, 3, 8), TODAY);
		assertThat(history.snapshots()).extracting(OrganisationHistory.Snapshot::people).containsExactly(352, 378, 400);
		assertThat(exports).extracting(e -> e.rows().size()).containsExactly(352, 378, 400);
		assertThat(new String(history.snapshots().get(2).csv(), StandardCharsets.UTF_8)).isEqualTo(todayFile);
		assertThat(exports.get(0).header()).isEqualTo(GeneratedFile.DOCUMENTED_HEADER);
	}

	@Test
	void eachStepPromotesMovesLosesAndHiresAsReportedAndInTheExpectedProportions() {
		int[][] expected = {{329, 33, 16, 23, 49}, {353, 35, 18, 25, 47}};
		for (int step = 0; step < 2; step++) {
			GeneratedFile before = exports.get(step);
			GeneratedFile after = exports.get(step + 1);
			OrganisationHistory.Step reported = history.steps().get(step);
			List<String> stayed = new ArrayList<>();
			List<String> promoted = new ArrayList<>();
			List<String> moved = new ArrayList<>();
			List<String> left = new ArrayList<>();
			for (CSVRecord then : before.rows()) {
				CSVRecord now = after.byEmployeeId().get(then.get("employee_id"));
				if (now == null) {
					left.add(then.get("employee_id"));
					continue;
				}
				stayed.add(now.get("employee_id"));
				int rise = Integer.parseInt(now.get("level")) - Integer.parseInt(then.get("level"));
				assertThat(rise).as("level of %s", now.get("employee_id")).isBetween(0, 1);
				if (rise == 1) {
					promoted.add(now.get("employee_id"));
				}
				if (!now.get("department").equals(then.get("department"))) {
					moved.add(now.get("employee_id"));
				}
				assertThat(now.get("email")).isEqualTo(then.get("email"));
				assertThat(now.get("hire_date")).isEqualTo(then.get("hire_date"));
			}
			List<String> hired = after.rows().stream().map(r -> r.get("employee_id"))
				.filter(id -> !before.byEmployeeId().containsKey(id)).sorted().toList();

			assertThat(List.of(stayed.size(), promoted.size(), moved.size(), left.size(), hired.size()))
				.as("step %d: stayed, promoted, moved, left, hired", step + 1)
				.containsExactly(expected[step][0], expected[step][1], expected[step][2], expected[step][3], expected[step][4]);
			assertThat(reported.stayed()).isEqualTo(stayed.size());
			assertThat(reported.promoted()).containsExactlyInAnyOrderElementsOf(promoted);
			assertThat(reported.moved()).containsExactlyInAnyOrderElementsOf(moved);
			assertThat(reported.left()).containsExactlyInAnyOrderElementsOf(left);
			assertThat(reported.hired()).containsExactlyElementsOf(hired);

			assertThat((double) promoted.size() / stayed.size()).as("promoted").isBetween(0.08, 0.12);
			assertThat((double) moved.size() / stayed.size()).as("moved").isBetween(0.04, 0.06);
			assertThat((double) left.size() / before.rows().size()).as("left").isBetween(0.05, 0.08);
			assertThat(promoted).as("nobody is promoted twice in 18 months").doesNotContainAnyElementsOf(
					step == 0 ? history.steps().get(1).promoted() : history.steps().get(0).promoted());
			LocalDate from = history.steps().get(step).from();
			for (String id : hired) {
				assertThat(LocalDate.parse(after.byEmployeeId().get(id).get("hire_date"))).as("hired %s", id).isAfter(from);
			}
			for (String id : left) {
				assertThat(exports.get(2).byEmployeeId()).as("someone who left is not in today's export").doesNotContainKey(id);
			}
		}
	}

	@Test
	void everyExportIsOneTheImportTakes() {
		for (int i = 0; i < exports.size(); i++) {
			GeneratedFile export = exports.get(i);
			LocalDate on = history.snapshots().get(i).effectiveOn();
			int withoutManager = 0;
			for (CSVRecord row : export.rows()) {
				String id = row.get("employee_id");
				assertThat(Integer.parseInt(row.get("level"))).as(id).isBetween(1, 15);
				assertThat(LocalDate.parse(row.get("hire_date"))).as("%s hired by %s", id, on).isBeforeOrEqualTo(on);
				if (row.get("manager").isEmpty()) {
					withoutManager++;
					continue;
				}
				assertThat(export.managerOf(row)).as("manager of %s in the export of %s", id, on).isNotNull();
				Set<String> line = new HashSet<>();
				for (CSVRecord m = row; m != null; m = export.managerOf(m)) {
					assertThat(line.add(m.get("employee_id"))).as("no cycle above %s", id).isTrue();
				}
			}
			assertThat(withoutManager).as("only the CEO has no manager").isEqualTo(1);
		}
	}

	@Test
	void aMoverReportedToALeadOfTheirOldDepartment() {
		for (int step = 0; step < 2; step++) {
			GeneratedFile before = exports.get(step);
			for (String id : history.steps().get(step).moved()) {
				CSVRecord then = before.byEmployeeId().get(id);
				CSVRecord manager = before.managerOf(then);
				assertThat(manager.get("department")).as("manager of %s before the move", id).isEqualTo(then.get("department"));
				assertThat(Integer.parseInt(manager.get("level"))).isGreaterThanOrEqualTo(Integer.parseInt(then.get("level")));
			}
		}
	}

	@Test
	void theDemoSignInsAreThereAndTheSameInEveryExport() {
		for (String email : signIns()) {
			CSVRecord today = exports.get(2).byEmail().get(email);
			assertThat(today).as(email).isNotNull();
			for (GeneratedFile export : exports.subList(0, 2)) {
				CSVRecord then = export.byEmail().get(email);
				assertThat(then).as(email).isNotNull();
				assertThat(then.values()).as(email).containsExactly(today.values());
			}
		}
	}

	@Test
	void theFinishedProgrammesPairsAreInTheFirstExportAndFareSomewhatBetter() {
		Cohort cohort = history.cohort();
		GeneratedFile first = exports.get(0);
		assertThat(cohort.pairs()).hasSize(Cohort.PAIRS);
		assertThat(cohort.mentees()).hasSize(Cohort.ENROLLED_MENTEES);
		assertThat(cohort.pairs().stream().map(Cohort.Pair::endedEarlyBecause).filter(java.util.Objects::nonNull)).hasSize(5)
			.contains("Not enough time with the release crunch", "We were not a good fit");
		for (Cohort.Pair pair : cohort.pairs()) {
			CSVRecord mentee = first.byEmail().get(pair.mentee().email());
			CSVRecord mentor = first.byEmail().get(pair.mentor().email());
			assertThat(mentee).as(pair.mentee().email()).isNotNull();
			assertThat(mentor).as(pair.mentor().email()).isNotNull();
			assertThat(Integer.parseInt(mentor.get("level"))).as("mentor of %s more senior", pair.mentee().email())
				.isGreaterThan(Integer.parseInt(mentee.get("level")));
			assertThat(pair.mentee().department()).isEqualTo(mentee.get("department"));
			for (CSVRecord m = first.managerOf(mentee); m != null; m = first.managerOf(m)) {
				assertThat(m.get("email")).as("the mentor is outside the mentee's reporting line").isNotEqualTo(mentor.get("email"));
			}
			assertThat(pair.reasons()).last().asString().startsWith("Compatibility score " + pair.score() + " out of 100");
			assertThat(signIns()).doesNotContain(pair.mentee().email(), pair.mentor().email());
		}
		// demo data, not evidence: participants are likelier to be promoted and to stay (OrganisationHistory)
		Set<String> participants = cohort.participantIds();
		OrganisationHistory.Step first18 = history.steps().get(0);
		long promotedParticipants = first18.promoted().stream().filter(participants::contains).count();
		long leftParticipants = first18.left().stream().filter(participants::contains).count();
		double participantsPromoted = (double) promotedParticipants / (participants.size() - leftParticipants);
		double othersPromoted = (double) (first18.promoted().size() - promotedParticipants)
				/ (first18.stayed() - (participants.size() - leftParticipants));
		assertThat(participantsPromoted).isGreaterThan(othersPromoted).isLessThan(othersPromoted * 2);
		// leaving, against the colleagues who could have enrolled as mentees
		Set<String> mentees = new HashSet<>();
		cohort.pairs().forEach(p -> mentees.add(p.mentee().employeeId()));
		List<String> couldHave = first.rows().stream().filter(r -> Set.of("MENTEE", "BOTH").contains(r.get("mentoring"))
				&& Integer.parseInt(r.get("level")) <= 8 && !participants.contains(r.get("employee_id")))
			.map(r -> r.get("employee_id")).toList();
		double menteesLeft = (double) first18.left().stream().filter(mentees::contains).count() / mentees.size();
		double othersLeft = (double) first18.left().stream().filter(couldHave::contains).count() / couldHave.size();
		assertThat(menteesLeft).isLessThan(othersLeft);
	}

	@Test
	void theSameSeedGivesTheSameChangesOnAnyDay() throws IOException {
		LocalDate later = LocalDate.of(2027, 3, 31);
		StringWriter out = new StringWriter();
		new OrganisationGenerator().generate(400, 42, later, out);
		OrganisationHistory.History then = OrganisationHistory.derive(out.toString().getBytes(StandardCharsets.UTF_8), 400, 42,
				later, signIns());
		for (int step = 0; step < 2; step++) {
			OrganisationHistory.Step a = history.steps().get(step);
			OrganisationHistory.Step b = then.steps().get(step);
			assertThat(b.promoted()).isEqualTo(a.promoted());
			assertThat(b.moved()).isEqualTo(a.moved());
			assertThat(b.left()).isEqualTo(a.left());
			assertThat(b.hired()).isEqualTo(a.hired());
		}
		OrganisationHistory.History again = OrganisationHistory.derive(todayFile.getBytes(StandardCharsets.UTF_8), 400, 42, TODAY,
				signIns());
		for (int i = 0; i < 3; i++) {
			assertThat(again.snapshots().get(i).csv()).isEqualTo(history.snapshots().get(i).csv());
		}
	}

	@Test
	void smallOrganisationsGetAHistoryToo() throws IOException {
		for (int people : new int[] {1, 2, 12, 80}) {
			StringWriter out = new StringWriter();
			Organisation small = new OrganisationGenerator().generate(people, 7, TODAY, out);
			OrganisationHistory.History past = OrganisationHistory.derive(out.toString().getBytes(StandardCharsets.UTF_8), people,
					7, TODAY, Set.of(small.chiefExecutive().email()));
			assertThat(past.snapshots()).hasSize(3);
			for (OrganisationHistory.Snapshot snapshot : past.snapshots()) {
				GeneratedFile export = GeneratedFile.read(small, new StringReader(new String(snapshot.csv(), StandardCharsets.UTF_8)));
				export.rows().stream().filter(r -> !r.get("manager").isEmpty())
					.forEach(r -> assertThat(export.managerOf(r)).as("%s people: manager of %s", people, r.get("employee_id")).isNotNull());
			}
		}
	}

	private static Set<String> signIns() {
		return Set.of(organisation.chiefExecutive().email(), organisation.manager().email(), organisation.mentor().email(),
				organisation.mentee().email());
	}
}
