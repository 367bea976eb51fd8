package org.guildhall.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.Cookie;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.programmes.EnrolmentRequest;
import org.guildhall.programmes.EnrolmentRole;
import org.guildhall.programmes.MatchingMode;
import org.guildhall.programmes.Programme;
import org.guildhall.programmes.ProgrammeFormat;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.programmes.ProgrammeSettings;
import org.guildhall.shared.CurrentUser;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.Pages;
import org.guildhall.testing.TestOrganisation;
import org.guildhall.testing.TestOrganisation.Member;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@GuildhallTest
@AutoConfigureMockMvc
class DashboardTest {

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

	@Test
	void theDashboardShowsMyProgrammesWhatIsOpenAndWhenToChooseAMentor() throws Exception {
		TestOrganisation org = TestOrganisation.create(imports, identity, directory);
		CurrentUser pm = user(org.pm(), CurrentUser.PROGRAMME_MANAGER, CurrentUser.EMPLOYEE);
		Programme choose = programmes.create(settings("Choose " + org.run(), MatchingMode.SELF_SELECT), pm);
		Programme open = programmes.create(settings("Open " + org.run(), MatchingMode.BULK), pm);
		Programme draft = programmes.create(settings("Draft " + org.run(), MatchingMode.BULK), pm);
		programmes.advance(choose.id(), "open-enrolment", pm);
		programmes.advance(open.id(), "open-enrolment", pm);
		programmes.enrol(choose.id(), new EnrolmentRequest(EnrolmentRole.MENTEE, "JavaScript", 0, List.of()),
				user(org.bo(), CurrentUser.EMPLOYEE));
		programmes.enrol(choose.id(), new EnrolmentRequest(EnrolmentRole.MENTOR, null, 1, List.of()), pm);

		Pages pages = new Pages(mvc);
		Cookie bo = pages.signIn(org.bo());
		Document before = pages.get("/", bo);
		assertThat(before.select("h1").text()).isEqualTo("Welcome, Bo Ek");
		assertThat(before.select("#my-programmes li").text()).contains("Choose " + org.run()).contains("as mentee · enrolling");
		assertThat(before.select("#my-programmes a.button")).as("not before enrolment closes").isEmpty();
		assertThat(before.select("#open-programmes li a").eachText()).contains("Open " + org.run())
			.doesNotContain("Choose " + org.run(), "Draft " + org.run());

		programmes.advance(choose.id(), "close-enrolment", pm);
		Document after = pages.get("/", bo);
		assertThat(after.select("#my-programmes a.button").text()).isEqualTo("Choose your mentor");
		assertThat(after.select("#my-programmes a.button").attr("href")).isEqualTo("/programmes/" + choose.id() + "#choose");
		assertThat(draft.status().name()).isEqualTo("DRAFT");
		assertThat(after.select("#my-mentorships").text()).as("once enrolled, the enrolment's state replaces 'no mentorship yet'")
			.doesNotContain("No mentorship yet").contains("You are enrolled in Choose " + org.run() + " as a mentee: choose your mentor");
	}

	private static ProgrammeSettings settings(String name, MatchingMode mode) {
		return new ProgrammeSettings(name, null, ProgrammeFormat.ONE_TO_ONE, null, null, 12, 2, mode,
				ProgrammeSettings.ObjectiveChoice.OPTIMAL, Map.of("skills", "3"), List.of(), false);
	}

	private static CurrentUser user(Member member, String... roles) {
		return new CurrentUser(member.accountId(), member.email(), member.email(), member.personId(), Set.of(roles));
	}
}
