package org.guildhall.matching.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Guildhall's compatibility score from profiles, compiled into flat arrays so that scoring a pair
 * costs a dot product and a few table look-ups. Each criterion gives a value from 0 to 1; the
 * score is the weighted mean times 100. A "must" criterion at 0 makes the pair not allowed.
 */
final class ProfileScorer {

	private static final int[] NONE = new int[0];

	final int n;
	final int m;
	final int dim;
	final float[] menteeVectors;
	final float[] mentorVectors;
	private final int[] menteeLevel;
	private final int[] mentorLevel;
	private final int[] menteeDepartment;
	private final int[] mentorDepartment;
	private final long[] menteeLanguages;
	private final long[] mentorLanguages;
	private final int languageWords;
	private final int[] menteeZone;
	private final int[] mentorZone;
	private final int[][] wantSkill;
	private final byte[][] wantLevel;
	private final byte[] proficiency;
	private final int skillCount;
	private final long[] menteeLine;
	private final long[] mentorLine;
	private final int[] sameAsMentor;
	final int[][] menteePrefers;
	final int[][] mentorPrefers;
	private final double[] points = new double[Criterion.values().length];
	private final boolean[] must = new boolean[Criterion.values().length];
	private final String[] skillNames;
	private final String[] departmentNames;
	private final String[] languageNames;
	private final MatchingProblem problem;

	// Table-driven float copies of the criteria for the candidate and pricing passes (no
	// divisions, mentor-contiguous skill cells). They give the same values as the exact scorer
	// up to float rounding (far below BOUND_SLACK); exact scores always come from score().
	private final byte[] proficiencyBySkill;
	private final float[][] wantInverse;
	private final float[] wantedInverse;
	private final int zoneCount;
	private final int[] menteeZoneIndex;
	private final int[] mentorZoneIndex;
	private final float[] zoneValue;
	private final float[] pointsF = new float[Criterion.values().length];
	/** Seniority by the mentor's level minus the mentee's, clamped to ±SPAN, at index difference + SPAN. */
	private final SeniorityRule seniorityRule;
	private final double[] seniorityByDifference;
	private final float[] seniorityByDifferenceF;

