package org.guildhall.community;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.guildhall.community.internal.SearchIndex;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Search over people and live questions, answers and articles: keyword (Lucene, BM25) and semantic
 * (MiniLM sentence embeddings, nearest neighbours in the index), combined by reciprocal rank
 * fusion: each hit scores {@code Σ 1 / (60 + rank)} over the two rankings it appears in, so
 * "help with container orchestration" finds a Kubernetes article without a shared word while exact
 * words still count. Semantic hits need a cosine similarity of at least {@value #MIN_SIMILARITY}.
 * Until the background embedder has caught up, not every document has a vector; the results say
 * so. The index follows every change through events and can be rebuilt from the database by an
 * administrator, with progress. Deleted posts and inactive people are never found.
 */
@Service
public class CommunitySearch {

	public static final int MAX_QUERY_LENGTH = 200;
	public static final int MAX_RESULTS = 50;
	/** Least cosine similarity for a semantic hit; MiniLM puts unrelated texts at about -0.1 to 0.2, a paraphrase of a topic at 0.2 to 0.6. */
	public static final float MIN_SIMILARITY = 0.3f;
	static final int FUSION_K = 60;
	private static final int DEPTH = 50;

	private final SearchIndex index;

	CommunitySearch(SearchIndex index) {
		this.index = index;
	}

	/** The best matches for the words, of the given kinds (all kinds when empty), best first, each saying why. */
	public SearchResults search(String text, Set<SearchHit.Type> types, int limit) {
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
		float[] query = index.embedQuery(text);
		if (query == null) {
			List<SearchHit> hits = index.explain(text, index.search(text, kinds, limit)).stream()
				.map(h -> new SearchHit(h.type(), h.id(), h.title(), h.excerpt(), link(h), h.score(), List.of(words(h))))
				.toList();
			String failure = index.semanticFailure();
			return new SearchResults(hits, false, "Keyword ranking only (BM25): semantic search is off"
					+ (failure != null ? " (" + failure + ")" : "") + ".");
		}
		List<SearchIndex.Hit> keyword = index.search(text, kinds, Math.max(limit, DEPTH));
		List<SearchIndex.Hit> similar = index.similar(query, kinds, Math.max(limit, DEPTH), MIN_SIMILARITY);
		Map<String, Fused> fused = new LinkedHashMap<>();
		for (int rank = 0; rank < keyword.size(); rank++) {
			SearchIndex.Hit hit = keyword.get(rank);
			Fused f = fused.computeIfAbsent(key(hit), k -> new Fused(hit));
			f.score += 1.0 / (FUSION_K + rank + 1);
			f.keyword = true;
		}
		for (int rank = 0; rank < similar.size(); rank++) {
			SearchIndex.Hit hit = similar.get(rank);
			Fused f = fused.computeIfAbsent(key(hit), k -> new Fused(hit));
			f.score += 1.0 / (FUSION_K + rank + 1);
			f.similarity = hit.score();
		}
		List<Fused> best = fused.values().stream().sorted((a, b) -> Double.compare(b.score, a.score)).limit(limit).toList();
		// where the words matched is worked out only for the keyword hits that are shown
		Map<String, SearchIndex.Hit> explained = new LinkedHashMap<>();
		index.explain(text, best.stream().filter(f -> f.keyword).map(f -> f.hit).toList())
			.forEach(h -> explained.put(key(h), h));
		List<SearchHit> hits = best.stream().map(f -> {
			List<String> why = new ArrayList<>(2);
			if (f.keyword) {
				why.add(words(explained.getOrDefault(key(f.hit), f.hit)));
			}
			if (f.similarity != null) {
				why.add(String.format(Locale.ROOT, "close in meaning (similarity %.2f)", f.similarity));
			}
			return new SearchHit(f.hit.type(), f.hit.id(), f.hit.title(), f.hit.excerpt(), link(f.hit), (float) f.score,
					List.copyOf(why));
		}).toList();
		long waiting = index.awaitingVectors();
		return new SearchResults(hits, true, "Keyword (BM25) and semantic ranking, fused"
				+ (waiting > 0 ? "; " + waiting + " documents still wait for their vectors and are found by keyword only" : "") + ".");
	}

	private static String key(SearchIndex.Hit hit) {
		return hit.type() + ":" + hit.id();
	}

	/** Where the words matched, in plain words. */
	static String words(SearchIndex.Hit hit) {
		List<String> places = new ArrayList<>();
		for (String field : List.of("title", "topics", "body")) {
			if (!hit.fields().contains(field)) {
				continue;
			}
			String place = switch (field) {
				case "title" -> hit.type() == SearchHit.Type.PERSON ? "name or job title" : "title";
				case "topics" -> hit.type() == SearchHit.Type.PERSON ? "skills" : "topics";
				case "body" -> hit.type() == SearchHit.Type.PERSON ? "profile" : "text";
				default -> null;
			};
			if (place != null && !places.contains(place)) {
				places.add(place);
			}
		}
		return places.isEmpty() ? "matches your words" : "your words in the " + String.join(", ", places);
	}

	/** A hit on its way through rank fusion. */
	private static final class Fused {

		final SearchIndex.Hit hit;
		double score;
		boolean keyword;
		@Nullable Float similarity;

		Fused(SearchIndex.Hit hit) {
			this.hit = hit;
		}
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
