package org.guildhall.community;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.guildhall.community.internal.SearchIndex;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Keyword search (Lucene, BM25) over people and live questions, answers and articles. The index
 * follows every change through events and can be rebuilt from the database by an administrator,
 * with progress. Deleted posts and inactive people are never found.
 */
@Service
public class CommunitySearch {

	public static final int MAX_QUERY_LENGTH = 200;
	public static final int MAX_RESULTS = 50;

	private final SearchIndex index;

	CommunitySearch(SearchIndex index) {
		this.index = index;
	}

	/** The best matches for the words, of the given kinds (all kinds when empty), best first. */
	public List<SearchHit> search(String text, Set<SearchHit.Type> types, int limit) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException("q", "is required");
		}
		if (text.length() > MAX_QUERY_LENGTH) {
			throw new InvalidInputException("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
		}
		if (limit < 1 || limit > MAX_RESULTS) {
			throw new InvalidInputException("limit", "must be between 1 and " + MAX_RESULTS);
		}
		Set<SearchHit.Type> kinds = types.isEmpty() ? EnumSet.allOf(SearchHit.Type.class) : types;
		return index.search(text, kinds, limit).stream()
			.map(h -> new SearchHit(h.type(), h.id(), h.title(), h.excerpt(), link(h), h.score()))
			.toList();
	}

	/** How the index is doing: ready, or rebuilding and how far. */
	public IndexStatus status() {
		return index.status();
	}

	/** Rebuilds the index from the database in the background (administrators only). */
	public IndexStatus rebuild(CurrentUser user) {
		if (!user.isAdmin()) {
			throw new AccessDeniedException("Only administrators may rebuild the search index");
		}
		return index.startRebuild();
	}

	static String link(SearchIndex.Hit hit) {
		return switch (hit.type()) {
			case PERSON -> "/people/" + hit.id();
			case QUESTION -> "/community/questions/" + hit.id();
			case ANSWER -> "/community/questions/" + hit.questionId() + "#answer-" + hit.id();
			case ARTICLE -> "/community/articles/" + hit.id();
		};
	}
}
