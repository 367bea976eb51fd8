package org.guildhall.matching.engine;

/**
 * What is proven about a result.
 *
 * @param proven true when the result is proven optimal for its objective on all allowed pairs
 * @param gap proven relative gap to the optimum (0 when proven; {@code null} when no bound is known,
 *        as for {@code stable})
 * @param basis how it was proven, or why not, in words
 */
public record Optimality(boolean proven, Double gap, String basis) {
}
