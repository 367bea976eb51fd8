package org.guildhall.matching.engine;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The embedding space in the principal axes of the vectors (the eigenvectors of the second-moment
 * matrix of a sample of mentee and mentor vectors, by decreasing eigenvalue), and a clustering of
 * the vectors in the leading axes.
 *
 * <p>A rotation keeps every dot product. In the new basis most of a vector's energy lies in the
 * first {@link #cut} coordinates, so the dot product over those plus the product of the two
 * vectors' norms over the rest bounds the whole one from above (Cauchy–Schwarz on the rest). The
 * scoring pass clears most pairs on that bound after a sixth of the multiplications, and finishes
 * the dot product only where it cannot. The clusters order mentees and mentors so that the pairs
 * the bound cannot clear (similar vectors) gather in the same tiles.
 */
final class Subspace {

	/** Clusters: at most 64, so that a tile's clusters are one {@code long} of bits. */
	static final int CLUSTERS = 64;

	/** Vectors of each side that make the sample for the axes and the clusters. */
	private static final int SAMPLE = 2048;

	private static final int KMEANS_ROUNDS = 8;

	private static final int MOMENT_PARTS = 8;

	final int dim;
	/** Leading coordinates computed first. */
	final int cut;
	/** Axes as tiles for the kernel: axis k is column k ({@code dim} columns, padded to the width). */
	private final float[] axisTiles;
	/** Cluster centres over the first {@link #cut} coordinates, as kernel tiles. */
	private final float[] centreTiles;
	private final SimilarityKernel kernel;

	private Subspace(int dim, int cut, float[] axisTiles, float[] centreTiles, SimilarityKernel kernel) {
		this.dim = dim;
		this.cut = cut;
		this.axisTiles = axisTiles;
		this.centreTiles = centreTiles;
		this.kernel = kernel;
	}

	/**
	 * The axes and clusters of the given vectors ({@code n} and {@code m} rows of {@code dim}), or
	 * null when the vectors are too short for a cut to pay.
	 */
	static Subspace of(float[] mentees, int n, float[] mentors, int m, int dim, SimilarityKernel kernel,
			int threads) {
		if (dim < 32 || n == 0 || m == 0) {
			return null;
		}
		int cut = Math.max(8, (dim / 6 + 7) / 8 * 8);
		float[] sample = sample(mentees, n, mentors, m, dim);
		int rows = sample.length / dim;
		// The second-moment matrix of the sample, in a fixed number of parts (summed in order, so that
		// the axes do not depend on the number of threads), parts shared out by thread.
		double[][] parts = new double[MOMENT_PARTS][dim * dim];
		Parallel.run(threads, "guildhall-axes-", t -> {
			double[] row = new double[dim];
			for (int q = t; q < MOMENT_PARTS; q += threads) {
				double[] part = parts[q];
				for (int r = q; r < rows; r += MOMENT_PARTS) {
					for (int x = 0; x < dim; x++) {
						row[x] = sample[r * dim + x];
					}
					for (int x = 0; x < dim; x++) {
						double vx = row[x];
						int base = x * dim;
						for (int y = x; y < dim; y++) {
							part[base + y] += vx * row[y];
						}
					}
				}
			}
		});
		DMatrixRMaj moment = new DMatrixRMaj(dim, dim);
		for (int x = 0; x < dim; x++) {
			for (int y = x; y < dim; y++) {
				double sum = 0;
				for (double[] part : parts) {
					sum += part[x * dim + y];
				}
				moment.set(x, y, sum);
				moment.set(y, x, sum);
			}
		}
		EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(dim, true, true);
		if (!eigen.decompose(moment)) {
			return null;
		}
		int count = eigen.getNumberOfEigenvalues();
		Integer[] order = IntStream.range(0, count).boxed().toArray(Integer[]::new);
		Arrays.sort(order, Comparator.<Integer>comparingDouble(k -> -eigen.getEigenvalue(k).real)
			.thenComparingInt(k -> k));
		float[] axes = new float[dim * dim];
		for (int k = 0; k < Math.min(count, dim); k++) {
			DMatrixRMaj axis = eigen.getEigenVector(order[k]);
			if (axis == null) {
				return null;
			}
			double norm = 0;
			for (int d = 0; d < dim; d++) {
				norm += axis.get(d) * axis.get(d);
			}
			double scale = 1 / Math.sqrt(norm);
			for (int d = 0; d < dim; d++) {
				axes[k * dim + d] = (float) (axis.get(d) * scale);
			}
		}
		float[] axisTiles = kernel.tiles(axes, dim, IntStream.range(0, dim).toArray());
		Subspace subspace = new Subspace(dim, cut, axisTiles, null, kernel);
		float[] rotatedSample = subspace.rotate(sample, rows, threads);
		float[] centres = kmeans(rotatedSample, rows, dim, cut);
		float[] centreTiles = kernel.tiles(centres, cut, IntStream.range(0, CLUSTERS).toArray());
		return new Subspace(dim, cut, axisTiles, centreTiles, kernel);
	}

	/** Up to {@link #SAMPLE} vectors of each side, evenly spaced. */
	private static float[] sample(float[] mentees, int n, float[] mentors, int m, int dim) {
		int fromMentees = Math.min(n, SAMPLE);
		int fromMentors = Math.min(m, SAMPLE);
		float[] sample = new float[(fromMentees + fromMentors) * dim];
		for (int s = 0; s < fromMentees; s++) {
			System.arraycopy(mentees, (int) ((long) s * n / fromMentees) * dim, sample, s * dim, dim);
		}
		for (int s = 0; s < fromMentors; s++) {
			System.arraycopy(mentors, (int) ((long) s * m / fromMentors) * dim, sample, (fromMentees + s) * dim, dim);
		}
		return sample;
	}

	/** The vectors in the principal axes ({@code count} rows of {@link #dim}). */
	float[] rotate(float[] vectors, int count, int threads) {
		int width = kernel.width();
		int axisTileCount = (dim + width - 1) / width;
		float[] rotated = new float[count * dim];
		int blocks = (count + 3) / 4;
		Parallel.run(threads, "guildhall-rotate-", t -> {
			float[] out = new float[4 * width];
			int[] rowAt = new int[4];
			for (int b = t; b < blocks; b += threads) {
				int valid = Math.min(4, count - 4 * b);
				for (int r = 0; r < 4; r++) {
					rowAt[r] = (4 * b + Math.min(r, valid - 1)) * dim;
				}
				for (int tile = 0; tile < axisTileCount; tile++) {
					kernel.tile(vectors, rowAt[0], rowAt[1], rowAt[2], rowAt[3], axisTiles, tile * dim * width, dim, out);
					int columns = Math.min(width, dim - tile * width);
					for (int r = 0; r < valid; r++) {
						System.arraycopy(out, r * width, rotated, (4 * b + r) * dim + tile * width, columns);
					}
				}
			}
		});
		return rotated;
	}

	/** Per rotated vector: its norm over the coordinates from {@link #cut} on. */
	float[] residualNorms(float[] rotated, int count) {
		float[] norms = new float[count];
		for (int r = 0; r < count; r++) {
			double sum = 0;
			for (int d = cut; d < dim; d++) {
				double x = rotated[r * dim + d];
				sum += x * x;
			}
			norms[r] = (float) Math.sqrt(sum);
		}
		return norms;
	}

	/** Per rotated vector: its cluster, the centre nearest in direction over the first {@link #cut} coordinates. */
	int[] clusters(float[] rotated, int count, int threads) {
		int width = kernel.width();
		int centreTileCount = (CLUSTERS + width - 1) / width;
		int[] cluster = new int[count];
		int blocks = (count + 3) / 4;
		Parallel.run(threads, "guildhall-clusters-", t -> {
			float[] out = new float[4 * width];
			float[] best = new float[4];
			for (int b = t; b < blocks; b += threads) {
				int valid = Math.min(4, count - 4 * b);
				Arrays.fill(best, Float.NEGATIVE_INFINITY);
				for (int tile = 0; tile < centreTileCount; tile++) {
					kernel.tile(rotated, (4 * b) * dim, (4 * b + Math.min(1, valid - 1)) * dim,
							(4 * b + Math.min(2, valid - 1)) * dim, (4 * b + Math.min(3, valid - 1)) * dim, centreTiles,
							tile * cut * width, cut, out);
					for (int r = 0; r < valid; r++) {
						for (int c = 0; c < width && tile * width + c < CLUSTERS; c++) {
							if (out[r * width + c] > best[r]) {
								best[r] = out[r * width + c];
								cluster[4 * b + r] = tile * width + c;
							}
						}
					}
				}
			}
		});
		return cluster;
	}

	/**
	 * Spherical k-means over the first {@code cut} coordinates: {@link #CLUSTERS} unit centres,
	 * started from evenly spaced sample vectors. Deterministic.
	 */
	private static float[] kmeans(float[] rotated, int rows, int dim, int cut) {
		float[] centres = new float[CLUSTERS * cut];
		for (int c = 0; c < CLUSTERS; c++) {
			System.arraycopy(rotated, (int) ((long) c * rows / CLUSTERS) * dim, centres, c * cut, cut);
			normalise(centres, c * cut, cut);
		}
		int[] assigned = new int[rows];
		for (int round = 0; round < KMEANS_ROUNDS; round++) {
			for (int r = 0; r < rows; r++) {
				float best = Float.NEGATIVE_INFINITY;
				for (int c = 0; c < CLUSTERS; c++) {
					float dot = 0;
					for (int d = 0; d < cut; d++) {
						dot += rotated[r * dim + d] * centres[c * cut + d];
					}
					if (dot > best) {
						best = dot;
						assigned[r] = c;
					}
				}
			}
			float[] sums = new float[CLUSTERS * cut];
			for (int r = 0; r < rows; r++) {
				for (int d = 0; d < cut; d++) {
					sums[assigned[r] * cut + d] += rotated[r * dim + d];
				}
			}
			for (int c = 0; c < CLUSTERS; c++) {
				if (normalise(sums, c * cut, cut)) {
					System.arraycopy(sums, c * cut, centres, c * cut, cut);
				}
			}
		}
		return centres;
	}

	private static boolean normalise(float[] values, int from, int length) {
		double sum = 0;
		for (int d = from; d < from + length; d++) {
			sum += (double) values[d] * values[d];
		}
		if (sum == 0) {
			return false;
		}
		float scale = (float) (1 / Math.sqrt(sum));
		for (int d = from; d < from + length; d++) {
			values[d] *= scale;
		}
		return true;
	}
}
