/**
 * Mentor matching: compatibility scoring, exact solvers and their explanations. The pure engine
 * lives in {@code engine} (plain Java, usable from the command line and benchmarks); {@code cli}
 * runs it on a problem file.
 */
package org.guildhall.matching;
