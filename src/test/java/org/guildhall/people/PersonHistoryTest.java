package org.guildhall.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImportStatus.State;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.TestOrganisation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

@GuildhallTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class PersonHistoryTest {

	static final LocalDate JANUARY = LocalDate.of(2025, 1, 1);
	static final LocalDate JULY = LocalDate.of(2025, 7, 1);

	@Autowired
	HrImports imports;

	@Autowired
	PersonHistory history;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	IdentityManagement identity;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEvents events;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private static final String HEADER = "employee_id,email,full_name,title,department,location,level,manager\n";

	// Cora leads; Pia, Mo, Dee and Una report to her; Cy reports to Pia.
	private String january() {
		return csv("CORA,Cora Chief,CEO,Leadership,Berlin,10,",
				"PIA,Pia Park,Engineer,Engineering,Berlin,3,CORA",
				"MO,Mo Reyes,Engineer,Engineering,Lisbon,4,CORA",
				"CY,Cy Tan,Analyst,Data,Lisbon,3,PIA",
				"DEE,Dee Ola,Account Executive,Sales,Berlin,2,CORA",
				"UNA,Una Berg,Account Executive,Sales,Berlin,5,CORA");
	}

	// Pia is promoted (level 4), Mo moves to Data, Cy now reports to Mo, Dee has left, Una and Cora are as they were.
	private String july() {
		return csv("CORA,Cora Chief,CEO,Leadership,Berlin,10,",
				"PIA,Pia Park,Senior Engineer,Engineering,Berlin,4,CORA",
				"MO,Mo Reyes,Engineer,Data,Lisbon,4,CORA",
				"CY,Cy Tan,Analyst,Data,Lisbon,3,MO",
				"UNA,Una Berg,Account Executive,Sales,Berlin,5,CORA");
	}

	/** Rows of {@code employee id,name,title,department,location,level,manager id}; ids and e-mails are made unique. */
	private String csv(String... rows) {
		StringBuilder csv = new StringBuilder(HEADER);
		for (String row : rows) {
			String[] f = row.split(",", -1);
			csv.append(String.join(",", id(f[0]), email(f[0]), f[1], f[2], f[3], f[4], f[5], f[6].isEmpty() ? "" : id(f[6])))
				.append('\n');
		}
		return csv.toString();
	}

	private String id(String key) {
		return key + "-" + run;
	}

	private String email(String key) {
		return key.toLowerCase() + "-" + run + "@example.com";
	}

	private long person(String key) {
		return directory.findIdByEmail(email(key)).orElseThrow();
	}

	private HrImportStatus preview(String csv) {
		HrImportStatus preview = imports.uploadAndPreview("people.csv", csv.getBytes(StandardCharsets.UTF_8), "admin@example.com");
		assertThat(preview.state()).as(() -> imports.issues(preview.id()).toString()).isEqualTo(State.PREVIEWED);
		return preview;
	}

	private HrImportStatus importAsOf(String csv, LocalDate effectiveOn) {
		HrImportStatus applied = imports.applyNow(preview(csv).id(), effectiveOn);
		assertThat(applied.state()).as("failure: %s", applied.failure()).isEqualTo(State.APPLIED);
		return applied;
	}

	private static PersonHistoryEntry entry(long sequence, long personId, LocalDate on, String department, String location,
			int level, Long managerId, boolean active) {
		return new PersonHistoryEntry(sequence, personId, on, department, location, level, managerId, active);
	}

	@Test
	void eachImportAddsADatedEntryForExactlyThePeopleItChanged() {
		importAsOf(january(), JANUARY);
		long cora = person("CORA"), pia = person("PIA"), mo = person("MO"), cy = person("CY"), dee = person("DEE"),
				una = person("UNA");
		long afterJanuary = history.lastSequence();

		HrImportStatus applied = importAsOf(july(), JULY);
		assertThat(applied.effectiveOn()).isEqualTo(JULY);

		assertThat(history.of(una)).usingRecursiveFieldByFieldElementComparatorIgnoringFields("sequence")
			.containsExactly(entry(0, una, JANUARY, "Sales", "Berlin", 5, cora, true));
		assertThat(history.of(cora)).usingRecursiveFieldByFieldElementComparatorIgnoringFields("sequence")
			.containsExactly(new PersonHistoryEntry(0, cora, JANUARY, "Leadership", "Berlin", 10, null, true));
		assertThat(history.of(pia)).as("promoted").usingRecursiveFieldByFieldElementComparatorIgnoringFields("sequence")
			.containsExactly(entry(0, pia, JANUARY, "Engineering", "Berlin", 3, cora, true),
					entry(0, pia, JULY, "Engineering", "Berlin", 4, cora, true));
		assertThat(history.of(mo)).as("moved department").usingRecursiveFieldByFieldElementComparatorIgnoringFields("sequence")
			.containsExactly(entry(0, mo, JANUARY, "Engineering", "Lisbon", 4, cora, true),
					entry(0, mo, JULY, "Data", "Lisbon", 4, cora, true));
		assertThat(history.of(cy)).as("new manager").usingRecursiveFieldByFieldElementComparatorIgnoringFields("sequence")
			.containsExactly(entry(0, cy, JANUARY, "Data", "Lisbon", 3, pia, true),
					entry(0, cy, JULY, "Data", "Lisbon", 3, mo, true));
		assertThat(history.of(dee)).as("left").usingRecursiveFieldByFieldElementComparatorIgnoringFields("sequence")
			.containsExactly(entry(0, dee, JANUARY, "Sales", "Berlin", 2, cora, true),
					entry(0, dee, JULY, "Sales", "Berlin", 2, cora, false));

		// the July import wrote its entries after everything before it, and told listeners which ones
		List<PersonHistoryEntry> july = history.after(afterJanuary, PersonHistory.MAX_PAGE);
		assertThat(july).extracting(PersonHistoryEntry::effectiveOn).containsOnly(JULY);
		assertThat(july).extracting(PersonHistoryEntry::personId).contains(pia, mo, cy, dee).doesNotContain(una, cora);
		assertThat(events.stream(PersonHistoryRecorded.class).filter(e -> e.effectiveOn().equals(JULY)))
			.containsExactly(new PersonHistoryRecorded(july.get(0).sequence(), july.get(july.size() - 1).sequence(),
					july.size(), JULY));
		assertThat(history.lastSequence()).isEqualTo(july.get(july.size() - 1).sequence());
		assertThat(history.of(pia).get(1)).isIn(july);
	}

	@Test
	void pagesThroughTheHistoryInSequenceOrderWithoutGapsOrRepeats() {
		long before = history.lastSequence();
		importAsOf(january(), JANUARY);
		importAsOf(july(), JULY);
		List<PersonHistoryEntry> all = history.after(before, PersonHistory.MAX_PAGE);
		assertThat(all).hasSizeGreaterThanOrEqualTo(6 + 4);

		List<PersonHistoryEntry> paged = new ArrayList<>();
		long sequence = before;
		List<PersonHistoryEntry> page;
		do {
			page = history.after(sequence, 3);
			assertThat(page).hasSizeLessThanOrEqualTo(3);
			paged.addAll(page);
			if (!page.isEmpty()) {
				sequence = page.get(page.size() - 1).sequence();
			}
		}
		while (page.size() == 3);

		assertThat(paged).isEqualTo(all);
		assertThat(paged).extracting(PersonHistoryEntry::sequence).isSorted().doesNotHaveDuplicates();
		assertThat(history.after(history.lastSequence(), 10)).isEmpty();
		assertThatThrownBy(() -> history.after(0, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> history.after(0, PersonHistory.MAX_PAGE + 1)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theSameFileAgainAddsNothingAndAnnouncesNothing() {
		importAsOf(january(), JANUARY);
		long before = history.lastSequence();
		long recorded = events.stream(PersonHistoryRecorded.class).count();

		importAsOf(january(), JULY);
		importAsOf(january(), JANUARY.minusYears(1));

		assertThat(history.lastSequence()).isEqualTo(before);
		assertThat(history.after(before, 10)).isEmpty();
		assertThat(events.stream(PersonHistoryRecorded.class).count()).isEqualTo(recorded);
		assertThat(history.of(person("PIA"))).hasSize(1);
	}

	@Test
	void anImportWithoutADateAppliesAsOfToday() {
		HrImportStatus applied = imports.applyNow(preview(january()).id());
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		assertThat(applied.effectiveOn()).isIn(today, today.minusDays(1));
		assertThat(history.of(person("MO"))).singleElement().satisfies(e -> assertThat(e.effectiveOn()).isEqualTo(applied.effectiveOn()));
	}

	@Test
	void aFutureDateIsRefusedAndThePreviewStaysReadyToApply() {
		HrImportStatus preview = preview(january());
		LocalDate dayAfterTomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2);

		assertThatThrownBy(() -> imports.applyNow(preview.id(), dayAfterTomorrow))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).singleElement()
				.satisfies(p -> assertThat(p.field()).isEqualTo("effectiveOn")));
		assertThat(imports.status(preview.id()).state()).isEqualTo(State.PREVIEWED);
		assertThat(directory.findIdByEmail(email("PIA"))).isEmpty();
	}

	@Test
	void theApiRefusesAFutureOrMalformedDateWith400AndAppliesAsOfAGivenOne() throws Exception {
		TestOrganisation org = TestOrganisation.create(imports, identity, directory);
		String admin = "Bearer " + org.token(identity, org.admin());
		// the administrator must stay in the file, or applying it would deactivate them
		String csv = january() + "ADM-" + org.run() + ",admin-" + org.run() + "@example.com,Ada Admin,Head of People,People,Berlin,,\n";
		long id = preview(csv).id();
		String dayAfterTomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();

		mvc.perform(post("/api/v1/imports/{id}/apply", id).param("effectiveOn", dayAfterTomorrow).header("Authorization", admin))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("effectiveOn"));
		mvc.perform(post("/api/v1/imports/{id}/apply", id).param("effectiveOn", "2025-02-30").header("Authorization", admin))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("effectiveOn"))
			.andExpect(jsonPath("$.detail").value("effectiveOn: is not a date of the form YYYY-MM-DD"));
		assertThat(imports.status(id).state()).isEqualTo(State.PREVIEWED);

		mvc.perform(post("/api/v1/imports/{id}/apply", id).param("effectiveOn", "2025-03-15").param("confirmDeactivations", "true")
				.header("Authorization", admin))
			.andExpect(status().isAccepted());
		Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> !imports.status(id).state().running());
		mvc.perform(get("/api/v1/imports/{id}", id).header("Authorization", admin))
			.andExpect(jsonPath("$.status.state").value("APPLIED"))
			.andExpect(jsonPath("$.status.effectiveOn").value("2025-03-15"));
		assertThat(history.of(person("UNA"))).singleElement()
			.satisfies(e -> assertThat(e.effectiveOn()).isEqualTo(LocalDate.of(2025, 3, 15)));
	}
}
