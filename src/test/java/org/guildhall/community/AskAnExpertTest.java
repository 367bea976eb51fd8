package org.guildhall.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.Cookie;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

import org.awaitility.Awaitility;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.identity.NewAccount;
import org.guildhall.identity.Role;
import org.guildhall.people.HrImportStatus;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.people.Profile;
import org.guildhall.people.ProfileUpdate;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.testing.CalendarFiles;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.Pages;
import org.guildhall.testing.TestOrganisation;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

@GuildhallTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class AskAnExpertTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	QuestionBoard questions;

	@Autowired
	ExpertRequests requests;

	@Autowired
	ExpertFinder finder;

	@Autowired
	ApplicationEvents events;

	TestOrganisation org;

	/** Eight people who declare the topic, from 5/5 and teaching down to 1/5, each with an account. */
	List<TestOrganisation.Member> experts;

	String topic = "Treasury";

	@BeforeEach
	void organisation() {
		org = TestOrganisation.create(imports, identity, directory);
		// an HR import is the whole organisation: repeat the test organisation's rows so nobody is deactivated
		StringBuilder csv = new StringBuilder("""
				employee_id,email,full_name,title,department,location,manager,skills,mentoring,mentoring_capacity
				ADM-%1$s,admin-%1$s@example.com,Ada Admin,Head of People,People,Berlin,,,NONE,0
				PM-%1$s,pm-%1$s@example.com,Pat Manager,Programme Manager,People,Berlin,ADM-%1$s,,NONE,0
				ANN-%1$s,ann-%1$s@example.com,Ann Okafor,Engineering Lead,Engineering,Lisbon,ADM-%1$s,Java:5:teach,MENTOR,2
				BO-%1$s,bo-%1$s@example.com,Bo Ek,Engineer,Engineering,Lisbon,ANN-%1$s,JS:2:learn,MENTEE,0
				""".formatted(org.run()));
		int[] levels = {5, 5, 4, 4, 3, 3, 2, 1};
		for (int i = 0; i < levels.length; i++) {
			csv.append("EX%d-%s,ex%d-%s@example.com,Expert %d %s,Treasurer,Finance,Oslo,,%s:%d%s,NONE,0\n".formatted(i, org.run(), i,
					org.run(), i, org.run(), topic, levels[i], i == 0 ? ":teach" : ""));
		}
		HrImportStatus preview = imports.uploadAndPreview("experts.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "test");
		assertThat(preview.state()).as(() -> imports.issues(preview.id()).toString()).isEqualTo(HrImportStatus.State.PREVIEWED);
		imports.applyNow(preview.id());
		experts = new ArrayList<>();
		for (int i = 0; i < levels.length; i++) {
			String email = "ex" + i + "-" + org.run() + "@example.com";
			var account = identity.create(new NewAccount(email, "Expert " + i, EnumSet.of(Role.EMPLOYEE)), TestOrganisation.PASSWORD);
			experts.add(new TestOrganisation.Member(email, directory.findIdByEmail(email).orElseThrow(), account.id()));
		}
	}

	@Test
	void tenQuestionsOnOneTopicAreSpreadOverTheExpertsNotSentToTheTopOneEveryTime() {
		long top = experts.get(0).personId();
		assertThat(finder.whoKnows(topic, 50)).extracting(e -> e.person().id()).first().isEqualTo(top);
		Map<Long, Integer> asked = new HashMap<>();
		for (int i = 0; i < 10; i++) {
			long question = questions.ask(new NewQuestion("How do we hedge currency risk, case " + i + " " + org.run(),
					"Our exposure doubled this quarter.", List.of(topic)), user(org.bo())).id();
			List<ExpertRequest> routed = requests.route(question, user(org.bo()));
			assertThat(routed).hasSizeBetween(ExpertRequests.MIN_EXPERTS, ExpertRequests.MAX_EXPERTS);
			assertThat(routed).extracting(r -> r.expert().id()).doesNotContain(org.bo().personId()).doesNotHaveDuplicates();
			assertThat(routed).allSatisfy(r -> assertThat(r.reasons()).isNotEmpty());
			routed.forEach(r -> asked.merge(r.expert().id(), 1, Integer::sum));
		}
		assertThat(asked.get(top)).as("the top expert is asked, but not about every question").isBetween(1, 9);
		assertThat(asked.keySet()).as("the work is spread over most of the eight experts").hasSizeGreaterThanOrEqualTo(6);
		assertThat(events.stream(ExpertAsked.class).filter(e -> e.askerId() == org.bo().personId()))
			.hasSize(asked.values().stream().mapToInt(Integer::intValue).sum())
			.allSatisfy(e -> assertThat(e.title()).startsWith("How do we hedge currency risk"));
	}

	@Test
	void onlyTheAskerOrAnAdministratorRoutesAndNobodyWhoAnsweredIsAskedAgain() {
		long question = questions.ask(new NewQuestion("Cash pooling across entities " + org.run(), "Which banks support it?",
				List.of(topic)), user(org.bo())).id();
		questions.answer(question, "We use notional pooling.", user(experts.get(0)));
		assertThatThrownBy(() -> requests.route(question, user(org.ann()))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> requests.route(question, user(experts.get(1)))).isInstanceOf(AccessDeniedException.class);

		List<ExpertRequest> first = requests.route(question, user(org.admin()));
		assertThat(first).extracting(r -> r.expert().id()).doesNotContain(experts.get(0).personId(), org.bo().personId());
		assertThat(first).extracting(r -> r.asker().id()).containsOnly(org.bo().personId());
		assertThatThrownBy(() -> requests.route(question, user(org.bo()))).isInstanceOf(ConflictException.class)
			.hasMessageContaining("have not replied yet");

		// once they all replied, routing again asks new people only
		first.forEach(r -> requests.decline(r.id(), null, user(member(r.expert().id()))));
		List<ExpertRequest> second = requests.route(question, user(org.bo()));
		assertThat(second).extracting(r -> r.expert().id())
			.doesNotContainAnyElementsOf(first.stream().map(r -> r.expert().id()).toList());
	}

	@Test
	void theExpertAnswersDeclinesOrOffersASessionAndOnlyTheRightPersonActs() throws Exception {
		long question = questions.ask(new NewQuestion("Netting intercompany invoices " + org.run(), "Is monthly enough?",
				List.of(topic)), user(org.bo())).id();
		List<ExpertRequest> routed = requests.route(question, user(org.bo()));
		assertThat(routed).hasSizeGreaterThanOrEqualTo(3);
		ExpertRequest first = routed.get(0);
		ExpertRequest second = routed.get(1);
		ExpertRequest third = routed.get(2);
		String firstToken = "Bearer " + org.token(identity, member(first.expert().id()));
		String secondToken = "Bearer " + org.token(identity, member(second.expert().id()));
		String boToken = "Bearer " + org.token(identity, org.bo());
		String annToken = "Bearer " + org.token(identity, org.ann());

		// each expert sees their own request; nobody else may read or act on it
		mvc.perform(get("/api/v1/community/expert-requests").header("Authorization", firstToken))
			.andExpect(status().isOk()).andExpect(jsonPath("$[*].id", hasItem((int) first.id())));
		mvc.perform(get("/api/v1/community/expert-requests/{id}", first.id()).header("Authorization", annToken))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/community/expert-requests/{id}/decline", first.id()).header("Authorization", secondToken)
				.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/community/expert-requests/{id}/answer", first.id()).header("Authorization", boToken)
				.contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"I know it myself\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/community/questions/{id}/expert-requests", question).header("Authorization", annToken))
			.andExpect(status().isOk()).andExpect(jsonPath("$").isEmpty());
		mvc.perform(get("/api/v1/community/questions/{id}/expert-requests", question).header("Authorization", firstToken))
			.andExpect(jsonPath("$[*].id", containsInAnyOrder((int) first.id())));

		// a bad offer names every problem; a good one waits for the asker
		mvc.perform(post("/api/v1/community/expert-requests/{id}/offer", first.id()).header("Authorization", firstToken)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"slots\":[\"2020-01-01T10:00:00Z\"],\"message\":\"\",\"minutes\":120,\"meetingLink\":\"javascript:alert(1)\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("slots[0]", "message", "minutes", "meetingLink")));
		Instant soon = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		Instant later = soon.plus(1, ChronoUnit.DAYS);
		mvc.perform(post("/api/v1/community/expert-requests/{id}/offer", first.id()).header("Authorization", firstToken)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"slots\":[\"" + later + "\",\"" + soon + "\"],\"message\":\"Happy to walk you through it\",\"minutes\":30,"
						+ "\"meetingLink\":\"https://meet.example.com/abc\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("OFFERED"))
			.andExpect(jsonPath("$.offer.slots.length()").value(2));
		ExpertRequest offered = requests.get(first.id(), user(org.bo()));
		long slot = offered.offer().slots().get(1).id();
		assertThat(offered.offer().slots().get(1).startsAt()).isEqualTo(later);

		// before a time is agreed, the second declines with a reason the asker sees; the third answers and it lands on the question
		mvc.perform(post("/api/v1/community/expert-requests/{id}/decline", second.id()).header("Authorization", secondToken)
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"" + "x".repeat(501) + "\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(post("/api/v1/community/expert-requests/{id}/decline", second.id()).header("Authorization", secondToken)
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"On leave; ask Finance Ops\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.state").value("DECLINED"));
		mvc.perform(post("/api/v1/community/expert-requests/{id}/decline", second.id()).header("Authorization", secondToken)
				.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isConflict());
		requests.answer(third.id(), "Monthly is fine below ten entities.", user(member(third.expert().id())));
		// only the asker picks the time; then both see the agreed session
		mvc.perform(post("/api/v1/community/expert-requests/{id}/accept", first.id()).header("Authorization", firstToken)
				.contentType(MediaType.APPLICATION_JSON).content("{\"slotId\":" + slot + "}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/community/expert-requests/{id}/accept", first.id()).header("Authorization", boToken)
				.contentType(MediaType.APPLICATION_JSON).content("{\"slotId\":" + slot + "}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.state").value("SCHEDULED"));
		for (String token : List.of(firstToken, boToken)) {
			mvc.perform(get("/api/v1/community/flash-sessions").header("Authorization", token))
				.andExpect(jsonPath("$[?(@.id == " + first.id() + ")].offer.agreed.startsAt").value(hasItem(later.toString())))
				.andExpect(jsonPath("$[?(@.id == " + first.id() + ")].offer.meetingLink").value(hasItem("https://meet.example.com/abc")));
		}
		mvc.perform(get("/api/v1/community/flash-sessions").header("Authorization", secondToken))
			.andExpect(jsonPath("$[*].id").value(not(hasItem((int) first.id()))));
		// the agreed session as a calendar invitation: the expert organises, the asker attends (accepted)
		mvc.perform(get("/api/v1/community/expert-requests/{id}/session.ics", first.id()).header("Authorization", annToken))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/community/expert-requests/{id}/session.ics", second.id()).header("Authorization", secondToken))
			.andExpect(status().isConflict());
		for (String token : List.of(firstToken, boToken)) {
			Calendar calendar = CalendarFiles.parse(mvc.perform(get("/api/v1/community/expert-requests/{id}/session.ics", first.id())
					.header("Authorization", token))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Type", startsWith("text/calendar")))
				.andReturn().getResponse().getContentAsString());
			assertThat(calendar.getMethod().getValue()).isEqualTo("REQUEST");
			VEvent session = CalendarFiles.event(calendar);
			assertThat(CalendarFiles.value(session, "UID")).isEqualTo("flash-session-" + first.id() + "@guildhall");
			assertThat(CalendarFiles.start(session)).isEqualTo(later);
			assertThat(CalendarFiles.length(session)).isEqualTo(Duration.ofMinutes(30));
			assertThat(CalendarFiles.value(session, "SUMMARY")).isEqualTo("Flash mentoring: " + first.questionTitle());
			assertThat(CalendarFiles.value(session, "DESCRIPTION")).contains("Happy to walk you through it");
			assertThat(CalendarFiles.value(session, "URL")).isEqualTo("https://meet.example.com/abc");
			assertThat(CalendarFiles.value(session, "ORGANIZER")).isEqualTo("mailto:" + member(first.expert().id()).email());
			assertThat(CalendarFiles.attendees(session)).containsExactly("mailto:" + org.bo().email() + " ACCEPTED");
		}

		assertThat(questions.thread(question, user(org.bo())).answers()).extracting(a -> a.author().id())
			.contains(third.expert().id());
		assertThat(requests.forQuestion(question, user(org.bo()))).extracting(ExpertRequest::state)
			.contains(ExpertRequest.State.SCHEDULED, ExpertRequest.State.DECLINED, ExpertRequest.State.ANSWERED)
			.doesNotContain(ExpertRequest.State.OPEN, ExpertRequest.State.OFFERED);
		assertThat(requests.forQuestion(question, user(org.bo()))).filteredOn(r -> r.id() == second.id()).singleElement()
			.satisfies(r -> assertThat(r.declineReason()).isEqualTo("On leave; ask Finance Ops"));
	}

	@Test
	void answeringOnTheQuestionPageClosesTheRequestAndPagesShowWhatToDo() throws Exception {
		Pages pages = new Pages(mvc);
		long question = questions.ask(new NewQuestion("FX forwards or options " + org.run(), "For a 12-month horizon?",
				List.of(topic)), user(org.bo())).id();
		Cookie bo = pages.signIn(org.bo());
		mvc.perform(post("/community/questions/{id}/ask-experts", question).with(csrf()).cookie(bo))
			.andExpect(status().is3xxRedirection());
		List<ExpertRequest> routed = requests.forQuestion(question, user(org.bo()));
		assertThat(routed).hasSizeGreaterThanOrEqualTo(3);
		Document panel = pages.get("/community/questions/" + question + "/experts", bo);
		assertThat(panel.select(".expert-requests li")).hasSize(routed.size());

		ExpertRequest request = routed.get(0);
		TestOrganisation.Member expert = member(request.expert().id());
		Cookie expertCookie = pages.signIn(expert);
		Document mine = pages.get("/community/asked", expertCookie);
		assertThat(mine.select("article.request a").eachText()).anyMatch(t -> t.startsWith("FX forwards or options"));
		Document one = pages.get("/community/asked/" + request.id(), expertCookie);
		assertThat(one.select("#reasons li").eachText()).anyMatch(t -> t.contains(topic));
		assertThat(one.select("form[action$=/offer]")).hasSize(1);
		Cookie ann = pages.signIn(org.ann());
		mvc.perform(get("/community/asked/{id}", request.id()).cookie(ann)).andExpect(status().isForbidden());
		mvc.perform(post("/community/questions/{id}/ask-experts", question).with(csrf()).cookie(ann))
			.andExpect(status().isForbidden());

		questions.answer(question, "Forwards, unless you need the upside.", user(expert));
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
			assertThat(requests.get(request.id(), user(org.bo())).state()).isEqualTo(ExpertRequest.State.ANSWERED));
	}

	@Test
	void theAskerHearsOfAnOfferAndTheOtherExpertsAreToldOnceTheyAreNoLongerNeeded() throws Exception {
		Pages pages = new Pages(mvc);
		CurrentUser bo = user(org.bo());
		Profile profile = directory.profile(org.bo().personId(), bo);
		directory.updateProfile(org.bo().personId(), new ProfileUpdate(profile.bio(), "Asia/Tokyo", profile.languages(),
				profile.skills().stream().map(s -> new ProfileUpdate.SkillChoice(s.name(), s.proficiency(), s.canTeach(), s.wantsToLearn()))
					.toList(), profile.goals(), profile.mentoringRole(), profile.mentoringCapacity(), profile.version()), bo);
		long question = questions.ask(new NewQuestion("Which bank for a Japanese subsidiary " + org.run(), "We open in Osaka.",
				List.of(topic)), bo).id();
		List<ExpertRequest> routed = requests.route(question, bo);
		assertThat(routed).hasSizeGreaterThanOrEqualTo(3);
		ExpertRequest first = routed.get(0);
		Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		requests.offer(first.id(), new NewFlashOffer(List.of(start), "Let us talk it through", 30, null), user(member(first.expert().id())));
		assertThat(events.stream(ExpertSessionOffered.class).filter(e -> e.requestId() == first.id()))
			.singleElement().satisfies(e -> assertThat(e.askerId()).isEqualTo(org.bo().personId()));
		Cookie boPage = pages.signIn(org.bo());
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(pages.get("/notifications", boPage)
			.select("#notifications").text()).contains("offers a flash session about: Which bank for a Japanese subsidiary"));

		// the offered time in the asker's own zone; picking no time says so
		Document offer = pages.get("/community/asked/" + first.id(), boPage);
		String inTokyo = java.time.format.DateTimeFormatter.ofPattern("EEEE d MMM yyyy, HH:mm", java.util.Locale.ENGLISH)
			.withZone(java.time.ZoneId.of("Asia/Tokyo")).format(start);
		assertThat(offer.select("#session form label").text()).contains(inTokyo);
		assertThat(offer.select("#session legend").text()).contains("Asia/Tokyo");
		String noSlot = (String) mvc.perform(post("/community/asked/{id}/accept", first.id()).with(csrf()).cookie(boPage))
			.andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("error");
		assertThat(noSlot).contains("Choose one of the offered times");

		long slot = requests.get(first.id(), bo).offer().slots().get(0).id();
		mvc.perform(post("/community/asked/{id}/accept", first.id()).with(csrf()).cookie(boPage).param("slotId", String.valueOf(slot)))
			.andExpect(status().is3xxRedirection());
		List<ExpertRequest> after = requests.forQuestion(question, bo);
		assertThat(after).filteredOn(r -> r.id() != first.id()).extracting(ExpertRequest::state).containsOnly(ExpertRequest.State.CLOSED);
		assertThat(events.stream(ExpertRequestClosed.class).filter(e -> e.questionId() == question))
			.hasSize(after.size() - 1)
			.allSatisfy(e -> assertThat(e.reason()).isEqualTo(ExpertRequestClosed.Reason.SESSION_AGREED_WITH_ANOTHER_EXPERT));
		ExpertRequest other = after.stream().filter(r -> r.id() != first.id()).findFirst().orElseThrow();
		Cookie otherPage = pages.signIn(member(other.expert().id()));
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(pages.get("/notifications", otherPage)
			.select("#notifications").text()).contains("No longer needed: Which bank for a Japanese subsidiary"));
		assertThat(pages.get("/community/asked/" + other.id(), otherPage).select("#closed").text()).startsWith("No longer needed");

		// an accepted answer closes the open requests of another question too
		long second = questions.ask(new NewQuestion("Dividend timing across entities " + org.run(), "Before or after year end?",
				List.of(topic)), bo).id();
		List<ExpertRequest> asked = requests.route(second, bo);
		long answer = requests.answer(asked.get(0).id(), "After year end, usually.", user(member(asked.get(0).expert().id())))
			.questionId();
		long answerId = questions.thread(answer, bo).answers().get(0).id();
		questions.accept(second, answerId, bo);
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(requests.forQuestion(second, bo))
			.filteredOn(r -> r.id() != asked.get(0).id()).extracting(ExpertRequest::state).containsOnly(ExpertRequest.State.CLOSED));
	}

	TestOrganisation.Member member(long personId) {
		return experts.stream().filter(e -> e.personId() == personId).findFirst()
			.orElseThrow(() -> new AssertionError("not one of the test's experts: " + personId));
	}

	static CurrentUser user(TestOrganisation.Member member) {
		return new CurrentUser(member.accountId(), member.email(), "x", member.personId(),
				member.email().startsWith("admin-") ? Set.of("ADMIN", "EMPLOYEE") : Set.of("EMPLOYEE"));
	}
}
