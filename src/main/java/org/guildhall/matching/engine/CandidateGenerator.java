package org.guildhall.matching.engine;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Candidate pairs from profiles without keeping all n × m scores: one pass over every pair keeps
 * each mentee's best K and each mentor's best K × capacity, exactly. The pass skips tiles that a
 * must rules out, works in the vectors' principal axes ({@link Subspace}) and clears most pairs on
 * the dot product over the leading coordinates plus a bound on the rest, finishing the product only
 * where that cannot decide; the cheap criteria are scored in SIMD lanes ({@link BoundTables}). The
 * K-th best scores it leaves behind bound every pair it dropped, which is what lets the engine
 * prove, or disprove, optimality on the full problem.
 */
final class CandidateGenerator {

	/** Kernel scores are floats; exact scores may differ by far less than this (in units). */
	private static final int BOUND_SLACK = 100;

	private static final int CHUNK_COLUMNS = 1024;

	/** Principal axes only for problems with this many times the pairs scored exactly (see generate). */
	private static final long SUBSPACE_FACTOR = 128;

	private static final int NONE = Integer.MIN_VALUE;

	final PairGraph candidates;
	private final int[] menteeBound;
	private final int[] mentorBound;
	private final ProfileScorer scorer;
	private final BoundTables tables;
	private final SimilarityKernel kernel;
	private final int threads;
	final boolean pruned;
	final String kernelName;

	private CandidateGenerator(PairGraph candidates, int[] menteeBound, int[] mentorBound, ProfileScorer scorer,
			BoundTables tables, SimilarityKernel kernel, int threads, boolean pruned) {
		this.tables = tables;
		this.candidates = candidates;
		this.menteeBound = menteeBound;
		this.mentorBound = mentorBound;
		this.scorer = scorer;
		this.kernel = kernel;
		this.threads = threads;
		this.pruned = pruned;
		this.kernelName = kernel == null ? "exact" : kernel.name();
	}