	ProfileScorer(MatchingProblem problem, float[][] menteeVecs, float[][] mentorVecs) {
		this.problem = problem;
		this.seniorityRule = problem.seniorityRule;
		this.seniorityByDifference = seniorityRule.table();
		this.seniorityByDifferenceF = new float[seniorityByDifference.length];
		for (int k = 0; k < seniorityByDifference.length; k++) {
			seniorityByDifferenceF[k] = (float) seniorityByDifference[k];
		}
		List<MenteeProfile> mentees = problem.menteeProfiles;
		List<MentorProfile> mentors = problem.mentorProfiles;
		this.n = mentees.size();
		this.m = mentors.size();
		int d = 0;
		for (float[] v : menteeVecs) {
			d = Math.max(d, v.length);
		}
		for (float[] v : mentorVecs) {
			d = Math.max(d, v.length);
		}
		this.dim = d;
		this.menteeVectors = flatten(menteeVecs, d, "mentee", problem.menteeIds);
		this.mentorVectors = flatten(mentorVecs, d, "mentor", problem.mentorIds);
		Map<String, Integer> departments = new HashMap<>();
		Map<String, Integer> languages = new HashMap<>();
		Map<String, Integer> skills = new HashMap<>();
		Set<String> sortedLanguages = new TreeSet<>();
		Set<String> sortedSkills = new TreeSet<>();
		Set<String> sortedDepartments = new TreeSet<>();
		for (MenteeProfile p : mentees) {
			sortedLanguages.addAll(p.languages());
			sortedSkills.addAll(p.wants().keySet());
			if (p.department() != null) {
				sortedDepartments.add(p.department());
			}
		}
		for (MentorProfile p : mentors) {
			sortedLanguages.addAll(p.languages());
			sortedSkills.addAll(p.skills().keySet());
			if (p.department() != null) {
				sortedDepartments.add(p.department());
			}
		}
		this.languageNames = intern(sortedLanguages, languages);
		this.skillNames = intern(sortedSkills, skills);
		this.departmentNames = intern(sortedDepartments, departments);
		this.languageWords = Math.max(1, (languageNames.length + 63) / 64);
		this.skillCount = skillNames.length;
		if ((long) skillCount * m > 400_000_000L) {
			throw new InvalidProblemException("skills: " + skillCount + " distinct skills for " + m
					+ " mentors is above the limit of 400 million skill cells");
		}
		menteeLevel = new int[n];
		menteeDepartment = new int[n];
		menteeLanguages = new long[n * languageWords];
		menteeZone = new int[n];
		wantSkill = new int[n][];
		wantLevel = new byte[n][];
		menteeLine = new long[n];
		menteePrefers = new int[n][];
		Map<String, Integer> mentorIndex = new HashMap<>();
		for (int j = 0; j < m; j++) {
			mentorIndex.put(problem.mentorIds[j], j);
		}
		Map<String, Integer> menteeIndex = new HashMap<>();
		for (int i = 0; i < n; i++) {
			menteeIndex.put(problem.menteeIds[i], i);
		}
		sameAsMentor = new int[n];
		for (int i = 0; i < n; i++) {
			MenteeProfile p = mentees.get(i);
			menteeLevel[i] = p.level();
			menteeDepartment[i] = p.department() == null ? -1 : departments.get(p.department());
			for (String language : p.languages()) {
				int bit = languages.get(language);
				menteeLanguages[i * languageWords + bit / 64] |= 1L << (bit % 64);
			}
			menteeZone[i] = TimeZones.offsetMinutes(p.timeZone(), "mentee", p.id());
			String[] wanted = p.wants().keySet().toArray(new String[0]);
			Arrays.sort(wanted);
			wantSkill[i] = new int[wanted.length];
			wantLevel[i] = new byte[wanted.length];
			for (int k = 0; k < wanted.length; k++) {
				wantSkill[i][k] = skills.get(wanted[k]);
				wantLevel[i][k] = (byte) (int) p.wants().get(wanted[k]);
			}
			menteeLine[i] = problem.reportingLines.interval(p.id());
			menteePrefers[i] = p.prefers().isEmpty() ? NONE
					: p.prefers().stream().mapToInt(mentorIndex::get).sorted().distinct().toArray();
			sameAsMentor[i] = mentorIndex.getOrDefault(p.id(), -1);
		}
		mentorLevel = new int[m];
		mentorDepartment = new int[m];
		mentorLanguages = new long[m * languageWords];
		mentorZone = new int[m];
		proficiency = new byte[skillCount * m];
		proficiencyBySkill = new byte[skillCount * m];
		mentorLine = new long[m];
		mentorPrefers = new int[m][];
		for (int j = 0; j < m; j++) {
			MentorProfile p = mentors.get(j);
			mentorLevel[j] = p.level();
			mentorDepartment[j] = p.department() == null ? -1 : departments.get(p.department());
			for (String language : p.languages()) {
				int bit = languages.get(language);
				mentorLanguages[j * languageWords + bit / 64] |= 1L << (bit % 64);
			}
			mentorZone[j] = TimeZones.offsetMinutes(p.timeZone(), "mentor", p.id());
			for (Map.Entry<String, Integer> skill : p.skills().entrySet()) {
				int s = skills.get(skill.getKey());
				proficiency[j * skillCount + s] = (byte) (int) skill.getValue();
				proficiencyBySkill[s * m + j] = (byte) (int) skill.getValue();
			}
			mentorLine[j] = problem.reportingLines.interval(p.id());
			mentorPrefers[j] = p.prefers().isEmpty() ? NONE
					: p.prefers().stream().mapToInt(menteeIndex::get).sorted().distinct().toArray();
		}
		CriterionWeights weights = problem.weights;
		for (Criterion c : Criterion.values()) {
			points[c.ordinal()] = weights.points(c);
			must[c.ordinal()] = weights.isMust(c);
			pointsF[c.ordinal()] = (float) points[c.ordinal()];
		}
		wantInverse = new float[n][];
		wantedInverse = new float[n];
		for (int i = 0; i < n; i++) {
			wantInverse[i] = new float[wantSkill[i].length];
			for (int k = 0; k < wantSkill[i].length; k++) {
				wantInverse[i][k] = 1f / wantLevel[i][k];
			}
			wantedInverse[i] = wantSkill[i].length == 0 ? 0f : 1f / wantSkill[i].length;
		}
		TreeSet<Integer> offsets = new TreeSet<>();
		for (int z : menteeZone) {
			offsets.add(z);
		}
		for (int z : mentorZone) {
			offsets.add(z);
		}
		int[] distinctZones = offsets.stream().mapToInt(Integer::intValue).toArray();
		zoneCount = distinctZones.length;
		zoneValue = new float[zoneCount * zoneCount];
		for (int a = 0; a < zoneCount; a++) {
			for (int b = 0; b < zoneCount; b++) {
				zoneValue[a * zoneCount + b] = (float) (TimeZones.overlapHours(distinctZones[a], distinctZones[b]) / 8.0);
			}
		}
		menteeZoneIndex = new int[n];
		for (int i = 0; i < n; i++) {
			menteeZoneIndex[i] = Arrays.binarySearch(distinctZones, menteeZone[i]) * zoneCount;
		}
		mentorZoneIndex = new int[m];
		for (int j = 0; j < m; j++) {
			mentorZoneIndex[j] = Arrays.binarySearch(distinctZones, mentorZone[j]);
		}
	}

