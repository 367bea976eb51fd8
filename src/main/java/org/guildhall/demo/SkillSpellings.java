package org.guildhall.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The other ways people write a skill in an HR export ("k8s", "JS", "Postgres"): every spelling
 * here is an alias in the starter taxonomy, so the generated file exercises alias resolution.
 */
final class SkillSpellings {

	private static final Map<String, List<String>> ALIASES = Map.ofEntries(
			Map.entry("JavaScript", List.of("JS", "ECMAScript")),
			Map.entry("TypeScript", List.of("TS")),
			Map.entry("Go", List.of("Golang")),
			Map.entry("C#", List.of("C sharp", "csharp")),
			Map.entry("C++", List.of("cpp")),
			Map.entry("Python", List.of("Python 3")),
			Map.entry("Spring Boot", List.of("Spring")),
			Map.entry("React", List.of("ReactJS", "React.js")),
			Map.entry("Vue.js", List.of("Vue")),
			Map.entry("Node.js", List.of("NodeJS", "Node")),
			Map.entry(".NET", List.of("dotnet")),
			Map.entry("Kubernetes", List.of("k8s", "kube")),
			Map.entry("Amazon Web Services", List.of("AWS")),
			Map.entry("Microsoft Azure", List.of("Azure")),
			Map.entry("Google Cloud Platform", List.of("GCP", "Google Cloud")),
			Map.entry("CI/CD", List.of("Continuous integration")),
			Map.entry("Site reliability engineering", List.of("SRE")),
			Map.entry("Apache Kafka", List.of("Kafka")),
			Map.entry("PostgreSQL", List.of("Postgres")),
			Map.entry("Machine learning", List.of("ML")),
			Map.entry("Natural language processing", List.of("NLP")),
			Map.entry("Large language models", List.of("LLMs", "Generative AI")),
			Map.entry("Data visualisation", List.of("Data visualization", "Dataviz")),
			Map.entry("Apache Spark", List.of("Spark", "PySpark")),
			Map.entry("Domain-driven design", List.of("DDD")),
			Map.entry("Application security", List.of("AppSec")),
			Map.entry("Threat modelling", List.of("Threat modeling")),
			Map.entry("Penetration testing", List.of("Pentesting")),
			Map.entry("Identity and access management", List.of("IAM")),
			Map.entry("UX design", List.of("UX")),
			Map.entry("User research", List.of("UX research")),
			Map.entry("Accessibility", List.of("a11y")),
			Map.entry("Giving feedback", List.of("Feedback")),
			Map.entry("Hiring and interviewing", List.of("Interviewing")),
			Map.entry("Public speaking", List.of("Presenting")),
			Map.entry("Financial modelling", List.of("Financial modeling")),
			Map.entry("Financial planning and analysis", List.of("FP&A")),
			Map.entry("Excel", List.of("Microsoft Excel")),
			Map.entry("Salesforce", List.of("SFDC")),
			Map.entry("SEO", List.of("Search engine optimization")),
			Map.entry("Recruiting", List.of("Talent acquisition")),
			Map.entry("Learning and development", List.of("L&D")),
			Map.entry("Diversity and inclusion", List.of("DEI")),
			Map.entry("Organisational design", List.of("Org design")),
			Map.entry("Data protection", List.of("GDPR")),
			Map.entry("Employment law", List.of("Labour law")),
			Map.entry("Customer success management", List.of("Customer success")));

	/** Every skill the generator writes, by any spelling it may use (in lower case). */
	private static final Map<String, String> CANONICAL = canonicalNames();

	private SkillSpellings() {
	}

	/** The skill a spelling from a generated file stands for, or the spelling itself if it is no skill the generator writes. */
	static String canonical(String spelling) {
		String skill = CANONICAL.get(spelling.strip().toLowerCase(Locale.ROOT));
		return skill == null ? spelling.strip() : skill;
	}

	private static Map<String, String> canonicalNames() {
		Map<String, String> names = new java.util.HashMap<>();
		List<String> skills = new ArrayList<>(Department.LEADERSHIP);
		skills.addAll(Department.EVERYONE);
		for (Department department : Department.values()) {
			department.specialties().forEach(specialty -> skills.addAll(specialty.skills()));
		}
		skills.addAll(ALIASES.keySet());
		for (String skill : skills) {
			for (String spelling : spellings(skill)) {
				names.put(spelling.toLowerCase(Locale.ROOT), skill);
			}
		}
		return Map.copyOf(names);
	}

	/**
	 * How this person writes the skill: mostly its canonical name, sometimes an alias, now and then
	 * in lower case (lookups ignore case).
	 */
	static String spell(String skill, SplittableRandom random) {
		List<String> aliases = ALIASES.get(skill);
		int roll = random.nextInt(100);
		if (aliases != null && roll < 15) {
			return aliases.get(random.nextInt(aliases.size()));
		}
		if (roll >= 97) {
			return skill.toLowerCase(Locale.ROOT);
		}
		return skill;
	}

	/** Every spelling this class may write for the skill, the canonical name first. */
	static List<String> spellings(String skill) {
		List<String> aliases = ALIASES.getOrDefault(skill, List.of());
		List<String> all = new ArrayList<>(aliases.size() + 2);
		all.add(skill);
		all.add(skill.toLowerCase(Locale.ROOT));
		all.addAll(aliases);
		return all;
	}
}
