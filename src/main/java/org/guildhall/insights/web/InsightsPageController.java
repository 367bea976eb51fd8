package org.guildhall.insights.web;

import org.guildhall.insights.InsightFilter;
import org.guildhall.insights.Insights;
import org.guildhall.shared.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The insights pages: programme dashboards (managers, administrators) and one's own figures (everyone). */
@Controller
class InsightsPageController {

	private final Insights insights;

	InsightsPageController(Insights insights) {
		this.insights = insights;
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
		model.addAttribute("d", insights.dashboard(filter, me));
		return "insights/dashboard";
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
