package org.guildhall.community;

/**
 * A full-text search result: a person, question, answer or article. {@code link} is the page to
 * open; {@code score} is Lucene's BM25 relevance.
 */
public record SearchHit(Type type, long id, String title, String excerpt, String link, float score) {

	/** What was found. */
	public enum Type {
		PERSON, QUESTION, ANSWER, ARTICLE
	}
}
