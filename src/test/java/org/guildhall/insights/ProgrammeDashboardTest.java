package org.guildhall.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.awaitility.Awaitility;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.mentorships.CheckIns;
import org.guildhall.mentorships.Goal;
import org.guildhall.mentorships.Goals;
import org.guildhall.mentorships.Meetings;
import org.guildhall.mentorships.Mentorship;
import org.guildhall.mentorships.MentorshipManagement;
import org.guildhall.mentorships.SurveyKind;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.NotFoundException;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.Pages;
import org.guildhall.testing.TestOrganisation;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The programme dashboard, counted by hand from what the test did through the other modules'
 * APIs: the read model is fed only by their events, and a rebuild from their APIs gives the same
 * figures.
 */
@GuildhallTest
@AutoConfigureMockMvc
class ProgrammeDashboardTest {

	@Autowired HrImports imports;
	@Autowired IdentityManagement identity;
	@Autowired PeopleDirectory directory;
	@Autowired ProgrammeManagement programmes;
	@Autowired MentorshipManagement mentorships;
	@Autowired Goals goals;
	@Autowired Meetings meetings;
	@Autowired CheckIns checkIns;
	@Autowired Insights insights;
	@Autowired org.guildhall.insights.internal.MonthlyDigest digest;
	@Autowired org.guildhall.notifications.Inbox inbox;
	@Autowired MockMvc mvc;

	/** One world for the class: the tests only read it (and rebuild, which changes no figure). */
	static InsightsWorld w;

	@BeforeEach
	void world() {
		if (w != null) {
			return;
		}
		w = InsightsWorld.create(imports, identity, directory, programmes);
		List<CurrentUser> eng = w.engineering();
		List<CurrentUser> sales = w.sales();
		// Engineering: 0-2 active, 3 declined, 4 completed with a final survey from both, 5 never asks
		Mentorship e0 = pair(eng.get(0), 0);
		pair(eng.get(1), 0);
		pair(eng.get(2), 1);
		Mentorship declined = mentorships.request(w.programmeId(), w.mentors().get(1).personId(), eng.get(3), "Please?");
		mentorships.decline(declined.id(), w.mentors().get(1), "No time this quarter");
		Mentorship e4 = pair(eng.get(4), 2);
		mentorships.complete(e4.id(), eng.get(4));
		checkIns.survey(e4.id(), SurveyKind.FINAL, eng.get(4), 5, "Great");
		checkIns.survey(e4.id(), SurveyKind.FINAL, w.mentors().get(2), 4, null);
		// Sales: 0 ends early for lack of time, 1 active; Design: 0 active
		Mentorship s0 = pair(sales.get(0), 3);
		mentorships.endEarly(s0.id(), sales.get(0), "Not enough time with my workload");
		pair(sales.get(1), 3);
		pair(w.design().get(0), 3);
		// goals and a meeting held last week on Engineering's first pair
		Goal g1 = goals.add(e0.id(), eng.get(0), "Ship a service", null);
		goals.add(e0.id(), eng.get(0), "Give a talk", null);
		goals.update(e0.id(), g1.id(), eng.get(0), "Ship a service", null, 100, g1.version());
		meetings.schedule(e0.id(), eng.get(0), new Meetings.Schedule(Instant.now().minus(Duration.ofDays(7)), 45, null));
	}

	private Mentorship pair(CurrentUser mentee, int mentor) {
		Mentorship requested = mentorships.request(w.programmeId(), w.mentors().get(mentor).personId(), mentee, "Please?");
		return mentorships.accept(requested.id(), w.mentors().get(mentor));
	}

