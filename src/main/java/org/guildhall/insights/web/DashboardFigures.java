package org.guildhall.insights.web;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.guildhall.insights.ProgrammeDashboard;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The HTML of a dashboard's figures, rendered once per counted dashboard. {@code Insights} hands
 * out the same {@link ProgrammeDashboard} instance until its data's version moves (or its window
 * passes), so ten managers opening the same dashboard cost one rendering of its tables rather than
 * ten: on 100,000 people that rendering was two thirds of the page's time. The fragment
 * ({@code insights/dashboard-figures}) depends on the dashboard alone: no user, no form, no link
 * built from the request.
 */
@Component
class DashboardFigures {

	/** Dashboards kept rendered; when full, it starts over (the dashboard cache itself holds 500). */
	private static final int MAX_ENTRIES = 100;

	private record Rendered(ProgrammeDashboard dashboard, String html) {
	}

	private final ITemplateEngine templates;
	/** By the dashboard's identity hash; an entry counts only for the very instance it was rendered from. */
	private final ConcurrentHashMap<Integer, Rendered> rendered = new ConcurrentHashMap<>();

	DashboardFigures(ITemplateEngine templates) {
		this.templates = templates;
	}

	String html(ProgrammeDashboard dashboard) {
		int key = System.identityHashCode(dashboard);
		Rendered hit = rendered.get(key);
		if (hit != null && hit.dashboard() == dashboard) {
			return hit.html();
		}
		String html = templates.process("insights/dashboard-figures", Set.of("figures"),
				new Context(Locale.UK, Map.of("d", dashboard)));
		if (rendered.size() >= MAX_ENTRIES) {
			rendered.clear();
		}
		rendered.put(key, new Rendered(dashboard, html));
		return html;
	}
}
