package org.guildhall.insights.web;

import java.util.List;

import org.guildhall.insights.FairnessAudit;
import org.guildhall.insights.InsightFilter;
import org.guildhall.insights.Insights;
import org.guildhall.insights.LearningNetwork;
import org.guildhall.insights.MyInsights;
import org.guildhall.insights.Outcomes;
import org.guildhall.insights.ProgrammeDashboard;
import org.guildhall.insights.SkillsReport;
import org.guildhall.insights.internal.NetworkMap;
import org.guildhall.shared.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.guildhall.shared.web.AlsoAnswers;
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
	@AlsoAnswers({403, 404})
	@Operation(summary = "The programmes whose figures the caller may see (administrators: all; programme managers: their own)")
	List<ProgrammeDashboard.ProgrammeRef> programmes() {
		return insights.programmes(me());
	}

	@GetMapping("/dashboard")
	@AlsoAnswers({403, 404})
	@Operation(summary = "Programme dashboard: funnel, match rate, time to match, pairs, cadence, goals, satisfaction, "
			+ "early endings and the weekly trend. Without `programme`, all the caller's programmes together. "
			+ "Counts of fewer than 5 people are null.")
	ProgrammeDashboard dashboard(@RequestParam(required = false) @Nullable Long programme,
			@RequestParam(required = false) @Nullable String cohort, @RequestParam(required = false) @Nullable String department,
			@RequestParam(required = false) @Nullable String location, @RequestParam(required = false) @Nullable Integer level) {
		return insights.dashboard(InsightFilter.of(programme, cohort, department, location, level), me());
	}

	@GetMapping("/facets")
	@AlsoAnswers({403, 404})
	@Operation(summary = "The departments, locations, levels and cohorts the dashboard filters offer")
	Insights.Facets facets() {
		return insights.facets(me());
	}

	@GetMapping("/outcomes")
	@AlsoAnswers({403, 404})
	@Operation(summary = "Mentees and mentors against comparable colleagues (same department, level band and tenure band when "
			+ "they started): still here after 6 and 12 months, promoted and moved within 12 months, with 95% Wilson intervals. "
			+ "A comparison, not proof of cause. Without `programme` (administrators), all programmes together.")
	ResponseEntity<Outcomes> outcomes(@RequestParam(required = false) @Nullable Long programme) {
		return ready(insights.outcomes(programme, me()));
	}

	@GetMapping("/network")
	@AlsoAnswers({403, 404})
	@Operation(summary = "The learning network: people connected, isolated, links crossing departments, bridging people and "
			+ "departments, clusters (administrators and programme managers)")
	ResponseEntity<LearningNetwork> network() {
		return ready(insights.network(me()));
	}

	@GetMapping("/network/map")
	@AlsoAnswers({403, 404})
	@Operation(summary = "The network map's nodes and links: departments, or one department's people and who they learn with")
	NetworkMap.Graph map(@RequestParam(required = false) @Nullable String department) {
		return insights.map(department, me());
	}

	@GetMapping("/skills")
	@AlsoAnswers({403, 404})
	@Operation(summary = "Skills at risk (fewer than `below` active people at proficiency 4 or 5, or only people who left) and "
			+ "skills many want to learn and few can teach, overall and per department")
	ResponseEntity<SkillsReport> skills(@RequestParam(required = false) @Nullable Integer below) {
		return ready(insights.skills(below, me()));
	}

	@GetMapping("/fairness")
	@AlsoAnswers({403, 404})
	@Operation(summary = "Fairness audit of a programme's matching: by the mentees' department, location and level, the share "
			+ "matched by the latest run, mean score and early endings, each against the best-served group (flagged under 0.8); "
			+ "how self-select requests crowd onto mentors")
	FairnessAudit fairness(@RequestParam long programme) {
		return insights.fairness(programme, me());
	}

	@GetMapping("/me")
	@AlsoAnswers(404)
	@Operation(summary = "The caller's own figures: their learning links, kudos, goals, and people they could meet")
	MyInsights mine() {
		return insights.mine(me());
	}

	@PostMapping("/rebuild")
	@AlsoAnswers({403, 404})
	@Operation(summary = "Rebuild the read model from the owning modules (administrators)")
	Rebuilt rebuild() {
		return new Rebuilt(insights.rebuild(me()).toMillis());
	}

	/** A record, not a map: the API description then says tookMillis is a number. */
	record Rebuilt(long tookMillis) {
	}

	/** Figures not computed yet (the first seconds after a start or a rebuild): 503 with a time to come back. */
	private static <T> ResponseEntity<T> ready(java.util.Optional<T> figures) {
		// a problem detail like every other error answer (it was an empty body, which the API description does not allow)
		return ResponseEntity.ok(figures.orElseThrow(() -> {
			var notYet = new org.springframework.web.ErrorResponseException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE);
			notYet.getBody().setTitle("Not ready");
			notYet.getBody().setDetail("The figures are being computed; try again in a few seconds.");
			notYet.getHeaders().set(org.springframework.http.HttpHeaders.RETRY_AFTER, "5");
			return notYet;
		}));
	}

	private static CurrentUser me() {
		return CurrentUser.get().orElseThrow();
	}
}
