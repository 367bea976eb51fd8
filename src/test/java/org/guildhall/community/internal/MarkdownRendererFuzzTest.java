package org.guildhall.community.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Whatever Markdown a person writes, the HTML that reaches the page holds no live script: no
 * {@code <script>} or other element outside the allow-list, no {@code on...} attribute, no link
 * but http(s), mailto and relative ones; and rendering never throws. The build replays the inputs
 * under {@code MarkdownRendererFuzzTestInputs/}; {@code JAZZER_FUZZ=1} searches for new ones.
 */
@Tag("jazzer") // in a JVM of its own (see pom.xml)
class MarkdownRendererFuzzTest {

	private static final Set<String> ALLOWED = Set.of("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
			"pre", "code", "em", "strong", "del", "ul", "ol", "li", "a", "body", "html", "head", "#root");

	private final MarkdownRenderer renderer = new MarkdownRenderer();

	@FuzzTest(maxDuration = "60s")
	void renderedMarkdownHoldsNoLiveScript(byte[] input) {
		// bytes, not a String parameter: the seed files are then plain text files anyone can add
		String markdown = new String(input, StandardCharsets.UTF_8);
		String html = renderer.toHtml(markdown);
		// "javascript:" may stand in the text (escaped, it is only words); it may not be a link or an attribute
		assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script");
		for (Element element : Jsoup.parseBodyFragment(html).getAllElements()) {
			assertThat(ALLOWED).as("element in %s", html).contains(element.normalName());
			for (Attribute attribute : element.attributes()) {
				assertThat(attribute.getKey().toLowerCase(Locale.ROOT)).as("attribute in %s", html).doesNotStartWith("on");
				if (attribute.getKey().equalsIgnoreCase("href")) {
					String href = attribute.getValue().strip().toLowerCase(Locale.ROOT);
					assertThat(href.matches("^(https?:|mailto:|[^:/?#]*([/?#].*)?$).*")).as("link %s", href).isTrue();
				}
			}
		}
		String excerpt = renderer.excerpt(markdown, 80);
		assertThat(excerpt.length()).isLessThanOrEqualTo(80);
	}
}
