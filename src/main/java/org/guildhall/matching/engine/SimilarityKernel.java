package org.guildhall.matching.engine;

/**
 * Dot products of four mentee vectors against a tile of mentor vectors stored transposed
 * ({@code tile[d * width + c]}), the inner loop of candidate generation.
 */
interface SimilarityKernel {

	/** Allowance for float rounding in a bound from the leading coordinates (in cosine). */
	float RESIDUAL_ROUNDING = 1e-4f;

	/** Columns per tile. */
	int width();

	/**
	 * The given rows of {@code vectors} (each {@code dim} long) laid out as tiles for {@link #tile}
	 * ({@code tile[d * width + c]}, tile after tile): row {@code rows[c]} becomes column c, and the
	 * last tile is padded with zeros.
	 */
	default float[] tiles(float[] vectors, int dim, int[] rows) {
		int width = width();
		float[] tiles = new float[(rows.length + width - 1) / width * dim * width];
		for (int c = 0; c < rows.length; c++) {
			int base = (c / width) * dim * width + c % width;
			int from = rows[c] * dim;
			for (int d = 0; d < dim; d++) {
				tiles[base + d * width] = vectors[from + d];
			}
		}
		return tiles;
	}

	/**
	 * Writes {@code out[r * width + c]} = dot(row r, column c) for the rows starting at
	 * {@code rows[0..3]} in {@code vectors}.
	 */
	default void tile(float[] vectors, int row0, int row1, int row2, int row3, float[] tile, int tileOffset, int dim,
			float[] out) {
		tile(vectors, row0, row1, row2, row3, tile, tileOffset, 0, dim, false, out);
	}

	/**
	 * The same over coordinates {@code [from, to)} only: {@code out[r * width + c]} = the partial
	 * dot product, or, with {@code add}, {@code out} plus it (to finish a product begun over the
	 * first coordinates).
	 */
	void tile(float[] vectors, int row0, int row1, int row2, int row3, float[] tile, int tileOffset, int from, int to,
			boolean add, float[] out);

	/**
	 * Adds to {@code out[outOffset + c]} the dot product of one row (starting at {@code row} in
	 * {@code vectors}) with column c of the tile over coordinates {@code [from, to)}: for finishing a
	 * product when only one or two rows of a block need it.
	 */
	void row(float[] vectors, int row, float[] tile, int tileOffset, int from, int to, float[] out, int outOffset);

	/**
	 * Upper bounds on the scores of one mentee against the {@link #width()} columns from
	 * {@code first} (a whole tile: {@code first + width() <= tables.columns}), from its row of a
	 * tile's similarities ({@code similarities[offset + c]}) and the criteria tables, written to
	 * {@code bounds[c]}. Returns whether any column may pass: with {@code sum} false when a bound is
	 * at least {@code min(rowThreshold, columnThresholds[first + c])} (the scoring pass: a pair that
	 * could enter the mentee's or the mentor's best list); with {@code sum} true when a bound is above
	 * {@code rowThreshold + columnThresholds[first + c]} (pricing: a pair the duals may not cover).
	 * False means no column passes; true is a hint to check each column.
	 * <p>
	 * With {@code columnResiduals} (not null), the similarities are dot products over the leading
	 * coordinates only, and each is first raised by the most the rest can add:
	 * {@code rowResidual * columnResiduals[first + c]} (the norms past the cut) plus
	 * {@link #RESIDUAL_ROUNDING}.
	 */
	default boolean bounds(float[] similarities, int offset, BoundTables tables, BoundTables.Row row, int first,
			float rowThreshold, float[] columnThresholds, boolean sum, float rowResidual, float[] columnResiduals,
			float[] bounds) {
		boolean any = false;
		int columns = tables.columns;
		for (int c = 0; c < width(); c++) {
			int p = first + c;
			float similarity = similarities[offset + c];
			if (columnResiduals != null) {
				similarity += rowResidual * columnResiduals[p] + RESIDUAL_ROUNDING;
			}
			float bound = (similarity > 0 ? similarity : 0f) * tables.goalsPoints + row.seniority[p] + row.zone[p]
					+ row.language[p] + row.constant;
			float department = tables.mentorDepartment[p];
			if (row.department >= 0 && department >= 0 && department != row.department) {
				bound += tables.departmentPoints;
			}
			float skills = 0f;
			for (int k = 0; k < row.skills; k++) {
				skills += Math.min(1f, tables.proficiency[row.skillOffsets[k] + p] * row.skillInverse[k]);
			}
			bound += skills * row.skillScale;
			bounds[c] = bound;
			float threshold = columnThresholds[p];
			any |= sum ? bound > rowThreshold + threshold : bound >= Math.min(rowThreshold, threshold);
		}
		assert first + width() <= columns;
		return any;
	}

	/** A short name for reports ("vector 512-bit" or "scalar"). */
	String name();

	/**
	 * The fastest kernel available: the Vector API one when the JVM runs with
	 * {@code --add-modules jdk.incubator.vector} (and {@code guildhall.matching.vector} is not
	 * {@code false}), else the scalar one, which always works.
	 */
	static SimilarityKernel best() {
		if (!"false".equals(System.getProperty("guildhall.matching.vector"))
				&& ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
			try {
				return (SimilarityKernel) Class.forName("org.guildhall.matching.engine.VectorSimilarityKernel")
					.getDeclaredConstructor()
					.newInstance();
			}
			catch (ReflectiveOperationException | LinkageError e) {
				// fall through to the scalar kernel
			}
		}
		return new ScalarSimilarityKernel();
	}
}
