package org.guildhall.matching.engine;

import java.lang.reflect.Field;

/** Scratch: how far below the final thresholds pairs are, against residual bounds of partial dot products. */
public final class GapProbe {
	public static void main(String[] args) throws Exception {
		int n = Integer.parseInt(args[0]);
		int m = Integer.parseInt(args[1]);
		MatchingProblem problem = MatchingBenchmark.profileInstance(n, m, 14L);
		ProfileScorer scorer = new ProfileScorer(problem, problem.menteeVectors, problem.mentorVectors);
		Solvers.Residual residual = Solvers.Residual.of(problem);
		CandidateGenerator g = CandidateGenerator.generate(scorer, problem, residual.capacity(), residual.active(), 10,
				SimilarityKernel.best(), 2, 0, Progress.NONE);
		int[] menteeBound = field(g, "menteeBound");
		int[] mentorBound = field(g, "mentorBound");
		float gp = scorer.boundTables().goalsPoints;
		int dim = scorer.dim;
		// second moment matrix over a sample
		double[][] a = new double[dim][dim];
		for (int s = 0; s < 8000; s++) {
			float[] v = s % 2 == 0 ? scorer.menteeVectors : scorer.mentorVectors;
			int count = s % 2 == 0 ? n : m;
			int row = (int) ((long) (s / 2) * 7919 % count);
			for (int x = 0; x < dim; x++) {
				double vx = v[row * dim + x];
				for (int y = 0; y < dim; y++) {
					a[x][y] += vx * v[row * dim + y];
				}
			}
		}
		double[][] vecs = jacobi(a);
		float[] menteeRot = rotate(scorer.menteeVectors, n, dim, vecs);
		float[] mentorRot = rotate(scorer.mentorVectors, m, dim, vecs);
		int[] cuts = { 64, 128, 192, 256, 288, 320, 352 };
		long pairs = 0;
		long[][] clearedPair = new long[2][cuts.length];
		long allowedBelow = 0;
		int sampleStride = Math.max(1, n / 400);
		for (int i = 0; i < n; i += sampleStride) {
			for (int j = 0; j < m; j++) {
				float cos = 0;
				for (int d = 0; d < dim; d++) {
					cos += scorer.menteeVectors[i * dim + d] * scorer.mentorVectors[j * dim + d];
				}
				float s = scorer.fastScoreWithoutPreferences(i, j, cos);
				pairs++;
				if (s < 0) {
					continue;
				}
				int tb = Math.min(menteeBound[i], mentorBound[j]);
				if (tb == Integer.MIN_VALUE) {
					continue;
				}
				float thr = (float) Scores.toScore(tb);
				if (s >= thr) {
					continue;
				}
				allowedBelow++;
				float others = s - gp * Math.max(cos, 0);
				for (int kind = 0; kind < 2; kind++) {
					float[] x = kind == 0 ? scorer.menteeVectors : menteeRot;
					float[] y = kind == 0 ? scorer.mentorVectors : mentorRot;
					for (int c = 0; c < cuts.length; c++) {
						int cut = cuts[c];
						double partial = 0, rx = 0, ry = 0;
						for (int d = 0; d < cut; d++) {
							partial += x[i * dim + d] * y[j * dim + d];
						}
						for (int d = cut; d < dim; d++) {
							rx += x[i * dim + d] * x[i * dim + d];
							ry += y[j * dim + d] * y[j * dim + d];
						}
						double bound = others + gp * Math.max(partial + Math.sqrt(rx * ry), 0);
						if (bound < thr) {
							clearedPair[kind][c]++;
						}
					}
				}
			}
		}
		System.out.printf("pairs %d, allowed and below threshold %d (%.1f%%), gp %.2f%n", pairs, allowedBelow,
				100.0 * allowedBelow / pairs, gp);
		for (int c = 0; c < cuts.length; c++) {
			System.out.printf("cut %3d: cleared (of all pairs) original %.1f%%, pca %.1f%%%n", cuts[c],
					100.0 * clearedPair[0][c] / pairs, 100.0 * clearedPair[1][c] / pairs);
		}
	}

	static float[] rotate(float[] v, int count, int dim, double[][] vecs) {
		float[] out = new float[count * dim];
		double[] tmp = new double[dim];
		for (int r = 0; r < count; r++) {
			java.util.Arrays.fill(tmp, 0);
			for (int k = 0; k < dim; k++) {
				double sum = 0;
				for (int d = 0; d < dim; d++) {
					sum += vecs[d][k] * v[r * dim + d];
				}
				out[r * dim + k] = (float) sum;
			}
		}
		return out;
	}

	/** Eigenvectors (columns) of a symmetric matrix, by decreasing eigenvalue (cyclic Jacobi). */
	static double[][] jacobi(double[][] a) {
		int n = a.length;
		double[][] v = new double[n][n];
		for (int i = 0; i < n; i++) v[i][i] = 1;
		for (int sweep = 0; sweep < 30; sweep++) {
			double off = 0;
			for (int p = 0; p < n; p++) for (int q = p + 1; q < n; q++) off += a[p][q] * a[p][q];
			if (off < 1e-18) break;
			for (int p = 0; p < n; p++) {
				for (int q = p + 1; q < n; q++) {
					if (Math.abs(a[p][q]) < 1e-15) continue;
					double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
					double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
					if (theta == 0) t = 1;
					double c = 1 / Math.sqrt(t * t + 1), s = t * c;
					for (int k = 0; k < n; k++) {
						double akp = a[k][p], akq = a[k][q];
						a[k][p] = c * akp - s * akq;
						a[k][q] = s * akp + c * akq;
					}
					for (int k = 0; k < n; k++) {
						double apk = a[p][k], aqk = a[q][k];
						a[p][k] = c * apk - s * aqk;
						a[q][k] = s * apk + c * aqk;
					}
					for (int k = 0; k < n; k++) {
						double vkp = v[k][p], vkq = v[k][q];
						v[k][p] = c * vkp - s * vkq;
						v[k][q] = s * vkp + c * vkq;
					}
				}
			}
		}
		Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) order[i] = i;
		double[][] aa = a;
		java.util.Arrays.sort(order, (x, y) -> Double.compare(aa[y][y], aa[x][x]));
		double[][] out = new double[n][n];
		for (int k = 0; k < n; k++) for (int d = 0; d < n; d++) out[d][k] = v[d][order[k]];
		return out;
	}

	@SuppressWarnings("unchecked")
	static <T> T field(Object o, String name) throws Exception {
		Field f = o.getClass().getDeclaredField(name);
		f.setAccessible(true);
		return (T) f.get(o);
	}
}
