package org.guildhall.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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

/**
 * The frame of every page: a favicon, a header whose main links say where one is, administration
 * only for administrators, and the account's own links together under the person's name.
 * (How it fits a wide and a phone screen is checked in a browser: LayoutBrowserTest.)
 */
@GuildhallTest
@AutoConfigureMockMvc
class LayoutTest {

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

	@Test
	void everyPageHasAFaviconThatLoadsWithoutSigningIn() throws Exception {
		Document login = Jsoup.parse(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString());
		List<String> icons = login.select("link[rel=icon]").eachAttr("href");
		assertThat(icons).hasSize(2);
		assertThat(icons.get(0)).matches("/assets/favicon(-[0-9a-f]+)?\\.svg");
		mvc.perform(get(icons.get(0))).andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("image/svg+xml"));
		assertThat(icons.get(1)).matches("/assets/favicon-32(-[0-9a-f]+)?\\.png");
		mvc.perform(get(icons.get(1))).andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("image/png"));
		assertThat(pages.get("/people", pages.signIn(org.bo())).select("link[rel=icon]")).hasSize(2);
	}

	@Test
	void theHeaderMarksWhereOneIsAndShowsAdministrationToAdministratorsOnly() throws Exception {
		Cookie bo = pages.signIn(org.bo());
		Document people = pages.get("/people/" + org.ann().personId(), bo);
		assertThat(people.select(".site-menu .primary a[aria-current=page]").eachText()).containsExactly("People");
		assertThat(pages.get("/community/questions", bo).select(".site-menu a[aria-current=page]").eachText())
			.containsExactly("Community");
		assertThat(people.select(".site-menu details summary").eachText()).containsExactly("Bo Ek: your account");
		assertThat(people.select(".site-menu details.account a").eachText())
			.containsExactly("My profile", "Sign-in and security", "API documentation");
		assertThat(people.select(".site-menu details.account button").text()).isEqualTo("Sign out");
		assertThat(people.select(".site-header a[href^=/admin]")).isEmpty();

		Document asAdmin = pages.get("/admin/accounts", pages.signIn(org.admin()));
		assertThat(asAdmin.select(".site-menu details:not(.account) summary").text()).isEqualTo("Administration");
		assertThat(asAdmin.select(".site-menu details:not(.account) summary.current")).hasSize(1);
		assertThat(asAdmin.select(".site-menu details:not(.account) a").eachText())
			.containsExactly("HR import", "Accounts", "Skill suggestions", "Characteristics", "Moderation", "Audit trail");
		assertThat(asAdmin.select(".site-menu a[aria-current]")).isEmpty();
	}
}
