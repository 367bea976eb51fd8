package org.guildhall.matching.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guildhall.matching.engine.Criterion;
import org.guildhall.matching.engine.CriterionWeights;
import org.guildhall.matching.engine.InvalidProblemException;
import org.guildhall.matching.engine.MatchingProblem;
import org.guildhall.matching.engine.MenteeProfile;
import org.guildhall.matching.engine.MentorProfile;
import org.guildhall.matching.engine.SeniorityRule;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a problem file in either documented form (scored pairs or profiles, see
 * {@code docs/matching.md}) and turns every mistake into an {@link InvalidProblemException} that
 * names the entry.
 */
final class ProblemReader {

	/** Largest problem file accepted. */
	static final long MAX_FILE_BYTES = 2L * 1024 * 1024 * 1024;

	private static final Set<String> SCORED_KEYS = Set.of("mentees", "mentors", "pairs", "menteeRankings",
			"mentorRankings", "forbidden", "required", "managers", "candidatesPerMentee");
	private static final Set<String> PROFILE_KEYS = Set.of("mentees", "mentors", "weights", "menteeRankings",
			"mentorRankings", "forbidden", "required", "managers", "candidatesPerMentee", "seniorityRule");
	private static final Set<String> SCORED_MENTEE = Set.of("id", "manager");
	private static final Set<String> SCORED_MENTOR = Set.of("id", "capacity", "manager");
	private static final Set<String> PROFILE_MENTEE = Set.of("id", "goals", "wants", "level", "department",
			"languages", "timeZone", "manager", "prefers");
	private static final Set<String> PROFILE_MENTOR = Set.of("id", "capacity", "expertise", "bio", "skills", "level",
			"department", "languages", "timeZone", "manager", "prefers");

	/** The problem and the K asked for in the file (or {@code null}). */
	record Read(MatchingProblem problem, Integer candidatesPerMentee) {
	}

	private ProblemReader() {
	}

	static Read read(Path file) {
		JsonNode root;
		try {
			if (!Files.isRegularFile(file)) {
				throw new InvalidProblemException("--problem: file '" + file + "' does not exist");
			}
			if (Files.size(file) > MAX_FILE_BYTES) {
				throw new InvalidProblemException("--problem: file '" + file + "' is larger than 2 GiB");
			}
			root = JsonMapper.shared().readTree(file.toFile());
		}
		catch (IOException e) {
			throw new InvalidProblemException("--problem: cannot read '" + file + "': " + e.getMessage());
		}
		catch (JacksonException e) {
			TokenStreamLocation at = e.getLocation();
			String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
			throw new InvalidProblemException("problem: malformed JSON" + where + ": " + e.getOriginalMessage());
		}
		if (root == null || !root.isObject()) {
			throw new InvalidProblemException("problem: the file must hold one JSON object");
		}
		return parse(root);
	}

	static Read parse(JsonNode root) {
		boolean scored = root.has("pairs");
		if (scored && root.has("weights")) {
			throw new InvalidProblemException("problem: give either \"pairs\" (scored form) or \"weights\" with profiles, not both");
		}
		checkKeys(root, scored ? SCORED_KEYS : PROFILE_KEYS, "problem");
		MatchingProblem.Builder builder = MatchingProblem.builder();
		JsonNode mentees = array(root, "mentees", "problem", true);
		JsonNode mentors = array(root, "mentors", "problem", true);
		if (scored) {
			for (int k = 0; k < mentees.size(); k++) {
				String where = "mentees[" + k + "]";
				JsonNode node = object(mentees.get(k), where);
				checkKeys(node, SCORED_MENTEE, where);
				String id = text(node, "id", where, true);
				prefixed(where, () -> builder.mentee(id));
				builder.manager(id, text(node, "manager", where, false));
			}
			for (int k = 0; k < mentors.size(); k++) {
				String where = "mentors[" + k + "]";
				JsonNode node = object(mentors.get(k), where);
				checkKeys(node, SCORED_MENTOR, where);
				String id = text(node, "id", where, true);
				int capacity = integer(node, "capacity", where, null);
				prefixed(where, () -> builder.mentor(id, capacity));
				builder.manager(id, text(node, "manager", where, false));
			}
			JsonNode pairs = array(root, "pairs", "problem", true);
			for (int k = 0; k < pairs.size(); k++) {
				String where = "pairs[" + k + "]";
				JsonNode node = object(pairs.get(k), where);
				checkKeys(node, Set.of("mentee", "mentor", "score"), where);
				String mentee = text(node, "mentee", where, true);
				String mentor = text(node, "mentor", where, true);
				JsonNode score = node.get("score");
				if (score == null || !score.isNumber()) {
					throw new InvalidProblemException(where + " (" + mentee + "–" + mentor + "): score must be a number from 0 to 100");
				}
				prefixed(where, () -> builder.pair(mentee, mentor, score.doubleValue()));
			}
		}
		else {
			builder.profiles(menteeProfiles(mentees), mentorProfiles(mentors), weights(root));
			builder.seniority(seniorityRule(root));
		}
		JsonNode managers = root.get("managers");
		if (managers != null) {
			if (!managers.isObject()) {
				throw new InvalidProblemException("managers: must be an object of person id → manager id");
			}
			for (Map.Entry<String, JsonNode> entry : managers.properties()) {
				if (!entry.getValue().isString() || entry.getValue().stringValue().isBlank()) {
					throw new InvalidProblemException("managers." + entry.getKey() + ": must be a manager id");
				}
				builder.manager(entry.getKey(), entry.getValue().stringValue());
			}
		}
		pairList(root, "forbidden", builder::forbid);
		pairList(root, "required", builder::require);
		rankings(root, "menteeRankings", builder::menteeRanking);
		rankings(root, "mentorRankings", builder::mentorRanking);
		Integer k = null;
		if (root.has("candidatesPerMentee")) {
			k = integer(root, "candidatesPerMentee", "problem", null);
			if (k < 1 || k > 1000) {
				throw new InvalidProblemException("candidatesPerMentee: " + k + " is not from 1 to 1000");
			}
		}
		return new Read(builder.build(), k);
	}

