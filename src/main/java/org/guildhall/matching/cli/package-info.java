/**
 * The {@code match} command: reads a problem file (scored pairs or profiles), validates it, runs
 * the engine and writes the result file. Exposed so that the application's entry point can run it.
 */
@org.springframework.modulith.NamedInterface("cli")
package org.guildhall.matching.cli;
