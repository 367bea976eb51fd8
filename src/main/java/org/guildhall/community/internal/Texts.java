package org.guildhall.community.internal;

import java.text.Normalizer;
import java.util.List;

import org.guildhall.shared.InvalidInputException.FieldProblem;
import org.jspecify.annotations.Nullable;

/** Checks user text against the community's length limits, collecting a problem per field. */
public final class Texts {

	public static final int TITLE_MIN = 10;
	public static final int TITLE_MAX = 200;
	public static final int BODY_MAX = 20_000;
	public static final int ARTICLE_MAX = 60_000;
	public static final int COMMENT_MAX = 1_000;
	public static final int KUDOS_MAX = 500;
	public static final int MAX_TOPICS = 5;

	private Texts() {
	}

	/** The stripped, NFC-normalised text, or null after adding a problem when it is missing or out of bounds. */
	public static @Nullable String check(String field, @Nullable String value, int min, int max, List<FieldProblem> problems) {
		String clean = value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFC).strip();
		if (clean.isEmpty()) {
			problems.add(new FieldProblem(field, "is required"));
			return null;
		}
		if (clean.length() < min) {
			problems.add(new FieldProblem(field, "must be at least " + min + " characters"));
			return null;
		}
		if (clean.length() > max) {
			problems.add(new FieldProblem(field, "must be at most " + max + " characters (it has " + clean.length() + ")"));
			return null;
		}
		return clean;
	}
}
