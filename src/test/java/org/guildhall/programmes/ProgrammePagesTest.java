package org.guildhall.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import jakarta.servlet.http.Cookie;

import org.awaitility.Awaitility;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.Pages;
import org.guildhall.testing.TestOrganisation;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@GuildhallTest
@AutoConfigureMockMvc
class ProgrammePagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	JdbcClient jdbc;

	TestOrganisation org;
	Pages pages;

	@BeforeEach
	void organisation() {
		org = TestOrganisation.create(imports, identity, directory);
		pages = new Pages(mvc);
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private String programmeStatus(String location) {
		return jdbc.sql("SELECT status FROM programme WHERE id = ?").param(id(location)).query(String.class).single();
	}

	private static long id(String location) {
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}



	@Test
	void theDesignFormNamesEachCriterionInWordsAndAWrongWeightInWords() throws Exception {
		Cookie pm = pages.signIn(org.pm());
		Document form = pages.get("/programmes/new", pm);
		assertThat(form.select("label[for=weight-crossDepartment]").text()).isEqualTo("Another department");
		assertThat(form.select("label[for=weight-timeZone]").text()).isEqualTo("Working hours");
		assertThat(form.select("#weight-crossDepartment-help").text()).isEqualTo("the mentor works in another department");
		assertThat(form.select("label[for^=weight-]").eachText()).noneMatch(label -> label.matches(".*[a-z][A-Z].*"));

		Document refused = Jsoup.parse(mvc.perform(post("/programmes/new").with(csrf()).cookie(pm)
				.param("name", "Leads " + org.run()).param("purpose", "Grow leads").param("format", "ONE_TO_ONE")
				.param("durationWeeks", "12").param("defaultCapacity", "2").param("matchingMode", "BULK")
				.param("objective", "FAIR").param("weights[crossDepartment]", "11"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(refused.select("main").text()).contains("Weights: cross department").doesNotContain("crossDepartment");
	}

	@Test
	void aManagerDesignsOpensAndMatchesAProgrammeInTheBrowserPages() throws Exception {
		Cookie pm = pages.signIn(org.pm());
		String location = mvc.perform(post("/programmes/new").with(csrf()).cookie(pm)
				.param("name", "Engineering leads " + org.run()).param("purpose", "Grow leads").param("format", "ONE_TO_ONE")
				.param("durationWeeks", "12").param("defaultCapacity", "2").param("matchingMode", "BULK")
				.param("objective", "FAIR").param("weights[skills]", "3").param("weights[language]", "1")
				.param("questions", "Why now?\nWhat would success look like?"))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).matches("/programmes/\\d+");

		Cookie bo = pages.signIn(org.bo());
		mvc.perform(get(location).cookie(bo)).andExpect(status().isNotFound());
		mvc.perform(post(location + "/steps/open-enrolment").with(csrf()).cookie(bo)).andExpect(status().isNotFound()); // a draft is invisible to him
		assertThat(programmeStatus(location)).as("his refused step changed nothing").isEqualTo("DRAFT");
		mvc.perform(post(location + "/steps/open-enrolment").with(csrf()).cookie(pm)).andExpect(status().is3xxRedirection());

		Document enrolPage = pages.get(location, bo);
		assertThat(enrolPage.select("label[for=answer-0]").text()).isEqualTo("Why now?");
		mvc.perform(post(location + "/enrol").with(csrf()).cookie(bo).param("role", "MENTEE")
				.param("goals", "Lead my first project").param("answers", "Ready", "A shipped project"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(location + "/enrol").with(csrf()).cookie(pages.signIn(org.admin())).param("role", "MENTOR").param("capacity", "1"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(location + "/enrol").with(csrf()).cookie(pm).param("role", "MENTOR").param("capacity", "1"))
			.andExpect(status().is3xxRedirection());
		assertThat(pages.get(location, bo).text()).contains("You are enrolled as mentee (active).");

		mvc.perform(post(location + "/steps/close-enrolment").with(csrf()).cookie(pm)).andExpect(status().is3xxRedirection());
		Document running = Jsoup.parse(mvc.perform(post(location + "/runs").with(csrf()).cookie(pm).header("HX-Request", "true"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(running.select("#run").attr("hx-trigger")).as("the page polls while the run goes").isIn("every 1s", "");

		Awaitility.await().atMost(Duration.ofSeconds(60))
			.until(() -> pages.get(location, pm).select("#run h3").text().contains("Proposed pairs"));
		Document matched = pages.get(location, pm);
		var pairs = matched.select("#run table").get(1).select("tbody tr");
		assertThat(pairs).hasSize(1);
		assertThat(pairs.get(0).select("td").get(0).text()).isEqualTo("Bo Ek");
		assertThat(pairs.get(0).select("td").get(1).text()).as("Ada is Bo's manager's manager, so Pat mentors him")
			.isEqualTo("Pat Manager");
		assertThat(pairs.get(0).select("li")).isNotEmpty();
		assertThat(matched.text()).contains("1 of 1 (100%)");
		assertThat(pages.get(location, bo).select("#matching")).as("employees do not see proposals").isEmpty();

		String move = pairs.get(0).select("a[href*=/move/]").attr("href");
		assertThat(move).isEqualTo(location + "/move/" + org.bo().personId());
		Document alternatives = pages.get(move, pm);
		assertThat(alternatives.select("tbody tr td:first-child a").eachText()).as("Ada is in Bo's reporting line")
			.containsExactly("Pat Manager");
		assertThat(alternatives.select("form button[value=PIN]")).hasSize(1);
		mvc.perform(get(move).cookie(bo)).andExpect(status().isForbidden());
		assertThat(matched.select("#people-title").text()).isEqualTo("Enrolled (3)");

		String publish = matched.select("#run form[action$=/publish]").attr("action");
		assertThat(publish).matches("/programmes/\\d+/runs/\\d+/publish");
		mvc.perform(post(publish).with(csrf()).cookie(bo)).andExpect(status().isForbidden());
		assertThat(count("SELECT COUNT(*) FROM mentorship WHERE programme_id = ?", id(location)))
			.as("a refused publish invites nobody").isZero();
		assertThat(programmeStatus(location)).isNotEqualTo("RUNNING");
		mvc.perform(post(publish).with(csrf()).cookie(pm)).andExpect(redirectedUrl(publish));
		assertThat(count("SELECT COUNT(*) FROM mentorship WHERE programme_id = ?", id(location)))
			.as("publishing asks first").isZero();
		Document confirm = pages.get(publish, pm);
		assertThat(confirm.select("#invitations").text()).startsWith("1 mentorship invitation will go out");
		mvc.perform(post(publish).with(csrf()).cookie(pm).param("confirmed", "true")).andExpect(status().is3xxRedirection());
		Document published = pages.get(location, pm);
		assertThat(published.select("#run .success").text()).contains("1 mentorship invitations");
		assertThat(published.select("#run form[action$=/publish]")).as("a run is published once").isEmpty();
		assertThat(published.select("#run .success a").attr("href")).as("its pairs are mentorships now")
			.endsWith("/mentorships");
		assertThat(published.select("#run form[action$=/rules]")).as("no pinning of pairs already invited").isEmpty();
		assertThat(published.select(".tag").first().text()).isEqualTo("running");
		assertThat(pages.get(location, bo).text()).contains("You have a mentor in this programme");
	}

	@Test
	void aMenteeChoosesFromRecommendedMentorsInSelfSelect() throws Exception {
		Cookie pm = pages.signIn(org.pm());
		String location = mvc.perform(post("/programmes/new").with(csrf()).cookie(pm)
				.param("name", "Choose " + org.run()).param("format", "ONE_TO_ONE").param("durationWeeks", "12")
				.param("defaultCapacity", "2").param("matchingMode", "SELF_SELECT").param("objective", "OPTIMAL")
				.param("weights[skills]", "3").param("weights[goals]", "3"))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(location + "/steps/open-enrolment").with(csrf()).cookie(pm)).andExpect(status().is3xxRedirection());
		Cookie bo = pages.signIn(org.bo());
		Cookie ann = pages.signIn(org.ann());
		mvc.perform(post(location + "/enrol").with(csrf()).cookie(bo).param("role", "MENTEE").param("goals", "JavaScript"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(location + "/enrol").with(csrf()).cookie(ann).param("role", "MENTOR").param("capacity", "2"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(location + "/enrol").with(csrf()).cookie(pm).param("role", "MENTOR").param("capacity", "1"))
			.andExpect(status().is3xxRedirection());
		assertThat(pages.get(location, bo).select("#choose")).as("mentees choose once enrolment closes").isEmpty();
		mvc.perform(post(location + "/steps/close-enrolment").with(csrf()).cookie(pm)).andExpect(status().is3xxRedirection());

		Document choose = pages.get(location, bo);
		assertThat(choose.select("#choose h3 a").eachText()).as("Ann is Bo's manager").containsExactly("Pat Manager");
		assertThat(choose.select("#choose li.card ul li")).isNotEmpty();
		assertThat(choose.select("#choose form").attr("action")).isEqualTo("/mentorships/requests");
		assertThat(choose.select("#choose input[name=mentorId]").val()).isEqualTo(Long.toString(org.pm().personId()));
		assertThat(pages.get(location, ann).select("#choose")).as("mentors are not offered mentors").isEmpty();

		String bearer = "Bearer " + org.token(identity, org.bo());
		mvc.perform(get("/api/v1" + location + "/recommendations").header("Authorization", bearer))
			.andExpect(status().isOk()).andExpect(jsonPath("$[0].mentorName").value("Pat Manager"))
			.andExpect(jsonPath("$[0].freePlaces").value(1)).andExpect(jsonPath("$.length()").value(1));
		mvc.perform(get("/api/v1" + location + "/recommendations").header("Authorization", "Bearer " + org.token(identity, org.ann())))
			.andExpect(status().isNotFound());
	}

	@Test
	void theApiRefusesTheWrongPeople() throws Exception {
		String ann = "Bearer " + org.token(identity, org.ann());
		String pm = "Bearer " + org.token(identity, org.pm());
		String body = """
				{"name":"API programme","purpose":null,"format":"PEER","enrolmentOpens":null,"enrolmentCloses":null,
				 "durationWeeks":8,"defaultCapacity":1,"matchingMode":"BULK","objective":"STABLE","weights":{"goals":"2"},
				 "questions":[],"approvalRequired":true}""";
		long programmes = count("SELECT COUNT(*) FROM programme");
		mvc.perform(post("/api/v1/programmes").header("Authorization", ann).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden());
		assertThat(count("SELECT COUNT(*) FROM programme")).as("no programme from a refused request").isEqualTo(programmes);
		String location = mvc.perform(post("/api/v1/programmes").header("Authorization", pm).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("DRAFT"))
			.andReturn().getResponse().getHeader("Location");
		mvc.perform(post(location + "/steps/close").header("Authorization", pm))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("Next step: open enrolment")));
		assertThat(programmeStatus(location)).as("a refused step leaves the programme where it was").isEqualTo("DRAFT");
		mvc.perform(post(location + "/steps/open-enrolment").header("Authorization", pm)).andExpect(status().isOk());
		mvc.perform(post(location + "/enrolments").header("Authorization", ann).contentType(MediaType.APPLICATION_JSON)
				.content("{\"role\":\"MENTOR\",\"goals\":null,\"capacity\":2,\"answers\":[]}"))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PENDING_APPROVAL"));
		mvc.perform(get(location + "/enrolments").header("Authorization", ann)).andExpect(status().isForbidden());
		mvc.perform(get(location + "/enrolments").header("Authorization", pm)).andExpect(jsonPath("$.length()").value(1));
		mvc.perform(post(location + "/runs").header("Authorization", ann)).andExpect(status().isForbidden());
		assertThat(count("SELECT COUNT(*) FROM matching_run WHERE programme_id = ?", id(location))).as("no run started").isZero();
		mvc.perform(post(location + "/runs/1/publish").header("Authorization", ann)).andExpect(status().isForbidden());
		assertThat(count("SELECT COUNT(*) FROM mentorship WHERE programme_id = ?", id(location))).isZero();
		mvc.perform(post(location + "/enrolments").header("Authorization", ann).contentType(MediaType.APPLICATION_JSON)
				.content("{\"role\":\"MENTOR\",\"capacity\":99,\"answers\":[]}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("capacity"));
		assertThat(jdbc.sql("SELECT capacity FROM enrolment WHERE programme_id = ? AND person_id = ?")
			.params(id(location), org.ann().personId()).query(Integer.class).list())
			.as("the refused enrolment left Ann's one as it was").containsExactly(2);
		assertThat(programmeStatus(location)).isEqualTo("ENROLLING");
	}
}
