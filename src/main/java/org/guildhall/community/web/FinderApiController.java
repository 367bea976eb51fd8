package org.guildhall.community.web;

import java.util.EnumSet;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.guildhall.community.CommunitySearch;
import org.guildhall.community.ExpertResults;
import org.guildhall.community.ExpertFinder;
import org.guildhall.community.IndexStatus;
import org.guildhall.community.SearchHit;
import org.guildhall.community.SearchResults;
import org.guildhall.shared.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The expert finder and keyword search; rebuilding the index is for administrators. */
@RestController
@RequestMapping("/api/v1/community")
@Tag(name = "Community search", description = "Who knows X, full-text search, the search index")
@SecurityRequirement(name = "token")
class FinderApiController {

	private final ExpertFinder experts;
	private final CommunitySearch search;

	FinderApiController(ExpertFinder experts, CommunitySearch search) {
		this.experts = experts;
		this.search = search;
	}

	@GetMapping("/experts")
	@Operation(summary = "Who knows X? People ranked by evidence (declared skill, answers, votes, articles, kudos, mentoring given, keyword and semantic matches), each with reasons; says whether semantic evidence was used")
	ExpertResults experts(@RequestParam(required = false) String q, @RequestParam(defaultValue = "10") int limit) {
		return experts.find(q, limit);
	}

	@GetMapping("/search")
	@Operation(summary = "Keyword (BM25) and semantic search over people, questions, answers and articles, fused by rank; each hit says why; type may be repeated to narrow it")
	SearchResults search(@RequestParam(required = false) String q, @RequestParam(required = false) Set<SearchHit.Type> type,
			@RequestParam(defaultValue = "20") int limit) {
		// "?type=" or "?type=%20" binds as a null element: it narrows nothing (it was a NullPointerException, 500)
		EnumSet<SearchHit.Type> types = EnumSet.noneOf(SearchHit.Type.class);
		if (type != null) {
			type.stream().filter(java.util.Objects::nonNull).forEach(types::add);
		}
		return search.search(q, types, limit);
	}

	@GetMapping("/search/index")
	@Operation(summary = "The state of the search index: progress of a rebuild, and how many documents have vectors for semantic search")
	IndexStatus index() {
		return search.status();
	}

	@PostMapping("/search/index/rebuild")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Rebuild the search index from the database in the background (administrators)")
	IndexStatus rebuild() {
		return search.rebuild(CurrentUser.get().orElseThrow());
	}
}
