package org.guildhall.matching.engine;

/** Plain Java kernel; its inner loop is a simple multiply-add that the JIT can still vectorise. */
final class ScalarSimilarityKernel implements SimilarityKernel {

	private static final int WIDTH = 32;

	@Override
	public int width() {
		return WIDTH;
	}

	@Override
	public void tile(float[] vectors, int row0, int row1, int row2, int row3, float[] tile, int tileOffset, int from,
			int to, boolean add, float[] out) {
		if (!add) {
			java.util.Arrays.fill(out, 0, 4 * WIDTH, 0f);
		}
		int[] rows = { row0, row1, row2, row3 };
		for (int r = 0; r < 4; r++) {
			int base = rows[r];
			int o = r * WIDTH;
			for (int d = from; d < to; d++) {
				float x = vectors[base + d];
				int t = tileOffset + d * WIDTH;
				for (int c = 0; c < WIDTH; c++) {
					out[o + c] += x * tile[t + c];
				}
			}
		}
	}

	@Override
	public void row(float[] vectors, int row, float[] tile, int tileOffset, int from, int to, float[] out,
			int outOffset) {
		for (int d = from; d < to; d++) {
			float x = vectors[row + d];
			int t = tileOffset + d * WIDTH;
			for (int c = 0; c < WIDTH; c++) {
				out[outOffset + c] += x * tile[t + c];
			}
		}
	}

	@Override
	public String name() {
		return "scalar";
	}
}
