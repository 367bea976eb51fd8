package org.guildhall.community.internal;

import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Turns user-written Markdown into HTML that is safe to put into a page. Two layers: commonmark
 * escapes any raw HTML and blanks unsafe link targets, then an allow-list sanitiser keeps only
 * formatting elements and http(s)/mailto links. Neither layer alone is trusted.
 */
@Component
public class MarkdownRenderer {

	private static final List<org.commonmark.Extension> EXTENSIONS = List.of(AutolinkExtension.create());

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "em",
				"strong", "del", "ul", "ol", "li", "a")
		.allowUrlProtocols("https", "http", "mailto")
		.allowAttributes("href").onElements("a")
		.requireRelsOnLinks("nofollow", "noopener", "noreferrer")
		.allowAttributes("start").matching(Pattern.compile("\\d{1,6}")).onElements("ol")
		.allowAttributes("class").matching(Pattern.compile("language-[A-Za-z0-9_+#-]{1,30}")).onElements("code")
		.toFactory();

	private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
	private final HtmlRenderer html = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true)
		.build();
	private final TextContentRenderer text = TextContentRenderer.builder().build();

	/** Safe HTML for the given Markdown. */
	public String toHtml(String markdown) {
		Node document = parser.parse(markdown);
		return POLICY.sanitize(html.render(document));
	}

	/** The first words of the text without any markup, for lists and search results. */
	public String excerpt(String markdown, int maxLength) {
		String plain = text.render(parser.parse(markdown)).replaceAll("\\s+", " ").strip();
		if (plain.length() <= maxLength) {
			return plain;
		}
		int cut = plain.lastIndexOf(' ', maxLength - 1);
		return plain.substring(0, cut > maxLength / 2 ? cut : maxLength - 1) + "…";
	}
}
