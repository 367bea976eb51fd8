package org.guildhall.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.guildhall.insights.internal.Figures;
import org.guildhall.people.HrImportStatus;
import org.guildhall.people.HrImports;
import org.guildhall.people.SkillCatalog;
import org.guildhall.testing.GuildhallTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Knowledge at risk and skills in short supply, counted by hand on skills and departments that
 * exist only in this test: experts who stay, who are leaving (HR's leaving date) and who left (not
 * in the next import), learners against teachers, and departments of 4, 5 and 6 learners.
 */
@GuildhallTest
class SkillsReportTest {

	@Autowired HrImports imports;
	@Autowired SkillCatalog catalog;
	@Autowired Figures figures;

	private final String run = UUID.randomUUID().toString().substring(0, 6);

	@Test
	void countsExpertsWhoStayAreLeavingOrLeftAndTheGapsPerDepartment() {
		for (String skill : List.of("Mainframe", "Forecasting", "Typesetting", "Bookbinding", "Negotiating", "Filing")) {
			catalog.approve(catalog.resolveOrSuggest(skill + " " + run, null).id());
		}
		String eng = "Eng-" + run;
		String sales = "Sales-" + run;
		String design = "Design-" + run;
		String ops = "Ops-" + run;
		StringBuilder rows = new StringBuilder();
		rows.append(row("s1", eng, "", "Mainframe:5:teach"));
		rows.append(row("s2", eng, "2027-02-28", "Mainframe:4; Typesetting:5"));
		String leaver = row("s3", eng, "", "Mainframe:4");
		rows.append(row("s4", eng, "", "Forecasting:4; Negotiating:4:teach"));
		rows.append(row("s5", eng, "", "Forecasting:5; Filing:3:teach"));
		rows.append(row("s6", eng, "", "Forecasting:4; Bookbinding:3"));
		for (int i = 0; i < 6; i++) {
			rows.append(row("sales" + i, sales, "", "Negotiating:1:learn" + (i < 2 ? "; Mainframe:1:learn" : "")));
		}
		for (int i = 0; i < 4; i++) {
			rows.append(row("design" + i, design, "", "Filing:1:learn"));
		}
		for (int i = 0; i < 5; i++) {
			rows.append(row("ops" + i, ops, "", "Filing:2:learn"));
		}
		importNow(rows + leaver);
		importNow(rows.toString());

		Map<String, SkillsReport.AtRisk> atRisk = Awaitility.await().atMost(Duration.ofSeconds(30)).until(
				() -> mine(figures.skills(3).atRisk(), SkillsReport.AtRisk::skill),
				risk -> Optional.ofNullable(risk.get("Mainframe")).map(r -> r.left() == 1).orElse(false));
		SkillsReport report = figures.skills(3);
		assertThat(atRisk).as("Forecasting has three experts staying; Bookbinding and Filing nobody at 4 or 5")
			.containsOnlyKeys("Mainframe", "Typesetting", "Negotiating");
		assertThat(atRisk.get("Negotiating")).extracting(SkillsReport.AtRisk::experts, SkillsReport.AtRisk::learners)
			.containsExactly(1L, 6L);
		SkillsReport.AtRisk mainframe = atRisk.get("Mainframe");
		assertThat(List.of(mainframe.experts(), mainframe.leaving(), mainframe.left(), mainframe.learners()))
			.as("staying, leaving, left, learners").containsExactly(1L, 1L, 1L, 2L);
		assertThat(mainframe.why()).isEqualTo("Only 1 person who is staying knows it well; 1 leaving and 1 who have left");
		SkillsReport.AtRisk typesetting = atRisk.get("Typesetting");
		assertThat(List.of(typesetting.experts(), typesetting.leaving(), typesetting.left())).containsExactly(0L, 1L, 0L);
		assertThat(typesetting.why()).startsWith("Only people who are leaving or have left know it well");
		assertThat(mine(figures.skills(4).atRisk(), SkillsReport.AtRisk::skill)).as("three experts are fewer than four")
			.containsKey("Forecasting");

		Map<String, SkillsReport.Gap> gaps = mine(report.gaps(), SkillsReport.Gap::skill);
		assertThat(gaps).containsOnlyKeys("Negotiating", "Filing", "Mainframe");
		assertThat(gaps.get("Negotiating")).extracting(SkillsReport.Gap::learners, SkillsReport.Gap::teachers,
				SkillsReport.Gap::perTeacher).containsExactly(6L, 1L, 6.0);
		assertThat(gaps.get("Filing")).extracting(SkillsReport.Gap::learners, SkillsReport.Gap::teachers).containsExactly(9L, 1L);
		assertThat(gaps.get("Mainframe")).extracting(SkillsReport.Gap::learners, SkillsReport.Gap::teachers).containsExactly(2L, 1L);

		List<String> departments = report.departmentGaps().stream().filter(d -> d.skill().endsWith(" " + run))
			.map(d -> d.department() + "/" + d.skill().replace(" " + run, "") + "/" + d.learners().value() + "/" + d.teachersHere()
					+ "/" + d.teachersElsewhere())
			.toList();
		assertThat(departments).as("six and five learners are shown, four are not")
			.containsExactlyInAnyOrder(sales + "/Negotiating/6/0/1", ops + "/Filing/5/0/1");
	}

	private <T> Map<String, T> mine(List<T> rows, Function<T, String> skill) {
		return rows.stream().filter(r -> skill.apply(r).endsWith(" " + run))
			.collect(Collectors.toMap(r -> skill.apply(r).replace(" " + run, ""), r -> r));
	}

	private String row(String who, String department, String leaving, String skills) {
		return who + run + "," + who + "-" + run + "@example.com," + who + " " + run + "," + department + "," + leaving + ","
				+ skills.replaceAll("([A-Z][a-z]+):", "$1 " + run + ":") + "\n";
	}

	private void importNow(String rows) {
		String csv = "employee_id,email,full_name,department,leaving_date,skills\n" + rows;
		HrImportStatus preview = imports.uploadAndPreview("skills.csv", csv.getBytes(StandardCharsets.UTF_8), "test");
		assertThat(preview.state()).as(() -> imports.issues(preview.id()).toString()).isEqualTo(HrImportStatus.State.PREVIEWED);
		assertThat(imports.applyNow(preview.id()).state()).isEqualTo(HrImportStatus.State.APPLIED);
	}
}
