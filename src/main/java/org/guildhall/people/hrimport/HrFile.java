package org.guildhall.people.hrimport;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an HR CSV file into rows: checks the encoding (UTF-8, optional byte-order mark), the header
 * (known, required and unique columns), the shape of each row and the limits. Values are stripped;
 * blank values count as absent. Content rules (e-mails, dates, managers) are the planner's job.
 */
public final class HrFile {

	public static final int MAX_ROWS = 200_000;
	public static final int MAX_VALUE_LENGTH = 4_000;

	private final List<Column> columns;
	private final List<HrRow> rows;
	private final List<ImportIssue> issues;

	private HrFile(List<Column> columns, List<HrRow> rows, List<ImportIssue> issues) {
		this.columns = columns;
		this.rows = rows;
		this.issues = issues;
	}

	/** Columns present in the header, in file order. */
	public List<Column> columns() {
		return columns;
	}

	public boolean has(Column column) {
		return columns.contains(column);
	}

	public List<HrRow> rows() {
		return rows;
	}

	/** Problems with the file as a whole or with the shape of rows. */
	public List<ImportIssue> issues() {
		return issues;
	}

	/** Reads the file; {@code progress} receives the number of rows read so far now and then. */
	public static HrFile read(byte[] content, IntConsumer progress) {
		List<ImportIssue> issues = new ArrayList<>();
		Optional<String> text = decode(content, issues);
		if (text.isEmpty()) {
			return new HrFile(List.of(), List.of(), issues);
		}
		CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
		try (CSVParser parser = CSVParser.parse(new StringReader(text.get()), format)) {
			var records = parser.iterator();
			if (!records.hasNext()) {
				issues.add(ImportIssue.ofFile("The file is empty: the first line must name the columns."));
				return new HrFile(List.of(), List.of(), issues);
			}
			CSVRecord header = records.next();
			List<Column> columns = new ArrayList<>();
			List<Integer> positions = new ArrayList<>();
			// header problems do not stop the reading: the rows' problems are reported with them, in one go
			readHeader(header, columns, positions, issues);
			List<HrRow> rows = new ArrayList<>();
			long lineBefore = parser.getCurrentLineNumber();
			while (true) {
				CSVRecord record;
				try {
					if (!records.hasNext()) {
						break;
					}
					record = records.next();
				}
				catch (UncheckedIOException | IllegalStateException e) {
					issues.add(new ImportIssue((int) lineBefore + 1, null,
							"The row cannot be read as CSV (an unclosed quote?): " + e.getMessage()));
					break;
				}
				int line = (int) lineBefore + 1;
				lineBefore = parser.getCurrentLineNumber();
				if (rows.size() >= MAX_ROWS) {
					issues.add(new ImportIssue(line, null, "The file has more than " + MAX_ROWS + " rows; split it."));
					break;
				}
				if (record.size() != header.size()) {
					issues.add(new ImportIssue(line, null, "The row has " + record.size() + " fields but the header has "
							+ header.size() + " (a comma inside a value needs quotes)."));
					continue;
				}
				HrRow row = new HrRow(line);
				for (int i = 0; i < columns.size(); i++) {
					String value = record.get(positions.get(i)).strip();
					if (value.length() > MAX_VALUE_LENGTH) {
						issues.add(new ImportIssue(line, columns.get(i).header(),
								"is longer than " + MAX_VALUE_LENGTH + " characters"));
					}
					else if (!value.isEmpty()) {
						row.values().put(columns.get(i), value);
					}
				}
				rows.add(row);
				if (rows.size() % 5_000 == 0) {
					progress.accept(rows.size());
				}
			}
			if (rows.isEmpty() && issues.stream().noneMatch(i -> i.line() == null || i.line() > 1)) {
				issues.add(ImportIssue.ofFile("The file has a header but no people."));
			}
			progress.accept(rows.size());
			return new HrFile(columns, rows, issues);
		}
		catch (IOException | UncheckedIOException e) {
			issues.add(ImportIssue.ofFile("The file cannot be read as CSV: " + e.getMessage()));
			return new HrFile(List.of(), List.of(), issues);
		}
	}

	private static void readHeader(CSVRecord header, List<Column> columns, List<Integer> positions,
			List<ImportIssue> issues) {
		Set<Column> seen = EnumSet.noneOf(Column.class);
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i);
			if (name.isBlank()) {
				issues.add(new ImportIssue(1, "#" + (i + 1), "Column " + (i + 1) + " has no name."));
				continue;
			}
			Optional<Column> column = Column.fromHeader(name);
			if (column.isEmpty()) {
				issues.add(new ImportIssue(1, name.strip(), "Unknown column '" + name.strip()
						+ "'. Known columns: " + String.join(", ", java.util.Arrays.stream(Column.values()).map(Column::header).toList()) + "."));
			}
			else if (!seen.add(column.get())) {
				issues.add(new ImportIssue(1, name.strip(), "The column '" + column.get().header() + "' appears twice."));
			}
			else {
				columns.add(column.get());
				positions.add(i);
			}
		}
		for (Column column : Column.values()) {
			if (column.required() && !seen.contains(column)) {
				issues.add(new ImportIssue(1, column.header(), "The required column '" + column.header() + "' is missing."));
			}
		}
	}

	/** The text of a UTF-8 file without its byte-order mark, or an issue naming the line with the first invalid byte. */
	static Optional<String> decode(byte[] content, List<ImportIssue> issues) {
		int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
				&& (content[2] & 0xFF) == 0xBF ? 3 : 0;
		if (content.length >= 2 && ((content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE
				|| (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF)) {
			issues.add(ImportIssue.ofFile("The file is UTF-16; save it as UTF-8 (\"CSV UTF-8\" in spreadsheet programs)."));
			return Optional.empty();
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
		CharBuffer out = CharBuffer.allocate(content.length);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			int line = 1;
			for (int i = start; i < in.position(); i++) {
				if (content[i] == '\n') {
					line++;
				}
			}
			issues.add(new ImportIssue(line, null, "The file is not valid UTF-8 (byte 0x"
					+ Integer.toHexString(content[in.position()] & 0xFF).toUpperCase() + " on this line; "
					+ "was it saved as Windows-1252 or Latin-1?). Save it as UTF-8 and upload it again."));
			return Optional.empty();
		}
		decoder.flush(out);
		out.flip();
		return Optional.of(out.toString());
	}
}
