/**
 * The matching engine: problem model, scorer, hard rules, candidate pruning and the
 * {@code optimal}, {@code fair} and {@code stable} solvers. Plain Java with no Spring, web or
 * database types, so it runs from the command line and in benchmarks. Other modules build their
 * problems with its types (the package is the module's named interface {@code engine}) and run
 * them through {@link org.guildhall.matching.MentorMatching}.
 */
@org.springframework.modulith.NamedInterface("engine")
package org.guildhall.matching.engine;
