package org.guildhall.programmes.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.guildhall.programmes.ComparedRun;
import org.guildhall.programmes.Enrolment;
import org.guildhall.programmes.EnrolmentRequest;
import org.guildhall.programmes.MatchingRun;
import org.guildhall.programmes.MatchingRuns;
import org.guildhall.programmes.MentorRecommendations;
import org.guildhall.programmes.Recommendation;
import org.guildhall.programmes.PairRule;
import org.guildhall.programmes.Programme;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.programmes.ProgrammeSettings;
import org.guildhall.programmes.Proposal;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.NotFoundException;
import org.guildhall.shared.PageRequest;
import org.guildhall.shared.PageResult;
import org.guildhall.shared.web.AlsoAnswers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/programmes")
@Tag(name = "Programmes", description = "Mentoring programmes, enrolment and bulk matching")
@SecurityRequirement(name = "token")
class ProgrammeApiController {

	private final ProgrammeManagement programmes;
	private final MatchingRuns runs;
	private final MentorRecommendations recommendations;

	ProgrammeApiController(ProgrammeManagement programmes, MatchingRuns runs, MentorRecommendations recommendations) {
		this.programmes = programmes;
		this.runs = runs;
		this.recommendations = recommendations;
	}

	@GetMapping
	@Operation(summary = "Programmes visible to the caller, newest first")
	PageResult<Programme> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return programmes.programmes(me(), new PageRequest(page, size));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED) // what the ResponseEntity answers; the API description takes it from here
	@Operation(summary = "Create a programme (programme managers and administrators); it starts as a draft")
	ResponseEntity<Programme> create(@Valid @RequestBody ProgrammeSettings settings) {
		Programme programme = programmes.create(settings, me());
		return ResponseEntity.created(URI.create("/api/v1/programmes/" + programme.id())).body(programme);
	}

	@GetMapping("/{id}")
	Programme get(@PathVariable long id) {
		return programmes.programme(id, me());
	}

	record SettingsUpdate(@Valid @NotNull ProgrammeSettings settings, long version) {
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change the design while the programme is a draft or enrolling; send the version you read")
	Programme update(@PathVariable long id, @Valid @RequestBody SettingsUpdate update) {
		return programmes.update(id, update.settings(), update.version(), me());
	}

	@PostMapping("/{id}/steps/{step}")
	@Operation(summary = "Move the programme on: open-enrolment, close-enrolment, start or close")
	Programme advance(@PathVariable long id, @PathVariable String step) {
		return programmes.advance(id, step, me());
	}

	@PostMapping("/{id}/enrolments")
	@ResponseStatus(HttpStatus.CREATED) // what the ResponseEntity answers; the API description takes it from here
	@Operation(summary = "Enrol the caller as mentor, mentee or both")
	ResponseEntity<Enrolment> enrol(@PathVariable long id, @Valid @RequestBody EnrolmentRequest request) {
		return ResponseEntity.status(201).body(programmes.enrol(id, request, me()));
	}

	@DeleteMapping("/{id}/enrolments/mine")
	@ResponseStatus(HttpStatus.NO_CONTENT) // what the ResponseEntity answers; the API description takes it from here
	@Operation(summary = "Withdraw the caller's enrolment before the programme starts")
	ResponseEntity<Void> withdraw(@PathVariable long id) {
		programmes.withdraw(id, me());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/enrolments")
	@Operation(summary = "Everyone enrolled (programme manager)")
	List<Enrolment> enrolments(@PathVariable long id) {
		return programmes.enrolments(id, me());
	}

	@PostMapping("/{id}/runs")
	@ResponseStatus(HttpStatus.ACCEPTED) // what the ResponseEntity answers; the API description takes it from here
	@Operation(summary = "Start a bulk matching run in the background with an objective (OPTIMAL, FAIR or STABLE; the programme's own when left out); poll the latest run")
	ResponseEntity<MatchingRun> run(@PathVariable long id,
			@RequestParam(required = false) ProgrammeSettings.@org.jspecify.annotations.Nullable ObjectiveChoice objective) {
		return ResponseEntity.accepted().location(URI.create("/api/v1/programmes/" + id + "/runs/latest"))
			.body(runs.start(id, objective, me()));
	}

	@GetMapping("/{id}/runs/latest")
	MatchingRun latest(@PathVariable long id) {
		return runs.latest(id, me()).orElseThrow(() -> new NotFoundException("This programme has no matching run yet"));
	}

	/** One objective's newest run beside the others, as the manager's page compares them. */
	record RunComparison(String objective, String explanation, MatchingRun run, int ranked, int topThree,
			@org.jspecify.annotations.Nullable Double topThreeShare) {

		static RunComparison of(ComparedRun compared) {
			return new RunComparison(compared.run().objective(), compared.explanation(), compared.run(), compared.ranked(),
					compared.topThree(), compared.topThreeShare());
		}
	}

	@GetMapping("/{id}/runs/comparison")
	@Operation(summary = "The newest finished run of each objective on today's enrolments, pins and bans, side by side "
			+ "(matched, mean and lowest score, top-3 share, blocking pairs, rule violations), to choose one to publish "
			+ "(programme manager)")
	List<RunComparison> comparison(@PathVariable long id) {
		return runs.comparison(id, me()).stream().map(RunComparison::of).toList();
	}

	@GetMapping("/{id}/runs/{runId}/proposals")
	@Operation(summary = "The pairs a finished run proposes, with scores and reasons")
	List<Proposal> proposals(@PathVariable long id, @PathVariable long runId) {
		return runs.proposals(id, runId, me());
	}

	record RuleRequest(long menteeId, long mentorId, @NotNull PairRule.Kind kind) {
	}

	@PostMapping("/{id}/runs/{runId}/publish")
	@Operation(summary = "Publish the newest finished run: every pair becomes a mentorship invitation, all or none; a programme in matching starts running")
	MatchingRun publish(@PathVariable long id, @PathVariable long runId) {
		return runs.publish(id, runId, me());
	}

	@GetMapping("/{id}/recommendations")
	@AlsoAnswers(409)
	@Operation(summary = "Mentors recommended to the calling mentee (self-select programmes), best fit first, with reasons and free places; ask one with POST /api/v1/mentorships/requests")
	List<Recommendation> recommendations(@PathVariable long id) {
		return recommendations.forMentee(id, me());
	}

	@GetMapping("/{id}/rules")
	List<PairRule> rules(@PathVariable long id) {
		return runs.rules(id, me());
	}

	@PostMapping("/{id}/rules")
	@ResponseStatus(HttpStatus.NO_CONTENT) // what the ResponseEntity answers; the API description takes it from here
	@Operation(summary = "Pin (PIN) or forbid (FORBID) a pair for later runs; pinning a mentee again moves them")
	ResponseEntity<Void> decide(@PathVariable long id, @Valid @RequestBody RuleRequest rule) {
		runs.decide(id, rule.menteeId(), rule.mentorId(), rule.kind(), me());
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{id}/rules/{menteeId}/{mentorId}")
	@ResponseStatus(HttpStatus.NO_CONTENT) // what the ResponseEntity answers; the API description takes it from here
	ResponseEntity<Void> forget(@PathVariable long id, @PathVariable long menteeId, @PathVariable long mentorId) {
		runs.forget(id, menteeId, mentorId, me());
		return ResponseEntity.noContent().build();
	}

	private static CurrentUser me() {
		return CurrentUser.get().orElseThrow();
	}

}
