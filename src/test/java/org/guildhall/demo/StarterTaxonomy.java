package org.guildhall.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guildhall.people.SkillCatalog;

/** The skills and aliases of {@code V4__skill_taxonomy.sql}, read from the migration itself. */
record StarterTaxonomy(String sql, Map<String, String> nameKeys, Map<String, String> aliasKeys,
		Map<String, String> aliasTargets, Map<String, String> categories) {

	static final String RESOURCE = "db/migration/V4__skill_taxonomy.sql";

	private static final String LITERAL = "'((?:[^']|'')*)'";
	private static final Pattern SKILL = Pattern.compile("INSERT INTO skill \\(name, name_key, category, status\\) VALUES \\("
			+ LITERAL + ", " + LITERAL + ", " + LITERAL + ", 'APPROVED'\\);");
	private static final Pattern ALIAS = Pattern.compile("INSERT INTO skill_alias \\(alias_key, alias, skill_id\\) SELECT "
			+ LITERAL + ", " + LITERAL + ", id FROM skill WHERE name_key = " + LITERAL + ";");

	static StarterTaxonomy load() throws IOException {
		String sql;
		try (InputStream in = StarterTaxonomy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is not on the class path");
			}
			sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Map<String, String> nameKeys = new LinkedHashMap<>();
		Map<String, String> aliasKeys = new LinkedHashMap<>();
		Map<String, String> aliasTargets = new HashMap<>();
		Map<String, String> categories = new HashMap<>();
		for (String line : sql.split("\n")) {
			if (line.isBlank() || line.startsWith("--")) {
				continue;
			}
			Matcher skill = SKILL.matcher(line);
			Matcher alias = ALIAS.matcher(line);
			if (skill.matches()) {
				String name = unquote(skill.group(1));
				if (nameKeys.put(name, unquote(skill.group(2))) != null) {
					throw new IllegalStateException("skill listed twice: " + name);
				}
				categories.put(name, unquote(skill.group(3)));
			}
			else if (alias.matches()) {
				String written = unquote(alias.group(2));
				if (aliasKeys.put(written, unquote(alias.group(1))) != null) {
					throw new IllegalStateException("alias listed twice: " + written);
				}
				aliasTargets.put(written, unquote(alias.group(3)));
			}
			else {
				throw new IllegalStateException("statement the test does not understand: " + line);
			}
		}
		return new StarterTaxonomy(sql, nameKeys, aliasKeys, aliasTargets, categories);
	}

	/** Whether a name written in a CSV file resolves to a skill, as the import looks it up. */
	boolean resolves(String written) {
		String key = SkillCatalog.key(written);
		return nameKeys.containsValue(key) || aliasKeys.containsValue(key);
	}

	private static String unquote(String literal) {
		return literal.replace("''", "'");
	}
}
