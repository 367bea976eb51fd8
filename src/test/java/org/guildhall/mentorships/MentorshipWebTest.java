package org.guildhall.mentorships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.servlet.http.Cookie;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.Pages;
import org.guildhall.testing.TestOrganisation.Member;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** The pages and the API as the mentor, the mentee, the programme manager and an outsider see them. */
@GuildhallTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class MentorshipWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private String mentorshipStatus(long id) {
		return jdbc.sql("SELECT status FROM mentorship WHERE id = ?").param(id).query(String.class).single();
	}

	private long mentorshipsOf(long menteeId) {
		return jdbc.sql("SELECT COUNT(*) FROM mentorship WHERE mentee_id = ?").param(menteeId).query(Long.class).single();
	}

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

	MentoringWorld w;
	Pages pages;

	@BeforeEach
	void world() {
		w = MentoringWorld.create(imports, identity, directory, programmes, 2);
		pages = new Pages(mvc);
	}

	private String bearer(Member member) {
		return "Bearer " + identity.issueToken(member.accountId(), "test", 1).secret();
	}

	@Test
	void theWholeMentorshipWorksInTheBrowserAndStaysWithThePair() throws Exception {
		Cookie tom = pages.signIn(w.tomMember());
		Cookie mia = pages.signIn(w.miaMember());
		Cookie cy = pages.signIn(w.cyMember());
		Cookie pm = pages.signIn(w.pmMember());

		String location = mvc.perform(post("/mentorships/requests").with(csrf()).cookie(tom)
				.param("programmeId", String.valueOf(w.programmeId())).param("mentorId", String.valueOf(w.mia().personId()))
				.param("message", "Could you help me lead?"))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).matches("/mentorships/\\d+");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

		Document waiting = pages.get(location, mia);
		assertThat(waiting.select("#status").text()).isEqualTo("requested");
		assertThat(waiting.text()).contains("Could you help me lead?");
		assertThat(waiting.select("form[action=" + location + "/accept] button").text()).isEqualTo("Accept");
		assertThat(pages.get(location, tom).select("form[action=" + location + "/accept]")).isEmpty();
		mvc.perform(get(location).cookie(cy)).andExpect(status().isNotFound());
		mvc.perform(get(location).cookie(pm)).andExpect(status().isNotFound());
		mvc.perform(post(location + "/accept").with(csrf()).cookie(cy)).andExpect(status().isNotFound());
		assertThat(mentorshipStatus(id)).as("an outsider's accept changes nothing").isEqualTo("REQUESTED");

		mvc.perform(post(location + "/accept").with(csrf()).cookie(mia)).andExpect(status().is3xxRedirection());
		assertThat(pages.get("/mentorships", tom).select("a[href=" + location + "]").text()).isEqualTo("Mia Stone");
		assertThat(pages.get("/mentorships", cy).select("a[href=" + location + "]")).isEmpty();

		mvc.perform(post(location + "/agreement").with(csrf()).cookie(tom).param("expectations", "Prepared agendas")
				.param("cadenceDays", "14").param("version", "0")).andExpect(status().is3xxRedirection());
		Document toConfirm = pages.get(location, mia);
		assertThat(toConfirm.select("#agreement-text").text()).isEqualTo("Prepared agendas");
		String version = toConfirm.select("form[action=" + location + "/agreement/confirm] input[name=version]").attr("value");
		mvc.perform(post(location + "/agreement/confirm").with(csrf()).cookie(mia).param("version", version))
			.andExpect(status().is3xxRedirection());
		assertThat(pages.get(location, tom).text()).contains("agreed by both");

		mvc.perform(post(location + "/goals").with(csrf()).cookie(tom).param("title", "Lead a project"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(location + "/goals").with(csrf()).cookie(mia).param("title", "Mia's goal for Tom"))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT title FROM mentorship_goal WHERE mentorship_id = ?").param(id).query(String.class).list())
			.as("the refused goal was not added").containsExactly("Lead a project");
		assertThat(pages.get(location, mia).select("article.goal h3").text()).isEqualTo("Lead a project");

		// Tom schedules in his own time (Tokyo); Mia sees it in hers (New York)
		mvc.perform(post(location + "/meetings").with(csrf()).cookie(tom).param("date", "2027-03-10").param("time", "09:00")
				.param("minutes", "45").param("place", "Video call")).andExpect(status().is3xxRedirection());
		Document miaMeetings = pages.get(location, mia);
		assertThat(miaMeetings.select("article.meeting h3 time").text()).isEqualTo("Tue 9 Mar 2027, 19:00");
		assertThat(miaMeetings.select("article.meeting .other-time").text()).isEqualTo("Wed 10 Mar 2027, 09:00 (Asia/Tokyo)");
		String ics = miaMeetings.select("article.meeting a[href$=calendar.ics]").attr("href");
		mvc.perform(get(ics).cookie(mia)).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/calendar"))
			.andExpect(content().string(containsString("METHOD:REQUEST")))
			.andExpect(content().string(containsString("DTSTART:20270310T000000Z")));
		mvc.perform(get(ics).cookie(cy)).andExpect(status().isNotFound());

		mvc.perform(post(location + "/meetings").with(csrf()).cookie(tom).param("date", "someday").param("time", "09:00"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", "Not saved: Date must be a date like 2026-03-14."));

		mvc.perform(get("/programmes/" + w.programmeId() + "/mentorships").cookie(tom)).andExpect(status().isForbidden());
		mvc.perform(get("/programmes/" + w.programmeId() + "/mentorships").cookie(cy)).andExpect(status().isForbidden());
		Document managerPage = pages.get("/programmes/" + w.programmeId() + "/mentorships", pm);
		assertThat(managerPage.select("tr[data-mentorship=" + id + "]").text()).contains("Tom Sato", "Mia Stone", "active");
		assertThat(managerPage.text()).doesNotContain("Prepared agendas");

		mvc.perform(post(location + "/end").with(csrf()).cookie(mia).param("reason", "")).andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", containsString("Reason say why the mentorship ends early")));
		assertThat(pages.get(location, mia).select("#status").text()).isEqualTo("active");
		mvc.perform(post(location + "/end").with(csrf()).cookie(mia).param("reason", "Moving abroad")).andExpect(status().is3xxRedirection());
		assertThat(pages.get(location, tom).select("#status").text()).isEqualTo("ended early");
	}

	@Test
	void notesAndCheckInsThroughTheApiAndThePagesAsBothPeopleAndAsOutsiders() throws Exception {
		String tom = bearer(w.tomMember());
		String mia = bearer(w.miaMember());
		String cy = bearer(w.cyMember());
		String pm = bearer(w.pmMember());
		String admin = bearer(w.adminMember());

		String created = mvc.perform(post("/api/v1/mentorships/requests").header("Authorization", tom).contentType(MediaType.APPLICATION_JSON)
				.content("{\"programmeId\": " + w.programmeId() + ", \"mentorId\": " + w.mia().personId() + "}"))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("REQUESTED"))
			.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();
		String base = "/api/v1/mentorships/" + id;
		mvc.perform(post(base + "/accept").header("Authorization", cy)).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.title").value("Not found"));
		assertThat(mentorshipStatus(id)).isEqualTo("REQUESTED");
		mvc.perform(post(base + "/accept").header("Authorization", tom)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("only Mia Stone can accept")));
		assertThat(mentorshipStatus(id)).as("the mentee cannot accept his own request").isEqualTo("REQUESTED");
		mvc.perform(post(base + "/accept").header("Authorization", mia)).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACTIVE"));

		long tomsMentorships = mentorshipsOf(w.tom().personId());
		mvc.perform(post("/api/v1/mentorships/requests").header("Authorization", tom).contentType(MediaType.APPLICATION_JSON)
				.content("{\"mentorId\": " + w.mia().personId() + "}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("programmeId"));
		assertThat(mentorshipsOf(w.tom().personId())).as("no request from a refused body").isEqualTo(tomsMentorships);

		Instant held = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES);
		String meeting = mvc.perform(post(base + "/meetings").header("Authorization", mia).contentType(MediaType.APPLICATION_JSON)
				.content("{\"startsAt\": \"" + held + "\", \"minutes\": 45, \"place\": \"Cafe\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long meetingId = ((Number) JsonPath.read(meeting, "$.id")).longValue();
		String m = base + "/meetings/" + meetingId;
		mvc.perform(get(m + "/calendar.ics").header("Authorization", tom)).andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString(".ics")));

		mvc.perform(put(m + "/private-note").header("Authorization", tom).contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"Tom's private worry\"}")).andExpect(status().isOk());
		mvc.perform(put(m + "/shared-notes").header("Authorization", tom).contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"Shared plan\", \"version\": 0}")).andExpect(status().isOk());
		mvc.perform(put(m + "/shared-notes").header("Authorization", mia).contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"Overwrite\", \"version\": 0}")).andExpect(status().isConflict());
		mvc.perform(get(base).header("Authorization", tom)).andExpect(jsonPath("$.meetings[0].sharedNotes").value("Shared plan"));
		mvc.perform(get(m + "/private-note").header("Authorization", mia)).andExpect(status().isOk())
			.andExpect(jsonPath("$.text").value(nullValue()));
		mvc.perform(get(m + "/private-note").header("Authorization", tom)).andExpect(jsonPath("$.text").value("Tom's private worry"));
		for (String outsider : new String[] {cy, pm, admin}) {
			mvc.perform(get(m + "/private-note").header("Authorization", outsider)).andExpect(status().isNotFound());
			mvc.perform(get(base).header("Authorization", outsider)).andExpect(status().isNotFound());
			mvc.perform(get(m + "/check-in").header("Authorization", outsider)).andExpect(status().isNotFound());
		}
		String miaDetail = mvc.perform(get(base).header("Authorization", mia)).andExpect(status().isOk())
			.andExpect(jsonPath("$.meetings[0].sharedNotes").value("Shared plan"))
			.andReturn().getResponse().getContentAsString();
		assertThat(miaDetail).doesNotContain("Tom's private worry");
		String overview = mvc.perform(get("/api/v1/mentorships/programmes/" + w.programmeId()).header("Authorization", pm))
			.andExpect(status().isOk()).andExpect(jsonPath("$.page.items[0].meetingsHeld").value(1))
			.andReturn().getResponse().getContentAsString();
		assertThat(overview).doesNotContain("Shared plan", "private worry");
		mvc.perform(get("/api/v1/mentorships/programmes/" + w.programmeId()).header("Authorization", tom)).andExpect(status().isForbidden());

		// check-in: Tom answers first; Mia sees only that he answered, through the API and on her page
		mvc.perform(post(m + "/check-in").header("Authorization", tom).contentType(MediaType.APPLICATION_JSON)
				.content("{\"rating\": 4, \"comment\": \"Tom found it useful\"}"))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.theirs").value(nullValue()));
		mvc.perform(get(m + "/check-in").header("Authorization", mia)).andExpect(jsonPath("$.theyAnswered").value(true))
			.andExpect(jsonPath("$.theirs").value(nullValue()));
		Cookie miaPage = pages.signIn(w.miaMember());
		Cookie tomPage = pages.signIn(w.tomMember());
		String page = "/mentorships/" + id;
		assertThat(pages.get(page, miaPage).text()).doesNotContain("Tom found it useful").contains("They have answered");
		assertThat(pages.get(page, tomPage).text()).doesNotContain("Mia's view");

		mvc.perform(post(page + "/meetings/" + meetingId + "/check-in").with(csrf()).cookie(miaPage).param("rating", "5")
				.param("comment", "Mia's view")).andExpect(status().is3xxRedirection());
		assertThat(pages.get(page, miaPage).select("#meeting-" + meetingId + " .their-answer").text()).contains("4/5", "Tom found it useful");
		assertThat(pages.get(page, tomPage).select("#meeting-" + meetingId + " .their-answer").text()).contains("5/5", "Mia's view");
		mvc.perform(get(m + "/check-in").header("Authorization", tom)).andExpect(jsonPath("$.theirs.comment").value("Mia's view"));
		mvc.perform(post(m + "/check-in").header("Authorization", tom).contentType(MediaType.APPLICATION_JSON)
				.content("{\"rating\": 9}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("rating"));
		mvc.perform(get(m + "/check-in").header("Authorization", mia)).andExpect(jsonPath("$.theirs.comment").value("Tom found it useful"))
			.andExpect(jsonPath("$.theirs.rating").value(4));

		// the final survey: not before it is due (a week before the planned end) ...
		mvc.perform(post(base + "/surveys/FINAL").header("Authorization", mia).contentType(MediaType.APPLICATION_JSON)
				.content("{\"rating\": 5, \"comment\": \"Too early\"}")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("The final survey opens on ")));
		jdbc.sql("UPDATE mentorship SET started_at = ? WHERE id = ?")
			.params(java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(7L * 52))), id).update();
		// ... then through the API for Mia and the page for Tom
		mvc.perform(post(base + "/surveys/FINAL").header("Authorization", mia).contentType(MediaType.APPLICATION_JSON)
				.content("{\"rating\": 5, \"comment\": \"Proud of Tom\"}")).andExpect(status().isCreated());
		assertThat(pages.get(page, tomPage).select("#survey-FINAL").text()).doesNotContain("Proud of Tom");
		mvc.perform(post(page + "/surveys/FINAL").with(csrf()).cookie(tomPage).param("rating", "4").param("comment", "Thanks Mia"))
			.andExpect(status().is3xxRedirection());
		assertThat(pages.get(page, tomPage).select("#survey-FINAL .their-answer").text()).contains("Proud of Tom");
		mvc.perform(get(base + "/surveys/FINAL").header("Authorization", mia)).andExpect(jsonPath("$.theirs.comment").value("Thanks Mia"));
		mvc.perform(get(base + "/surveys/FINAL").header("Authorization", cy)).andExpect(status().isNotFound());
	}
}
