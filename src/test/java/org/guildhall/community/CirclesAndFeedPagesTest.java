package org.guildhall.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.servlet.http.Cookie;

import org.awaitility.Awaitility;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.people.Profile;
import org.guildhall.people.ProfileUpdate;
import org.guildhall.shared.CurrentUser;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.Pages;
import org.guildhall.testing.TestOrganisation;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@GuildhallTest
@AutoConfigureMockMvc
class CirclesAndFeedPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	TestOrganisation org;
	Pages pages;

	@BeforeEach
	void organisation() {
		org = TestOrganisation.create(imports, identity, directory);
		pages = new Pages(mvc);
	}

	private Document postForm(String path, Cookie session, String... params) throws Exception {
		var request = post(path).with(csrf()).cookie(session);
		for (int i = 0; i < params.length; i += 2) {
			request = request.param(params[i], params[i + 1]);
		}
		return Jsoup.parse(mvc.perform(request).andReturn().getResponse().getContentAsString());
	}

	private String redirect(String path, Cookie session, String... params) throws Exception {
		var request = post(path).with(csrf()).cookie(session);
		for (int i = 0; i < params.length; i += 2) {
			request = request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
	}

	@Test
	void aHostRunsACircleByRequestInTheBrowserAndOutsidersSeeOnlyItsDescription() throws Exception {
		Cookie ann = pages.signIn(org.ann());
		assertThat(pages.get("/community", ann).select("nav[aria-label=Community] a:contains(My feed)")).hasSize(1);

		Document invalid = postForm("/community/circles/new", ann, "name", "x", "topic", "Nonsense", "description", "",
				"admission", "BY_REQUEST");
		assertThat(invalid.select("[role=alert] li").eachText()).contains("Name must be at least 3 characters",
				"Topic 'Nonsense' is not a skill of the taxonomy", "Description is required");

		String location = redirect("/community/circles/new", ann, "name", "Platform readers " + org.run(), "topic", "k8s",
				"description", "We read one chapter a week.", "admission", "BY_REQUEST");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		String created = (String) mvc.perform(post("/community/circles/new").with(csrf()).cookie(ann).param("name", "Platform writers " + org.run())
				.param("topic", "k8s").param("description", "We write.").param("admission", "OPEN"))
			.andReturn().getFlashMap().get("message");
		assertThat(created).as("no promise of an invitation that is never sent").doesNotContain("Invite colleagues")
			.contains("find it under Circles").contains("send them this page's address");
		redirect("/community/circles/" + id + "/posts", ann, "body", "Chapter **one** notes <script>alert(1)</script>");

		Cookie bo = pages.signIn(org.bo());
		Document outside = pages.get(location, bo);
		assertThat(outside.select("#description").text()).isEqualTo("We read one chapter a week.");
		assertThat(outside.select("#posts, #members, #events")).isEmpty();
		assertThat(outside.select("#members-only").text()).contains("for members");
		assertThat(outside.select("#standing button").text()).isEqualTo("Ask to join");
		mvc.perform(post("/community/circles/{id}/posts", id).with(csrf()).cookie(bo).param("body", "let me in"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/community/circles/{id}/requests/{p}/approve", id, org.bo().personId()).with(csrf()).cookie(bo))
			.andExpect(status().isForbidden());
		mvc.perform(get("/community/circles/{id}/edit", id).cookie(bo)).andExpect(status().isForbidden());

		redirect("/community/circles/" + id + "/join", bo);
		assertThat(pages.get(location, bo).select("#standing").text()).contains("Your request is with the host");
		assertThat(pages.get(location, ann).select("#requests .request").text()).contains("Bo Ek");
		redirect("/community/circles/" + id + "/requests/" + org.bo().personId() + "/approve", ann);

		Document inside = pages.get(location, bo);
		assertThat(inside.select("#posts .markdown strong").text()).isEqualTo("one");
		assertThat(inside.select("#posts .markdown script")).isEmpty();
		assertThat(inside.select("#members .member").eachText()).anySatisfy(t -> assertThat(t).contains("Ann Okafor", "host"));
		assertThat(inside.select("#member-count").text()).isEqualTo("2 members");

		String start = LocalDateTime.now(ZoneOffset.UTC).plusDays(2).truncatedTo(ChronoUnit.MINUTES).toString();
		Document badEvent = postForm("/community/circles/" + id + "/events", ann, "title", "Chapter two", "startsAt", "next week",
				"durationMinutes", "60", "place", "Room 4");
		assertThat(badEvent.select("[role=alert] li").eachText()).contains("Starts at must be a date and time such as 2030-05-01T16:00");
		redirect("/community/circles/" + id + "/events", ann, "title", "Chapter two", "startsAt", start, "durationMinutes", "60",
				"place", "Room 4");
		// Ann typed the time in her zone (UTC); Bo, in Tokyo, reads it in his
		CurrentUser boUser = new CurrentUser(org.bo().accountId(), org.bo().email(),
				org.bo().email(), org.bo().personId(), java.util.Set.of(CurrentUser.EMPLOYEE));
		Profile boProfile = directory.profile(org.bo().personId(), boUser);
		directory.updateProfile(org.bo().personId(), new ProfileUpdate(boProfile.bio(), "Asia/Tokyo",
				boProfile.languages(), boProfile.skills().stream().map(sk -> new ProfileUpdate.SkillChoice(sk.name(),
					sk.proficiency(), sk.canTeach(), sk.wantsToLearn())).toList(), boProfile.goals(), boProfile.mentoringRole(),
				boProfile.mentoringCapacity(), boProfile.version()), boUser);
		Document withEvent = pages.get(location, bo);
		assertThat(withEvent.select("#events .event time").text()).isEqualTo(java.time.format.DateTimeFormatter
			.ofPattern("EEE d MMM yyyy, HH:mm", java.util.Locale.ENGLISH)
			.format(LocalDateTime.parse(start).atZone(ZoneOffset.UTC).withZoneSameInstant(java.time.ZoneId.of("Asia/Tokyo"))) + " (Asia/Tokyo)");
		String eventId = withEvent.select("#events .event").attr("id").substring("event-".length());
		redirect("/community/circles/" + id + "/events/" + eventId + "/rsvp", bo, "answer", "YES");
		assertThat(pages.get(location, bo).select("#events .rsvp-count").text()).isEqualTo("1 going, 0 maybe");
	}

	@Test
	void theFeedPageListsWhatFollowedPeopleDidAndThePersonPageShowsStandingAndAFollowButton() throws Exception {
		Cookie ann = pages.signIn(org.ann());
		Cookie bo = pages.signIn(org.bo());

		Document person = pages.get("/community/people/" + org.ann().personId(), bo);
		assertThat(person.select("h1").text()).isEqualTo("Ann Okafor");
		assertThat(person.select("#standing button").text()).isEqualTo("Follow");
		assertThat(pages.get("/community/people/" + org.bo().personId(), bo).select("#standing button")).isEmpty();

		redirect("/community/follows/people/" + org.ann().personId(), bo, "back", "/community/people/" + org.ann().personId());
		person = pages.get("/community/people/" + org.ann().personId(), bo);
		assertThat(person.select("#followers").text()).isEqualTo("1 follower");
		assertThat(person.select("#standing button").text()).contains("unfollow");
		assertThat(redirect("/community/follows/topics", bo, "topic", "Java", "back", "https://evil.example.com/"))
			.isEqualTo("/community/feed");

		String question = redirect("/community/questions/new", ann, "title", "Where are the Java style rules " + org.run(),
				"topics", "Go", "body", "Looking for them.");
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
				pages.get("/community/feed", bo).select("#feed-items .feed-item a.feed-link").eachAttr("href")).contains(question));
		Document feed = pages.get("/community/feed", bo);
		assertThat(feed.select("#followed-people").text()).contains("Ann Okafor");
		assertThat(feed.select("#followed-topics").text()).contains("Java");
		assertThat(feed.select("#feed-items .feed-item").first().text()).contains("Ann Okafor asked",
				"Where are the Java style rules " + org.run());

		String answerAt = redirect("/community/questions/" + question.substring(question.lastIndexOf('/') + 1) + "/answers", bo,
				"body", "In the wiki under Engineering.");
		assertThat(answerAt).contains("#answer-");
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
				pages.get("/community/people/" + org.bo().personId(), ann).select("#badges .badge").text()).contains("First answer"));
		Document standing = pages.get("/community/people/" + org.bo().personId() + "/standing", ann);
		assertThat(standing.select("#reputation .points").text()).isEqualTo("2");
		assertThat(standing.select("#reputation td a").text()).isEqualTo("Go");
	}
}
