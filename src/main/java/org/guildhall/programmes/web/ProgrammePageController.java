package org.guildhall.programmes.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.guildhall.programmes.Enrolment;
import org.guildhall.programmes.ComparedRun;
import org.guildhall.programmes.EnrolmentRequest;
import org.guildhall.programmes.EnrolmentStatus;
import org.guildhall.programmes.EnrolmentRole;
import org.guildhall.programmes.MatchingMode;
import org.guildhall.programmes.MatchingRun;
import org.guildhall.programmes.MatchingRuns;
import org.guildhall.programmes.MentorRecommendations;
import org.guildhall.programmes.Objectives;
import org.guildhall.programmes.PairRule;
import org.guildhall.programmes.Programme;
import org.guildhall.programmes.ProgrammeFormat;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.programmes.ProgrammeSettings;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Programme pages: the list, the design form, and one programme as a manager or an employee sees it. */
@Controller
class ProgrammePageController {

	private static final int ENROLMENTS_PER_PAGE = 50;
	private static final int PAIRS_PER_PAGE = 50;

	private final ProgrammeManagement programmes;
	private final MatchingRuns runs;
	private final MentorRecommendations recommendations;
	private final Validator validator;

	ProgrammePageController(ProgrammeManagement programmes, MatchingRuns runs, MentorRecommendations recommendations,
			Validator validator) {
		this.programmes = programmes;
		this.runs = runs;
		this.recommendations = recommendations;
		this.validator = validator;
	}

