/**
 * The matching engine: problem model, scorer, hard rules, candidate pruning and the
 * {@code optimal}, {@code fair} and {@code stable} solvers. Plain Java with no Spring, web or
 * database types, so it runs from the command line and in benchmarks.
 */
package org.guildhall.matching.engine;