	private ProgrammeDashboard settled(InsightFilter filter) {
		// the read model follows the events after their transactions commit: wait until the last change shows
		Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
			ProgrammeDashboard d = fresh(InsightFilter.of(w.programmeId(), null, null, null, null));
			return d.pairs().completed().value() != null && d.goals().achieved().value() != null
					&& d.funnel().endedEarly().value() != null && d.funnel().endedEarly().value() == 1
					&& d.goals().set().value() == 2 && d.goals().achieved().value() == 1 && d.pairs().active().value() == 5
					&& d.satisfaction().answers().value() == 2;
		});
		return fresh(filter);
	}

	/** The dashboard without the few seconds of caching (which the figures would otherwise hide). */
	private ProgrammeDashboard fresh(InsightFilter filter) {
		return insights.dashboardUncached(filter, w.admin());
	}

	@Test
	void countsTheFunnelPairsGoalsAndReasonsAsTheyHappened() {
		ProgrammeDashboard d = settled(InsightFilter.of(w.programmeId(), null, null, null, null));
		assertThat(d.people()).isEqualTo(15);
		assertThat(d.funnel().enrolled().value()).isEqualTo(15);
		assertThat(d.funnel().matched().value()).as("the declined request alone is no match").isEqualTo(7);
		assertThat(d.funnel().started().value()).isEqualTo(7);
		assertThat(d.funnel().completed().value()).isEqualTo(1);
		assertThat(d.funnel().endedEarly().value()).isEqualTo(1);
		assertThat(d.matchRate().part()).isEqualTo(7);
		assertThat(d.matchRate().whole()).isEqualTo(15);
		assertThat(d.matchRate().value()).isEqualTo(7 / 15.0);
		assertThat(d.matchRate().low()).isLessThan(7 / 15.0);
		assertThat(d.matchRate().high()).isGreaterThan(7 / 15.0);
		assertThat(d.pairs().active().value()).isEqualTo(5);
		assertThat(d.pairs().quiet().value()).as("every pair started today").isZero();
		assertThat(d.pairs().completed().value()).isEqualTo(1);
		assertThat(d.pairs().endedEarly().value()).isEqualTo(1);
		assertThat(d.goals().set().value()).isEqualTo(2);
		assertThat(d.goals().achieved().value()).isEqualTo(1);
		assertThat(d.timeToMatch().matched().value()).isEqualTo(7);
		assertThat(d.timeToMatch().medianDays()).isZero();
		// two answers: the distribution stays hidden, nobody's rating can be read from it
		assertThat(d.satisfaction().answers().value()).isEqualTo(2);
		assertThat(d.satisfaction().distribution()).allMatch(Count::suppressed);
		assertThat(d.satisfaction().mean()).isNull();
		assertThat(d.earlyEndings()).filteredOn(r -> r.category().equals("Not enough time"))
			.singleElement().satisfies(r -> assertThat(r.pairs().suppressed()).as("one pair is fewer than five").isTrue());
		assertThat(d.earlyEndings()).filteredOn(r -> !r.category().equals("Not enough time"))
			.allSatisfy(r -> assertThat(r.pairs().value()).isZero());
		Instant lastWeek = Instant.now().minus(Duration.ofDays(7));
		assertThat(d.trend()).hasSize(26);
		assertThat(d.trend().get(25).enrolled().suppressed()).as("15 enrolled this week").isFalse();
		assertThat(d.trend().stream().filter(wk -> !wk.monday().isAfter(lastWeek.atOffset(java.time.ZoneOffset.UTC).toLocalDate())
				&& wk.monday().plusDays(7).isAfter(lastWeek.atOffset(java.time.ZoneOffset.UTC).toLocalDate())))
			.singleElement().satisfies(wk -> assertThat(wk.meetings().suppressed()).as("one meeting that week").isTrue());
	}

	@Test
	void hidesGroupsOfFourAndShowsGroupsOfFiveAndSix() {
		ProgrammeDashboard all = settled(InsightFilter.of(w.programmeId(), null, null, null, null));
		assertThat(all.byDepartment()).extracting(ProgrammeDashboard.GroupRow::group)
			.containsExactly("Design", "Engineering", "Sales");
		ProgrammeDashboard.GroupRow design = all.byDepartment().get(0);
		assertThat(design.enrolled().suppressed()).isTrue();
		assertThat(design.matched().suppressed()).isTrue();
		assertThat(design.matchRate().suppressed()).isTrue();
		assertThat(all.byDepartment().get(1).enrolled().value()).isEqualTo(6);
		assertThat(all.byDepartment().get(1).matched().value()).isEqualTo(4);
		assertThat(all.byDepartment().get(2).enrolled().value()).isEqualTo(5);
		assertThat(all.byDepartment().get(2).matched().value()).isEqualTo(2);

		ProgrammeDashboard four = fresh(InsightFilter.of(w.programmeId(), null, "Design", null, null));
		assertThat(four.suppressed()).isTrue();
		assertThat(four.funnel().enrolled().value()).isNull();
		assertThat(four.pairs().active().value()).isNull();
		assertThat(four.matchRate().value()).isNull();
		ProgrammeDashboard five = fresh(InsightFilter.of(w.programmeId(), null, "Sales", null, null));
		assertThat(five.suppressed()).isFalse();
		assertThat(five.funnel().enrolled().value()).isEqualTo(5);
		assertThat(five.funnel().matched().value()).isEqualTo(2);
		assertThat(five.funnel().endedEarly().value()).isEqualTo(1);
		ProgrammeDashboard six = fresh(InsightFilter.of(w.programmeId(), null, "Engineering", "Porto", 2));
		assertThat(six.funnel().enrolled().value()).isEqualTo(6);
		assertThat(six.funnel().completed().value()).isEqualTo(1);
		ProgrammeDashboard otherCohort = fresh(InsightFilter.of(w.programmeId(), "2020-Q1", null, null, null));
		assertThat(otherCohort.people()).isZero();
		assertThat(otherCohort.suppressed()).isTrue();
	}

	@Test
	void aRebuildFromTheOwnersGivesTheSameFigures() {
		List<InsightFilter> filters = List.of(InsightFilter.of(w.programmeId(), null, null, null, null),
				InsightFilter.of(w.programmeId(), null, "Engineering", null, null),
				InsightFilter.of(w.programmeId(), null, "Sales", null, null));
		settled(filters.get(0));
		List<ProgrammeDashboard> incremental = filters.stream().map(this::fresh).toList();
		insights.rebuild(w.admin());
		List<ProgrammeDashboard> rebuilt = filters.stream().map(this::fresh).toList();
		for (int i = 0; i < filters.size(); i++) {
			assertThat(rebuilt.get(i)).usingRecursiveComparison().ignoringFields("computedAt", "trend")
				.isEqualTo(incremental.get(i));
			assertThat(rebuilt.get(i).trend()).usingRecursiveComparison().isEqualTo(incremental.get(i).trend());
		}
	}

	@Test
	void theMonthlyDigestTellsTheManagerAboutTheirProgrammeOnce() {
		settled(InsightFilter.of(w.programmeId(), null, null, null, null));
		digest.send(java.time.YearMonth.of(2026, 11));
		digest.send(java.time.YearMonth.of(2026, 11));
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			var digests = inbox.notifications(w.pm(), false, new org.guildhall.shared.PageRequest(0, 50)).items().stream()
				.filter(n -> n.title().startsWith("Your programmes in November 2026")).toList();
			assertThat(digests).singleElement().satisfies(n -> {
				assertThat(n.title()).contains("Insights " + w.run());
				assertThat(n.body()).contains("15 mentees enrolled, 7 matched (47%)").contains("5 active pairs, 0 of them quiet")
					.contains("/insights?programme=" + w.programmeId());
				assertThat(n.link()).isEqualTo("/insights");
			});
		});
		assertThat(inbox.notifications(w.otherPm(), false, new org.guildhall.shared.PageRequest(0, 50)).items())
			.noneMatch(n -> n.title().startsWith("Your programmes in November 2026"));
	}

	@Test
	void theFairnessAuditShowsHowSelfSelectRequestsCrowdOntoMentors() {
		settled(InsightFilter.of(w.programmeId(), null, null, null, null));
		FairnessAudit f = insights.fairness(w.programmeId(), w.pm());
		assertThat(f.run()).as("self-select: no bulk run").isNull();
		// requests per mentor: A 2, B 2 (one declined), C 1, D 3
		assertThat(f.requests().requests()).isEqualTo(8);
		assertThat(f.requests().mentorsAsked()).isEqualTo(4);
		assertThat(f.requests().mentorsEnrolled()).isEqualTo(4);
		assertThat(f.requests().topTenthShare()).isEqualTo(0.38);
		assertThat(f.requests().gini()).as("(2·23)/(4·8) − 5/4").isEqualTo(0.19);
		FairnessAudit.Breakdown departments = f.breakdowns().get(0);
		assertThat(departments.groups()).extracting(FairnessAudit.Group::name).containsExactly("Design", "Engineering", "Sales");
		assertThat(departments.groups().get(0).mentees().suppressed()).isTrue();
		assertThat(departments.groups().get(1).mentees().value()).isEqualTo(6);
		assertThat(departments.groups().get(1).endedEarly().suppressed()).as("four started pairs").isTrue();
		assertThat(f.breakdowns().get(2).groups()).singleElement()
			.satisfies(g -> assertThat(g.mentees().value()).as("every mentee is on level 2").isEqualTo(15));
		assertThatThrownBy(() -> insights.fairness(w.programmeId(), w.otherPm())).isInstanceOf(NotFoundException.class);
	}

	@Test
	void thePageShowsTheFiguresAndSharesThemWithoutTheViewersOwnParts() throws Exception {
		settled(InsightFilter.of(w.programmeId(), null, null, null, null));
		Pages pages = new Pages(mvc);
		Cookie admin = pages.signIn(new TestOrganisation.Member(w.admin().email(), w.admin().personId(), w.admin().accountId()));
		Cookie manager = pages.signIn(new TestOrganisation.Member(w.pm().email(), w.pm().personId(), w.pm().accountId()));
		String path = "/insights?programme=" + w.programmeId();
		// a dashboard counted before the world settled may still be served once: wait for the settled one
		Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
			.until(() -> pages.get(path, admin).select("#funnel-table").text().contains("Matched 7"));
		Document asAdmin = pages.get(path, admin);
		Document asManager = pages.get(path, manager);
		assertThat(asAdmin.select("#kpi-enrolled").text()).isEqualTo("15");
		assertThat(asAdmin.select("#funnel-table").text()).contains("Enrolled 15", "Matched 7", "Started 7", "Completed 1", "Ended early 1");
		assertThat(asAdmin.select("#trend-table tbody tr")).hasSize(26);
		// both see the same counted figures, each with their own page around them
		assertThat(asManager.select(".kpis, section.card").outerHtml()).isEqualTo(asAdmin.select(".kpis, section.card").outerHtml());
		assertThat(asAdmin.select("form[action$=/insights/rebuild]")).as("the administrator's rebuild form").hasSize(1);
		assertThat(asManager.select("form[action$=/insights/rebuild]")).as("not shared with the manager").isEmpty();
	}

	@Test
	void onlyTheProgrammesManagerAndAdministratorsSeeIt() throws Exception {
		settled(InsightFilter.of(w.programmeId(), null, null, null, null));
		assertThat(insights.dashboard(InsightFilter.of(w.programmeId(), null, null, null, null), w.pm()).people()).isEqualTo(15);
		assertThat(insights.programmes(w.otherPm())).noneMatch(p -> p.id() == w.programmeId());
		assertThatThrownBy(() -> insights.dashboard(InsightFilter.of(w.programmeId(), null, null, null, null), w.otherPm()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> insights.dashboard(InsightFilter.ALL, w.employee())).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> InsightFilter.of(null, "2026-Q5", null, null, null)).isInstanceOf(InvalidInputException.class);

		String pmToken = "Bearer " + identity.issueToken(w.pm().accountId(), "t", 1).secret();
		String otherToken = "Bearer " + identity.issueToken(w.otherPm().accountId(), "t", 1).secret();
		String employeeToken = "Bearer " + identity.issueToken(w.employee().accountId(), "t", 1).secret();
		mvc.perform(get("/api/v1/insights/dashboard").param("programme", Long.toString(w.programmeId())).header("Authorization", pmToken))
			.andExpect(status().isOk()).andExpect(jsonPath("$.funnel.enrolled.value").value(15))
			.andExpect(jsonPath("$.byDepartment[0].enrolled.value").doesNotExist());
		mvc.perform(get("/api/v1/insights/dashboard").param("programme", Long.toString(w.programmeId())).header("Authorization", otherToken))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/insights/dashboard").header("Authorization", employeeToken)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/insights/dashboard")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/insights/dashboard").param("cohort", "last year").header("Authorization", pmToken))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("cohort"));
		mvc.perform(get("/api/v1/insights/dashboard").param("level", "high").header("Authorization", pmToken))
			.andExpect(status().isBadRequest());
	}
}