	/** Scores all pairs exactly when there are few, otherwise keeps the best K per side. */
	static CandidateGenerator generate(ProfileScorer scorer, MatchingProblem problem, int[] capacity,
			boolean[] active, int k, SimilarityKernel kernel, int threads, long exactScoringPairs, Progress progress) {
		int n = scorer.n;
		int m = scorer.m;
		if ((long) n * m <= exactScoringPairs || k >= m || scorer.onlyPreferredPairs()) {
			PairGraph.Builder all = new PairGraph.Builder(n, m);
			for (int i = 0; i < n; i++) {
				if (!active[i]) {
					continue;
				}
				if (scorer.onlyPreferredPairs()) {
					addPreferred(scorer, problem, i, all);
					continue;
				}
				for (int j = 0; j < m; j++) {
					addIfAllowed(scorer, problem, i, j, all);
				}
			}
			if (scorer.onlyPreferredPairs()) {
				for (int j = 0; j < m; j++) {
					for (int i : scorer.mentorPrefers[j]) {
						if (active[i]) {
							addIfAllowed(scorer, problem, i, j, all);
						}
					}
				}
			}
			return new CandidateGenerator(all.build(), null, null, scorer, null, null, threads, false);
		}
		int width = kernel.width();
		int dim = scorer.dim;
		int tileCount = (m + width - 1) / width;
		BoundTables tables = scorer.boundTables();
		long setupStarted = System.nanoTime();
		// The scan works in the vectors' principal axes (see Subspace), where most pairs are cleared
		// after the first coordinates; without them, on the vectors as they are. Finding the axes
		// takes about a second, which pays only on problems far above those scored exactly (on
		// real embeddings of 18,000 × 12,500 it was even: the same scan CPU, one second more).
		Subspace subspace = (long) n * m < SUBSPACE_FACTOR * exactScoringPairs ? null
				: Subspace.of(scorer.menteeVectors, n, scorer.mentorVectors, m, dim, kernel, threads);
		float[] menteeVectors = scorer.menteeVectors;
		float[] mentorVectors = scorer.mentorVectors;
		int[] menteeCluster = null;
		int[] mentorCluster = null;
		float[] menteeResidual = null;
		float[] mentorResidual = null;
		if (subspace != null) {
			menteeVectors = subspace.rotate(scorer.menteeVectors, n, threads);
			mentorVectors = subspace.rotate(scorer.mentorVectors, m, threads);
			menteeCluster = subspace.clusters(menteeVectors, n, threads);
			mentorCluster = subspace.clusters(mentorVectors, m, threads);
			menteeResidual = subspace.residualNorms(menteeVectors, n);
			mentorResidual = subspace.residualNorms(mentorVectors, m);
		}
		// The scan works on mentor positions: mentors that the same musts rule out lie together (so
		// that whole tiles a must rules out for a block of mentees are skipped before any dot
		// product), and within those, mentors of the same cluster.
		int[] mentorAt = tables.mentorOrder(mentorCluster);
		boolean reordered = IntStream.range(0, m).anyMatch(p -> mentorAt[p] != p);
		BoundTables scanTables = reordered ? tables.compact(mentorAt) : tables;
		float[] tiles = kernel.tiles(mentorVectors, dim, mentorAt);
		long[] tileClusters = subspace == null ? null : new long[tileCount];
		float[] columnResidual = subspace == null ? null : new float[m];
		for (int p = 0; p < m && subspace != null; p++) {
			int j = mentorAt[p];
			tileClusters[p / width] |= 1L << mentorCluster[j];
			columnResidual[p] = mentorResidual[j];
		}
		int menteeK = k;
		int[] mentorK = new int[m];
		for (int p = 0; p < m; p++) {
			mentorK[p] = (int) Math.min((long) k * capacity[mentorAt[p]], n);
		}
		// Mentees whom the musts treat alike, and then mentees of a cluster, form the blocks, so that
		// a tile is ruled out, or cleared early, for all four.
		int[] clusterOf = menteeCluster;
		int[] activeRows = IntStream.of(activeRows(active))
			.boxed()
			.sorted(Comparator.<Integer>comparingLong(scanTables::mustKey)
				.thenComparingInt(i -> clusterOf == null ? 0 : clusterOf[i])
				.thenComparingInt(i -> i))
			.mapToInt(Integer::intValue)
			.toArray();
		Layout layout = new Layout(scorer, scanTables, scanTables.mustTiles(width), mentorAt, kernel, tiles,
				menteeVectors, subspace == null ? 0 : subspace.cut, menteeCluster, tileClusters, menteeResidual,
				columnResidual);
		long setupMillis = (System.nanoTime() - setupStarted) / 1_000_000;
		long scanStarted = System.nanoTime();
		AtomicLong cpuNanos = new AtomicLong();
		TopLists menteeTops = new TopLists(uniform(n, menteeK));
		TopLists[] mentorTops = new TopLists[threads];
		for (int t = 0; t < threads; t++) {
			mentorTops[t] = new TopLists(mentorK);
		}
		AtomicLong pairsDone = new AtomicLong();
		long pairsTotal = (long) activeRows.length * m;
		Counts[] counts = new Counts[threads];
		Parallel.run(threads, "guildhall-candidates-", thread -> {
			long cpuStarted = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
			counts[thread] = scan(layout, activeRows, thread, threads, menteeTops, mentorTops[thread], pairsDone,
					pairsTotal, progress);
			cpuNanos.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStarted);
		});
		progress.report("scoring pairs", pairsTotal, pairsTotal);
		long scanMillis = (System.nanoTime() - scanStarted) / 1_000_000;
		TopLists mentorMerged = TopLists.merge(mentorTops, mentorK);
		int[] menteeBound = new int[n];
		Arrays.fill(menteeBound, NONE);
		int[] mentorBound = new int[m];
		Arrays.fill(mentorBound, NONE);
		PairGraph.Builder kept = new PairGraph.Builder(n, m);
		for (int i : activeRows) {
			if (menteeTops.isFull(i)) {
				menteeBound[i] = Scores.toUnits(menteeTops.worst(i)) + BOUND_SLACK;
			}
			for (int r = 0; r < menteeTops.size(i); r++) {
				kept.add(i, menteeTops.index(i, r), 0);
			}
			addPreferred(scorer, problem, i, kept);
		}
		for (int p = 0; p < m; p++) {
			int j = mentorAt[p];
			if (mentorK[p] > 0 && mentorMerged.isFull(p)) {
				mentorBound[j] = Scores.toUnits(mentorMerged.worst(p)) + BOUND_SLACK;
			}
			for (int r = 0; r < mentorMerged.size(p); r++) {
				kept.add(mentorMerged.index(p, r), j, 0);
			}
		}
		for (int j = 0; j < m; j++) {
			for (int i : scorer.mentorPrefers[j]) {
				if (active[i]) {
					kept.add(i, j, 0);
				}
			}
		}
		PairGraph union = kept.build();
		// Exact (double) scores of the kept pairs, mentees shared out by thread; added in order.
		double[] exactScores = new double[union.edgeCount()];
		Parallel.run(threads, "guildhall-exact-", t -> {
			for (int i = t; i < n; i += threads) {
				for (int e = union.start(i); e < union.end(i); e++) {
					int j = union.mentor(e);
					exactScores[e] = allowedScore(scorer, problem, i, j);
				}
			}
		});
		PairGraph.Builder exact = new PairGraph.Builder(n, m);
		for (int i = 0; i < n; i++) {
			for (int e = union.start(i); e < union.end(i); e++) {
				if (exactScores[e] >= 0) {
					exact.add(i, union.mentor(e), Scores.toUnits(exactScores[e]));
				}
			}
		}
		CandidateGenerator generator = new CandidateGenerator(exact.build(), menteeBound, mentorBound, scorer, tables,
				kernel, threads, true);
		generator.scanMillis = scanMillis;
		generator.scanCpuMillis = cpuNanos.get() / 1_000_000;
		generator.scanRuledOutPairs = Arrays.stream(counts).mapToLong(c -> c.ruledOut).sum();
		generator.scanScoredPairs = Arrays.stream(counts).mapToLong(c -> c.scored).sum();
		generator.scanNearPairs = Arrays.stream(counts).mapToLong(c -> c.near).sum();
		generator.scanClearedEarlyPairs = Arrays.stream(counts).mapToLong(c -> c.clearedEarly).sum();
		generator.scanSetupMillis = setupMillis;
		return generator;
	}

	private static int[] uniform(int count, int value) {
		int[] out = new int[count];
		Arrays.fill(out, value);
		return out;
	}

	private static int[] activeRows(boolean[] active) {
		int count = 0;
		for (boolean a : active) {
			count += a ? 1 : 0;
		}
		int[] rows = new int[count];
		int at = 0;
		for (int i = 0; i < active.length; i++) {
			if (active[i]) {
				rows[at++] = i;
			}
		}
		return rows;
	}

	private static void addPreferred(ProfileScorer scorer, MatchingProblem problem, int i, PairGraph.Builder out) {
		for (int j : scorer.menteePrefers[i]) {
			addIfAllowed(scorer, problem, i, j, out);
		}
	}

	private static void addIfAllowed(ProfileScorer scorer, MatchingProblem problem, int i, int j,
			PairGraph.Builder out) {
		double score = allowedScore(scorer, problem, i, j);
		if (score >= 0) {
			out.add(i, j, Scores.toUnits(score));
		}
	}

	/** The exact score of a pair, or -1 when a forbidden pair, a hard rule or a must rules it out. */
	private static double allowedScore(ProfileScorer scorer, MatchingProblem problem, int i, int j) {
		return problem.forbidden.contains(MatchingProblem.pack(i, j)) ? -1 : scorer.score(i, j);
	}

	/**
	 * What every thread of the scoring pass reads: the mentors by position ({@code columnMentor}
	 * maps a position to its mentor), their vectors in tiles, the bound tables and the tiles that
	 * musts rule out over those positions. With principal axes ({@code cut} > 0), the vectors are
	 * rotated into them, and the clusters of mentees and of each tile's mentors and the norms past
	 * the cut are given; otherwise those are null.
	 */
	private record Layout(ProfileScorer scorer, BoundTables tables, BoundTables.MustTiles mustTiles,
			int[] columnMentor, SimilarityKernel kernel, float[] tiles, float[] menteeVectors, int cut,
			int[] menteeCluster, long[] tileClusters, float[] menteeResidual, float[] columnResidual) {

		/** Whether the tile holds a mentor of a cluster of the block's mentees (never, without clusters). */
		boolean near(long blockClusters, int tile) {
			return tileClusters != null && (tileClusters[tile] & blockClusters) != 0;
		}

		long clusters(int[] rowOf, int valid) {
			long bits = 0;
			for (int r = 0; r < valid && menteeCluster != null; r++) {
				bits |= 1L << menteeCluster[rowOf[r]];
			}
			return bits;
		}
	}

	/**
	 * One thread's counts: pairs skipped because a must ruled out their tile, pairs of near tiles,
	 * pairs cleared on the leading coordinates, and pairs scored one by one.
	 */
	private static final class Counts {

		long ruledOut;
		long near;
		long clearedEarly;
		long scored;
	}

	/**
	 * One thread's share of the scan: row blocks {@code thread}, {@code thread + threads}, ... of
	 * {@code rows} against every chunk of tiles. Mentor tops are kept per column position.
	 */
	private static Counts scan(Layout layout, int[] rows, int thread, int threads, TopLists menteeTops,
			TopLists mentorTops, AtomicLong pairsDone, long pairsTotal, Progress progress) {
		int m = layout.scorer.m;
		int width = layout.kernel.width();
		int tileCount = (m + width - 1) / width;
		int tilesPerChunk = Math.max(1, CHUNK_COLUMNS / width);
		int blocks = (rows.length + 3) / 4;
		float[] out = new float[4 * width];
		boolean[] open = new boolean[4];
		float[] bounds = new float[width];
		int[] rowOf = new int[4];
		BoundTables.Row[] terms = { new BoundTables.Row(), new BoundTables.Row(), new BoundTables.Row(),
				new BoundTables.Row() };
		Counts counts = new Counts();
		// First the tiles near each block (its own clusters): they hold the best pairs, so both sides'
		// lists start the rest of the scan near their final thresholds.
		if (layout.tileClusters != null) {
			for (int b = thread; b < blocks; b += threads) {
				int valid = block(layout, rows, b, rowOf, terms);
				scanBlock(layout, rowOf, valid, terms, 0, tileCount, true, out, open, bounds, menteeTops, mentorTops,
						counts);
			}
		}
		for (int chunk = 0; chunk < tileCount; chunk += tilesPerChunk) {
			int chunkEnd = Math.min(tileCount, chunk + tilesPerChunk);
			long chunkPairs = 0;
			for (int b = thread; b < blocks; b += threads) {
				int valid = block(layout, rows, b, rowOf, terms);
				scanBlock(layout, rowOf, valid, terms, chunk, chunkEnd, false, out, open, bounds, menteeTops, mentorTops,
						counts);
				chunkPairs += (long) valid * (Math.min(m, chunkEnd * width) - chunk * width);
			}
			long done = pairsDone.addAndGet(chunkPairs);
			if (thread == 0) {
				progress.report("scoring pairs", done, pairsTotal);
			}
		}
		return counts;
	}

	/** Fills the block's rows (repeating the last where fewer than four) and their terms; returns how many are real. */
	private static int block(Layout layout, int[] rows, int b, int[] rowOf, BoundTables.Row[] terms) {
		int valid = Math.min(4, rows.length - 4 * b);
		for (int r = 0; r < 4; r++) {
			rowOf[r] = rows[4 * b + Math.min(r, valid - 1)];
			layout.tables.row(rowOf[r], terms[r]);
		}
		return valid;
	}

	/**
	 * One row block against the tiles of one chunk: those near the block when {@code near}, the
	 * others otherwise. A method of its own, called millions of times, so that the JIT compiles this
	 * loop as a whole method with a full profile rather than only by on-stack replacement inside the
	 * scan's one long loop per thread.
	 */
	private static void scanBlock(Layout layout, int[] rowOf, int valid, BoundTables.Row[] terms, int chunk,
			int chunkEnd, boolean near, float[] out, boolean[] open, float[] bounds, TopLists menteeTops,
			TopLists mentorTops, Counts counts) {
		ProfileScorer scorer = layout.scorer;
		SimilarityKernel kernel = layout.kernel;
		float[] vectors = layout.menteeVectors;
		int m = scorer.m;
		int dim = scorer.dim;
		int width = kernel.width();
		float[] mentorWorst = mentorTops.worst;
		long blockClusters = layout.clusters(rowOf, valid);
		for (int tile = chunk; tile < chunkEnd; tile++) {
			if (layout.near(blockClusters, tile) != near) {
				continue;
			}
			int firstMentor = tile * width;
			int columns = Math.min(width, m - firstMentor);
			if (layout.mustTiles != null && ruledOutForAll(layout.mustTiles, rowOf, valid, tile)) {
				counts.ruledOut += (long) valid * columns;
				continue;
			}
			boolean whole = columns == width;
			int tileOffset = tile * dim * width;
			if (near) {
				counts.near += (long) valid * columns;
			}
			if (!near && whole && layout.cut > 0) {
				// The leading coordinates first: the rest adds at most the product of the two norms past the cut.
				kernel.tile(vectors, rowOf[0] * dim, rowOf[1] * dim, rowOf[2] * dim, rowOf[3] * dim, layout.tiles,
						tileOffset, 0, layout.cut, false, out);
				int openRows = 0;
				for (int r = 0; r < valid; r++) {
					int i = rowOf[r];
					if (kernel.bounds(out, r * width, layout.tables, terms[r], firstMentor, menteeTops.worstOrMinus(i),
							mentorWorst, false, layout.menteeResidual[i], layout.columnResidual, bounds)) {
						open[r] = true;
						openRows++;
					}
					else {
						open[r] = false;
						counts.clearedEarly += columns;
					}
				}
				if (openRows == 0) {
					continue;
				}
				// The rest for the rows still open: all four at once (a row alone costs about 2.7 times
				// as much per pair, so this pays from two rows on), or the one row.
				if (openRows >= 2) {
					kernel.tile(vectors, rowOf[0] * dim, rowOf[1] * dim, rowOf[2] * dim, rowOf[3] * dim, layout.tiles,
							tileOffset, layout.cut, dim, true, out);
				}
				else {
					for (int r = 0; r < valid; r++) {
						if (open[r]) {
							kernel.row(vectors, rowOf[r] * dim, layout.tiles, tileOffset, layout.cut, dim, out, r * width);
						}
					}
				}
			}
			else {
				kernel.tile(vectors, rowOf[0] * dim, rowOf[1] * dim, rowOf[2] * dim, rowOf[3] * dim, layout.tiles,
						tileOffset, dim, out);
				Arrays.fill(open, true);
			}
			for (int r = 0; r < valid; r++) {
				int i = rowOf[r];
				// The SIMD bound clears most tiles at once; a tile it cannot clear is checked per pair.
				if (!open[r] || whole && !kernel.bounds(out, r * width, layout.tables, terms[r], firstMentor,
						menteeTops.worstOrMinus(i), mentorWorst, false, 0f, null, bounds)) {
					continue;
				}
				for (int c = 0; c < columns; c++) {
					int p = firstMentor + c;
					if (whole && bounds[c] < menteeTops.worstOrMinus(i) && bounds[c] < mentorWorst[p]) {
						continue;
					}
					int j = layout.columnMentor[p];
					counts.scored++;
					float s = scorer.fastScoreWithoutPreferences(i, j, out[r * width + c]);
					if (s < 0 || (s < menteeTops.worstOrMinus(i) && s < mentorWorst[p])) {
						continue;
					}
					menteeTops.offer(i, s, j);
					mentorTops.offer(p, s, i);
				}
			}
		}
	}

	private static boolean ruledOutForAll(BoundTables.MustTiles mustTiles, int[] rowOf, int valid, int tile) {
		for (int r = 0; r < valid; r++) {
			if (!mustTiles.ruledOut(rowOf[r], tile)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Pricing against the pairs left out: a left-out pair scores at most the smaller of its
	 * mentee's and mentor's K-th best, so most mentees are cleared by that bound alone; the rest
	 * are rescored against every mentor.
	 */
	Remainder remainder(MatchingProblem problem, int perMentee) {
		if (!pruned) {
			return Remainder.NONE;
		}
		// Duals of the previous pricing round and the mentees it left with uncovered pairs that did
		// not join the graph: a pair certified then (by a bound or by rescoring) stays certified
		// while neither its mentee's nor its mentor's value has fallen, so later rounds rescore
		// only rows and columns whose value fell (or that still had uncovered pairs).
		long[][] previous = new long[2][];
		boolean[] leftover = new boolean[scorer.n];
		return (u, v, active, capacity, graph, added) -> {
			int m = scorer.m;
			int[] order = java.util.stream.IntStream.range(0, m)
				.filter(j -> mentorBound[j] != NONE && capacity[j] > 0)
				.boxed()
				.sorted((a, b) -> Integer.compare(mentorBound[a], mentorBound[b]))
				.mapToInt(Integer::intValue)
				.toArray();
			int size = order.length;
			long[] prefixMaxBoundMinusV = new long[size + 1];
			prefixMaxBoundMinusV[0] = Long.MIN_VALUE;
			for (int r = 0; r < size; r++) {
				int j = order[r];
				prefixMaxBoundMinusV[r + 1] = Math.max(prefixMaxBoundMinusV[r], mentorBound[j] - v[j]);
			}
			long[] suffixMinV = new long[size + 1];
			suffixMinV[size] = Long.MAX_VALUE;
			for (int r = size - 1; r >= 0; r--) {
				suffixMinV[r] = Math.min(suffixMinV[r + 1], v[order[r]]);
			}
			int[] sortedBounds = new int[size];
			for (int r = 0; r < size; r++) {
				sortedBounds[r] = mentorBound[order[r]];
			}
			List<Integer> suspicious = new ArrayList<>();
			for (int i = 0; i < scorer.n; i++) {
				if (!active[i] || menteeBound[i] == NONE) {
					continue;
				}
				int split = lowerBound(sortedBounds, menteeBound[i]);
				long need = prefixMaxBoundMinusV[split];
				if (suffixMinV[split] != Long.MAX_VALUE) {
					need = Math.max(need, menteeBound[i] - suffixMinV[split]);
				}
				if (u[i] < need) {
					suspicious.add(i);
				}
			}
			// The same test from the mentors' side, over the suspicious mentees only: a left-out
			// pair needs both its mentee and its mentor suspicious, so only that sub-matrix is rescored.
			int rowsCount = suspicious.size();
			long[] keyed = new long[rowsCount];
			for (int r = 0; r < rowsCount; r++) {
				int i = suspicious.get(r);
				keyed[r] = ((long) menteeBound[i] << 32) | i;
			}
			Arrays.sort(keyed);
			int[] rowBounds = new int[rowsCount];
			long[] prefixMaxRowBoundMinusU = new long[rowsCount + 1];
			prefixMaxRowBoundMinusU[0] = Long.MIN_VALUE;
			long[] suffixMinU = new long[rowsCount + 1];
			suffixMinU[rowsCount] = Long.MAX_VALUE;
			for (int r = 0; r < rowsCount; r++) {
				int i = (int) keyed[r];
				rowBounds[r] = menteeBound[i];
				prefixMaxRowBoundMinusU[r + 1] = Math.max(prefixMaxRowBoundMinusU[r], menteeBound[i] - u[i]);
			}
			for (int r = rowsCount - 1; r >= 0; r--) {
				suffixMinU[r] = Math.min(suffixMinU[r + 1], u[(int) keyed[r]]);
			}
			int[] columns = new int[m];
			int columnCount = 0;
			for (int j = 0; j < m; j++) {
				if (mentorBound[j] == NONE || capacity[j] == 0) {
					continue;
				}
				int split = lowerBound(rowBounds, mentorBound[j]);
				long need = prefixMaxRowBoundMinusU[split];
				if (suffixMinU[split] != Long.MAX_VALUE) {
					need = Math.max(need, mentorBound[j] - suffixMinU[split]);
				}
				if (v[j] < need) {
					columns[columnCount++] = j;
				}
			}
			int[] suspiciousColumns = Arrays.copyOf(columns, columnCount);
			lastRescored = 0;
			long raise;
			if (previous[0] == null) {
				Arrays.fill(leftover, false);
				raise = rescore(problem, suspicious, suspiciousColumns, u, v, capacity, graph, added, perMentee, leftover);
			}
			else {
				long[] oldU = previous[0];
				long[] oldV = previous[1];
				List<Integer> changedRows = new ArrayList<>();
				List<Integer> otherRows = new ArrayList<>();
				for (int i : suspicious) {
					(u[i] < oldU[i] || leftover[i] ? changedRows : otherRows).add(i);
				}
				int changedColumnCount = 0;
				int[] changedColumns = new int[columnCount];
				for (int j : suspiciousColumns) {
					if (v[j] < oldV[j]) {
						changedColumns[changedColumnCount++] = j;
					}
				}
				Arrays.fill(leftover, false);
				raise = rescore(problem, changedRows, suspiciousColumns, u, v, capacity, graph, added, perMentee,
						leftover);
				raise += rescore(problem, otherRows, Arrays.copyOf(changedColumns, changedColumnCount), u, v, capacity,
						graph, added, perMentee, leftover);
			}
			previous[0] = u.clone();
			previous[1] = v.clone();
			lastPricing = rowsCount + " mentees × " + columnCount + " mentors suspicious, " + lastRescored
					+ " pairs rescored";
			return raise;
		};
	}

	/** Time of the pass over every pair (dot products and bounds), without setting up and exact rescoring. */
	long scanMillis;

	/** CPU time of the scoring threads (comparable under load, unlike {@link #scanMillis}). */
	long scanCpuMillis;

	/** Pairs the scan skipped without a dot product because a must ruled out their whole tile. */
	long scanRuledOutPairs;

	/** Pairs the scan scored one by one because the SIMD bound could not clear them. */
	long scanScoredPairs;

	/** Pairs of tiles near their mentees (a shared cluster), scanned first and in full. */
	long scanNearPairs;

	/** Pairs cleared on the dot products over the leading coordinates alone. */
	long scanClearedEarlyPairs;

	/** Time to find the principal axes and clusters and lay out the tiles. */
	long scanSetupMillis;

	/** Pairs rescored by the last pricing round, summed over its passes (for the solver stats). */
	long lastRescored;

	/** Suspicious mentees and mentors of the last pricing round (for the solver stats). */
	String lastPricing = "";

	private long rescore(MatchingProblem problem, List<Integer> suspicious, int[] columns, long[] u, long[] v,
			int[] capacity, PairGraph graph, PairGraph.Builder added, int perMentee, boolean[] leftover) {
		// Mentors by value and mentees by value, so that the pairs the bounds cannot clear (low
		// mentee value, low mentor value) gather in a corner and whole tiles elsewhere are skipped.
		columns = IntStream.of(columns)
			.boxed()
			.sorted(Comparator.<Integer>comparingLong(j -> v[j]).thenComparingInt(j -> j))
			.mapToInt(Integer::intValue)
			.toArray();
		int[] rows = suspicious.stream()
			.sorted(Comparator.<Integer>comparingLong(i -> u[i]).thenComparingInt(i -> i))
			.mapToInt(Integer::intValue)
			.toArray();
		int width = kernel.width();
		int dim = scorer.dim;
		int compactCount = columns.length;
		int compactTiles = (compactCount + width - 1) / width;
		float[] compact = kernel.tiles(scorer.mentorVectors, dim, columns);
		int m = scorer.m;
		float[] vPoints = new float[m];
		for (int j = 0; j < m; j++) {
			// mentors without capacity left take no pairs: never uncovered
			vPoints[j] = capacity[j] == 0 ? Float.POSITIVE_INFINITY : (float) Scores.toScore(v[j]);
		}
		long[] need = new long[rows.length];
		long[][] found = new long[rows.length][];
		int[] foundCount = new int[rows.length];
		int blocks = (rows.length + 3) / 4;
		int workers = Math.max(1, Math.min(threads, blocks));
		// Rows are shared out by block; each thread writes only its own rows' slots, and the
		// results are merged in row order, so the outcome does not depend on scheduling.
		BoundTables compactTables = tables.compact(columns);
		float[] compactV = BoundTables.gather(vPoints, columns);
		// Per tile: the lowest mentor value and the highest (mentor bound - value). A left-out pair
		// (i, j) scores at most min(menteeBound[i], mentorBound[j]), so a mentee whose value covers
		// min(menteeBound[i] - lowest value, highest bound - value) has no uncovered pair in the tile.
		long[] tileLowestV = new long[compactTiles];
		long[] tileHighestBoundMinusV = new long[compactTiles];
		for (int tile = 0; tile < compactTiles; tile++) {
			long lowest = Long.MAX_VALUE;
			long highest = Long.MIN_VALUE;
			for (int c = tile * width; c < Math.min(compactCount, (tile + 1) * width); c++) {
				int j = columns[c];
				lowest = Math.min(lowest, v[j]);
				highest = Math.max(highest, mentorBound[j] - v[j]);
			}
			tileLowestV[tile] = lowest;
			tileHighestBoundMinusV[tile] = highest;
		}
		long[] rescoredBy = new long[workers];
		int[] columnOf = columns;
		Parallel.run(workers, "guildhall-pricing-", t -> {
			float[] out = new float[4 * width];
			float[] bounds = new float[width];
			int[] rowOf = new int[4];
			float[] uPoints = new float[4];
			float slackPoints = (float) Scores.toScore(BOUND_SLACK);
			BoundTables.Row[] terms = { new BoundTables.Row(), new BoundTables.Row(), new BoundTables.Row(),
					new BoundTables.Row() };
			for (int b = t; b < blocks; b += workers) {
				int valid = Math.min(4, rows.length - 4 * b);
				for (int r = 0; r < 4; r++) {
					rowOf[r] = rows[4 * b + Math.min(r, valid - 1)];
					uPoints[r] = (float) Scores.toScore(u[rowOf[r]]) - slackPoints;
					compactTables.row(rowOf[r], terms[r]);
				}
				for (int tile = 0; tile < compactTiles; tile++) {
					boolean open = false;
					for (int r = 0; r < valid && !open; r++) {
						int i = rowOf[r];
						open = Math.min(menteeBound[i] - tileLowestV[tile], tileHighestBoundMinusV[tile]) > u[i];
					}
					if (!open) {
						continue;
					}
					kernel.tile(scorer.menteeVectors, rowOf[0] * dim, rowOf[1] * dim, rowOf[2] * dim, rowOf[3] * dim,
							compact, tile * dim * width, dim, out);
					int first = tile * width;
					int tileColumns = Math.min(width, compactCount - first);
					rescoredBy[t] += (long) valid * tileColumns;
					boolean whole = tileColumns == width;
					for (int r = 0; r < valid; r++) {
						int i = rowOf[r];
						float covered = uPoints[r];
						if (whole && !kernel.bounds(out, r * width, compactTables, terms[r], first, covered, compactV, true,
								0f, null, bounds)) {
							continue;
						}
						for (int c = 0; c < tileColumns; c++) {
							float vj = compactV[first + c];
							if (whole && bounds[c] <= covered + vj) {
								continue;
							}
							int j = columnOf[first + c];
							// A float estimate first (equal to the exact score up to rounding far
							// below the slack); only pairs it cannot clear are scored exactly.
							float estimate = scorer.fastScoreWithoutPreferences(i, j, out[r * width + c]);
							if (estimate < 0 || estimate <= covered + vj) {
								continue;
							}
							if (graph.find(i, j) >= 0 || problem.forbidden.contains(MatchingProblem.pack(i, j))) {
								continue;
							}
							long slack = u[i] + v[j] - Scores.toUnits(estimate);
							if (slack < -2 * BOUND_SLACK) {
								// Surely uncovered (the float score is far within its rounding): counted
								// with the margin, which can only overstate the raise; the pairs that
								// join are scored exactly below.
								slack -= BOUND_SLACK;
							}
							else {
								double exact = scorer.score(i, j);
								if (exact < 0) {
									continue;
								}
								slack = u[i] + v[j] - Scores.toUnits(exact);
							}
							if (slack < 0) {
								int slot = 4 * b + r;
								if (found[slot] == null) {
									found[slot] = new long[16];
								}
								else if (foundCount[slot] == found[slot].length) {
									found[slot] = Arrays.copyOf(found[slot], foundCount[slot] * 2);
								}
								found[slot][foundCount[slot]++] = (slack << 32) | j;
								need[slot] = Math.max(need[slot], -slack);
							}
						}
					}
				}
			}
		});
		lastRescored += Arrays.stream(rescoredBy).sum();
		long raise = 0;
		for (int slot = 0; slot < rows.length; slot++) {
			raise += need[slot];
			// Only the most uncovered pairs join per round (column generation keeps re-solves small).
			int count = foundCount[slot];
			if (count > perMentee) {
				Arrays.sort(found[slot], 0, count);
				count = perMentee;
				leftover[rows[slot]] = true;
			}
			for (int k = 0; k < count; k++) {
				int j = (int) (found[slot][k] & 0xffffffffL);
				added.add(rows[slot], j, Scores.toUnits(scorer.score(rows[slot], j)));
			}
		}
		return raise;
	}

	private static int lowerBound(int[] sorted, int key) {
		int lo = 0;
		int hi = sorted.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (sorted[mid] < key) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

	/**
	 * Fixed-size lists of the best (score, index) entries per owner, each a min-heap on (score,
	 * then reversed index) so the worst entry is at the root. Ties go to the lower index.
	 */
	static final class TopLists {

		private final int[] start;
		private final int[] capacity;
		private final int[] size;
		private final float[] score;
		private final int[] index;
		/** Per owner: the worst score kept once the list is full, else -∞ (+∞ for no places). */
		final float[] worst;

		TopLists(int[] capacityPerOwner) {
			int owners = capacityPerOwner.length;
			this.capacity = capacityPerOwner;
			this.start = new int[owners + 1];
			for (int o = 0; o < owners; o++) {
				start[o + 1] = start[o] + capacityPerOwner[o];
			}
			this.size = new int[owners];
			this.score = new float[start[owners]];
			this.index = new int[start[owners]];
			this.worst = new float[owners];
			for (int o = 0; o < owners; o++) {
				worst[o] = capacityPerOwner[o] == 0 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
			}
		}

		float worstOrMinus(int owner) {
			return worst[owner];
		}

		boolean isFull(int owner) {
			return size[owner] == capacity[owner];
		}

		float worst(int owner) {
			return capacity[owner] == 0 ? Float.POSITIVE_INFINITY : score[start[owner]];
		}

		int size(int owner) {
			return size[owner];
		}

		int index(int owner, int r) {
			return index[start[owner] + r];
		}

		private static boolean worse(float s1, int i1, float s2, int i2) {
			return s1 < s2 || (s1 == s2 && i1 > i2);
		}

		void offer(int owner, float s, int idx) {
			int cap = capacity[owner];
			if (cap == 0) {
				return;
			}
			int base = start[owner];
			int count = size[owner];
			if (count < cap) {
				int at = count;
				while (at > 0) {
					int parent = (at - 1) >>> 1;
					if (!worse(s, idx, score[base + parent], index[base + parent])) {
						break;
					}
					score[base + at] = score[base + parent];
					index[base + at] = index[base + parent];
					at = parent;
				}
				score[base + at] = s;
				index[base + at] = idx;
				size[owner] = count + 1;
				if (count + 1 == cap) {
					worst[owner] = score[base];
				}
				return;
			}
			if (!worse(score[base], index[base], s, idx)) {
				return;
			}
			int at = 0;
			while (true) {
				int child = 2 * at + 1;
				if (child >= cap) {
					break;
				}
				int right = child + 1;
				if (right < cap && worse(score[base + right], index[base + right], score[base + child],
						index[base + child])) {
					child = right;
				}
				if (!worse(score[base + child], index[base + child], s, idx)) {
					break;
				}
				score[base + at] = score[base + child];
				index[base + at] = index[base + child];
				at = child;
			}
			score[base + at] = s;
			index[base + at] = idx;
			worst[owner] = score[base];
		}

		static TopLists merge(TopLists[] parts, int[] capacity) {
			TopLists merged = new TopLists(capacity);
			for (TopLists part : parts) {
				for (int o = 0; o < capacity.length; o++) {
					for (int r = 0; r < part.size[o]; r++) {
						merged.offer(o, part.score[part.start[o] + r], part.index[part.start[o] + r]);
					}
				}
			}
			return merged;
		}
	}
}
