package org.guildhall.matching.engine;

/**
 * Dot products of four mentee vectors against a tile of mentor vectors stored transposed
 * ({@code tile[d * width + c]}), the inner loop of candidate generation.
 */
interface SimilarityKernel {

	/** Columns per tile. */
	int width();

	/**
	 * Writes {@code out[r * width + c]} = dot(row r, column c) for the rows starting at
	 * {@code rows[0..3]} in {@code vectors}.
	 */
	void tile(float[] vectors, int row0, int row1, int row2, int row3, float[] tile, int tileOffset, int dim,
			float[] out);

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