	/** The cheap criteria as per-mentor rows for the SIMD filters of the scoring and pricing passes. */
	BoundTables boundTables() {
		float minus = Float.NEGATIVE_INFINITY;
		BoundTables.Keyed seniority = new BoundTables.Keyed() {
			@Override
			public Object key(int i) {
				return menteeLevel[i];
			}

			@Override
			public float points(int i, int j) {
				float value = seniorityByDifferenceF[seniorityIndex(i, j)];
				return must[2] && value <= 0 ? minus : pointsF[2] * value;
			}

			@Override
			public float most() {
				return pointsF[2];
			}
		};
		BoundTables.Keyed zone = new BoundTables.Keyed() {
			@Override
			public Object key(int i) {
				return menteeZoneIndex[i];
			}

			@Override
			public float points(int i, int j) {
				float value = zoneValue[menteeZoneIndex[i] + mentorZoneIndex[j]];
				return must[5] && value <= 0 ? minus : pointsF[5] * value;
			}

			@Override
			public float most() {
				return pointsF[5];
			}
		};
		BoundTables.Keyed language = new BoundTables.Keyed() {
			@Override
			public Object key(int i) {
				return BoundTables.languageKey(menteeLanguages, i * languageWords, languageWords);
			}

			@Override
			public float points(int i, int j) {
				boolean shared = sharesLanguage(i, j);
				return shared ? pointsF[4] : must[4] ? minus : 0f;
			}

			@Override
			public float most() {
				return pointsF[4];
			}
		};
		float[] skillScale = new float[n];
		for (int i = 0; i < n; i++) {
			skillScale[i] = pointsF[0] * wantedInverse[i];
		}
		return BoundTables.build(n, m, pointsF[1], pointsF[3], pointsF[0], menteeDepartment, mentorDepartment,
				proficiencyBySkill, wantSkill, wantInverse, skillScale, seniority, zone, language);
	}

	/**
	 * The score without preferences from a float similarity, table-driven and in float: equal to
	 * {@link #scoreWithoutPreferences} up to float rounding (a few 1e-5 points). -1 when a hard
	 * rule or a must criterion rules the pair out. For filtering passes only.
	 */
	float fastScoreWithoutPreferences(int i, int j, float similarity) {
		if (sameAsMentor[i] == j || ReportingLines.intervalsShareLine(menteeLine[i], mentorLine[j])) {
			return -1f;
		}
		boolean language = sharesLanguage(i, j);
		if (must[4] && !language) {
			return -1f;
		}
		float goals = similarity > 0 ? similarity : 0f;
		float seniority = seniorityByDifferenceF[seniorityIndex(i, j)];
		int da = menteeDepartment[i];
		int db = mentorDepartment[j];
		float department = da >= 0 && db >= 0 && da != db ? 1f : 0f;
		float zone = zoneValue[menteeZoneIndex[i] + mentorZoneIndex[j]];
		float skills = 0f;
		int[] wanted = wantSkill[i];
		if (wanted.length > 0) {
			float[] inverse = wantInverse[i];
			byte[] levels = wantLevel[i];
			for (int k = 0; k < wanted.length; k++) {
				int have = proficiencyBySkill[wanted[k] * m + j];
				skills += have >= levels[k] ? 1f : have * inverse[k];
			}
			skills *= wantedInverse[i];
		}
		if ((must[0] && skills <= 0) || (must[1] && goals <= 0) || (must[2] && seniority <= 0)
				|| (must[3] && department <= 0) || (must[5] && zone <= 0)) {
			return -1f;
		}
		return pointsF[0] * skills + pointsF[1] * goals + pointsF[2] * seniority + pointsF[3] * department
				+ (language ? pointsF[4] : 0f) + pointsF[5] * zone;
	}

