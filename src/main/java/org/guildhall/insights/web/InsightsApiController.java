package org.guildhall.insights.web;

import java.util.List;
import java.util.Map;

import org.guildhall.insights.InsightFilter;
import org.guildhall.insights.Insights;
import org.guildhall.insights.ProgrammeDashboard;
import org.guildhall.shared.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/insights")
@Tag(name = "Insights", description = "Programme dashboards, outcomes, the learning network, skills at risk")
@SecurityRequirement(name = "token")
class InsightsApiController {

	private final Insights insights;

	InsightsApiController(Insights insights) {
		this.insights = insights;
	}

	@GetMapping("/programmes")
	@Operation(summary = "The programmes whose figures the caller may see (administrators: all; programme managers: their own)")
	List<ProgrammeDashboard.ProgrammeRef> programmes() {
		return insights.programmes(me());
	}

	@GetMapping("/dashboard")
	@Operation(summary = "Programme dashboard: funnel, match rate, time to match, pairs, cadence, goals, satisfaction, "
			+ "early endings and the weekly trend. Without `programme`, all the caller's programmes together. "
			+ "Counts of fewer than 5 people are null.")
	ProgrammeDashboard dashboard(@RequestParam(required = false) @Nullable Long programme,
			@RequestParam(required = false) @Nullable String cohort, @RequestParam(required = false) @Nullable String department,
			@RequestParam(required = false) @Nullable String location, @RequestParam(required = false) @Nullable Integer level) {
		return insights.dashboard(InsightFilter.of(programme, cohort, department, location, level), me());
	}

	@GetMapping("/facets")
	@Operation(summary = "The departments, locations, levels and cohorts the dashboard filters offer")
	Insights.Facets facets() {
		return insights.facets(me());
	}

	@PostMapping("/rebuild")
	@Operation(summary = "Rebuild the read model from the owning modules (administrators)")
	Map<String, Object> rebuild() {
		return Map.of("tookMillis", insights.rebuild(me()).toMillis());
	}

	private static CurrentUser me() {
		return CurrentUser.get().orElseThrow();
	}
}
