package org.guildhall.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import jakarta.servlet.http.Cookie;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
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
import org.springframework.test.web.servlet.MvcResult;

@GuildhallTest
@AutoConfigureMockMvc
class CommunityPagesTest {

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

	TestOrganisation org;
	Pages pages;

	@BeforeEach
	void organisation() {
		org = TestOrganisation.create(imports, identity, directory);
		pages = new Pages(mvc);
	}



	@Test
	void askAQuestionInTheBrowserAnswerItAndVoteWithHtmx() throws Exception {
		Cookie bo = pages.signIn(org.bo());
		assertThat(pages.get("/community", bo).select("nav[aria-label=Main] a:contains(Community)")).hasSize(1);

		Document invalid = Jsoup.parse(mvc.perform(post("/community/questions/new").with(csrf()).cookie(bo)
				.param("title", "short").param("topics", "Java, Nonsense skill").param("body", "Why?"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(invalid.select("[role=alert] li").eachText()).contains("Title must be at least 10 characters",
				"Topic 2 'Nonsense skill' is not a skill of the taxonomy");
		assertThat(invalid.select("#body").text()).isEqualTo("Why?");

		String location = mvc.perform(post("/community/questions/new").with(csrf()).cookie(bo)
				.param("title", "How do I profile a slow endpoint " + org.run()).param("topics", "Java")
				.param("body", "It takes *seconds*. <img src=x onerror=alert(1)>"))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		Document thread = pages.get(location, bo);
		assertThat(thread.select("h1").text()).startsWith("How do I profile a slow endpoint");
		assertThat(thread.select(".markdown em").text()).isEqualTo("seconds");
		assertThat(thread.select(".markdown img")).isEmpty();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

		Cookie ann = pages.signIn(org.ann());
		mvc.perform(post("/community/questions/{id}/answers", id).with(csrf()).cookie(ann).param("body", "Use a profiler such as async-profiler."))
			.andExpect(status().is3xxRedirection());
		Document withAnswer = pages.get(location, bo);
		long answerId = Long.parseLong(withAnswer.select("article[id^=answer-]").attr("id").substring(7));
		assertThat(withAnswer.select("button:contains(Accept this answer)")).hasSize(1);

		String fragment = mvc.perform(post("/community/posts/{id}/vote", answerId).with(csrf()).cookie(bo)
				.header("HX-Request", "true").param("value", "up"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		Document vote = Jsoup.parseBodyFragment(fragment);
		assertThat(vote.select(".score").text()).isEqualTo("1");
		assertThat(vote.select("button[aria-pressed=true]").attr("value")).isEqualTo("none");
		assertThat(fragment).doesNotContain("<html");

		assertThat(pages.get(location, ann).select("button:contains(Accept this answer)")).as("only the asker accepts").isEmpty();
	}

	@Test
	void theWrongPersonCannotEditOrDeleteOrManageTheIndex() throws Exception {
		long question = questions.ask(new NewQuestion("A question Bo will not edit " + org.run(), "Body", List.of("Java")),
				KudosExpertsAndSearchTest.user(org.ann())).id();
		Cookie bo = pages.signIn(org.bo());
		mvc.perform(get("/community/posts/{id}/edit", question).cookie(bo)).andExpect(status().isForbidden());
		mvc.perform(post("/community/posts/{id}/edit", question).with(csrf()).cookie(bo).param("title", "Taken over by Bo")
				.param("topics", "Java").param("body", "x").param("version", "0"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/community/posts/{id}/delete", question).with(csrf()).cookie(bo)).andExpect(status().isForbidden());
		mvc.perform(post("/community/questions/{id}/accept", question).with(csrf()).cookie(bo).param("answerId", "1"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/community/index").cookie(bo)).andExpect(status().isForbidden());
		mvc.perform(post("/community/index/rebuild").with(csrf()).cookie(bo)).andExpect(status().isForbidden());
		assertThat(pages.get("/community/questions/" + question, bo).text()).contains("A question Bo will not edit");

		Cookie admin = pages.signIn(org.admin());
		assertThat(pages.get("/community/posts/" + question + "/edit", admin).select("#title").val()).startsWith("A question Bo");
		assertThat(pages.get("/community/index", admin).select("progress#rebuild-progress")).hasSize(1);
	}

	@Test
	void theProfileShowsStandingAndKudosWithoutJavaScriptAndColleaguesGiveKudos() throws Exception {
		Cookie bo = pages.signIn(org.bo());
		long ann = org.ann().personId();
		Document profile = pages.get("/people/" + ann, bo);
		assertThat(profile.select("#standing h2").text()).isEqualTo("In the community");
		assertThat(profile.select("#standing button").text()).as("Bo may follow Ann from her profile").contains("Follow");
		assertThat(profile.select("#standing form").attr("action")).endsWith("back=/people/" + ann);
		assertThat(profile.select("#kudos h2").text()).isEqualTo("Kudos by skill");
		assertThat(profile.select("#kudos form input[name=back]").val()).isEqualTo("/people/" + ann);
		assertThat(profile.select("[hx-trigger=load][hx-get*=kudos], [hx-trigger=load][hx-get*=standing]"))
			.as("nothing of the section waits for JavaScript").isEmpty();

		// with htmx: the section alone comes back
		String given = mvc.perform(post("/community/people/{id}/kudos", ann).with(csrf()).cookie(bo)
				.header("HX-Request", "true").param("skill", "JAVA").param("message", "Your walkthrough saved my release"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		Document section = Jsoup.parseBodyFragment(given);
		assertThat(section.select("#kudos h3").first().text()).isEqualTo("Java 1 kudos");
		assertThat(section.select("#kudos li").text()).contains("Your walkthrough saved my release").contains("Bo Ek");

		// without JavaScript: back to the profile, which says what happened
		MvcResult plain = mvc.perform(post("/community/people/{id}/kudos", ann).with(csrf()).cookie(bo)
				.param("back", "/people/" + ann).param("skill", "Java").param("message", "And the second review too"))
			.andExpect(status().isFound()).andExpect(redirectedUrl("/people/" + ann + "#kudos")).andReturn();
		Document after = Jsoup.parse(mvc.perform(get("/people/{id}", ann).cookie(bo).flashAttrs(plain.getFlashMap()))
			.andReturn().getResponse().getContentAsString());
		assertThat(after.select("#kudos [role=status]").text()).isEqualTo("Thank you: your kudos is on the profile.");
		assertThat(after.select("#kudos h3").first().text()).isEqualTo("Java 2 kudos");

		MvcResult refused = mvc.perform(post("/community/people/{id}/kudos", ann).with(csrf()).cookie(bo)
				.param("back", "https://evil.example/").param("skill", "Flying").param("message", "ok"))
			.andExpect(redirectedUrl("/people/" + ann + "#kudos")).andReturn();
		Document again = Jsoup.parse(mvc.perform(get("/people/{id}", ann).cookie(bo).flashAttrs(refused.getFlashMap()))
			.andReturn().getResponse().getContentAsString());
		assertThat(again.select("#kudos [role=alert] li").eachText()).contains("Skill 'Flying' is not a skill of the taxonomy",
				"Message must be at least 5 characters");
		assertThat(again.select("#kudos-skill").val()).as("what was typed stays").isEqualTo("Flying");

		Document mine = Jsoup.parseBodyFragment(mvc.perform(get("/community/people/{id}/kudos", org.bo().personId()).cookie(bo))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(mine.select("form")).as("no kudos form on one's own profile").isEmpty();
		assertThat(pages.get("/people/" + org.bo().personId(), bo).select("#kudos form, #standing form")).isEmpty();
	}

	@Test
	void expertAndSearchPagesAnswer() throws Exception {
		Cookie bo = pages.signIn(org.bo());
		Document experts = pages.get("/community/experts?q=Java", bo);
		assertThat(experts.select("li.card a").eachText()).contains("Ann Okafor");
		assertThat(pages.get("/community/experts?q=" + "y".repeat(250), bo).select("[role=alert]").text()).contains("Search text must be at most 200");
		assertThat(pages.get("/community/search?q=zzzznothing", bo).text()).contains("0 results");
		assertThat(pages.get("/community/articles", bo).select("h1").text()).isEqualTo("Articles and lessons learned");
		assertThat(pages.get("/community/questions/new", bo).select("label[for=topics]")).hasSize(1);
	}
}
