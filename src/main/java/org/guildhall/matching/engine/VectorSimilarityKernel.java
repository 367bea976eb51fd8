package org.guildhall.matching.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-tiled kernel on the (incubating) Vector API: 4 rows × 2 vectors of columns held in eight
 * accumulators, one broadcast per row and dimension. All vectors stay local to this method so the
 * JIT keeps them in registers. Only loaded when {@code jdk.incubator.vector} is present.
 */
final class VectorSimilarityKernel implements SimilarityKernel {

	private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
	private static final int LANES = SPECIES.length();
	private static final int WIDTH = 2 * LANES;

	@Override
	public int width() {
		return WIDTH;
	}

	@Override
	public void tile(float[] vectors, int row0, int row1, int row2, int row3, float[] tile, int tileOffset, int from,
			int to, boolean add, float[] out) {
		FloatVector a00 = start(out, 0, add);
		FloatVector a01 = start(out, LANES, add);
		FloatVector a10 = start(out, WIDTH, add);
		FloatVector a11 = start(out, WIDTH + LANES, add);
		FloatVector a20 = start(out, 2 * WIDTH, add);
		FloatVector a21 = start(out, 2 * WIDTH + LANES, add);
		FloatVector a30 = start(out, 3 * WIDTH, add);
		FloatVector a31 = start(out, 3 * WIDTH + LANES, add);
		for (int d = from; d < to; d++) {
			int t = tileOffset + d * WIDTH;
			FloatVector b0 = FloatVector.fromArray(SPECIES, tile, t);
			FloatVector b1 = FloatVector.fromArray(SPECIES, tile, t + LANES);
			FloatVector x0 = FloatVector.broadcast(SPECIES, vectors[row0 + d]);
			a00 = b0.fma(x0, a00);
			a01 = b1.fma(x0, a01);
			FloatVector x1 = FloatVector.broadcast(SPECIES, vectors[row1 + d]);
			a10 = b0.fma(x1, a10);
			a11 = b1.fma(x1, a11);
			FloatVector x2 = FloatVector.broadcast(SPECIES, vectors[row2 + d]);
			a20 = b0.fma(x2, a20);
			a21 = b1.fma(x2, a21);
			FloatVector x3 = FloatVector.broadcast(SPECIES, vectors[row3 + d]);
			a30 = b0.fma(x3, a30);
			a31 = b1.fma(x3, a31);
		}
		a00.intoArray(out, 0);
		a01.intoArray(out, LANES);
		a10.intoArray(out, WIDTH);
		a11.intoArray(out, WIDTH + LANES);
		a20.intoArray(out, 2 * WIDTH);
		a21.intoArray(out, 2 * WIDTH + LANES);
		a30.intoArray(out, 3 * WIDTH);
		a31.intoArray(out, 3 * WIDTH + LANES);
	}

	@Override
	public void row(float[] vectors, int row, float[] tile, int tileOffset, int from, int to, float[] out,
			int outOffset) {
		// Two chains per half (even and odd coordinates), so that four FMAs are in flight.
		FloatVector a0 = FloatVector.fromArray(SPECIES, out, outOffset);
		FloatVector a1 = FloatVector.fromArray(SPECIES, out, outOffset + LANES);
		FloatVector b0 = FloatVector.zero(SPECIES);
		FloatVector b1 = FloatVector.zero(SPECIES);
		int d = from;
		for (; d + 1 < to; d += 2) {
			int t = tileOffset + d * WIDTH;
			FloatVector x = FloatVector.broadcast(SPECIES, vectors[row + d]);
			FloatVector y = FloatVector.broadcast(SPECIES, vectors[row + d + 1]);
			a0 = FloatVector.fromArray(SPECIES, tile, t).fma(x, a0);
			a1 = FloatVector.fromArray(SPECIES, tile, t + LANES).fma(x, a1);
			b0 = FloatVector.fromArray(SPECIES, tile, t + WIDTH).fma(y, b0);
			b1 = FloatVector.fromArray(SPECIES, tile, t + WIDTH + LANES).fma(y, b1);
		}
		if (d < to) {
			int t = tileOffset + d * WIDTH;
			FloatVector x = FloatVector.broadcast(SPECIES, vectors[row + d]);
			a0 = FloatVector.fromArray(SPECIES, tile, t).fma(x, a0);
			a1 = FloatVector.fromArray(SPECIES, tile, t + LANES).fma(x, a1);
		}
		a0.add(b0).intoArray(out, outOffset);
		a1.add(b1).intoArray(out, outOffset + LANES);
	}

	private static FloatVector start(float[] out, int offset, boolean add) {
		return add ? FloatVector.fromArray(SPECIES, out, offset) : FloatVector.zero(SPECIES);
	}

	@Override
	public boolean bounds(float[] similarities, int offset, BoundTables tables, BoundTables.Row row, int first,
			float rowThreshold, float[] columnThresholds, boolean sum, float rowResidual, float[] columnResiduals,
			float[] bounds) {
		boolean any = false;
		for (int h = 0; h < WIDTH; h += LANES) {
			int p = first + h;
			FloatVector similarity = FloatVector.fromArray(SPECIES, similarities, offset + h);
			if (columnResiduals != null) {
				similarity = FloatVector.fromArray(SPECIES, columnResiduals, p)
					.fma(FloatVector.broadcast(SPECIES, rowResidual), similarity.add(RESIDUAL_ROUNDING));
			}
			FloatVector bound = similarity
				.max(0f)
				.mul(tables.goalsPoints)
				.add(FloatVector.fromArray(SPECIES, row.seniority, p))
				.add(FloatVector.fromArray(SPECIES, row.zone, p))
				.add(FloatVector.fromArray(SPECIES, row.language, p))
				.add(row.constant);
			if (row.department >= 0) {
				FloatVector department = FloatVector.fromArray(SPECIES, tables.mentorDepartment, p);
				VectorMask<Float> other = department.compare(VectorOperators.NE, row.department)
					.and(department.compare(VectorOperators.GE, 0f));
				bound = bound.add(FloatVector.zero(SPECIES).blend(tables.departmentPoints, other));
			}
			if (row.skills > 0) {
				FloatVector skills = FloatVector.zero(SPECIES);
				for (int k = 0; k < row.skills; k++) {
					FloatVector have = FloatVector.fromArray(SPECIES, tables.proficiency, row.skillOffsets[k] + p);
					skills = skills.add(have.mul(row.skillInverse[k]).min(1f));
				}
				bound = skills.mul(row.skillScale).add(bound);
			}
			bound.intoArray(bounds, h);
			FloatVector threshold = FloatVector.fromArray(SPECIES, columnThresholds, p);
			VectorMask<Float> pass = sum ? bound.compare(VectorOperators.GT, threshold.add(rowThreshold))
					: bound.compare(VectorOperators.GE, threshold.min(rowThreshold));
			any |= pass.anyTrue();
		}
		return any;
	}

	@Override
	public String name() {
		return "vector " + SPECIES.vectorBitSize() + "-bit";
	}
}
