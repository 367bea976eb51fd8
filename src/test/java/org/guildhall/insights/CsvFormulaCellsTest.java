package org.guildhall.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.awaitility.Awaitility;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.identity.NewAccount;
import org.guildhall.identity.Role;
import org.guildhall.insights.internal.Figures;
import org.guildhall.people.HrImportStatus;
import org.guildhall.people.HrImports;
import org.guildhall.shared.CurrentUser;
import org.guildhall.testing.GuildhallTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Department names from an HR file full of spreadsheet formulas (the corpus in
 * {@code insights/formula-cells.txt}) come out of the CSV exports as text a spreadsheet shows and
 * never runs.
 */
@GuildhallTest
@AutoConfigureMockMvc
class CsvFormulaCellsTest {

	@Autowired HrImports imports;
	@Autowired IdentityManagement identity;
	@Autowired Insights insights;
	@Autowired Figures figures;
	@Autowired MockMvc mvc;

	@Test
	void formulaCellsFromTheHrCorpusAreNeutralised() throws Exception {
		List<String> corpus = Files.readAllLines(Path.of("src/test/resources/insights/formula-cells.txt"), StandardCharsets.UTF_8)
			.stream().filter(line -> !line.isBlank()).toList();
		String run = UUID.randomUUID().toString().substring(0, 8);
		StringWriter file = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(file, CSVFormat.RFC4180)) {
			csv.printRecord("employee_id", "email", "full_name", "department", "location");
			csv.printRecord("ADM-" + run, "adm-" + run + "@example.com", "Ada Admin", "People", "Berlin");
			for (int i = 0; i < corpus.size(); i++) {
				csv.printRecord("F" + i + "-" + run, "f" + i + "-" + run + "@example.com", "Person " + i, corpus.get(i), corpus.get(i));
			}
		}
		HrImportStatus preview = imports.uploadAndPreview("formulas.csv", file.toString().getBytes(StandardCharsets.UTF_8), "test");
		assertThat(preview.state()).as(() -> imports.issues(preview.id()).toString()).isEqualTo(HrImportStatus.State.PREVIEWED);
		imports.applyNow(preview.id());
		var account = identity.create(new NewAccount("adm-" + run + "@example.com", "Ada", EnumSet.of(Role.ADMIN, Role.EMPLOYEE)),
				"correct horse battery staple");
		CurrentUser admin = new CurrentUser(account.id(), account.email(), "Ada", account.personId(), java.util.Set.of("ADMIN", "EMPLOYEE"));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> insights.facets(admin).departments().containsAll(corpus));
		figures.computeNow();
		String token = "Bearer " + identity.issueToken(account.id(), "csv", 1).secret();

		for (String export : List.of("network", "dashboard", "skills")) {
			String body = mvc.perform(get("/api/v1/insights/export/" + export + ".csv").header("Authorization", token))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			List<String> cells = new ArrayList<>();
			for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(body))) {
				record.forEach(cells::add);
			}
			assertThat(cells).as(export).isNotEmpty();
			assertThat(cells).as(export + ": no cell starts like a formula")
				.noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0);
			if (export.equals("network")) {
				assertThat(cells).as("every department of the corpus is there, as text").containsAll(corpus.stream().map(c -> "'" + c).toList());
			}
		}
	}
}
