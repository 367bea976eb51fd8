package org.guildhall.home.web;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.guildhall.community.QuestionBoard;
import org.guildhall.mentorships.MentorshipManagement;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.people.SkillEntry;
import org.guildhall.programmes.EnrolmentStatus;
import org.guildhall.programmes.Participation;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.programmes.ProgrammeStatus;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard at {@code /}: what needs the person's attention first, then what they might join. */
@Controller
class HomePageController {

	private static final int OPEN_PROGRAMMES = 5;
	private static final int QUESTIONS = 5;

	private final PeopleDirectory people;
	private final ProgrammeManagement programmes;
	private final QuestionBoard questions;
	private final MentorshipManagement mentorships;

	HomePageController(PeopleDirectory people, ProgrammeManagement programmes, QuestionBoard questions,
			MentorshipManagement mentorships) {
		this.people = people;
		this.programmes = programmes;
		this.questions = questions;
		this.mentorships = mentorships;
	}

	@GetMapping("/")
	String home(Model model) {
		CurrentUser me = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Sign in first"));
		model.addAttribute("me", me);
		List<Participation> participation = me.personId() == null ? List.of() : programmes.participation(me.personId());
		Set<Long> enrolled = participation.stream().map(p -> p.programme().id()).collect(Collectors.toSet());
		model.addAttribute("participation", participation);
		model.addAttribute("mentorships", mentorships.mine(me).stream().filter(m -> m.status().live()).toList());
		// once enrolled, "no mentorship yet" is replaced by where each enrolment stands
		model.addAttribute("waiting", participation.stream()
			.filter(p -> p.enrolment().status() == EnrolmentStatus.PENDING_APPROVAL || p.enrolment().status() == EnrolmentStatus.ACTIVE)
			.filter(p -> p.programme().status() != ProgrammeStatus.CLOSED).toList());
		model.addAttribute("zone", "UTC");
		model.addAttribute("openProgrammes", programmes.openForEnrolment(OPEN_PROGRAMMES + enrolled.size()).stream()
			.filter(p -> !enrolled.contains(p.id())).limit(OPEN_PROGRAMMES).toList());
		if (me.personId() != null) {
			var profile = people.profile(me.personId(), me);
			model.addAttribute("profile", profile);
			model.addAttribute("zone", zone(profile.timeZone()));
			String topic = profile.skills().stream().filter(s -> !s.canTeach()).map(SkillEntry::name).findFirst()
				.orElse(profile.skills().isEmpty() ? null : profile.skills().get(0).name());
			var inTopic = questions.questions(null, topic, new PageRequest(0, QUESTIONS)).items();
			model.addAttribute("topic", inTopic.isEmpty() ? null : topic);
			model.addAttribute("questions", inTopic.isEmpty() ? questions.questions(null, null, new PageRequest(0, QUESTIONS)).items()
					: inTopic);
		}
		return "home/dashboard";
	}

	/** The profile's time zone id, or UTC when it is not one Java knows. */
	private static String zone(String id) {
		try {
			return ZoneId.of(id).getId();
		}
		catch (DateTimeException e) {
			return "UTC";
		}
	}
}