	@GetMapping("/programmes")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		CurrentUser me = me();
		model.addAttribute("programmes", programmes.programmes(me, new PageRequest(page, PageRequest.DEFAULT_SIZE)));
		model.addAttribute("mayCreate", me.isAdmin() || me.hasRole(CurrentUser.PROGRAMME_MANAGER));
		return "programmes/list";
	}

	@GetMapping("/programmes/new")
	String newForm(Model model) {
		requireCreator();
		return form(model, new ProgrammeForm(), null);
	}

	@PostMapping("/programmes/new")
	String create(@ModelAttribute("form") ProgrammeForm form, BindingResult errors, Model model) {
		requireCreator();
		ProgrammeSettings settings = form.toSettings();
		if (!validate(settings, errors)) {
			return form(model, form, null);
		}
		try {
			Programme programme = programmes.create(settings, me());
			return "redirect:/programmes/" + programme.id();
		}
		catch (InvalidInputException e) {
			e.problems().forEach(p -> errors.reject("invalid", p.sentence()));
			return form(model, form, null);
		}
	}

	@GetMapping("/programmes/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		Programme programme = programmes.programme(id, me());
		requireManager(programme);
		return form(model, ProgrammeForm.of(programme), programme);
	}

	@PostMapping("/programmes/{id}/edit")
	String update(@PathVariable long id, @ModelAttribute("form") ProgrammeForm form, BindingResult errors, Model model) {
		Programme programme = programmes.programme(id, me());
		requireManager(programme);
		ProgrammeSettings settings = form.toSettings();
		if (!validate(settings, errors)) {
			return form(model, form, programme);
		}
		try {
			programmes.update(id, settings, form.getVersion(), me());
			return "redirect:/programmes/" + id;
		}
		catch (InvalidInputException e) {
			e.problems().forEach(p -> errors.reject("invalid", p.sentence()));
		}
		catch (ConflictException e) {
			errors.reject("conflict", e.getMessage());
		}
		return form(model, form, programme);
	}

	@GetMapping("/programmes/{id}")
	String show(@PathVariable long id, @RequestParam(defaultValue = "0") int people,
			@RequestParam(defaultValue = "0") int pairs, @RequestParam(required = false) Long run, Model model) {
		CurrentUser me = me();
		Programme programme = programmes.programme(id, me);
		boolean manager = programmes.mayManage(programme, me);
		model.addAttribute("programme", programme);
		model.addAttribute("manager", manager);
		Enrolment mine = me.personId() == null ? null : programmes.enrolmentOf(id, me.personId()).orElse(null);
		model.addAttribute("mine", mine);
		model.addAttribute("acceptsEnrolments", programme.acceptsEnrolments(java.time.LocalDate.now()));
		boolean chooses = mine != null && mine.status() == EnrolmentStatus.ACTIVE && mine.role().learns() && !mine.placed()
				&& MentorRecommendations.open(programme);
		model.addAttribute("recommendations", chooses ? recommendations.forMentee(id, me) : null);
		model.addAttribute("roles", EnrolmentRole.values());
		if (manager) {
			model.addAttribute("enrolments", programmes.enrolments(id, me, new PageRequest(people, ENROLMENTS_PER_PAGE)));
			addRun(model, programme, me, pairs, run);
		}
		return "programmes/show";
	}

	@GetMapping("/programmes/{id}/run")
	String runFragment(@PathVariable long id, @RequestParam(defaultValue = "0") int pairs,
			@RequestParam(required = false) Long run, Model model) {
		Programme programme = programmes.programme(id, me());
		requireManager(programme);
		model.addAttribute("programme", programme);
		addRun(model, programme, me(), pairs, run);
		return "programmes/show :: run";
	}

	/** Moving a mentee: the mentors with a free place who fit them best, to pin one. */
	@GetMapping("/programmes/{id}/move/{menteeId}")
	String move(@PathVariable long id, @PathVariable long menteeId, Model model) {
		Programme programme = programmes.programme(id, me());
		requireManager(programme);
		model.addAttribute("programme", programme);
		model.addAttribute("mentee", programmes.enrolmentOf(id, menteeId).orElseThrow());
		model.addAttribute("alternatives", recommendations.alternatives(id, menteeId, me(), 20));
		return "programmes/move";
	}

	@PostMapping("/programmes/{id}/steps/{step}")
	String advance(@PathVariable long id, @PathVariable String step, RedirectAttributes redirect) {
		try {
			programmes.advance(id, step, me());
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/programmes/" + id;
	}

	@PostMapping("/programmes/{id}/enrol")
	String enrol(@PathVariable long id, @RequestParam(required = false) EnrolmentRole role,
			@RequestParam(defaultValue = "") String goals, @RequestParam(defaultValue = "0") int capacity,
			@RequestParam(required = false) List<String> answers, RedirectAttributes redirect) {
		if (role == null) {
			redirect.addFlashAttribute("error", "Choose whether you join as mentor, mentee or both.");
			return "redirect:/programmes/" + id;
		}
		EnrolmentRequest request = new EnrolmentRequest(role, goals, capacity, answers == null ? List.of() : answers);
		List<String> problems = new ArrayList<>();
		for (ConstraintViolation<EnrolmentRequest> v : validator.validate(request)) {
			problems.add(v.getPropertyPath() + " " + v.getMessage());
		}
		if (problems.isEmpty()) {
			try {
				programmes.enrol(id, request, me());
				redirect.addFlashAttribute("message", "You are enrolled.");
			}
			catch (InvalidInputException e) {
				e.problems().forEach(p -> problems.add(p.sentence()));
			}
			catch (ConflictException e) {
				problems.add(e.getMessage());
			}
		}
		if (!problems.isEmpty()) {
			redirect.addFlashAttribute("error", "Not enrolled: " + String.join("; ", problems) + ".");
		}
		return "redirect:/programmes/" + id;
	}

	@PostMapping("/programmes/{id}/withdraw")
	String withdraw(@PathVariable long id, RedirectAttributes redirect) {
		try {
			programmes.withdraw(id, me());
			redirect.addFlashAttribute("message", "You withdrew from the programme.");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/programmes/" + id;
	}

	@PostMapping("/programmes/{id}/enrolments/{enrolmentId}")
	String decide(@PathVariable long id, @PathVariable long enrolmentId, @RequestParam boolean approve,
			RedirectAttributes redirect) {
		try {
			programmes.decide(id, enrolmentId, approve, me());
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/programmes/" + id;
	}

	@PostMapping("/programmes/{id}/runs")
	String run(@PathVariable long id, @RequestParam(required = false) ProgrammeSettings.ObjectiveChoice objective,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
		try {
			runs.start(id, objective, me());
		}
		catch (ConflictException e) {
			if (htmx != null) {
				model.addAttribute("runError", e.getMessage());
			}
			else {
				redirect.addFlashAttribute("error", e.getMessage());
			}
		}
		if (htmx != null) {
			return runFragment(id, 0, null, model);
		}
		return "redirect:/programmes/" + id;
	}

	/** Publishing asks first, saying how many invitations will go out. */
	@GetMapping("/programmes/{id}/runs/{runId}/publish")
	String confirmPublish(@PathVariable long id, @PathVariable long runId, Model model) {
		Programme programme = programmes.programme(id, me());
		requireManager(programme);
		MatchingRun run = runs.run(id, runId, me());
		model.addAttribute("programme", programme);
		model.addAttribute("run", run);
		model.addAttribute("explanation", Objectives.explain(run.objective()));
		model.addAttribute("invitations", runs.proposals(id, runId, me(), new PageRequest(0, 1)).total());
		return "programmes/publish";
	}

	@PostMapping("/programmes/{id}/runs/{runId}/publish")
	String publish(@PathVariable long id, @PathVariable long runId, @RequestParam(defaultValue = "false") boolean confirmed,
			RedirectAttributes redirect) {
		if (!confirmed) {
			requireManager(programmes.programme(id, me()));
			return "redirect:/programmes/" + id + "/runs/" + runId + "/publish";
		}
		try {
			MatchingRun run = runs.publish(id, runId, me());
			redirect.addFlashAttribute("message", "Published: " + run.publishedPairs()
					+ " mentorship invitations are out, and the programme is running.");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/programmes/" + id + "#matching";
	}

	@PostMapping("/programmes/{id}/rules")
	String rule(@PathVariable long id, @RequestParam long menteeId, @RequestParam long mentorId,
			@RequestParam PairRule.Kind kind, RedirectAttributes redirect) {
		try {
			runs.decide(id, menteeId, mentorId, kind, me());
			redirect.addFlashAttribute("message", kind == PairRule.Kind.PIN ? "Pinned; the next run keeps this pair."
					: "Forbidden; the next run will not propose this pair.");
		}
		catch (InvalidInputException | ConflictException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/programmes/" + id + "#matching";
	}

	@PostMapping("/programmes/{id}/rules/{menteeId}/{mentorId}/forget")
	String forget(@PathVariable long id, @PathVariable long menteeId, @PathVariable long mentorId) {
		runs.forget(id, menteeId, mentorId, me());
		return "redirect:/programmes/" + id + "#matching";
	}

	/**
	 * The newest run (its progress while it goes), the runs on today's enrolments side by side, and
	 * the pairs of one finished run: the one asked for, else the one just published, else the newest.
	 */
	private void addRun(Model model, Programme programme, CurrentUser me, int pairs, Long chosen) {
		MatchingRun latest = runs.latest(programme.id(), me).orElse(null);
		List<ComparedRun> comparison = runs.comparison(programme.id(), me);
		MatchingRun shown = chosen != null ? runs.run(programme.id(), chosen, me) : runs.shown(programme.id(), me).orElse(null);
		model.addAttribute("run", latest);
		model.addAttribute("comparison", comparison);
		model.addAttribute("shown", shown);
		model.addAttribute("shownComparable", shown != null && comparison.stream().anyMatch(c -> c.run().id() == shown.id()));
		model.addAttribute("objectives", ProgrammeSettings.ObjectiveChoice.values());
		model.addAttribute("blockingPair", Objectives.BLOCKING_PAIR);
		model.addAttribute("proposals", shown != null && shown.state() == MatchingRun.State.DONE
				? runs.proposals(programme.id(), shown.id(), me, new PageRequest(pairs, PAIRS_PER_PAGE)) : null);
		model.addAttribute("rules", runs.rules(programme.id(), me));
	}

	private boolean validate(ProgrammeSettings settings, BindingResult errors) {
		for (ConstraintViolation<ProgrammeSettings> violation : validator.validate(settings)) {
			errors.reject("invalid", violation.getPropertyPath() + " " + violation.getMessage());
		}
		return !errors.hasErrors();
	}

	private String form(Model model, ProgrammeForm form, Programme programme) {
		model.addAttribute("form", form);
		model.addAttribute("programme", programme);
		model.addAttribute("formats", ProgrammeFormat.values());
		model.addAttribute("modes", MatchingMode.values());
		model.addAttribute("objectives", ProgrammeSettings.ObjectiveChoice.values());
		model.addAttribute("weightChoices", List.of("0", "1", "2", "3", "4", "5", "must"));
		return "programmes/form";
	}

	private void requireCreator() {
		CurrentUser me = me();
		if (!me.isAdmin() && !me.hasRole(CurrentUser.PROGRAMME_MANAGER)) {
			throw new AccessDeniedException("Only programme managers and administrators create programmes");
		}
	}

	private void requireManager(Programme programme) {
		if (!programmes.mayManage(programme, me())) {
			throw new AccessDeniedException("Only the programme's manager or an administrator may do this");
		}
	}

	private static CurrentUser me() {
		return CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Sign in first"));
	}
}
