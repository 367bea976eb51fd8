package org.guildhall.mentorships;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

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

/**
 * What the mentorship page and the dashboard say is true: no "0 days" with meetings held, a flash
 * session is one session with no score before it happened, the final survey opens near the end,
 * the dashboard shows the next meeting and where an enrolment stands.
 */
@GuildhallTest
@AutoConfigureMockMvc
class TrueStatusPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ProgrammeManagement programmes;

	@Autowired
	MentorshipManagement mentorships;

	@Autowired
	Meetings meetings;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Test
	void aPairThatStartedTodayWithMeetingsRecordedSaysSoAndTheFinalSurveyWaitsForTheEnd() throws Exception {
		MentoringWorld w = MentoringWorld.create(imports, identity, directory, programmes, 3);
		Mentorship pair = w.activePair(mentorships);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		meetings.schedule(pair.id(), w.mia(), new Meetings.Schedule(now.minus(Duration.ofDays(20)), 45, "Room 1"));
		meetings.schedule(pair.id(), w.mia(), new Meetings.Schedule(now.minus(Duration.ofDays(6)), 45, "Room 1"));
		Pages pages = new Pages(mvc);
		Document page = pages.get("/mentorships/" + pair.id(), pages.signIn(w.tomMember()));

		String health = page.select("#health-title").first().parent().text();
		assertThat(health).doesNotContain("0 days").contains("Started today").contains("2 meetings held so far");
		assertThat(page.select("#status").text()).isEqualTo("active");

		assertThat(page.select("#survey-FINAL form")).as("no final survey form on day one").isEmpty();
		String opens = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneId.of("Asia/Tokyo"))
			.format(pair.startedAt().plus(Duration.ofDays(12 * 7 - 7)));
		assertThat(page.select("#survey-FINAL .survey-opens").text())
			.isEqualTo("Opens on " + opens + ", a week before the planned end.");
		assertThat(page.select("#survey-MIDPOINT form")).isEmpty();
	}

	@Test
	void aFlashSessionIsOneSessionWithNoScoreBeforeItHappened() throws Exception {
		MentoringWorld w = MentoringWorld.create(imports, identity, directory, programmes, 3, ProgrammeFormat.FLASH);
		Mentorship pair = w.activePair(mentorships);
		Pages pages = new Pages(mvc);
		Cookie tom = pages.signIn(w.tomMember());
		Document page = pages.get("/mentorships/" + pair.id(), tom);
		assertThat(page.select("main").text()).doesNotContain("planned for").doesNotContain("weeks").contains("one session");
		assertThat(page.select("#health-title")).as("no health score before the session").isEmpty();
		assertThat(pages.get("/", tom).select("#my-mentorships tbody tr td:nth-child(4)").text()).isEmpty();

		meetings.schedule(pair.id(), w.mia(), new Meetings.Schedule(Instant.now().minus(Duration.ofHours(2)), 45, "Room 1"));
		assertThat(pages.get("/mentorships/" + pair.id(), tom).select("#health-title")).as("scored once it was held").hasSize(1);
	}

	@Test
	void theDashboardShowsTheNextMeetingAndWhereAnEnrolmentStands() throws Exception {
		MentoringWorld w = MentoringWorld.create(imports, identity, directory, programmes, 3);
		Mentorship pair = w.activePair(mentorships);
		Instant next = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
		meetings.schedule(pair.id(), w.mia(), new Meetings.Schedule(next.plus(Duration.ofDays(7)), 45, "Room 1"));
		meetings.schedule(pair.id(), w.mia(), new Meetings.Schedule(next, 45, "Room 1"));
		Pages pages = new Pages(mvc);

		Document toms = pages.get("/", pages.signIn(w.tomMember()));
		String inTokyo = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(ZoneId.of("Asia/Tokyo")).format(next);
		assertThat(toms.select("#my-mentorships .next-meeting").text()).isEqualTo(inTokyo);

		// Di enrolled as a mentee but has no mentorship yet: the dashboard says where she stands
		Document dis = pages.get("/", pages.signIn(w.diMember()));
		String mine = dis.select("#my-mentorships").text();
		assertThat(mine).doesNotContain("No mentorship yet").contains("You are enrolled in Mentoring " + w.run() + " as a mentee")
			.contains("choose your mentor");
	}
}
