package org.guildhall.people.web;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.guildhall.people.Characteristics;
import org.guildhall.people.DirectoryQuery;
import org.guildhall.people.MentoringRole;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.people.PersonErased;
import org.guildhall.people.Profile;
import org.guildhall.people.ProfileSection;
import org.guildhall.people.ProfileUpdate;
import org.guildhall.people.SkillCatalog;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.NotFoundException;
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

/** The directory, profile pages and the profile editor. */
@Controller
class PeoplePageController {

	private static final Set<String> TIME_ZONES = new TreeSet<>(ZoneId.getAvailableZoneIds());

	private final PeopleDirectory directory;
	private final SkillCatalog skills;
	private final Validator validator;
	private final Characteristics characteristics;
	private final List<ProfileSection> sections;

	PeoplePageController(PeopleDirectory directory, SkillCatalog skills, Validator validator, Characteristics characteristics,
			List<ProfileSection> sections) {
		this.directory = directory;
		this.sections = sections.stream().sorted(Comparator.comparingInt(ProfileSection::order)).toList();
		this.characteristics = characteristics;
		this.skills = skills;
		this.validator = validator;
	}

	@GetMapping("/people")
	String directory(@RequestParam(required = false) String q, @RequestParam(required = false) String skill,
			@RequestParam(required = false) String department, @RequestParam(required = false) String location,
			@RequestParam(defaultValue = "false") boolean teachers, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		DirectoryQuery query = new DirectoryQuery(q, skill, department, location, teachers);
		model.addAttribute("query", query);
		// a misspelt skill ("Kuberentes") finds the people of the closest one, and says so
		List<String> closest = skill == null || skill.isBlank() ? List.of() : skills.closest(skill, 3);
		model.addAttribute("typedSkill", closest.isEmpty() ? null : skill.strip());
		model.addAttribute("otherSkills", closest.isEmpty() ? List.of() : closest.subList(1, closest.size()));
		if (!closest.isEmpty()) {
			query = new DirectoryQuery(q, closest.get(0), department, location, teachers);
			model.addAttribute("correctedSkill", closest.get(0));
		}
		model.addAttribute("results", directory.search(query, new PageRequest(page, PageRequest.DEFAULT_SIZE)));
		if (htmx != null) {
			return "people/directory :: results";
		}
		model.addAttribute("facets", directory.facets());
		return "people/directory";
	}

	@GetMapping("/people/{id}")
	String profile(@PathVariable long id, Model model) {
		CurrentUser me = me();
		Profile profile = directory.profile(id, me);
		model.addAttribute("profile", profile);
		model.addAttribute("mine", me.is(id));
		boolean erased = profile.email().equals(PersonErased.erasedEmail(id));
		model.addAttribute("canEdit", (me.is(id) || me.isAdmin()) && !erased);
		model.addAttribute("erasable", me.isAdmin() && !erased);
		// an erased person has nothing left for other modules to show
		model.addAttribute("sections", erased ? List.of() : sections.stream().flatMap(section -> section.part(id, me).stream()).toList());
		return "people/profile";
	}

	@GetMapping("/me")
	String myProfile() {
		CurrentUser me = me();
		if (me.personId() == null) {
			throw new NotFoundException("Your account has no profile in the directory");
		}
		return "redirect:/people/" + me.personId();
	}

	@GetMapping("/people/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		CurrentUser me = me();
		requireEditor(me, id);
		Profile profile = directory.profile(id, me);
		return editor(model, profile, ProfileForm.of(profile));
	}

	@PostMapping("/people/{id}/edit")
	String save(@PathVariable long id, @ModelAttribute("form") ProfileForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		CurrentUser me = me();
		requireEditor(me, id);
		Profile profile = directory.profile(id, me);
		ProfileUpdate update = form.toUpdate();
		for (ConstraintViolation<ProfileUpdate> violation : validator.validate(update)) {
			errors.reject("invalid", new InvalidInputException.FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()).sentence());
		}
		if (!errors.hasErrors()) {
			try {
				directory.updateProfile(id, update, me);
				redirect.addFlashAttribute("message", "Profile saved.");
				return "redirect:/people/" + id;
			}
			catch (InvalidInputException e) {
				e.problems().forEach(p -> errors.reject("invalid", p.sentence()));
			}
			catch (ConflictException e) {
				errors.reject("conflict", e.getMessage());
			}
		}
		return editor(model, profile, form.withBlankRows());
	}

	private String editor(Model model, Profile profile, ProfileForm form) {
		model.addAttribute("profile", profile);
		model.addAttribute("form", form);
		model.addAttribute("roles", MentoringRole.values());
		model.addAttribute("timeZones", TIME_ZONES);
		model.addAttribute("skillNames", skills.search(null, 200).stream().filter(s -> !s.suggested()).toList());
		// only the person sees their own self-reported characteristics (an administrator editing someone does not)
		CurrentUser me = me();
		if (me.is(profile.id())) {
			characteristics.mine(profile.id(), me).ifPresent(mine -> model.addAttribute("characteristics", mine));
		}
		return "people/edit";
	}

	private static void requireEditor(CurrentUser me, long personId) {
		if (!me.is(personId) && !me.isAdmin()) {
			throw new AccessDeniedException("You can only edit your own profile");
		}
	}

	private static CurrentUser me() {
		return CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Sign in first"));
	}

}
