package org.guildhall.people;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits names into lower-case, accent-free words for prefix search ("Zoë O'Brien" → zoe, obrien, o, brien). */
public final class NameTokens {

	public static final int MAX_TOKEN_LENGTH = 100;

	private NameTokens() {
	}

	public static String fold(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
		return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
	}

	public static Set<String> of(String name) {
		Set<String> tokens = new LinkedHashSet<>();
		for (String word : fold(name).split("[\\s,]+")) {
			if (word.isEmpty()) {
				continue;
			}
			String joined = word.replaceAll("[^\\p{L}\\p{N}]", "");
			add(tokens, joined);
			for (String part : word.split("[^\\p{L}\\p{N}]+")) {
				add(tokens, part);
			}
		}
		return tokens;
	}

	/** The words of a search text, each a prefix to look for. */
	public static List<String> queryWords(String text) {
		return java.util.Arrays.stream(fold(text).split("[\\s,]+"))
			.map(word -> word.replaceAll("[^\\p{L}\\p{N}]", ""))
			.filter(word -> !word.isEmpty())
			.map(word -> word.length() > MAX_TOKEN_LENGTH ? word.substring(0, MAX_TOKEN_LENGTH) : word)
			.distinct()
			.limit(5)
			.toList();
	}

	private static void add(Set<String> tokens, String token) {
		if (!token.isEmpty()) {
			tokens.add(token.length() > MAX_TOKEN_LENGTH ? token.substring(0, MAX_TOKEN_LENGTH) : token);
		}
	}
}
