package org.guildhall.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.jayway.jsonpath.JsonPath;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.testing.CalendarFiles;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.TestOrganisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@GuildhallTest
@AutoConfigureMockMvc
class CirclesApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	TestOrganisation org;
	String ann;
	String bo;
	String pm;
	String admin;

	@BeforeEach
	void organisation() {
		org = TestOrganisation.create(imports, identity, directory);
		ann = "Bearer " + org.token(identity, org.ann());
		bo = "Bearer " + org.token(identity, org.bo());
		pm = "Bearer " + org.token(identity, org.pm());
		admin = "Bearer " + org.token(identity, org.admin());
	}

	private ResultActions send(MockHttpServletRequestBuilder request, String token, String json) throws Exception {
		return mvc.perform(request.header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private ResultActions call(MockHttpServletRequestBuilder request, String token) throws Exception {
		return mvc.perform(request.header("Authorization", token));
	}

	private long circle(String token, String name, String admission) throws Exception {
		String body = send(post("/api/v1/community/circles"), token, """
				{"name":"%s","description":"We read the *Kubernetes* docs together.","topic":"k8s","admission":"%s"}"""
			.formatted(name, admission))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	@Test
	void creatingACircleChecksEveryFieldAndKeepsNamesUnique() throws Exception {
		send(post("/api/v1/community/circles"), ann, """
				{"name":"ab","description":"","topic":"Basket weaving","admission":null}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", contains("name", "description", "topic", "admission")))
			.andExpect(jsonPath("$.errors[2].message", containsString("not a skill")));
		send(post("/api/v1/community/circles"), ann, "{\"name\":\"" + "x".repeat(101) + "\",\"description\":\"d\",\"topic\":\"Java\",\"admission\":\"OPEN\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
		send(post("/api/v1/community/circles"), ann, "{\"name\":\"Readers " + org.run() + "\",\"description\":\"" + "d".repeat(2001)
				+ "\",\"topic\":\"Java\",\"admission\":\"OPEN\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("description"));

		long id = circle(ann, "K8s readers " + org.run(), "OPEN");
		call(get("/api/v1/community/circles/{id}", id), ann)
			.andExpect(jsonPath("$.topic.name").value("Kubernetes"))
			.andExpect(jsonPath("$.host.fullName").value("Ann Okafor"))
			.andExpect(jsonPath("$.memberCount").value(1))
			.andExpect(jsonPath("$.membership").value("MEMBER"))
			.andExpect(jsonPath("$.mayManage").value(true));
		send(post("/api/v1/community/circles"), bo, """
				{"name":"  k8s READERS %s ","description":"again","topic":"Java","admission":"OPEN"}""".formatted(org.run()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"))
			.andExpect(jsonPath("$.errors[0].message", containsString("exists already")));
	}

	@Test
	void anOpenCircleTakesMembersAtOnceAndOnlyMembersReadAndPost() throws Exception {
		long id = circle(ann, "Open k8s " + org.run(), "OPEN");
		String postJson = "{\"body\":\"Chapter 3 tonight <script>alert(1)</script> [x](javascript:alert(1))\"}";

		call(get("/api/v1/community/circles/{id}/posts", id), bo).andExpect(status().isForbidden());
		call(get("/api/v1/community/circles/{id}/members", id), bo).andExpect(status().isForbidden());
		send(post("/api/v1/community/circles/{id}/posts", id), bo, postJson).andExpect(status().isForbidden());
		call(get("/api/v1/community/circles/{id}/posts", id), ann).andExpect(jsonPath("$.total").value(0));

		call(post("/api/v1/community/circles/{id}/membership", id), bo).andExpect(jsonPath("$.membership").value("MEMBER"));
		call(post("/api/v1/community/circles/{id}/membership", id), bo).andExpect(jsonPath("$.membership").value("MEMBER"));
		call(get("/api/v1/community/circles/{id}", id), bo).andExpect(jsonPath("$.memberCount").value(2))
			.andExpect(jsonPath("$.mayManage").value(false));

		send(post("/api/v1/community/circles/{id}/posts", id), bo, postJson)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.bodyHtml", not(containsString("<script"))))
			.andExpect(jsonPath("$.bodyHtml", not(containsString("javascript:"))))
			.andExpect(jsonPath("$.author.fullName").value("Bo Ek"));
		send(post("/api/v1/community/circles/{id}/posts", id), bo, "{\"body\":\"" + "x".repeat(5001) + "\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"));
		call(get("/api/v1/community/circles/{id}/posts", id), ann).andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].author.fullName").value("Bo Ek"));
		call(get("/api/v1/community/circles/{id}/members", id), bo)
			.andExpect(jsonPath("$[*].person.fullName", contains("Ann Okafor", "Bo Ek")))
			.andExpect(jsonPath("$[0].host").value(true));
		call(get("/api/v1/community/circles/{id}/posts", id), admin).andExpect(status().isOk());
		call(get("/api/v1/community/circles/{id}/posts", id), pm).andExpect(status().isForbidden());

		call(delete("/api/v1/community/circles/{id}/membership", id), bo).andExpect(status().isNoContent());
		call(get("/api/v1/community/circles/{id}/posts", id), bo).andExpect(status().isForbidden());
		call(get("/api/v1/community/circles/{id}", id), bo).andExpect(jsonPath("$.memberCount").value(1))
			.andExpect(jsonPath("$.membership").value("NONE"));
	}

	@Test
	void aCircleByRequestShowsItsDescriptionButNotItsPostsUntilTheHostApproves() throws Exception {
		long id = circle(ann, "Private k8s " + org.run(), "BY_REQUEST");
		send(post("/api/v1/community/circles/{id}/posts", id), ann, "{\"body\":\"Members only: our runbook\"}").andExpect(status().isCreated());

		call(get("/api/v1/community/circles/{id}", id), bo)
			.andExpect(jsonPath("$.description").value("We read the *Kubernetes* docs together."))
			.andExpect(jsonPath("$.mayRead").value(false));
		call(get("/api/v1/community/circles/{id}/posts", id), bo).andExpect(status().isForbidden());
		call(get("/api/v1/community/circles/{id}/events", id), bo).andExpect(status().isForbidden());

		call(post("/api/v1/community/circles/{id}/membership", id), bo).andExpect(jsonPath("$.membership").value("REQUESTED"));
		call(post("/api/v1/community/circles/{id}/membership", id), pm).andExpect(jsonPath("$.membership").value("REQUESTED"));
		call(get("/api/v1/community/circles/{id}/posts", id), bo).andExpect(status().isForbidden());

		// the wrong people try to manage the circle
		call(get("/api/v1/community/circles/{id}/requests", id), bo).andExpect(status().isForbidden());
		call(post("/api/v1/community/circles/{id}/requests/{p}/approve", id, org.bo().personId()), bo).andExpect(status().isForbidden());
		call(post("/api/v1/community/circles/{id}/requests/{p}/approve", id, org.bo().personId()), pm).andExpect(status().isForbidden());
		send(put("/api/v1/community/circles/{id}", id), bo, """
				{"name":"Hijacked %s","description":"mine now","topic":"Java","admission":"OPEN"}""".formatted(org.run()))
			.andExpect(status().isForbidden());
		// none of that changed the circle: still Ann's, by request, with Bo and Pat waiting
		call(get("/api/v1/community/circles/{id}", id), ann).andExpect(jsonPath("$.name").value("Private k8s " + org.run()))
			.andExpect(jsonPath("$.description").value("We read the *Kubernetes* docs together."))
			.andExpect(jsonPath("$.admission").value("BY_REQUEST")).andExpect(jsonPath("$.memberCount").value(1));
		call(get("/api/v1/community/circles/{id}/posts", id), bo).andExpect(status().isForbidden());

		call(get("/api/v1/community/circles/{id}/requests", id), ann)
			.andExpect(jsonPath("$[*].fullName", contains("Bo Ek", "Pat Manager")));
		call(post("/api/v1/community/circles/{id}/requests/{p}/approve", id, org.bo().personId()), ann).andExpect(status().isNoContent());
		call(post("/api/v1/community/circles/{id}/requests/{p}/decline", id, org.pm().personId()), ann).andExpect(status().isNoContent());
		call(post("/api/v1/community/circles/{id}/requests/{p}/approve", id, org.pm().personId()), ann).andExpect(status().isNotFound());

		call(get("/api/v1/community/circles/{id}/posts", id), bo)
			.andExpect(status().isOk()).andExpect(jsonPath("$.items[0].body").value("Members only: our runbook"));
		call(get("/api/v1/community/circles/{id}/posts", id), pm).andExpect(status().isForbidden());
		call(get("/api/v1/community/circles/{id}", id), ann).andExpect(jsonPath("$.memberCount").value(2));
	}

	@Test
	void onlyTheHostOrAnAdministratorManagesMembersAndTheHostHandsOverBeforeLeaving() throws Exception {
		long id = circle(ann, "Managed k8s " + org.run(), "OPEN");
		call(post("/api/v1/community/circles/{id}/membership", id), bo);
		call(post("/api/v1/community/circles/{id}/membership", id), pm);

		call(delete("/api/v1/community/circles/{id}/members/{p}", id, org.pm().personId()), bo).andExpect(status().isForbidden());
		send(put("/api/v1/community/circles/{id}/host", id), bo, "{\"personId\":" + org.bo().personId() + "}").andExpect(status().isForbidden());
		call(delete("/api/v1/community/circles/{id}/membership", id), ann).andExpect(status().isConflict());
		call(delete("/api/v1/community/circles/{id}/members/{p}", id, org.ann().personId()), admin).andExpect(status().isConflict());
		send(put("/api/v1/community/circles/{id}/host", id), ann, "{\"personId\":" + org.admin().personId() + "}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("personId"));
		// the refused removals and hand-overs left all three members and Ann as host
		call(get("/api/v1/community/circles/{id}/members", id), ann)
			.andExpect(jsonPath("$[*].person.fullName", containsInAnyOrder("Ann Okafor", "Bo Ek", "Pat Manager")));
		call(get("/api/v1/community/circles/{id}", id), ann).andExpect(jsonPath("$.host.fullName").value("Ann Okafor"))
			.andExpect(jsonPath("$.memberCount").value(3));

		call(delete("/api/v1/community/circles/{id}/members/{p}", id, org.pm().personId()), admin).andExpect(status().isNoContent());
		send(put("/api/v1/community/circles/{id}/host", id), ann, "{\"personId\":" + org.bo().personId() + "}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.host.fullName").value("Bo Ek")).andExpect(jsonPath("$.mayManage").value(false));
		call(delete("/api/v1/community/circles/{id}/membership", id), ann).andExpect(status().isNoContent());
		call(get("/api/v1/community/circles/{id}/members", id), bo).andExpect(jsonPath("$[*].person.fullName", contains("Bo Ek")));
		call(get("/api/v1/community/circles/{id}", id), bo).andExpect(jsonPath("$.memberCount").value(1)).andExpect(jsonPath("$.mayManage").value(true));
	}

	@Test
	void theHostSchedulesEventsAndMembersAnswerThem() throws Exception {
		long id = circle(ann, "Events k8s " + org.run(), "OPEN");
		call(post("/api/v1/community/circles/{id}/membership", id), bo);
		String start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES).toString();
		String event = """
				{"title":"Chapter 4 reading","startsAt":"%s","durationMinutes":60,"place":"Room 2","link":"https://meet.example.com/k8s"}"""
			.formatted(start);

		send(post("/api/v1/community/circles/{id}/events", id), bo, event).andExpect(status().isForbidden());
		send(post("/api/v1/community/circles/{id}/events", id), ann, """
				{"title":"x","startsAt":"2001-01-01T10:00:00Z","durationMinutes":2,"link":"javascript:alert(1)"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", contains("title", "startsAt", "durationMinutes", "link")));
		send(post("/api/v1/community/circles/{id}/events", id), ann, """
				{"title":"Nowhere","startsAt":"%s","durationMinutes":30}""".formatted(start))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("place"));

		String created = send(post("/api/v1/community/circles/{id}/events", id), ann, event)
			.andExpect(status().isCreated()).andExpect(jsonPath("$.startsAt").value(start))
			.andReturn().getResponse().getContentAsString();
		long eventId = ((Number) JsonPath.read(created, "$.id")).longValue();

		send(put("/api/v1/community/circles/{id}/events/{e}/rsvp", id, eventId), pm, "{\"answer\":\"YES\"}").andExpect(status().isForbidden());
		send(put("/api/v1/community/circles/{id}/events/{e}/rsvp", id, eventId), bo, "{\"answer\":\"YES\"}")
			.andExpect(jsonPath("$.yes").value(1)).andExpect(jsonPath("$.myAnswer").value("YES"));
		send(put("/api/v1/community/circles/{id}/events/{e}/rsvp", id, eventId), bo, "{\"answer\":\"MAYBE\"}")
			.andExpect(jsonPath("$.yes").value(0)).andExpect(jsonPath("$.maybe").value(1));
		send(put("/api/v1/community/circles/{id}/events/{e}/rsvp", id, eventId), ann, "{\"answer\":\"YES\"}")
			.andExpect(jsonPath("$.yes").value(1));
		send(put("/api/v1/community/circles/{id}/events/{e}/rsvp", id, eventId), ann, "{\"answer\":\"SOMETIMES\"}")
			.andExpect(status().isBadRequest());
		call(get("/api/v1/community/circles/{id}/events", id), bo)
			.andExpect(jsonPath("$[0].title").value("Chapter 4 reading"))
			.andExpect(jsonPath("$[0].myAnswer").value("MAYBE"));

		// a calendar invitation for members: the host organises, each other member attends with their answer
		call(get("/api/v1/community/circles/{id}/events/{e}/invitation.ics", id, eventId), pm).andExpect(status().isForbidden());
		var download = call(get("/api/v1/community/circles/{id}/events/{e}/invitation.ics", id, eventId), bo)
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", startsWith("text/calendar")))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn().getResponse();
		Calendar calendar = CalendarFiles.parse(download.getContentAsString());
		assertThat(calendar.getMethod().getValue()).isEqualTo("REQUEST");
		VEvent invitation = CalendarFiles.event(calendar);
		assertThat(CalendarFiles.value(invitation, "UID")).isEqualTo("circle-event-" + eventId + "@guildhall");
		assertThat(CalendarFiles.start(invitation)).isEqualTo(Instant.parse(start));
		assertThat(CalendarFiles.length(invitation)).isEqualTo(Duration.ofMinutes(60));
		assertThat(CalendarFiles.value(invitation, "SUMMARY")).startsWith("Chapter 4 reading");
		assertThat(CalendarFiles.value(invitation, "LOCATION")).isEqualTo("Room 2");
		assertThat(CalendarFiles.value(invitation, "URL")).isEqualTo("https://meet.example.com/k8s");
		assertThat(CalendarFiles.value(invitation, "ORGANIZER")).isEqualTo("mailto:" + org.ann().email());
		assertThat(CalendarFiles.attendees(invitation)).containsExactly("mailto:" + org.bo().email() + " TENTATIVE");

		call(delete("/api/v1/community/circles/{id}/events/{e}", id, eventId), bo).andExpect(status().isForbidden());
		call(delete("/api/v1/community/circles/{id}/events/{e}", id, eventId), ann).andExpect(status().isNoContent());
		call(get("/api/v1/community/circles/{id}/events", id), bo).andExpect(jsonPath("$.length()").value(0));
		// once cancelled, the same UID with a higher sequence and METHOD:CANCEL removes it from calendars
		Calendar cancelled = CalendarFiles.parse(call(get("/api/v1/community/circles/{id}/events/{e}/invitation.ics", id, eventId), bo)
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(cancelled.getMethod().getValue()).isEqualTo("CANCEL");
		assertThat(CalendarFiles.value(CalendarFiles.event(cancelled), "UID")).isEqualTo("circle-event-" + eventId + "@guildhall");
		assertThat(CalendarFiles.value(CalendarFiles.event(cancelled), "SEQUENCE")).isEqualTo("1");
	}

	@Test
	void circlesAreFoundByNameAndFilteredByTopic() throws Exception {
		circle(ann, "Cluster club " + org.run(), "OPEN");
		send(post("/api/v1/community/circles"), bo, """
				{"name":"Java juniors %s","description":"Learning Java together","topic":"Java","admission":"BY_REQUEST"}"""
			.formatted(org.run())).andExpect(status().isCreated());

		call(get("/api/v1/community/circles").param("q", org.run()), pm)
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[*].name", contains("Cluster club " + org.run(), "Java juniors " + org.run())));
		call(get("/api/v1/community/circles").param("q", "club " + org.run()), pm).andExpect(jsonPath("$.total").value(1));
		call(get("/api/v1/community/circles").param("q", org.run()).param("topic", "java"), pm)
			.andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].admission").value("BY_REQUEST"));
		call(get("/api/v1/community/circles").param("topic", "no such skill at all"), pm).andExpect(jsonPath("$.total").value(0));
		call(get("/api/v1/community/circles").param("size", "500"), pm).andExpect(status().isBadRequest());
		call(get("/api/v1/community/circles/mine"), bo).andExpect(jsonPath("$[*].name", hasItem("Java juniors " + org.run())));
		call(get("/api/v1/community/circles/{id}", 987654321L), bo).andExpect(status().isNotFound());
	}
}
