package org.guildhall.matching.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cheap criteria of every pair laid out for the SIMD filters of the scoring and pricing passes:
 * for each distinct value of a mentee attribute (level, time zone, language set) one row of points
 * over the mentors, the mentors' departments as floats, and the skill proficiencies skill-major,
 * so that the score of one mentee against a run of consecutive mentors is a few vector loads and
 * adds after the dot products.
 *
 * <p>A bound from these tables ({@link SimilarityKernel#bounds}) is never below the float score
 * {@link ProfileScorer#fastScoreWithoutPreferences} of the pair and equals it up to float rounding
 * and {@link #MARGIN}, except that hard rules (reporting lines, the mentee being the mentor) and the
 * "must" of skills, goals and cross-department are left to that exact check: the tables only ever
 * make a pair look better than it is, never worse.
 *
 * <p>Columns are mentor positions: the mentors themselves ({@link #columns} = m) or, after
 * {@link #compact}, a chosen subset of them in order.
 */
final class BoundTables {

	/** Above any difference float summation order makes (a few 1e-5 points). */
	static final float MARGIN = 1e-3f;

	/** Distinct values of one attribute above which its row is replaced by its most points. */
	private static final int MAX_DISTINCT = 512;

	/**
	 * Wanted skills × mentors (floats) above which skills are bounded by their most points instead
	 * of read per mentor (128 MiB).
	 */
	private static final long MAX_SKILL_CELLS = 32L << 20;

	final int columns;
	final float goalsPoints;
	final float departmentPoints;
	/** Per column: the mentor's department index as a float, -1 for none. */
	final float[] mentorDepartment;
	/**
	 * Per wanted skill (a slot: a skill at least one mentee wants) and column
	 * ({@code slot * columns + column}): the mentor's proficiency, 0 for none; null when there
	 * would be more than {@link #MAX_SKILL_CELLS} cells.
	 */
	final float[] proficiency;
	private final float skillsPoints;
	private final int[][] wantSlot;

	private final float[][] seniorityRows;
	private final int[] seniorityOf;
	private final float[][] zoneRows;
	private final int[] zoneOf;
	private final float[][] languageRows;
	private final int[] languageOf;
	private final float[] menteeDepartment;
	private final float[][] wantInverse;
	private final float[] skillScale;
	/** Whether some row of the criterion rules out some mentor (a must that fails somewhere). */
	private final boolean rulesSeniority;
	private final boolean rulesZone;
	private final boolean rulesLanguage;

	private BoundTables(int columns, float goalsPoints, float departmentPoints, float[] mentorDepartment,
			float[] proficiency, float skillsPoints, int[][] wantSlot, float[][] seniorityRows, int[] seniorityOf, float[][] zoneRows, int[] zoneOf,
			float[][] languageRows, int[] languageOf, float[] menteeDepartment, float[][] wantInverse,
			float[] skillScale) {
		this.columns = columns;
		this.goalsPoints = goalsPoints;
		this.departmentPoints = departmentPoints;
		this.mentorDepartment = mentorDepartment;
		this.proficiency = proficiency;
		this.skillsPoints = skillsPoints;
		this.wantSlot = wantSlot;
		this.seniorityRows = seniorityRows;
		this.seniorityOf = seniorityOf;
		this.zoneRows = zoneRows;
		this.zoneOf = zoneOf;
		this.languageRows = languageRows;
		this.languageOf = languageOf;
		this.menteeDepartment = menteeDepartment;
		this.wantInverse = wantInverse;
		this.skillScale = skillScale;
		this.rulesSeniority = rules(seniorityRows);
		this.rulesZone = rules(zoneRows);
		this.rulesLanguage = rules(languageRows);
	}

	/** One mentee's view of the tables, filled by {@link #row}; reused across mentees. */
	static final class Row {

		float[] seniority;
		float[] zone;
		float[] language;
		/** The mentee's department index, -1 for none. */
		float department;
		/** {@code slot * columns} for each skill the mentee wants. */
		int[] skillOffsets = new int[0];
		/** Added to every bound: the margin, and the skills' most points when they are not read per mentor. */
		float constant;
		float[] skillInverse;
		/** Skills points divided by the number of wanted skills. */
		float skillScale;
		int skills;
	}

	/** Points the mentee's attributes give against each column, as {@code row}. */
	void row(int mentee, Row row) {
		row.seniority = seniorityRows[seniorityOf[mentee]];
		row.zone = zoneRows[zoneOf[mentee]];
		row.language = languageRows[languageOf[mentee]];
		row.department = menteeDepartment[mentee];
		int[] wanted = wantSlot[mentee];
		if (row.skillOffsets.length < wanted.length) {
			row.skillOffsets = new int[wanted.length];
		}
		for (int k = 0; k < wanted.length; k++) {
			row.skillOffsets[k] = wanted[k] * columns;
		}
		boolean read = proficiency != null;
		row.skills = read ? wanted.length : 0;
		row.constant = MARGIN + (read || wanted.length == 0 ? 0f : skillsPoints);
		row.skillInverse = wantInverse[mentee];
		row.skillScale = skillScale[mentee];
	}

	/** The same tables over the given mentors only, in the given order. */
	BoundTables compact(int[] mentors) {
		int count = mentors.length;
		float[] compactProficiency = null;
		if (proficiency != null) {
			int slots = proficiency.length / Math.max(1, columns);
			compactProficiency = new float[slots * count];
			for (int s = 0; s < slots; s++) {
				for (int p = 0; p < count; p++) {
					compactProficiency[s * count + p] = proficiency[s * columns + mentors[p]];
				}
			}
		}
		return new BoundTables(count, goalsPoints, departmentPoints, gather(mentorDepartment, mentors),
				compactProficiency, skillsPoints, wantSlot, gatherRows(seniorityRows, mentors), seniorityOf, gatherRows(zoneRows, mentors),
				zoneOf, gatherRows(languageRows, mentors), languageOf, menteeDepartment, wantInverse, skillScale);
	}

	/**
	 * The mentors in an order that puts together those the same musts rule out: by which rows
	 * (kinds of mentee) of seniority, time zone and language leave them allowed, then by
	 * {@code then} (when not null), then by index, so that a tile of consecutive columns is, for most
	 * mentees, either wholly ruled out or not.
	 */
	int[] mentorOrder(int[] then) {
		float[][][] ruling = rulingCriteria();
		int bits = 0;
		for (float[][] rows : ruling) {
			bits += rows.length;
		}
		long[][] allowedBy = new long[columns][];
		for (int p = 0; p < columns; p++) {
			long[] signature = new long[(bits + 63) / 64];
			int bit = 0;
			for (float[][] rows : ruling) {
				for (float[] row : rows) {
					if (row[p] != Float.NEGATIVE_INFINITY) {
						signature[bit >>> 6] |= 1L << bit;
					}
					bit++;
				}
			}
			allowedBy[p] = signature;
		}
		return java.util.stream.IntStream.range(0, columns)
			.boxed()
			.sorted((a, b) -> {
				int bySignature = Arrays.compareUnsigned(allowedBy[a], allowedBy[b]);
				if (bySignature != 0) {
					return bySignature;
				}
				int byThen = then == null ? 0 : Integer.compare(then[a], then[b]);
				return byThen != 0 ? byThen : Integer.compare(a, b);
			})
			.mapToInt(Integer::intValue)
			.toArray();
	}

	/**
	 * A key per mentee that is equal for mentees the musts treat alike (the same rows of seniority,
	 * time zone and language where some row rules mentors out), for ordering mentees into blocks.
	 */
	long mustKey(int mentee) {
		long key = 0;
		if (rulesSeniority) {
			key = key * MAX_DISTINCT + seniorityOf[mentee];
		}
		if (rulesZone) {
			key = key * MAX_DISTINCT + zoneOf[mentee];
		}
		if (rulesLanguage) {
			key = key * MAX_DISTINCT + languageOf[mentee];
		}
		return key;
	}

	/**
	 * For columns laid out in tiles of {@code width}: which tiles the musts rule out wholly for a
	 * mentee. Null when no row rules out any mentor.
	 */
	MustTiles mustTiles(int width) {
		List<int[]> rowOf = new java.util.ArrayList<>();
		List<long[]> allowed = new java.util.ArrayList<>();
		List<Integer> words = new java.util.ArrayList<>();
		int tiles = (columns + width - 1) / width;
		for (float[][] rows : rulingCriteria()) {
			int perTile = (rows.length + 63) / 64;
			long[] bits = new long[tiles * perTile];
			for (int r = 0; r < rows.length; r++) {
				for (int p = 0; p < columns; p++) {
					if (rows[r][p] != Float.NEGATIVE_INFINITY) {
						bits[(p / width) * perTile + (r >>> 6)] |= 1L << r;
					}
				}
			}
			rowOf.add(rows == seniorityRows ? seniorityOf : rows == zoneRows ? zoneOf : languageOf);
			allowed.add(bits);
			words.add(perTile);
		}
		if (rowOf.isEmpty()) {
			return null;
		}
		return new MustTiles(rowOf.toArray(int[][]::new), allowed.toArray(long[][]::new),
				words.stream().mapToInt(Integer::intValue).toArray());
	}

	/** The criteria (as rows) of which some row rules out some mentor. */
	private float[][][] rulingCriteria() {
		List<float[][]> ruling = new java.util.ArrayList<>();
		if (rulesSeniority) {
			ruling.add(seniorityRows);
		}
		if (rulesZone) {
			ruling.add(zoneRows);
		}
		if (rulesLanguage) {
			ruling.add(languageRows);
		}
		return ruling.toArray(float[][][]::new);
	}

	private static boolean rules(float[][] rows) {
		for (float[] row : rows) {
			for (float value : row) {
				if (value == Float.NEGATIVE_INFINITY) {
					return true;
				}
			}
		}
		return false;
	}

	/** Tiles of columns that a must rules out wholly for a mentee: see {@link #mustTiles}. */
	static final class MustTiles {

		/** Per ruling criterion: the mentee's row. */
		private final int[][] rowOf;
		/** Per ruling criterion: per tile, the rows that allow some column of it, as bits. */
		private final long[][] allowed;
		private final int[] words;

		private MustTiles(int[][] rowOf, long[][] allowed, int[] words) {
			this.rowOf = rowOf;
			this.allowed = allowed;
			this.words = words;
		}

		/** Whether every pair of the mentee with the tile's mentors fails a must. */
		boolean ruledOut(int mentee, int tile) {
			for (int c = 0; c < rowOf.length; c++) {
				int row = rowOf[c][mentee];
				if ((allowed[c][tile * words[c] + (row >>> 6)] & (1L << row)) == 0) {
					return true;
				}
			}
			return false;
		}
	}

	/** Gathers {@code values} at the given positions. */
	static float[] gather(float[] values, int[] positions) {
		float[] out = new float[positions.length];
		for (int p = 0; p < positions.length; p++) {
			out[p] = values[positions[p]];
		}
		return out;
	}

	private static float[][] gatherRows(float[][] rows, int[] positions) {
		float[][] out = new float[rows.length][];
		for (int r = 0; r < rows.length; r++) {
			out[r] = gather(rows[r], positions);
		}
		return out;
	}

	/**
	 * Builds the tables from the scorer's compiled profiles.
	 *
	 * @param seniority per mentee and mentor: the seniority points (with -∞ where a must fails)
	 * @param zone per mentee and mentor: the time-zone points (with -∞ where a must fails)
	 * @param language per mentee and mentor: the language points (with -∞ where a must fails)
	 */
	static BoundTables build(int n, int m, float goalsPoints, float departmentPoints, float skillsPoints,
			int[] menteeDepartment, int[] mentorDepartment, byte[] proficiencyBySkill, int[][] wantSkill,
			float[][] wantInverse, float[] skillScale, Keyed seniority, Keyed zone, Keyed language) {
		// Slots for the skills some mentee wants, in skill order; only those are read per mentor.
		int skillCount = proficiencyBySkill.length / Math.max(1, m);
		boolean[] wantedByAny = new boolean[skillCount];
		for (int[] wanted : wantSkill) {
			for (int skill : wanted) {
				wantedByAny[skill] = true;
			}
		}
		int[] slotOf = new int[skillCount];
		int slots = 0;
		for (int skill = 0; skill < skillCount; skill++) {
			slotOf[skill] = wantedByAny[skill] ? slots++ : -1;
		}
		int[][] wantSlot = new int[n][];
		for (int i = 0; i < n; i++) {
			wantSlot[i] = new int[wantSkill[i].length];
			for (int k = 0; k < wantSkill[i].length; k++) {
				wantSlot[i][k] = slotOf[wantSkill[i][k]];
			}
		}
		float[] proficiency = null;
		if ((long) slots * m <= MAX_SKILL_CELLS) {
			proficiency = new float[slots * m];
			for (int skill = 0; skill < skillCount; skill++) {
				if (slotOf[skill] >= 0) {
					for (int j = 0; j < m; j++) {
						proficiency[slotOf[skill] * m + j] = proficiencyBySkill[skill * m + j];
					}
				}
			}
		}
		int[] seniorityOf = new int[n];
		float[][] seniorityRows = rows(n, m, seniority, seniorityOf);
		int[] zoneOf = new int[n];
		float[][] zoneRows = rows(n, m, zone, zoneOf);
		int[] languageOf = new int[n];
		float[][] languageRows = rows(n, m, language, languageOf);
		float[] menteeDept = new float[n];
		for (int i = 0; i < n; i++) {
			menteeDept[i] = menteeDepartment[i];
		}
		float[] mentorDept = new float[m];
		for (int j = 0; j < m; j++) {
			mentorDept[j] = mentorDepartment[j];
		}
		return new BoundTables(m, goalsPoints, departmentPoints, mentorDept, proficiency, skillsPoints, wantSlot,
				seniorityRows,
				seniorityOf, zoneRows, zoneOf, languageRows, languageOf, menteeDept, wantInverse, skillScale);
	}

	/**
	 * One criterion's points as a function of a mentee key (mentees with equal keys get equal points
	 * against every mentor).
	 */
	interface Keyed {

		/** A key for the mentee's attribute; equal keys mean equal points against every mentor. */
		Object key(int mentee);

		/** The points of the pair (mentee, mentor). */
		float points(int mentee, int mentor);

		/** The most points any pair can get. */
		float most();
	}

	private static float[][] rows(int n, int m, Keyed criterion, int[] rowOf) {
		Map<Object, Integer> index = new HashMap<>();
		int[] representative = new int[Math.min(n, MAX_DISTINCT)];
		boolean tooMany = false;
		for (int i = 0; i < n && !tooMany; i++) {
			Object key = criterion.key(i);
			Integer at = index.get(key);
			if (at == null) {
				if (index.size() == MAX_DISTINCT) {
					tooMany = true;
					break;
				}
				at = index.size();
				index.put(key, at);
				representative[at] = i;
			}
			rowOf[i] = at;
		}
		if (tooMany) {
			float[] most = new float[m];
			Arrays.fill(most, criterion.most() + MARGIN);
			Arrays.fill(rowOf, 0);
			return new float[][] { most };
		}
		float[][] rows = new float[index.size()][m];
		for (int r = 0; r < rows.length; r++) {
			for (int j = 0; j < m; j++) {
				rows[r][j] = criterion.points(representative[r], j);
			}
		}
		return rows;
	}

	/** A key for a set of language bits. */
	static Object languageKey(long[] bits, int from, int words) {
		return words == 1 ? (Object) bits[from] : List.of(Arrays.stream(bits, from, from + words).boxed().toArray());
	}
}
