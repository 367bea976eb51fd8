package org.guildhall.community;

import java.util.List;

/**
 * A search result: a person, question, answer or article. {@code link} is the page to open;
 * {@code score} is the fused rank score (reciprocal rank fusion of keyword and semantic ranks, or
 * BM25 alone when semantic ranking was not used); {@code why} says in words why it is listed.
 */
public record SearchHit(Type type, long id, String title, String excerpt, String link, float score, List<String> why) {

	/** What was found. */
	public enum Type {
		PERSON, QUESTION, ANSWER, ARTICLE
	}
}
