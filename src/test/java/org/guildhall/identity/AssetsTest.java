package org.guildhall.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;

import org.guildhall.testing.GuildhallTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Style sheet and scripts: every page links them with a content hash (htmx with its version), they
 * load without signing in, and browsers may keep them for a year.
 */
@GuildhallTest
@AutoConfigureMockMvc
class AssetsTest {

	@Autowired
	MockMvc mvc;

	@Test
	void pagesLinkVersionedAssetsThatLoadAndMayBeCachedForAYear() throws Exception {
		Document login = Jsoup.parse(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString());
		String css = login.select("link[rel=stylesheet]").attr("href");
		List<String> scripts = login.select("script[src]").eachAttr("src");
		assertThat(css).matches("/assets/css/guildhall-[0-9a-f]{32}\\.css");
		assertThat(scripts).anyMatch(s -> s.matches("/assets/js/guildhall-[0-9a-f]{32}\\.js"))
			.anyMatch(s -> s.matches("/webjars/htmx\\.org/\\d+\\.\\d+\\.\\d+/dist/htmx\\.min(-[0-9a-f]{32})?\\.js"));
		assertThat(login.select("form").attr("action")).as("links to pages are left alone").isEqualTo("/login");

		List<String> assets = new ArrayList<>(scripts);
		assets.add(css);
		for (String asset : assets) {
			MockHttpServletResponse response = mvc.perform(get(asset)).andReturn().getResponse();
			assertThat(response.getStatus()).as(asset).isEqualTo(200);
			assertThat(response.getContentAsByteArray()).as(asset).isNotEmpty();
			assertThat(response.getHeader("Cache-Control")).as(asset).contains("max-age=31536000");
		}
		assertThat(mvc.perform(get("/css/guildhall.css")).andReturn().getResponse().getStatus())
			.as("the old, unversioned address is gone").isNotEqualTo(200);
	}
}