	private static String[] intern(Set<String> sorted, Map<String, Integer> index) {
		String[] names = sorted.toArray(new String[0]);
		for (int k = 0; k < names.length; k++) {
			index.put(names[k], k);
		}
		return names;
	}

	private static float[] flatten(float[][] vectors, int dim, String what, String[] ids) {
		float[] flat = new float[vectors.length * dim];
		for (int k = 0; k < vectors.length; k++) {
			float[] v = vectors[k];
			if (v.length != 0 && v.length != dim) {
				throw new InvalidProblemException(what + " '" + ids[k] + "': vector has " + v.length
						+ " dimensions, expected " + dim);
			}
			System.arraycopy(v, 0, flat, k * dim, v.length);
		}
		return flat;
	}

	/** True when preferences are a must: only asked-for pairs are allowed. */
	boolean onlyPreferredPairs() {
		return must[Criterion.PREFERENCES.ordinal()];
	}

	/** Exact dot product of a mentee's and a mentor's vector, in double precision. */
	double similarity(int i, int j) {
		double sum = 0;
		int a = i * dim;
		int b = j * dim;
		for (int k = 0; k < dim; k++) {
			sum += (double) menteeVectors[a + k] * mentorVectors[b + k];
		}
		return sum;
	}

	/** The exact score of a pair, or -1 when a hard rule or a must criterion rules it out. */
	double score(int i, int j) {
		double base = scoreWithoutPreferences(i, j, similarity(i, j));
		if (base < 0) {
			return base;
		}
		double preference = preference(i, j);
		if (must[Criterion.PREFERENCES.ordinal()] && preference == 0) {
			return -1;
		}
		return Math.min(100, base + points[Criterion.PREFERENCES.ordinal()] * preference);
	}

	/** The weighted score ignoring hard rules and musts (for pairs the input requires). */
	double rawScore(int i, int j) {
		double[] values = values(i, j);
		double sum = 0;
		for (int c = 0; c < values.length; c++) {
			sum += points[c] * values[c];
		}
		return Math.min(100, sum);
	}

	/** Whether a pair is allowed by the hard rules and the must criteria. */
	boolean allowed(int i, int j) {
		return score(i, j) >= 0 && !problem.forbidden.contains(MatchingProblem.pack(i, j));
	}

	double preference(int i, int j) {
		double value = 0;
		if (Arrays.binarySearch(menteePrefers[i], j) >= 0) {
			value += 0.5;
		}
		if (Arrays.binarySearch(mentorPrefers[j], i) >= 0) {
			value += 0.5;
		}
		return value;
	}

	/**
	 * The score without the preferences criterion (which is sparse and handled separately),
	 * given the similarity; -1 when not allowed. Used both by the fast candidate kernel (with a
	 * float similarity) and by exact scoring.
	 */
	double scoreWithoutPreferences(int i, int j, double similarity) {
		if (sameAsMentor[i] == j || ReportingLines.intervalsShareLine(menteeLine[i], mentorLine[j])) {
			return -1;
		}
		double goals = similarity > 0 ? similarity : 0;
		double skills = skills(i, j);
		double seniority = seniority(i, j);
		double department = crossDepartment(i, j);
		double language = sharesLanguage(i, j) ? 1 : 0;
		double zone = TimeZones.overlapHours(menteeZone[i], mentorZone[j]) / 8.0;
		if ((must[0] && skills <= 0) || (must[1] && goals <= 0) || (must[2] && seniority <= 0)
				|| (must[3] && department <= 0) || (must[4] && language <= 0) || (must[5] && zone <= 0)) {
			return -1;
		}
		return points[0] * skills + points[1] * goals + points[2] * seniority + points[3] * department
				+ points[4] * language + points[5] * zone;
	}

	private double skills(int i, int j) {
		int[] wanted = wantSkill[i];
		if (wanted.length == 0) {
			return 0;
		}
		byte[] levels = wantLevel[i];
		int base = j * skillCount;
		double sum = 0;
		for (int k = 0; k < wanted.length; k++) {
			int have = proficiency[base + wanted[k]];
			sum += have >= levels[k] ? 1.0 : have / (double) levels[k];
		}
		return sum / wanted.length;
	}

	private double seniority(int i, int j) {
		return seniorityByDifference[seniorityIndex(i, j)];
	}

