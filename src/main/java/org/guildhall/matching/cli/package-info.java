/**
 * The {@code match} command: reads a problem file (scored pairs or profiles), validates it, runs
 * the engine and writes the result file.
 */
package org.guildhall.matching.cli;
