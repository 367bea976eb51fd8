package org.guildhall.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.test.web.servlet.MockMvc;

/** Pages as a signed-in person sees them: signs in through the form and reads pages as HTML documents. */
public record Pages(MockMvc mvc) {

	/** Signs in with the test password and returns the session cookie. */
	public Cookie signIn(TestOrganisation.Member member) throws Exception {
		return mvc.perform(post("/login").with(csrf()).param("username", member.email()).param("password", TestOrganisation.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn().getResponse().getCookie("SESSION");
	}

	/** The page at the path, which must answer 200. */
	public Document get(String path, Cookie session) throws Exception {
		return Jsoup.parse(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path).cookie(session))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}
}
