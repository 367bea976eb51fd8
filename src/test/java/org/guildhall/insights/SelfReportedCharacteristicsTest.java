package org.guildhall.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.servlet.http.Cookie;

import org.awaitility.Awaitility;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.insights.internal.Fairness;
import org.guildhall.people.Characteristic;
import org.guildhall.people.Characteristics;
import org.guildhall.people.CharacteristicsSettings;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.testing.GuildhallTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Self-reported characteristics in the fairness audit: nothing while the organisation has them
 * off; with them on, one breakdown per asked characteristic counting only consenting mentees, with
 * groups of 4 hidden and of 5 and 6 shown; a withdrawal leaves the audit once the feed has caught
 * up; turning them off deletes every answer; and only the person reads or sets their own answers.
 */
@GuildhallTest
@AutoConfigureMockMvc
class SelfReportedCharacteristicsTest {

	@Autowired HrImports imports;
	@Autowired IdentityManagement identity;
	@Autowired PeopleDirectory directory;
	@Autowired ProgrammeManagement programmes;
	@Autowired Characteristics characteristics;
	@Autowired Fairness fairness;
	@Autowired Insights insights;
	@Autowired JdbcTemplate jdbc;
	@Autowired MockMvc mvc;

	@Test
	void offOnConsentWithdrawalAndOffAgain() throws Exception {
		InsightsWorld w = InsightsWorld.create(imports, identity, directory, programmes);
		CurrentUser eng0 = w.engineering().get(0);
		CurrentUser eng1 = w.engineering().get(1);

		// off (the default): no section on the profile, no breakdown, nothing to read or set
		configure(w, false, true);
		assertThat(editPage(eng0).getElementById("characteristics")).isNull();
		assertThat(audit(w).selfReported()).isFalse();
		assertThat(audit(w).breakdowns()).noneMatch(FairnessAudit.Breakdown::selfReported);
		String token0 = token(eng0);
		mvc.perform(get("/api/v1/people/" + eng0.personId() + "/characteristics").header("Authorization", token0))
			.andExpect(status().isNotFound());
		assertThatThrownBy(() -> characteristics.answer(eng0.personId(), true, Map.of("gender", "Woman"), eng0))
			.hasMessageContaining("does not ask");

		// on, gender asked: the section shows, with its explanation and consent box
		configure(w, true, true);
		Document page = editPage(eng0);
		assertThat(page.getElementById("characteristics")).isNotNull();
		assertThat(page.getElementById("characteristics").text()).contains("groups of 5 people or more")
			.contains("Nobody sees your individual answers");
		assertThat(page.select("#characteristics input[name=consent]")).hasSize(1);
		assertThat(page.select("#answer-gender option")).extracting(o -> o.text()).contains("Woman", "Prefer not to say");

		// without consent nothing is kept
		assertThatThrownBy(() -> characteristics.answer(eng0.personId(), false, Map.of("gender", "Woman"), eng0))
			.isInstanceOf(InvalidInputException.class);
		// an answer not on the list is refused
		assertThatThrownBy(() -> characteristics.answer(eng0.personId(), true, Map.of("gender", "Robot"), eng0))
			.isInstanceOf(InvalidInputException.class);

		// Engineering (6) say Woman, Sales (5) Man, Design (4) prefer not to say; one of them through the page
		Cookie session = signIn(eng0);
		mvc.perform(post("/people/" + eng0.personId() + "/characteristics").with(csrf()).cookie(session).param("consent", "true")
			.param("answer.gender", "Woman")).andExpect(status().is3xxRedirection());
		w.engineering().stream().skip(1).forEach(p -> characteristics.answer(p.personId(), true, Map.of("gender", "Woman"), p));
		w.sales().forEach(p -> characteristics.answer(p.personId(), true, Map.of("gender", "Man"), p));
		w.design().forEach(p -> characteristics.answer(p.personId(), true, Map.of("gender", Characteristic.PREFER_NOT_TO_SAY), p));
		// a mentor's answer is no mentee's: not in the audit
		characteristics.answer(w.mentors().get(0).personId(), true, Map.of("gender", "Man"), w.mentors().get(0));

		FairnessAudit on = settled(w, gender -> gender.groups().size() == 3 && count(gender, "Woman") == 6L);
		assertThat(on.selfReported()).isTrue();
		FairnessAudit.Breakdown gender = on.breakdowns().get(3);
		assertThat(gender.attribute()).isEqualTo("Gender");
		assertThat(gender.selfReported()).isTrue();
		assertThat(gender.groups()).extracting(FairnessAudit.Group::name).as("in the order of the answers, small ones unnamed")
			.containsExactly("Woman", "Man", Fairness.SMALL_ANSWERS);
		assertThat(gender.groups().get(0).mentees().value()).isEqualTo(6);
		assertThat(gender.groups().get(1).mentees().value()).as("five: shown").isEqualTo(5);
		assertThat(gender.groups().get(2).mentees().suppressed()).as("four: hidden").isTrue();
		assertThat(gender.groups().get(2).matched().suppressed()).isTrue();
		assertThat(gender.groups().get(2).endedEarly().suppressed()).isTrue();

		// the person's own answers, on the API, for them only
		mvc.perform(get("/api/v1/people/" + eng1.personId() + "/characteristics").header("Authorization", token(eng1)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.consented").value(true)).andExpect(jsonPath("$.answers.gender").value("Woman"));
		for (CurrentUser other : List.of(w.engineering().get(2), w.admin(), w.pm())) {
			String t = token(other);
			mvc.perform(get("/api/v1/people/" + eng1.personId() + "/characteristics").header("Authorization", t))
				.andExpect(status().isForbidden());
			mvc.perform(put("/api/v1/people/" + eng1.personId() + "/characteristics").header("Authorization", t)
				.contentType(MediaType.APPLICATION_JSON).content("{\"consent\": true, \"answers\": {\"gender\": \"Man\"}}"))
				.andExpect(status().isForbidden());
			mvc.perform(delete("/api/v1/people/" + eng1.personId() + "/characteristics").header("Authorization", t))
				.andExpect(status().isForbidden());
		}
		Cookie otherSession = signIn(w.engineering().get(2));
		mvc.perform(post("/people/" + eng1.personId() + "/characteristics").with(csrf()).cookie(otherSession).param("consent", "true")
			.param("answer.gender", "Man")).andExpect(status().isForbidden());
		mvc.perform(post("/people/" + eng1.personId() + "/characteristics/withdraw").with(csrf()).cookie(otherSession))
			.andExpect(status().isForbidden());
		assertThat(characteristics.mine(eng1.personId(), eng1).orElseThrow().answers()).containsEntry("gender", "Woman");
		// an administrator editing someone's profile does not see the section; the directory never shows answers
		Document adminEdit = Jsoup.parse(mvc.perform(get("/people/" + eng1.personId() + "/edit").cookie(signIn(w.admin())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(adminEdit.getElementById("characteristics")).isNull();
		String profile = mvc.perform(get("/people/" + eng1.personId()).cookie(otherSession)).andReturn().getResponse().getContentAsString();
		assertThat(profile).doesNotContain("Woman");
		String pmToken = token(w.pm());
		String audit = mvc.perform(get("/api/v1/insights/fairness").param("programme", Long.toString(w.programmeId()))
			.header("Authorization", pmToken)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(audit).contains("\"Gender\"").doesNotContain(Long.toString(eng1.personId()) + ",").doesNotContain("Mentee");
		String csv = mvc.perform(get("/api/v1/insights/export/fairness.csv").param("programme", Long.toString(w.programmeId()))
			.header("Authorization", pmToken)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(csv).contains("Gender,true,Woman,6").contains("Gender,true,Other answers (fewer than 5 mentees each),fewer than 5")
			.doesNotContain("Prefer not to say").doesNotContain("Mentee");

		// a withdrawal (through the page) takes the person out once the feed has caught up: Woman 6 -> 5
		mvc.perform(post("/people/" + eng0.personId() + "/characteristics/withdraw").with(csrf()).cookie(session))
			.andExpect(status().is3xxRedirection());
		assertThat(characteristics.mine(eng0.personId(), eng0).orElseThrow().consented()).isFalse();
		FairnessAudit withdrawn = settled(w, g -> count(g, "Woman") != null && count(g, "Woman") == 5L);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM insight_characteristic WHERE person_id = ?", Integer.class, eng0.personId()))
			.isZero();
		assertThat(withdrawn.breakdowns().get(3).groups().get(1).mentees().value()).isEqualTo(5);

		// off again: the breakdown goes at once, and every answer is deleted (here and in the copy)
		configure(w, false, true);
		assertThat(audit(w).breakdowns()).noneMatch(FairnessAudit.Breakdown::selfReported);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM characteristic_answer", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM characteristic_consent", Integer.class)).isZero();
		Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
			.until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM insight_characteristic", Integer.class) == 0);
		assertThat(editPage(eng1).getElementById("characteristics")).isNull();
	}

	@Test
	void onlyAdministratorsChangeTheSettingAndBadInputIsNamed() throws Exception {
		InsightsWorld w = InsightsWorld.create(imports, identity, directory, programmes);
		assertThatThrownBy(() -> characteristics.configure(true, characteristics.settings().characteristics(), w.pm()))
			.isInstanceOf(AccessDeniedException.class);
		mvc.perform(get("/admin/characteristics").cookie(signIn(w.pm()))).andExpect(status().isForbidden());
		Cookie admin = signIn(w.admin());
		Document page = Jsoup.parse(mvc.perform(get("/admin/characteristics").cookie(admin)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString());
		assertThat(page.text()).contains("Turning this off deletes every answer given");
		assertThatThrownBy(() -> characteristics.configure(true, List.of(new Characteristic("", "Team", List.of(""), true)), w.admin()))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).problems().get(0).field()).isEqualTo("characteristics[0].answers"));
		// a new characteristic from the page: its answers get "Prefer not to say" added
		String body = mvc.perform(post("/admin/characteristics").with(csrf()).cookie(admin).param("on", "true")
			.param("rows[0].key", "").param("rows[0].name", "Working pattern").param("rows[0].answers", "Full time\nPart time")
			.param("rows[0].asked", "true")).andReturn().getResponse().getContentAsString();
		assertThat(body).doesNotContain("Not saved");
		CharacteristicsSettings saved = characteristics.settings();
		assertThat(saved.asked()).singleElement().satisfies(c -> {
			assertThat(c.key()).isEqualTo("working-pattern");
			assertThat(c.answers()).containsExactly("Full time", "Part time", Characteristic.PREFER_NOT_TO_SAY);
		});
		// back to the seeded set, off
		configure(w, false, false);
	}

	/** Turns characteristics on or off with the five seeded ones (gender asked when {@code gender}). */
	private void configure(InsightsWorld w, boolean on, boolean gender) {
		List<Characteristic> seeded = List.of(
				new Characteristic("gender", "Gender", List.of("Woman", "Man", "Non-binary", "In another way"), gender),
				new Characteristic("age-band", "Age band", List.of("Under 25", "25 to 34", "35 to 44", "45 to 54", "55 or over"), false),
				new Characteristic("ethnicity", "Ethnicity", List.of("Asian", "Black", "Mixed or multiple", "White", "Another ethnic group"), false),
				new Characteristic("disability", "Disability", List.of("Yes", "No"), false),
				new Characteristic("caring", "Caring responsibilities", List.of("Yes", "No"), false));
		characteristics.configure(on, seeded, w.admin());
	}

	private FairnessAudit audit(InsightsWorld w) {
		CharacteristicsSettings settings = characteristics.settings();
		return fairness.audit(w.programmeId(), "P", null, List.of(), settings.asked(), settings.on(), Instant.now());
	}

	private FairnessAudit settled(InsightsWorld w, Predicate<FairnessAudit.Breakdown> gender) {
		Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> audit(w).breakdowns().stream()
			.filter(FairnessAudit.Breakdown::selfReported).findFirst().filter(gender).isPresent());
		return audit(w);
	}

	private static Long count(FairnessAudit.Breakdown b, String group) {
		Optional<FairnessAudit.Group> g = b.groups().stream().filter(x -> x.name().equals(group)).findFirst();
		return g.map(x -> x.mentees().value()).orElse(null);
	}

	private String token(CurrentUser user) {
		return "Bearer " + identity.issueToken(user.accountId(), "t", 1).secret();
	}

	private Cookie signIn(CurrentUser user) throws Exception {
		return mvc.perform(post("/login").with(csrf()).param("username", user.email()).param("password", InsightsWorld.PASSWORD))
			.andReturn().getResponse().getCookie("SESSION");
	}

	private Document editPage(CurrentUser user) throws Exception {
		return Jsoup.parse(mvc.perform(get("/people/" + user.personId() + "/edit").cookie(signIn(user))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
	}
}
