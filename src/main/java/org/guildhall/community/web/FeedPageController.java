package org.guildhall.community.web;

import org.guildhall.community.Circles;
import org.guildhall.community.Feed;
import org.guildhall.community.Follows;
import org.guildhall.people.PersonRef;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My feed and what I follow; a person's community page (reputation by topic, badges, follow
 * button, kudos) and its compact form that the kudos section of a profile loads.
 */
@Controller
class FeedPageController {

	private final Feed feed;
	private final Follows follows;
	private final Circles circles;
	private final CommunityProfileSection section;

	FeedPageController(Feed feed, Follows follows, Circles circles, CommunityProfileSection section) {
		this.feed = feed;
		this.follows = follows;
		this.circles = circles;
		this.section = section;
	}

	@GetMapping("/community/feed")
	String feed(@RequestParam(required = false) String before, Model model) {
		CurrentUser me = Pages.me();
		model.addAttribute("feed", feed.page(before, 20, me));
		model.addAttribute("before", before);
		model.addAttribute("following", follows.following(me));
		model.addAttribute("circles", circles.myCircles(me));
		return "community/feed";
	}

	@PostMapping("/community/follows/topics")
	String followTopic(@RequestParam(defaultValue = "") String topic, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		try {
			var followed = follows.followTopic(topic, Pages.me());
			redirect.addFlashAttribute("message", "You follow " + followed.name() + ".");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("error", Problems.messages(e).get(0));
		}
		return "redirect:" + back(back);
	}

	@PostMapping("/community/follows/topics/{skillId}/remove")
	String unfollowTopic(@PathVariable long skillId, @RequestParam(required = false) String back) {
		follows.unfollowTopic(skillId, Pages.me());
		return "redirect:" + back(back);
	}

	@PostMapping("/community/follows/people/{personId}")
	String followPerson(@PathVariable long personId, @RequestParam(required = false) String back,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
		try {
			follows.followPerson(personId, Pages.me());
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("error", Problems.messages(e).get(0));
		}
		if (htmx != null) {
			model.addAttribute("back", back(back));
			return standing(personId, model);
		}
		return "redirect:" + back(back);
	}

	@PostMapping("/community/follows/people/{personId}/remove")
	String unfollowPerson(@PathVariable long personId, @RequestParam(required = false) String back,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		follows.unfollowPerson(personId, Pages.me());
		if (htmx != null) {
			model.addAttribute("back", back(back));
			return standing(personId, model);
		}
		return "redirect:" + back(back);
	}

	/** Only paths inside the community or a profile page: never an address elsewhere. */
	private static String back(String back) {
		if (back != null && (back.startsWith("/community/") || back.matches("/people/\\d{1,18}")) && !back.startsWith("//")
				&& !back.contains("\\") && back.length() <= 200) {
			return back;
		}
		return "/community/feed";
	}

	@GetMapping("/community/people/{id}")
	String person(@PathVariable long id, Model model) {
		CurrentUser me = Pages.me();
		person(id, model, me);
		model.addAllAttributes(section.kudos(id, me));
		model.addAttribute("back", "/community/people/" + id);
		return "community/person";
	}

	/** The standing (follow button, reputation, badges) alone, as htmx swaps it in after a follow. */
	@GetMapping("/community/people/{id}/standing")
	String standing(@PathVariable long id, Model model) {
		person(id, model, Pages.me());
		return "community/person :: standing";
	}

	private void person(long id, Model model, CurrentUser me) {
		PersonRef person = section.person(id).orElseThrow(() -> new NotFoundException("No person with id " + id));
		model.addAllAttributes(section.standing(person, me));
	}
}
