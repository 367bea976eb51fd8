package org.guildhall.insights.web;

import java.util.List;

import org.guildhall.insights.FairnessAudit;
import org.guildhall.insights.InsightFilter;
import org.guildhall.insights.Insights;
import org.guildhall.insights.ProgrammeDashboard;
import org.guildhall.insights.internal.Fairness;
import org.guildhall.programmes.MatchingRun;
import org.guildhall.programmes.MatchingRuns;
import org.guildhall.shared.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;

/** The insights pages: programme dashboards (managers, administrators) and one's own figures (everyone). */
@Controller
class InsightsPageController {

	private final Insights insights;
	private final JsonMapper json;
	private final DashboardFigures figures;

	private final Fairness fairness;
	private final MatchingRuns runs;

	InsightsPageController(Insights insights, JsonMapper json, DashboardFigures figures, Fairness fairness, MatchingRuns runs) {
		this.fairness = fairness;
		this.runs = runs;
		this.insights = insights;
		this.json = json;
		this.figures = figures;
	}

	@GetMapping("/insights")
	String dashboard(@RequestParam(required = false) @Nullable Long programme,
			@RequestParam(required = false) @Nullable String cohort, @RequestParam(required = false) @Nullable String department,
			@RequestParam(required = false) @Nullable String location, @RequestParam(required = false) @Nullable Integer level,
			Model model) {
		CurrentUser me = me();
		if (!Insights.mayView(me)) {
			return "redirect:/insights/me";
		}
		InsightFilter filter = InsightFilter.of(programme, cohort, department, location, level);
		model.addAttribute("filter", filter);
		model.addAttribute("programmes", insights.programmes(me));
		model.addAttribute("facets", insights.facets(me));
		ProgrammeDashboard dashboard = insights.dashboard(filter, me);
		model.addAttribute("d", dashboard);
		model.addAttribute("figures", figures.html(dashboard));
		return "insights/dashboard";
	}

	@GetMapping("/insights/outcomes")
	String outcomes(@RequestParam(required = false) @Nullable Long programme, Model model) {
		CurrentUser me = me();
		if (!Insights.mayView(me)) {
			return "redirect:/insights/me";
		}
		var programmes = insights.programmes(me);
		Long chosen = programme;
		if (chosen == null && !me.isAdmin() && !programmes.isEmpty()) {
			chosen = programmes.get(0).id();
		}
		model.addAttribute("programmes", programmes);
		model.addAttribute("programme", chosen);
		model.addAttribute("o", chosen == null && !me.isAdmin() ? null : insights.outcomes(chosen, me).orElse(null));
		return "insights/outcomes";
	}

	@GetMapping("/insights/network")
	String network(@RequestParam(required = false) @Nullable String department, Model model) throws Exception {
		CurrentUser me = me();
		if (!Insights.mayView(me)) {
			return "redirect:/insights/me";
		}
		model.addAttribute("n", insights.network(me).orElse(null));
		model.addAttribute("department", department == null || department.isBlank() ? null : department);
		// "<" escaped so that no name can close the script element the JSON sits in
		model.addAttribute("map", json.writeValueAsString(insights.map(department, me)).replace("<", "\\u003c"));
		return "insights/network";
	}

	@GetMapping("/insights/skills")
	String skills(@RequestParam(required = false) @Nullable Integer below, Model model) {
		CurrentUser me = me();
		if (!Insights.mayView(me)) {
			return "redirect:/insights/me";
		}
		model.addAttribute("s", insights.skills(below, me).orElse(null));
		return "insights/skills";
	}

	@GetMapping("/insights/fairness")
	String fairness(@RequestParam(required = false) @Nullable Long programme, Model model) {
		CurrentUser me = me();
		if (!Insights.mayView(me)) {
			return "redirect:/insights/me";
		}
		var programmes = insights.programmes(me);
		Long chosen = programme != null ? programme : programmes.isEmpty() ? null : programmes.get(0).id();
		model.addAttribute("programmes", programmes);
		model.addAttribute("programme", chosen);
		model.addAttribute("f", chosen == null ? null : insights.fairness(chosen, me));
		return "insights/fairness";
	}

	/**
	 * The audit as a panel for the programme page, beside the run's proposals (loaded there with
	 * htmx): of the latest run, or of the run asked for, so runs with different objectives can be
	 * compared; {@code summary} gives one line (the groups flagged) for a column of the comparison.
	 */
	@GetMapping("/insights/fairness/panel")
	String fairnessPanel(@RequestParam long programme, @RequestParam(required = false) @Nullable Long run,
			@RequestParam(defaultValue = "false") boolean summary, Model model) {
		CurrentUser me = me();
		FairnessAudit audit = insights.fairness(programme, me);
		if (run != null) {
			MatchingRun chosen = runs.run(programme, run, me);
			audit = fairness.ofRun(audit, chosen,
					chosen.state() == MatchingRun.State.DONE ? runs.proposals(programme, run, me) : List.of());
		}
		model.addAttribute("f", audit);
		return summary ? "insights/fairness :: summary" : "insights/fairness :: panel";
	}

	@GetMapping("/insights/me")
	String mine(Model model) {
		CurrentUser me = me();
		model.addAttribute("mayView", Insights.mayView(me));
		model.addAttribute("m", me.personId() == null ? null : insights.mine(me));
		return "insights/me";
	}

	@GetMapping("/reports")
	String reports() {
		return "redirect:/insights";
	}

	@PostMapping("/insights/rebuild")
	String rebuild(RedirectAttributes redirect) {
		long millis = insights.rebuild(me()).toMillis();
		redirect.addFlashAttribute("message", "The insights were rebuilt from the programmes, mentorships, people and community in "
				+ millis + " ms.");
		return "redirect:/insights";
	}

	private static CurrentUser me() {
		return CurrentUser.get().orElseThrow();
	}
}
