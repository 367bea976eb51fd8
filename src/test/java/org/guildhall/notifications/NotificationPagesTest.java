package org.guildhall.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.Cookie;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.mentorships.MentorshipStarted;
import org.guildhall.notifications.internal.Notifier;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.programmes.EnrolmentRequest;
import org.guildhall.programmes.EnrolmentRole;
import org.guildhall.programmes.MatchingMode;
import org.guildhall.programmes.MatchingRun;
import org.guildhall.programmes.MatchingRunFinished;
import org.guildhall.programmes.MatchingRuns;
import org.guildhall.programmes.Programme;
import org.guildhall.programmes.ProgrammeFormat;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.programmes.ProgrammeSettings;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.PageRequest;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.Pages;
import org.guildhall.testing.TestOrganisation;
import org.guildhall.testing.TestOrganisation.Member;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The notification pages and API as each person sees them, without an SMTP server (the default demo). */
@GuildhallTest
@AutoConfigureMockMvc
class NotificationPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	Notifier notifier;

	@Autowired
	Inbox inbox;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProgrammeManagement programmes;

	@Autowired
	MatchingRuns runs;

	TestOrganisation org;
	Pages pages;

	@BeforeEach
	void organisation() {
		org = TestOrganisation.create(imports, identity, directory);
		pages = new Pages(mvc);
	}

	@Test
	void thePageListsNewestFirstInPagesAndMarksOneOrAllRead() throws Exception {
		List<Long> ids = tell(org.ann(), 25);
		Cookie ann = pages.signIn(org.ann());

		Document first = pages.get("/notifications", ann);
		assertThat(first.select("nav[aria-label=Main] a#notifications-bell").attr("hx-get")).isEqualTo("/notifications/unread");
		List<String> titles = first.select("#notifications li a[href^=/mentorships]").eachText();
		assertThat(titles).hasSize(20);
		assertThat(titles.get(0)).isEqualTo("Note 24 " + org.run());
		assertThat(titles.get(19)).isEqualTo("Note 5 " + org.run());
		assertThat(first.text()).contains("25 unread");
		Document second = pages.get("/notifications?page=1", ann);
		assertThat(second.select("#notifications li a[href^=/mentorships]").eachText())
			.containsExactly("Note 4 " + org.run(), "Note 3 " + org.run(), "Note 2 " + org.run(), "Note 1 " + org.run(),
					"Note 0 " + org.run());

		assertThat(bell(ann).text()).isEqualTo("Notifications 25");
		assertThat(bell(ann).attr("aria-label")).isEqualTo("Notifications, 25 unread");

		// htmx: the item comes back read, without its button
		Element item = Jsoup.parse(mvc.perform(post("/notifications/{id}/read", ids.get(24)).with(csrf()).cookie(ann)
				.header("HX-Request", "true")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
			.selectFirst("li");
		assertThat(item.id()).isEqualTo("notification-" + ids.get(24));
		assertThat(item.hasClass("read")).isTrue();
		assertThat(item.select("button")).isEmpty();
		assertThat(bell(ann).text()).isEqualTo("Notifications 24");
		assertThat(pages.get("/notifications?unread=true", ann).select("#notifications li")).hasSize(20)
			.noneMatch(li -> li.id().equals("notification-" + ids.get(24)));

		// without JavaScript: a form post and back to the list
		mvc.perform(post("/notifications/{id}/read", ids.get(0)).with(csrf()).cookie(ann))
			.andExpect(status().is3xxRedirection());
		assertThat(bell(ann).text()).isEqualTo("Notifications 23");

		mvc.perform(post("/notifications/read-all").with(csrf()).cookie(ann)).andExpect(status().is3xxRedirection());
		assertThat(bell(ann).text()).isEqualTo("Notifications");
		assertThat(bell(ann).select(".unread-count")).isEmpty();
		assertThat(pages.get("/notifications?unread=true", ann).text()).contains("Nothing unread.");
	}

	@Test
	void nobodySeesOrMarksAnotherPersonsNotifications() throws Exception {
		List<Long> anns = tell(org.ann(), 2);
		Cookie bo = pages.signIn(org.bo());
		assertThat(pages.get("/notifications", bo).text()).contains("No notifications yet.").doesNotContain(org.run());
		assertThat(bell(bo).text()).isEqualTo("Notifications");
		mvc.perform(post("/notifications/{id}/read", anns.get(0)).with(csrf()).cookie(bo)).andExpect(status().isNotFound());
		mvc.perform(post("/notifications/read-all").with(csrf()).cookie(bo)).andExpect(status().is3xxRedirection());

		String boToken = "Bearer " + org.token(identity, org.bo());
		mvc.perform(post("/api/v1/notifications/{id}/read", anns.get(1)).header("Authorization", boToken))
			.andExpect(status().isNotFound()).andExpect(jsonPath("$.title").value("Not found"));
		mvc.perform(get("/api/v1/notifications").header("Authorization", boToken))
			.andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
		mvc.perform(post("/api/v1/notifications/read-all").header("Authorization", boToken))
			.andExpect(status().isOk()).andExpect(jsonPath("$.marked").value(0));

		// Ann's are untouched by all of that
		assertThat(inbox.unreadCount(NotificationMailTest.user(org.ann()))).isEqualTo(2);
		// and nobody signed out sees anything
		mvc.perform(get("/api/v1/notifications")).andExpect(status().isUnauthorized());
		mvc.perform(get("/notifications")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/notifications/unread")).andExpect(status().is3xxRedirection());
	}

	@Test
	void theApiListsCountsAndMarksTheCallersOwn() throws Exception {
		List<Long> ids = tell(org.ann(), 3);
		String ann = "Bearer " + org.token(identity, org.ann());
		mvc.perform(get("/api/v1/notifications?size=2").header("Authorization", ann))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.items[*].id").value(contains(ids.get(2).intValue(), ids.get(1).intValue())))
			.andExpect(jsonPath("$.items[0].title").value("Note 2 " + org.run()))
			.andExpect(jsonPath("$.items[0].link").value("/mentorships/2"))
			.andExpect(jsonPath("$.items[0].category").value("MENTORING"))
			.andExpect(jsonPath("$.items[0].readAt").value(nullValue()));
		mvc.perform(post("/api/v1/notifications/{id}/read", ids.get(0)).header("Authorization", ann))
			.andExpect(status().isOk()).andExpect(jsonPath("$.readAt").isNotEmpty());
		mvc.perform(get("/api/v1/notifications/unread-count").header("Authorization", ann))
			.andExpect(status().isOk()).andExpect(jsonPath("$.unread").value(2));
		mvc.perform(get("/api/v1/notifications?unread=true").header("Authorization", ann))
			.andExpect(jsonPath("$.total").value(2));
		mvc.perform(post("/api/v1/notifications/read-all").header("Authorization", ann))
			.andExpect(status().isOk()).andExpect(jsonPath("$.marked").value(2));

		mvc.perform(get("/api/v1/notifications?size=500").header("Authorization", ann))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field").value(hasItem("size")));
		mvc.perform(post("/api/v1/notifications/{id}/read", "abc").header("Authorization", ann))
			.andExpect(status().isBadRequest());

		mvc.perform(get("/api/v1/notifications/preferences").header("Authorization", ann))
			.andExpect(status().isOk()).andExpect(jsonPath("$.mentoring").value(true)).andExpect(jsonPath("$.community").value(true));
		mvc.perform(put("/api/v1/notifications/preferences").header("Authorization", ann).contentType(MediaType.APPLICATION_JSON)
				.content("{\"mentoring\":false}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field").value(hasItem("community")));
		mvc.perform(put("/api/v1/notifications/preferences").header("Authorization", ann).contentType(MediaType.APPLICATION_JSON)
				.content("{\"mentoring\":false,\"community\":true}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.mentoring").value(false));
		mvc.perform(get("/api/v1/notifications/preferences").header("Authorization", ann))
			.andExpect(jsonPath("$.mentoring").value(false)).andExpect(jsonPath("$.community").value(true));
	}

	@Test
	void theSettingsPageSwitchesEmailPerCategory() throws Exception {
		Cookie bo = pages.signIn(org.bo());
		Document settings = pages.get("/notifications/settings", bo);
		assertThat(settings.select("input#email-mentoring").hasAttr("checked")).isTrue();
		assertThat(settings.select("input#email-community").hasAttr("checked")).isTrue();
		assertThat(settings.select("label[for=email-community]").text()).startsWith("Community");

		mvc.perform(post("/notifications/settings").with(csrf()).cookie(bo).param("community", "true"))
			.andExpect(status().is3xxRedirection());
		settings = pages.get("/notifications/settings", bo);
		assertThat(settings.select("input#email-mentoring").hasAttr("checked")).isFalse();
		assertThat(settings.select("input#email-community").hasAttr("checked")).isTrue();
		assertThat(inbox.preferences(NotificationMailTest.user(org.bo()))).isEqualTo(new EmailPreferences(false, true));
		// the form needs its CSRF token
		mvc.perform(post("/notifications/settings").cookie(bo).param("mentoring", "true")).andExpect(status().isForbidden());
		assertThat(inbox.preferences(NotificationMailTest.user(org.bo())).mentoring()).isFalse();
	}

	@Test
	void withoutAnSmtpServerTheMailIsLoggedAndSkippedButTheNotificationIsThere() throws Exception {
		long mentorship = System.nanoTime();
		transaction.executeWithoutResult(tx -> events.publishEvent(
				new MentorshipStarted(mentorship, 1, org.ann().personId(), org.bo().personId())));
		await().atMost(Duration.ofSeconds(20)).until(() -> inbox.unreadCount(NotificationMailTest.user(org.bo())) == 1);
		assertThat(inbox.notifications(NotificationMailTest.user(org.bo()), false, new PageRequest(0, 5))
			.items().get(0).title()).isEqualTo("Your mentorship with Ann Okafor has started");
		await().atMost(Duration.ofSeconds(20)).until(() -> inbox.unreadCount(NotificationMailTest.user(org.ann())) == 1);
		assertThat(jdbc.sql("""
				SELECT m.status FROM notification_mail m JOIN notification n ON n.id = m.notification_id
				WHERE n.recipient_person_id IN (?, ?) AND n.source_key = ?""")
			.params(org.ann().personId(), org.bo().personId(), "mentorship-started:" + mentorship).query(String.class).list())
			.containsExactly("SKIPPED", "SKIPPED");

		Cookie bo = pages.signIn(org.bo());
		Document page = pages.get("/notifications", bo);
		assertThat(page.select("#notifications li a").first().attr("href")).isEqualTo("/mentorships/" + mentorship);
	}

	@Test
	void whoeverStartedAMatchingRunHearsThatItFinished() {
		CurrentUser pm = new CurrentUser(org.pm().accountId(), org.pm().email(), "Pat Manager", org.pm().personId(),
				Set.of(CurrentUser.PROGRAMME_MANAGER, CurrentUser.EMPLOYEE));
		Programme programme = programmes.create(new ProgrammeSettings("Leads " + org.run(), "Grow leads", ProgrammeFormat.ONE_TO_ONE,
				null, null, 12, 2, MatchingMode.BULK, ProgrammeSettings.ObjectiveChoice.OPTIMAL, Map.of(), List.of(), false), pm);
		programmes.advance(programme.id(), "open-enrolment", pm);
		programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTOR, null, 2, List.of()),
				NotificationMailTest.user(org.ann()));
		programmes.enrol(programme.id(), new EnrolmentRequest(EnrolmentRole.MENTEE, "Lead a team", 0, List.of()),
				NotificationMailTest.user(org.bo()));
		programmes.advance(programme.id(), "close-enrolment", pm);
		MatchingRun run = runs.start(programme.id(), pm);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> runs.latest(programme.id(), pm).orElseThrow().state() != MatchingRun.State.RUNNING);
		// the programmes module publishes MatchingRunFinished outside a transaction, which transactional
		// listeners never receive; here it is published as it should be, inside one
		transaction.executeWithoutResult(tx -> events.publishEvent(new MatchingRunFinished(programme.id(), run.id(), true)));

		await().atMost(Duration.ofSeconds(20)).until(() -> inbox.unreadCount(pm) == 1);
		Notification told = inbox.notifications(pm, false, new PageRequest(0, 5)).items().get(0);
		assertThat(told.title()).isEqualTo("The matching run for Leads " + org.run() + " finished");
		assertThat(told.link()).isEqualTo("/programmes/" + programme.id());
		assertThat(inbox.unreadCount(NotificationMailTest.user(org.ann()))).isZero();
	}

	@Test
	void inactivePeopleAreNotNotified() {
		jdbc.sql("UPDATE person SET active = FALSE WHERE id = ?").param(org.bo().personId()).update();
		assertThat(notifier.notify(new Notifier.Message(org.bo().personId(), Category.COMMUNITY, "x:" + org.run(), "Hello",
				"Body", "/community"))).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_person_id = ?").param(org.bo().personId())
			.query(Long.class).single()).isZero();
	}

	private Element bell(Cookie session) throws Exception {
		return Jsoup.parse(mvc.perform(get("/notifications/unread").cookie(session).header("HX-Request", "true"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).selectFirst("a#notifications-bell");
	}

	private List<Long> tell(Member member, int count) {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(notifier.notify(new Notifier.Message(member.personId(), Category.MENTORING, "test:" + org.run() + ":" + i,
					"Note " + i + " " + org.run(), "Body " + i, "/mentorships/" + i)).orElseThrow());
		}
		return ids;
	}
}
