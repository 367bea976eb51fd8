package org.guildhall.matching.engine;

/**
 * A solver's raw answer on the candidate graph: the mentor of each mentee (-1 unmatched) and, for
 * the exact solvers, the dual values proving it.
 */
record Solution(int[] mentorOf, long[] menteeDuals, long[] mentorDuals, DualCertificate certificate, String note) {
}