	/** The mentor's level minus the mentee's, clamped to ±SPAN and shifted to a table index. */
	private int seniorityIndex(int i, int j) {
		int difference = mentorLevel[j] - menteeLevel[i];
		int span = SeniorityRule.SPAN;
		return (difference < -span ? -span : difference > span ? span : difference) + span;
	}

	private double crossDepartment(int i, int j) {
		int a = menteeDepartment[i];
		int b = mentorDepartment[j];
		return a >= 0 && b >= 0 && a != b ? 1 : 0;
	}

	private boolean sharesLanguage(int i, int j) {
		for (int w = 0; w < languageWords; w++) {
			if ((menteeLanguages[i * languageWords + w] & mentorLanguages[j * languageWords + w]) != 0) {
				return true;
			}
		}
		return false;
	}

	/** Each criterion's value (0–100) for a pair, in criterion order, for the result file. */
	Map<String, Double> criteria(int i, int j) {
		Map<String, Double> out = new LinkedHashMap<>();
		double[] values = values(i, j);
		for (Criterion c : Criterion.values()) {
			out.put(c.key(), Math.round(values[c.ordinal()] * 1000) / 10.0);
		}
		return out;
	}

	private double[] values(int i, int j) {
		double similarity = similarity(i, j);
		return new double[] { skills(i, j), similarity > 0 ? similarity : 0, seniority(i, j), crossDepartment(i, j),
				sharesLanguage(i, j) ? 1 : 0, TimeZones.overlapHours(menteeZone[i], mentorZone[j]) / 8.0,
				preference(i, j) };
	}

	/** The two or three strongest reasons for a pair, in words a mentee understands. */
	List<String> reasons(int i, int j) {
		double[] values = values(i, j);
		List<Criterion> order = new ArrayList<>(List.of(Criterion.values()));
		order.sort(Comparator.comparingDouble((Criterion c) -> -points[c.ordinal()] * values[c.ordinal()])
				.thenComparing(Criterion::ordinal));
		List<String> reasons = new ArrayList<>();
		for (Criterion c : order) {
			double value = values[c.ordinal()];
			if (reasons.size() == 3 || points[c.ordinal()] == 0 || value < 0.25) {
				continue;
			}
			reasons.add(reason(c, i, j, value));
		}
		if (reasons.size() < 2 && sharesLanguage(i, j)) {
			reasons.add("You both speak " + commonLanguage(i, j));
		}
		if (reasons.isEmpty()) {
			reasons.add("The best available mentor within the matching rules");
		}
		return reasons;
	}

	private String reason(Criterion c, int i, int j, double value) {
		switch (c) {
			case SKILLS: {
				List<String> taught = new ArrayList<>();
				int[] wanted = wantSkill[i];
				for (int k = 0; k < wanted.length; k++) {
					if (proficiency[j * skillCount + wanted[k]] >= wantLevel[i][k]) {
						taught.add(skillNames[wanted[k]]);
					}
				}
				if (taught.isEmpty()) {
					return "Knows some of the skills you want to learn";
				}
				return "Can teach " + taught.size() + " of the " + wanted.length + " skills you want to learn ("
						+ String.join(", ", taught.subList(0, Math.min(3, taught.size()))) + ")";
			}
			case GOALS:
				return value >= 0.6 ? "Their expertise closely matches your goals"
						: "Their expertise is related to your goals";
			case SENIORITY:
				return seniorityRule.reason(mentorLevel[j] - menteeLevel[i]);
			case CROSS_DEPARTMENT:
				return "Works in another department (" + departmentNames[mentorDepartment[j]]
						+ "), which widens your network";
			case LANGUAGE:
				return "You both speak " + commonLanguage(i, j);
			case TIME_ZONE: {
				double hours = value * 8;
				return hours >= 8 ? "You work the same hours"
						: String.format(Locale.ROOT, "Your working hours overlap by %.0f hours", Math.floor(hours));
			}
			case PREFERENCES:
				return value >= 1 ? "You asked for each other"
						: Arrays.binarySearch(menteePrefers[i], j) >= 0 ? "You asked for this mentor"
								: "This mentor asked to mentor you";
			default:
				throw new IllegalStateException(c.name());
		}
	}

	private String commonLanguage(int i, int j) {
		for (int bit = 0; bit < languageNames.length; bit++) {
			long mask = 1L << (bit % 64);
			if ((menteeLanguages[i * languageWords + bit / 64] & mask) != 0
					&& (mentorLanguages[j * languageWords + bit / 64] & mask) != 0) {
				return languageNames[bit];
			}
		}
		return "a language";
	}
}
