package org.guildhall.insights.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * CSV for spreadsheets that must not run what they open: a text cell that starts like a formula
 * ({@code = + - @}, tab or carriage return) gets a leading apostrophe, as OWASP recommends, so
 * the spreadsheet shows it as text. Numbers are written as numbers. Commons CSV does the quoting.
 */
public final class SafeCsv implements AutoCloseable {

	private final CSVPrinter printer;

	public SafeCsv(Writer out) {
		try {
			this.printer = new CSVPrinter(out, CSVFormat.RFC4180);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** One row; {@code null} cells are empty, numbers stay numbers, everything else is text made safe. */
	public SafeCsv row(@Nullable Object... cells) {
		List<Object> safe = new ArrayList<>(cells.length);
		for (Object cell : cells) {
			safe.add(cell == null ? "" : cell instanceof Number ? cell : text(cell.toString()));
		}
		try {
			printer.printRecord(safe);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return this;
	}

	/** A cell's text as a spreadsheet will show it, never run it. */
	public static String text(String value) {
		if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
			return "'" + value;
		}
		return value;
	}

	@Override
	public void close() {
		try {
			printer.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
