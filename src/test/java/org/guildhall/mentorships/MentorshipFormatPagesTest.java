package org.guildhall.mentorships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guildhall.mentorships.CalendarFiles.attendees;
import static org.guildhall.mentorships.CalendarFiles.event;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import jakarta.servlet.http.Cookie;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.programmes.ProgrammeFormat;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.Pages;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The mentorship page of a group and of a flash mentorship, as the people in it and outsiders see it. */
@GuildhallTest
@AutoConfigureMockMvc
class MentorshipFormatPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ProgrammeManagement programmes;

	@Autowired
	MentorshipManagement mentorships;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Test
	void theMentorInvitesTheWholeGroupFromThePageAndOnlyTheGroupGetsTheCalendarFile() throws Exception {
		MentoringWorld w = MentoringWorld.create(imports, identity, directory, programmes, 3, ProgrammeFormat.GROUP);
		Mentorship tom = w.activePair(mentorships);
		Mentorship di = w.secondPair(mentorships);
		Pages pages = new Pages(mvc);
		Cookie mia = pages.signIn(w.miaMember());
		Cookie tomSession = pages.signIn(w.tomMember());

		Document tomsPage = pages.get("/mentorships/" + tom.id(), tomSession);
		assertThat(tomsPage.select("#group .group-member").text()).isEqualTo("Di Evans");
		assertThat(tomsPage.select("#group").text()).doesNotContain(w.diMember().email());
		assertThat(tomsPage.select("#meeting-group")).as("only the mentor invites the group").isEmpty();
		Document miasPage = pages.get("/mentorships/" + tom.id(), mia);
		assertThat(miasPage.select("#meeting-group")).hasSize(1);

		mvc.perform(post("/mentorships/" + tom.id() + "/meetings").with(csrf()).cookie(mia)
				.param("date", LocalDate.now().plusDays(3).toString()).param("time", "10:00").param("minutes", "60")
				.param("group", "true"))
			.andExpect(status().is3xxRedirection());
		Document after = pages.get("/mentorships/" + di.id(), pages.signIn(w.diMember()));
		String href = after.select(".meeting a[href$='calendar.ics']").attr("href");
		assertThat(after.select(".meeting .tag").text()).contains("whole group");
		String ics = mvc.perform(get(href).cookie(pages.signIn(w.diMember()))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(attendees(event(ics, "REQUEST"))).hasSize(2);

		// Tom cannot open Di's mentorship or her copy of the meeting; a mentee of another group sees nothing either
		mvc.perform(get(href).cookie(tomSession)).andExpect(status().isNotFound());
		mvc.perform(get("/mentorships/" + di.id()).cookie(tomSession)).andExpect(status().isNotFound());
		MentoringWorld other = MentoringWorld.create(imports, identity, directory, programmes, 3, ProgrammeFormat.GROUP);
		other.activePair(mentorships);
		Cookie outsider = pages.signIn(other.tomMember());
		mvc.perform(get(href).cookie(outsider)).andExpect(status().isNotFound());
		mvc.perform(get("/mentorships/" + tom.id()).cookie(outsider)).andExpect(status().isNotFound());
	}

	@Test
	void aFlashMentorshipPageAsksForOneSessionAndNoAgreementOrSurveys() throws Exception {
		MentoringWorld w = MentoringWorld.create(imports, identity, directory, programmes, 1, ProgrammeFormat.FLASH);
		Mentorship pair = w.activePair(mentorships);
		Pages pages = new Pages(mvc);
		Document page = pages.get("/mentorships/" + pair.id(), pages.signIn(w.tomMember()));
		assertThat(page.select("#agreement-title").text()).isEqualTo("One session");
		assertThat(page.select("#cadence")).isEmpty();
		assertThat(page.select("#surveys-title")).isEmpty();
		assertThat(page.select("#format").text()).contains("A single session");
	}
}
