package org.guildhall.community.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

	private final MarkdownRenderer renderer = new MarkdownRenderer();

	static Stream<String> hostile() {
		return Stream.of(
				"<script>alert(1)</script>",
				"<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
				"<scr<script>ipt>alert(1)</script>",
				"<img src=x onerror=alert(1)>",
				"<a href=\"#\" onclick=\"alert(1)\">click</a>",
				"<body onload=alert(1)>",
				"<div style=\"background:url(javascript:alert(1))\">x</div>",
				"<style>body{display:none}</style>",
				"<iframe src=\"https://evil.example\"></iframe>",
				"<object data=\"x.swf\"></object><embed src=\"x.swf\">",
				"<svg onload=alert(1)><circle r=10 /></svg>",
				"<svg><script>alert(1)</script></svg>",
				"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
				"<form action=\"https://evil.example\"><input name=p><button>go</button></form>",
				"<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
				"<base href=\"https://evil.example/\">",
				"<link rel=stylesheet href=https://evil.example/x.css>",
				"[click](javascript:alert(1))",
				"[click](JaVaScRiPt:alert(1))",
				"[click](  javascript:alert(1))",
				"[click](&#106;avascript:alert(1))",
				"[click](&#x6A;&#x61;vascript:alert(1))",
				"[click](java&#x09;script:alert(1))",
				"[click](vbscript:msgbox(1))",
				"[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
				"![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
				"![x](javascript:alert(1))",
				"![x](https://tracker.example/pixel.gif \"title\")",
				"[ref]: javascript:alert(1)\n\n[click][ref]",
				"<javascript:alert(1)>",
				"<a href=\"javascript:alert(1)\">raw</a>",
				"<a href='data:text/html,<script>alert(1)</script>'>raw</a>",
				"<<script>script>alert(1)<</script>/script>",
				"<img \"\"\"><script>alert(1)</script>\">",
				"<img src=`x` onerror=alert(1)//",
				"<div <script>alert(1)</script>>",
				"&lt;script&gt;alert(1)&lt;/script&gt;",
				"<!--<script>alert(1)</script>-->",
				"<![CDATA[<script>alert(1)</script>]]>",
				"<details open ontoggle=alert(1)>",
				"<video><source onerror=alert(1)></video>",
				"<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
				"```html\n<script>alert(1)</script>\n```",
				"`<img src=x onerror=alert(1)>`",
				"> <script>alert(1)</script>",
				"* <a href=javascript:alert(1)>x</a>",
				"# <svg/onload=alert(1)>",
				"[x](https://ok.example \"\\\" onmouseover=\\\"alert(1)\")",
				"www.example.com/<script>alert(1)</script>",
				"https://example.com/\"onmouseover=\"alert(1)");
	}

	@ParameterizedTest
	@MethodSource("hostile")
	void nothingHostileSurvives(String input) {
		String html = renderer.toHtml(input);
		Document document = Jsoup.parseBodyFragment(html);
		List<String> forbidden = List.of("script", "style", "iframe", "object", "embed", "svg", "math", "form", "input",
				"button", "meta", "base", "link", "img", "video", "source", "details", "body");
		for (Element element : document.body().select("*")) {
			if (element == document.body()) {
				continue;
			}
			assertThat(forbidden).as("element <%s> in %s", element.tagName(), html).doesNotContain(element.tagName());
			for (Attribute attribute : element.attributes()) {
				String name = attribute.getKey().toLowerCase(Locale.ROOT);
				assertThat(name).as("attribute %s in %s", name, html).doesNotStartWith("on").isNotEqualTo("style")
					.isNotEqualTo("src").isNotEqualTo("background");
				if (name.equals("href")) {
					String target = attribute.getValue().strip().toLowerCase(Locale.ROOT);
					assertThat(target).as("link in %s", html).matches("^(https?:|mailto:|#|/|$).*");
				}
			}
		}
		// hostile words may remain as escaped, inert text; never as markup
		assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script").doesNotContain("<svg").doesNotContain("<iframe")
			.doesNotContain("<style").doesNotContain("<img");
	}

	@Test
	void ordinaryMarkdownStaysReadable() {
		String html = renderer.toHtml("""
				# Rolling back a release

				Steps **that worked** for us, with *care*:

				1. Freeze deploys
				2. Run `kubectl rollout undo`

				- one
				- two

				> Quote from the post-mortem

				```yaml
				replicas: 3
				```

				See [the runbook](https://wiki.example.com/runbook) or mail <team@example.com>.
				Auto link: https://example.com/docs
				""");
		Document document = Jsoup.parseBodyFragment(html);
		assertThat(document.select("h1").text()).isEqualTo("Rolling back a release");
		assertThat(document.select("strong").text()).isEqualTo("that worked");
		assertThat(document.select("em").text()).isEqualTo("care");
		assertThat(document.select("ol li")).hasSize(2);
		assertThat(document.select("ul li")).hasSize(2);
		assertThat(document.select("blockquote").text()).contains("post-mortem");
		assertThat(document.select("pre code.language-yaml").text()).isEqualTo("replicas: 3");
		assertThat(document.select("code").first().text()).isEqualTo("kubectl rollout undo");
		Element link = document.select("a:contains(the runbook)").first();
		assertThat(link.attr("href")).isEqualTo("https://wiki.example.com/runbook");
		assertThat(link.attr("rel")).contains("nofollow").contains("noopener");
		assertThat(document.select("a[href=https://example.com/docs]")).hasSize(1);
		assertThat(document.select("a[href^=mailto:]")).hasSize(1);
	}

	@Test
	void rawHtmlIsShownAsTextNotDropped() {
		assertThat(Jsoup.parseBodyFragment(renderer.toHtml("Use <b>bold</b> tags")).text()).isEqualTo("Use <b>bold</b> tags");
	}

	@Test
	void excerptsAreShortPlainText() {
		String excerpt = renderer.excerpt("# Title\n\nSome **bold** words and <script>x</script> " + "word ".repeat(100), 60);
		assertThat(excerpt).hasSizeLessThanOrEqualTo(60).startsWith("Title Some bold words").doesNotContain("**").endsWith("…");
	}
}