	private interface PairAction {
		void apply(String mentee, String mentor);
	}

	private static void pairList(JsonNode root, String key, PairAction action) {
		JsonNode list = array(root, key, "problem", false);
		if (list == null) {
			return;
		}
		for (int k = 0; k < list.size(); k++) {
			String where = key + "[" + k + "]";
			JsonNode node = object(list.get(k), where);
			checkKeys(node, Set.of("mentee", "mentor"), where);
			String mentee = text(node, "mentee", where, true);
			String mentor = text(node, "mentor", where, true);
			prefixed(where, () -> action.apply(mentee, mentor));
		}
	}

	private interface RankingAction {
		void apply(String owner, List<String> ranked);
	}

	private static void rankings(JsonNode root, String key, RankingAction action) {
		JsonNode node = root.get(key);
		if (node == null) {
			return;
		}
		if (!node.isObject()) {
			throw new InvalidProblemException(key + ": must be an object of id → list of ids");
		}
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			action.apply(entry.getKey(), strings(entry.getValue(), key + "." + entry.getKey()));
		}
	}

	/** Optional: which way seniority looks ("mentorAbove", the default; "menteeAbove"; "sameLevel"). */
	private static SeniorityRule seniorityRule(JsonNode root) {
		String key = text(root, "seniorityRule", "problem", false);
		if (key == null) {
			return SeniorityRule.MENTOR_ABOVE;
		}
		SeniorityRule rule = SeniorityRule.fromKey(key);
		if (rule == null) {
			throw new InvalidProblemException("seniorityRule: '" + key + "' is not a rule (use "
					+ String.join(", ", java.util.Arrays.stream(SeniorityRule.values()).map(SeniorityRule::key).toList()) + ")");
		}
		return rule;
	}

	private static CriterionWeights weights(JsonNode root) {
		JsonNode node = root.get("weights");
		if (node == null) {
			return CriterionWeights.defaults();
		}
		if (!node.isObject()) {
			throw new InvalidProblemException("weights: must be an object of criterion → weight or \"must\"");
		}
		Map<Criterion, Double> weights = new EnumMap<>(Criterion.class);
		List<Criterion> musts = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			Criterion criterion = Criterion.fromKey(entry.getKey());
			if (criterion == null) {
				throw new InvalidProblemException("weights." + entry.getKey()
						+ ": unknown criterion (use skills, goals, seniority, crossDepartment, language, timeZone, preferences)");
			}
			JsonNode value = entry.getValue();
			if (value.isString() && "must".equals(value.stringValue())) {
				musts.add(criterion);
			}
			else if (value.isNumber()) {
				weights.put(criterion, value.doubleValue());
			}
			else {
				throw new InvalidProblemException("weights." + entry.getKey() + ": must be a number or \"must\"");
			}
		}
		CriterionWeights result = CriterionWeights.of(weights);
		for (Criterion criterion : musts) {
			result = result.withMust(criterion);
		}
		return result;
	}

	private static List<MenteeProfile> menteeProfiles(JsonNode mentees) {
		List<MenteeProfile> out = new ArrayList<>();
		for (int k = 0; k < mentees.size(); k++) {
			String where = "mentees[" + k + "]";
			JsonNode node = object(mentees.get(k), where);
			checkKeys(node, PROFILE_MENTEE, where);
			String id = text(node, "id", where, true);
			String at = "mentee '" + id + "'";
			out.add(new MenteeProfile(id, orEmpty(text(node, "goals", at, false)), levels(node, "wants", at),
					integer(node, "level", at, 0), text(node, "department", at, false),
					new LinkedHashSet<>(optionalStrings(node, "languages", at)), text(node, "timeZone", at, false),
					text(node, "manager", at, false), optionalStrings(node, "prefers", at)));
		}
		return out;
	}

	private static List<MentorProfile> mentorProfiles(JsonNode mentors) {
		List<MentorProfile> out = new ArrayList<>();
		for (int k = 0; k < mentors.size(); k++) {
			String where = "mentors[" + k + "]";
			JsonNode node = object(mentors.get(k), where);
			checkKeys(node, PROFILE_MENTOR, where);
			String id = text(node, "id", where, true);
			String at = "mentor '" + id + "'";
			out.add(new MentorProfile(id, integer(node, "capacity", at, null), orEmpty(text(node, "expertise", at, false)),
					orEmpty(text(node, "bio", at, false)), levels(node, "skills", at), integer(node, "level", at, 0),
					text(node, "department", at, false), new LinkedHashSet<>(optionalStrings(node, "languages", at)),
					text(node, "timeZone", at, false), text(node, "manager", at, false),
					optionalStrings(node, "prefers", at)));
		}
		return out;
	}

	private static String orEmpty(String text) {
		return text == null ? "" : text;
	}

	/** A skill map: {"kotlin": 3} or a plain list ["kotlin"] (level 3). */
	private static Map<String, Integer> levels(JsonNode node, String key, String where) {
		JsonNode value = node.get(key);
		Map<String, Integer> out = new LinkedHashMap<>();
		if (value == null || value.isNull()) {
			return out;
		}
		if (value.isArray()) {
			for (String skill : strings(value, where + "." + key)) {
				out.put(skill, 3);
			}
			return out;
		}
		if (!value.isObject()) {
			throw new InvalidProblemException(where + "." + key + ": must be an object of skill → level (1–5)");
		}
		for (Map.Entry<String, JsonNode> entry : value.properties()) {
			if (!entry.getValue().isIntegralNumber()) {
				throw new InvalidProblemException(where + "." + key + "." + entry.getKey() + ": level must be a whole number from 1 to 5");
			}
			out.put(entry.getKey(), entry.getValue().intValue());
		}
		return out;
	}

	private static void prefixed(String where, Runnable action) {
		try {
			action.run();
		}
		catch (InvalidProblemException e) {
			throw new InvalidProblemException(where + ": " + e.getMessage());
		}
	}

	private static void checkKeys(JsonNode node, Set<String> allowed, String where) {
		for (String key : node.propertyNames()) {
			if (!allowed.contains(key)) {
				throw new InvalidProblemException(where + ": unknown field \"" + key + "\"");
			}
		}
	}

	private static JsonNode array(JsonNode node, String key, String where, boolean required) {
		JsonNode value = node.get(key);
		if (value == null || value.isNull()) {
			if (required) {
				throw new InvalidProblemException(where + ": \"" + key + "\" is missing");
			}
			return null;
		}
		if (!value.isArray()) {
			throw new InvalidProblemException(key + ": must be a list");
		}
		return value;
	}

	private static JsonNode object(JsonNode node, String where) {
		if (node == null || !node.isObject()) {
			throw new InvalidProblemException(where + ": must be an object");
		}
		return node;
	}

	private static String text(JsonNode node, String key, String where, boolean required) {
		JsonNode value = node.get(key);
		if (value == null || value.isNull()) {
			if (required) {
				throw new InvalidProblemException(where + ": \"" + key + "\" is missing");
			}
			return null;
		}
		if (!value.isString()) {
			throw new InvalidProblemException(where + ": \"" + key + "\" must be a string");
		}
		return value.stringValue();
	}

	private static int integer(JsonNode node, String key, String where, Integer fallback) {
		JsonNode value = node.get(key);
		if (value == null || value.isNull()) {
			if (fallback == null) {
				throw new InvalidProblemException(where + ": \"" + key + "\" is missing");
			}
			return fallback;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			throw new InvalidProblemException(where + ": \"" + key + "\" must be a whole number, not " + value);
		}
		return value.intValue();
	}

	private static List<String> optionalStrings(JsonNode node, String key, String where) {
		JsonNode value = node.get(key);
		if (value == null || value.isNull()) {
			return List.of();
		}
		return strings(value, where + "." + key);
	}

	private static List<String> strings(JsonNode value, String where) {
		if (!value.isArray()) {
			throw new InvalidProblemException(where + ": must be a list of ids");
		}
		List<String> out = new ArrayList<>();
		for (int k = 0; k < value.size(); k++) {
			JsonNode item = value.get(k);
			if (!item.isString()) {
				throw new InvalidProblemException(where + "[" + k + "]: must be a string");
			}
			out.add(item.stringValue());
		}
		return out;
	}
}
