package org.guildhall.matching.engine;

import java.util.EnumMap;
import java.util.Map;

/**
 * How much each criterion counts: a non-negative weight, or "must" (a pair failing it is not
 * allowed; a must criterion adds no weight). Criteria not mentioned count zero.
 */
public final class CriterionWeights {

	private final double[] weight = new double[Criterion.values().length];
	private final boolean[] must = new boolean[Criterion.values().length];

	private CriterionWeights() {
	}

	/** Weights from criterion to weight; use {@link #withMust(Criterion)} for must criteria. */
	public static CriterionWeights of(Map<Criterion, Double> weights) {
		CriterionWeights result = new CriterionWeights();
		for (Map.Entry<Criterion, Double> entry : weights.entrySet()) {
			double value = entry.getValue();
			if (!(value >= 0) || Double.isInfinite(value) || value > 1000) {
				throw new InvalidProblemException(
						"weights." + entry.getKey().key() + ": " + value + " is not a weight from 0 to 1000");
			}
			result.weight[entry.getKey().ordinal()] = value;
		}
		return result;
	}

	/** Guildhall's defaults: skills 3, goals 3, seniority 1, cross-department 1, time zone 1, preferences 2, language must. */
	public static CriterionWeights defaults() {
		Map<Criterion, Double> map = new EnumMap<>(Criterion.class);
		map.put(Criterion.SKILLS, 3.0);
		map.put(Criterion.GOALS, 3.0);
		map.put(Criterion.SENIORITY, 1.0);
		map.put(Criterion.CROSS_DEPARTMENT, 1.0);
		map.put(Criterion.TIME_ZONE, 1.0);
		map.put(Criterion.PREFERENCES, 2.0);
		return of(map).withMust(Criterion.LANGUAGE);
	}

	/** A copy in which the criterion is a must (and carries no weight). */
	public CriterionWeights withMust(Criterion criterion) {
		CriterionWeights copy = new CriterionWeights();
		System.arraycopy(weight, 0, copy.weight, 0, weight.length);
		System.arraycopy(must, 0, copy.must, 0, must.length);
		copy.must[criterion.ordinal()] = true;
		copy.weight[criterion.ordinal()] = 0;
		return copy;
	}

	public double weight(Criterion criterion) {
		return weight[criterion.ordinal()];
	}

	public boolean isMust(Criterion criterion) {
		return must[criterion.ordinal()];
	}

	/** Sum of all weights. */
	public double total() {
		double sum = 0;
		for (double w : weight) {
			sum += w;
		}
		return sum;
	}

	/** Points (out of 100) the criterion contributes when fully met. */
	public double points(Criterion criterion) {
		double total = total();
		return total == 0 ? 0 : 100.0 * weight(criterion) / total;
	}
}
