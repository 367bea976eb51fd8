package org.guildhall.community.web;

import java.util.EnumSet;
import java.util.List;

import org.guildhall.community.CommunitySearch;
import org.guildhall.community.ExpertFinder;
import org.guildhall.community.SearchHit;
import org.guildhall.people.SkillCatalog;
import org.guildhall.shared.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** "Who knows X?", full-text search, and the search index page for administrators. */
@Controller
class FinderPageController {

	private final ExpertFinder experts;
	private final CommunitySearch search;

	private final SkillCatalog skills;

	FinderPageController(ExpertFinder experts, CommunitySearch search, SkillCatalog skills) {
		this.experts = experts;
		this.search = search;
		this.skills = skills;
	}

	@GetMapping("/community/experts")
	String experts(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("q", q);
		if (q != null && !q.isBlank()) {
			try {
				// a misspelt skill ("Kuberentes") is searched as the closest one, and the page says so
				List<String> closest = q.length() <= CommunitySearch.MAX_QUERY_LENGTH ? skills.closest(q, 3) : List.of();
				if (!closest.isEmpty()) {
					model.addAttribute("typed", q.strip());
					model.addAttribute("corrected", closest.get(0));
					model.addAttribute("otherSkills", closest.subList(1, closest.size()));
				}
				var found = experts.find(closest.isEmpty() ? q : closest.get(0), 20);
				model.addAttribute("experts", found.experts());
				model.addAttribute("ranking", found.ranking());
			}
			catch (InvalidInputException e) {
				model.addAttribute("errors", Problems.messages(e));
			}
		}
		return "community/experts";
	}

	@GetMapping("/community/search")
	String search(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("q", q);
		if (q != null && !q.isBlank()) {
			try {
				var found = search.search(q, EnumSet.noneOf(SearchHit.Type.class), 30);
				model.addAttribute("hits", found.hits());
				model.addAttribute("ranking", found.ranking());
				model.addAttribute("semantic", found.semantic());
			}
			catch (InvalidInputException e) {
				model.addAttribute("errors", Problems.messages(e));
			}
		}
		return "community/search";
	}

	@GetMapping("/community/index")
	String index(@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		requireAdmin();
		model.addAttribute("status", search.status());
		return htmx != null ? "community/index :: progress" : "community/index";
	}

	@PostMapping("/community/index/rebuild")
	String rebuild() {
		search.rebuild(Pages.me());
		return "redirect:/community/index";
	}

	private static void requireAdmin() {
		if (!Pages.me().isAdmin()) {
			throw new AccessDeniedException("Only administrators may manage the search index");
		}
	}
}
