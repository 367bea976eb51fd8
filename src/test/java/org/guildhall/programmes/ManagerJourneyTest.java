package org.guildhall.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.awaitility.Awaitility;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.identity.NewAccount;
import org.guildhall.identity.Role;
import org.guildhall.mentorships.MentorshipManagement;
import org.guildhall.people.HrImportStatus;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.shared.CurrentUser;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.Pages;
import org.guildhall.testing.TestOrganisation;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The programme manager's journey through a bulk match, as the pages show it: choosing the
 * objective at run time, comparing optimal, fair and stable runs on the same enrolments, publishing
 * the chosen one after a confirmation, reasons about the pair, pins the mentee never reads, the
 * health page before and after pairs are active, and the audit trail of it all.
 */
@GuildhallTest
@AutoConfigureMockMvc
class ManagerJourneyTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	ProgrammeManagement programmes;

	@Autowired
	MatchingRuns runs;

	@Autowired
	MentorshipManagement mentorships;

	@Autowired
	JdbcClient jdbc;

	/** A manager, five mentors and eight mentees in three departments. */
	record World(String run, TestOrganisation.Member pm, Map<String, Long> people) {
	}

	World w;
	Pages pages;
	CurrentUser pm;

	@BeforeEach
	void world() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		StringBuilder csv = new StringBuilder("employee_id,email,full_name,title,department,location,level,manager,skills,mentoring,mentoring_capacity\n");
		csv.append("PM-%1$s,pm-%1$s@example.com,Pat Manager,Programme Manager,People,Berlin,5,,,NONE,0\n".formatted(run));
		String[][] mentors = {{"Mo", "Engineering", "Java:5:teach; Kubernetes:4:teach"}, {"Lu", "Operations", "Kubernetes:5:teach"},
				{"Ria", "Sales", "JavaScript:5:teach; Java:3:teach"}, {"Sam", "Engineering", "JavaScript:4:teach"},
				{"Ed", "Finance", "Java:4:teach"}};
		String[][] mentees = {{"Ana", "Sales", "Java:1:learn"}, {"Ben", "Engineering", "Kubernetes:1:learn"},
				{"Cy", "Finance", "JavaScript:1:learn"}, {"Di", "Operations", "Java:2:learn; Kubernetes:1:learn"},
				{"Eve", "Sales", "JavaScript:2:learn"}, {"Fay", "Engineering", "Java:1:learn"},
				{"Gus", "Finance", "Kubernetes:2:learn"}, {"Hal", "Operations", "JavaScript:1:learn; Java:1:learn"}};
		for (String[] m : mentors) {
			csv.append("%2$s-%1$s,%3$s-%1$s@example.com,%2$s Mentor,Senior,%4$s,Lisbon,7,,\"%5$s\",MENTOR,2\n"
				.formatted(run, m[0].toUpperCase(), m[0].toLowerCase(), m[1], m[2]));
		}
		for (String[] m : mentees) {
			csv.append("%2$s-%1$s,%3$s-%1$s@example.com,%2$s Mentee,Junior,%4$s,Lisbon,3,,\"%5$s\",MENTEE,0\n"
				.formatted(run, m[0].toUpperCase(), m[0].toLowerCase(), m[1], m[2]));
		}
		HrImportStatus preview = imports.uploadAndPreview("world.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "test");
		assertThat(preview.state()).as(() -> imports.issues(preview.id()).toString()).isEqualTo(HrImportStatus.State.PREVIEWED);
		imports.applyNow(preview.id());
		Map<String, Long> people = new java.util.LinkedHashMap<>();
		for (String[] m : mentors) {
			people.put(m[0], directory.findIdByEmail(m[0].toLowerCase() + "-" + run + "@example.com").orElseThrow());
		}
		for (String[] m : mentees) {
			people.put(m[0], directory.findIdByEmail(m[0].toLowerCase() + "-" + run + "@example.com").orElseThrow());
		}
		String pmEmail = "pm-" + run + "@example.com";
		var account = identity.create(new NewAccount(pmEmail, "Pat Manager", EnumSet.of(Role.PROGRAMME_MANAGER, Role.EMPLOYEE)),
				TestOrganisation.PASSWORD);
		long pmPerson = directory.findIdByEmail(pmEmail).orElseThrow();
		w = new World(run, new TestOrganisation.Member(pmEmail, pmPerson, account.id()), people);
		pm = new CurrentUser(account.id(), pmEmail, pmEmail, pmPerson, Set.of(CurrentUser.PROGRAMME_MANAGER, CurrentUser.EMPLOYEE));
		pages = new Pages(mvc);
	}

	private CurrentUser person(String name) {
		long id = w.people().get(name);
		return new CurrentUser(-id, name, name, id, Set.of(CurrentUser.EMPLOYEE));
	}

	/** A bulk programme with everyone enrolled and enrolment closed. */
	private long programmeInMatching() {
		Programme programme = programmes.create(new ProgrammeSettings("Leads " + w.run(), "Grow", ProgrammeFormat.ONE_TO_ONE, null, null,
				12, 2, MatchingMode.BULK, ProgrammeSettings.ObjectiveChoice.OPTIMAL, Map.of("skills", "3", "crossDepartment", "1"),
				List.of(), false), pm);
		programmes.advance(programme.id(), "open-enrolment", pm);
		w.people().forEach((name, id) -> {
			boolean mentor = List.of("Mo", "Lu", "Ria", "Sam", "Ed").contains(name);
			programmes.enrol(programme.id(), new EnrolmentRequest(mentor ? EnrolmentRole.MENTOR : EnrolmentRole.MENTEE,
					mentor ? null : "Learn what my team needs", mentor ? 2 : 0, List.of()), person(name));
		});
		return programme.id();
	}

	private MatchingRun runWith(long programmeId, String objective, Cookie session) throws Exception {
		mvc.perform(post("/programmes/" + programmeId + "/runs").with(csrf()).cookie(session).param("objective", objective))
			.andExpect(status().is3xxRedirection());
		Awaitility.await().atMost(Duration.ofSeconds(60))
			.until(() -> runs.latest(programmeId, pm).orElseThrow().state() != MatchingRun.State.RUNNING);
		MatchingRun run = runs.latest(programmeId, pm).orElseThrow();
		assertThat(run.state()).as(() -> String.valueOf(run.failure())).isEqualTo(MatchingRun.State.DONE);
		assertThat(run.objective()).isEqualTo(objective);
		return run;
	}

	private List<String> audit(String action, String subject) {
		return jdbc.sql("SELECT actor FROM audit_event WHERE action = ? AND subject = ? ORDER BY id").params(action, subject)
			.query(String.class).list();
	}

	@Test
	void theManagerRunsEachObjectiveComparesThemSideBySideAndPublishesTheFairOne() throws Exception {
		long id = programmeInMatching();
		Cookie session = pages.signIn(w.pm());
		mvc.perform(post("/programmes/" + id + "/steps/close-enrolment").with(csrf()).cookie(session))
			.andExpect(status().is3xxRedirection());

		Document before = pages.get("/programmes/" + id, session);
		assertThat(before.select("#run-form input[name=objective]").eachAttr("value"))
			.as("the objective is chosen at run time, not locked in the design").containsExactly("OPTIMAL", "FAIR", "STABLE");
		assertThat(before.select("#run-form label").text()).contains("Fair matches as many mentees as it can");
		String html = before.html();
		assertThat(html.indexOf("id=\"matching\"")).as("the run comes before the enrolment list")
			.isPositive().isLessThan(html.indexOf("id=\"people-title\""));
		assertThat(html.indexOf("id=\"matching\"")).as("and before the manager's own participation")
			.isLessThan(html.indexOf("id=\"enrol-title\""));
		assertThat(before.select("details#enrolled summary").text()).isEqualTo("Enrolled (13)");
		assertThat(before.select("details#enrolled").hasAttr("open")).as("13 enrolments are collapsed after enrolment closed")
			.isFalse();

		MatchingRun optimal = runWith(id, "OPTIMAL", session);
		MatchingRun fair = runWith(id, "FAIR", session);
		MatchingRun stable = runWith(id, "STABLE", session);

		Document page = pages.get("/programmes/" + id, session);
		assertThat(page.select("#comparison thead th[data-objective]").eachAttr("data-objective"))
			.containsExactly("OPTIMAL", "FAIR", "STABLE");
		assertThat(page.select("#comparison thead th[data-objective=STABLE]").text())
			.contains("no mentee and mentor would both rather be with each other");
		assertThat(page.select("#comparison thead th[data-objective=OPTIMAL]").text()).contains("total score");
		assertThat(page.select("#blocking-pair-explained").text()).startsWith("A blocking pair is a mentee and a mentor who");
		assertThat(page.select("#comparison tbody th").eachText()).containsExactly("Matched", "Mean score", "Lowest score",
				"Top-3 share", "Blocking pairs", "Rule violations", "Best possible", "Fairness by group", "Pairs");
		Element matchedRow = page.select("#comparison tbody tr").get(0);
		assertThat(matchedRow.select("td").eachText()).containsExactly(
				optimal.matched() + " of 8 (" + Math.round(optimal.matchedShare() * 100) + "%)",
				fair.matched() + " of 8 (" + Math.round(fair.matchedShare() * 100) + "%)",
				stable.matched() + " of 8 (" + Math.round(stable.matchedShare() * 100) + "%)");
		assertThat(page.select("#comparison tbody tr").get(4).select("td").get(2).text()).as("stable has no blocking pair")
			.isEqualTo("0");
		assertThat(page.select("#comparison tbody tr").get(3).select("td").eachText()).allMatch(t -> t.matches("\\d+% \\(\\d+ of \\d+\\)"));
		assertThat(page.select("#comparison [hx-get*=/insights/fairness/panel]").eachAttr("hx-get"))
			.as("fairness by group per run").containsExactly(
					"/insights/fairness/panel?programme=" + id + "&run=" + optimal.id() + "&summary=true",
					"/insights/fairness/panel?programme=" + id + "&run=" + fair.id() + "&summary=true",
					"/insights/fairness/panel?programme=" + id + "&run=" + stable.id() + "&summary=true");
		// the same comparison through the API, for the manager only
		String token = "Bearer " + identity.issueToken(w.pm().accountId(), "compare", 1).secret();
		mvc.perform(get("/api/v1/programmes/{id}/runs/comparison", id).header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].objective").value(org.hamcrest.Matchers.contains("OPTIMAL", "FAIR", "STABLE")))
			.andExpect(jsonPath("$[1].run.id").value((int) fair.id()))
			.andExpect(jsonPath("$[1].run.matched").value(fair.matched()))
			.andExpect(jsonPath("$[2].run.blockingPairs").value(0))
			.andExpect(jsonPath("$[0].explanation").value(org.hamcrest.Matchers.containsString("total score")))
			.andExpect(jsonPath("$[0].topThreeShare").isNumber());

		Document fairness = pages.get("/insights/fairness/panel?programme=" + id + "&run=" + fair.id(), session);
		assertThat(fairness.text()).contains("Run " + fair.id() + " (fair").contains("By department");
		assertThat(pages.get("/insights/fairness/panel?programme=" + id + "&run=" + optimal.id() + "&summary=true", session)
			.select(".fairness-summary").text()).isNotBlank();

		// the pairs of one run, about the pair and linked to the people
		Document fairPairs = pages.get("/programmes/" + id + "?run=" + fair.id(), session);
		assertThat(fairPairs.select("#pairs-title").text()).isEqualTo("Proposed pairs of the fair run");
		assertThat(fairPairs.select("#pairs tbody tr")).hasSize(fair.matched());
		assertThat(fairPairs.select("#pairs tbody td:nth-child(5) li").eachText()).isNotEmpty()
			.noneMatch(reason -> reason.matches("(?i).*\\b(you|your)\\b.*"));
		assertThat(fairPairs.select("#pairs tbody td:nth-child(5) li").eachText())
			.anyMatch(reason -> reason.matches("Can teach \\d+ of the \\d+ skills the mentee wants to learn.*"));
		assertThat(fairPairs.select("#pairs tbody td:nth-child(1) a").eachAttr("href")).allMatch(h -> h.matches("/people/\\d+"));
		assertThat(fairPairs.select("#pairs tbody td:nth-child(2) a").eachAttr("href")).allMatch(h -> h.matches("/people/\\d+"));

		// publishing the fair run asks first, with the number of invitations
		String publish = "/programmes/" + id + "/runs/" + fair.id() + "/publish";
		assertThat(page.select("#comparison form[action=" + publish + "]")).hasSize(1);
		Document confirm = pages.get(publish, session);
		assertThat(confirm.select("#invitations").text()).startsWith(fair.matched() + " mentorship invitations will go out");
		assertThat(confirm.select("main button[type=submit]").text()).isEqualTo("Yes, send " + fair.matched() + " invitations");
		mvc.perform(post(publish).with(csrf()).cookie(session).param("confirmed", "true")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM mentorship WHERE programme_id = ? AND run_id = ?").params(id, fair.id())
			.query(Long.class).single()).isEqualTo(fair.matched());
		assertThat(runs.run(id, fair.id(), pm).published()).isTrue();
		assertThat(runs.run(id, optimal.id(), pm).published()).isFalse();
		assertThat(pages.get("/programmes/" + id, session).select("#run .success").text())
			.contains("(fair run): " + fair.matched() + " mentorship invitations");

		String subject = "programme " + id;
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(audit("enrolment-closed", subject)).containsExactly(w.pm().email());
			assertThat(audit("matching-run-started", subject)).containsExactly(w.pm().email(), w.pm().email(), w.pm().email());
			assertThat(audit("matching-run-published", subject)).containsExactly(w.pm().email());
		});
		assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE action = 'matching-run-published' AND subject = ?").param(subject)
			.query(String.class).single()).isEqualTo("run " + fair.id() + ": " + fair.matched() + " mentorship invitations");
	}

	@Test
	void aPinIsTheManagersDecisionNotAReasonTheMenteeReadsAndPinsMovesAndBansAreAudited() throws Exception {
		long id = programmeInMatching();
		Cookie session = pages.signIn(w.pm());
		mvc.perform(post("/programmes/" + id + "/steps/close-enrolment").with(csrf()).cookie(session))
			.andExpect(status().is3xxRedirection());
		long ana = w.people().get("Ana");
		String rules = "/programmes/" + id + "/rules";
		mvc.perform(post(rules).with(csrf()).cookie(session).param("menteeId", "" + ana).param("mentorId", "" + w.people().get("Lu"))
			.param("kind", "PIN")).andExpect(status().is3xxRedirection());
		mvc.perform(post(rules).with(csrf()).cookie(session).param("menteeId", "" + ana).param("mentorId", "" + w.people().get("Ed"))
			.param("kind", "PIN")).andExpect(status().is3xxRedirection());
		mvc.perform(post(rules).with(csrf()).cookie(session).param("menteeId", "" + w.people().get("Ben"))
			.param("mentorId", "" + w.people().get("Mo")).param("kind", "FORBID")).andExpect(status().is3xxRedirection());

		MatchingRun run = runWith(id, "OPTIMAL", session);
		Proposal pinned = runs.proposals(id, run.id(), pm).stream().filter(p -> p.menteeId() == ana).findFirst().orElseThrow();
		assertThat(pinned.mentorId()).isEqualTo(w.people().get("Ed"));
		assertThat(pinned.pinned()).isTrue();
		mvc.perform(post("/programmes/" + id + "/runs/" + run.id() + "/publish").with(csrf()).cookie(session).param("confirmed", "true"))
			.andExpect(status().is3xxRedirection());
		String reasons = jdbc.sql("SELECT match_reasons FROM mentorship WHERE programme_id = ? AND mentee_id = ?").params(id, ana)
			.query(String.class).single();
		assertThat(reasons).as("the mentee and mentor read why they fit, not that the manager pinned them")
			.doesNotContain("Set by the programme").doesNotContain("Pinned");

		String subject = "programme " + id;
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(audit("pair-pinned", subject)).containsExactly(w.pm().email());
			assertThat(audit("pair-moved", subject)).containsExactly(w.pm().email());
			assertThat(audit("pair-forbidden", subject)).containsExactly(w.pm().email());
		});
		assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE action = 'pair-moved' AND subject = ?").param(subject)
			.query(String.class).single()).isEqualTo("mentee person " + ana + ", mentor person " + w.people().get("Ed")
					+ ", moved from mentor person " + w.people().get("Lu"));
	}

	@Test
	void theHealthPageSaysNothingIsActiveYetThenCountsQuietPairsInWords() throws Exception {
		long id = programmeInMatching();
		Cookie session = pages.signIn(w.pm());
		mvc.perform(post("/programmes/" + id + "/steps/close-enrolment").with(csrf()).cookie(session))
			.andExpect(status().is3xxRedirection());
		MatchingRun run = runWith(id, "OPTIMAL", session);
		mvc.perform(post("/programmes/" + id + "/runs/" + run.id() + "/publish").with(csrf()).cookie(session).param("confirmed", "true"))
			.andExpect(status().is3xxRedirection());

		Document invited = pages.get("/programmes/" + id + "/mentorships", session);
		assertThat(invited.text()).as("no pair is active: no mean health of 0").doesNotContain("Mean health").doesNotContain("0/100");
		assertThat(invited.select("#no-active").text()).startsWith("No pair is active yet");

		// one pair accepts on both sides and never meets: one quiet pair
		var pair = jdbc.sql("SELECT id, mentee_id, mentor_id FROM mentorship WHERE programme_id = ? ORDER BY id LIMIT 1").param(id)
			.query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
		mentorships.accept(pair[0], new CurrentUser(-pair[1], "mentee", "mentee", pair[1], Set.of(CurrentUser.EMPLOYEE)));
		mentorships.accept(pair[0], new CurrentUser(-pair[2], "mentor", "mentor", pair[2], Set.of(CurrentUser.EMPLOYEE)));
		Instant longAgo = Instant.now().minus(Duration.ofDays(40));
		jdbc.sql("UPDATE mentorship SET started_at = ?, created_at = ? WHERE id = ?")
			.params(Timestamp.from(longAgo), Timestamp.from(longAgo), pair[0]).update();
		Document active = pages.get("/programmes/" + id + "/mentorships", session);
		assertThat(active.select("#no-active")).isEmpty();
		assertThat(active.select("#quiet-count").first().parent().text()).startsWith("1 quiet pair (");
		assertThat(active.select("#mean-health").text()).matches("\\d+");
	}
}
