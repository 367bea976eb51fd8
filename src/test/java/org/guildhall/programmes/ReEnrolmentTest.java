package org.guildhall.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.shared.CurrentUser;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.TestOrganisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Someone who withdrew can enrol again while enrolment is open (in the same or another role), under
 * the same rules as a first enrolment; the insights read model follows every step.
 */
@GuildhallTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class ReEnrolmentTest {

	private static final String MENTEE = """
			{"role":"MENTEE","goals":"Learn to lead","capacity":0,"answers":["Because"]}""";
	private static final String MENTOR = """
			{"role":"MENTOR","goals":null,"capacity":2,"answers":[]}""";
	private static final String MENTOR_WITHOUT_PLACES = """
			{"role":"MENTOR","goals":null,"capacity":0,"answers":[]}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	ProgrammeManagement programmes;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	TestOrganisation org;
	CurrentUser pm;
	String boToken;
	String pmToken;

	@BeforeEach
	void organisation() {
		org = TestOrganisation.create(imports, identity, directory);
		pm = new CurrentUser(org.pm().accountId(), org.pm().email(), org.pm().email(), org.pm().personId(),
				Set.of(CurrentUser.PROGRAMME_MANAGER, CurrentUser.EMPLOYEE));
		boToken = "Bearer " + org.token(identity, org.bo());
		pmToken = "Bearer " + org.token(identity, org.pm());
	}

	private Programme openProgramme() {
		Programme programme = programmes.create(new ProgrammeSettings("Leads " + org.run(), "Grow engineering leads",
				ProgrammeFormat.ONE_TO_ONE, null, null, 12, 2, MatchingMode.BULK, ProgrammeSettings.ObjectiveChoice.OPTIMAL,
				Map.of("skills", "3"), List.of("Why now?"), false), pm);
		programmes.advance(programme.id(), "open-enrolment", pm);
		return programme;
	}

	private org.springframework.test.web.servlet.ResultActions enrol(long programmeId, String body) throws Exception {
		return mvc.perform(post("/api/v1/programmes/{id}/enrolments", programmeId).header("Authorization", boToken)
			.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private org.springframework.test.web.servlet.ResultActions withdraw(long programmeId) throws Exception {
		return mvc.perform(delete("/api/v1/programmes/{id}/enrolments/mine", programmeId).header("Authorization", boToken));
	}

	/** Role and status of Bo's enrolment as the insights read model has it, once its listener has run. */
	private void awaitInsight(long programmeId, String role, String status) {
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc
			.sql("SELECT role, status FROM insight_enrolment WHERE programme_id = ? AND person_id = ?")
			.params(programmeId, org.bo().personId()).query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list())
			.containsExactly(role + " " + status));
	}

	@Test
	void enrolWithdrawEnrolAgainWithdrawAgain() throws Exception {
		long id = openProgramme().id();

		enrol(id, MENTEE).andExpect(status().isCreated()).andExpect(jsonPath("$.role").value("MENTEE"));
		awaitInsight(id, "MENTEE", "ACTIVE");
		withdraw(id).andExpect(status().isNoContent());
		awaitInsight(id, "MENTEE", "WITHDRAWN");

		// back, this time as a mentor: the same rules as a first enrolment
		enrol(id, MENTOR_WITHOUT_PLACES).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("capacity"));
		enrol(id, MENTOR).andExpect(status().isCreated())
			.andExpect(jsonPath("$.role").value("MENTOR"))
			.andExpect(jsonPath("$.capacity").value(2))
			.andExpect(jsonPath("$.status").value("ACTIVE"));
		awaitInsight(id, "MENTOR", "ACTIVE");
		enrol(id, MENTOR).andExpect(status().isConflict());

		mvc.perform(get("/api/v1/programmes/{id}/enrolments", id).header("Authorization", pmToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].role").value("MENTOR"))
			.andExpect(jsonPath("$[0].status").value("ACTIVE"));

		withdraw(id).andExpect(status().isNoContent());
		awaitInsight(id, "MENTOR", "WITHDRAWN");
		withdraw(id).andExpect(status().isNotFound());

		assertThat(events.stream(EnrolmentChanged.class).filter(e -> e.programmeId() == id).map(EnrolmentChanged::status))
			.containsExactly(EnrolmentStatus.ACTIVE, EnrolmentStatus.WITHDRAWN, EnrolmentStatus.ACTIVE, EnrolmentStatus.WITHDRAWN);
	}

	@Test
	void noComingBackOnceEnrolmentHasClosed() throws Exception {
		long id = openProgramme().id();
		enrol(id, MENTEE).andExpect(status().isCreated());
		withdraw(id).andExpect(status().isNoContent());
		programmes.advance(id, "close-enrolment", pm);

		enrol(id, MENTEE).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("not open for enrolment")));
		assertThat(programmes.enrolmentOf(id, org.bo().personId())).hasValueSatisfying(
				e -> assertThat(e.status()).isEqualTo(EnrolmentStatus.WITHDRAWN));
	}
}
