package org.guildhall.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A generated file read back with Commons CSV, with the people indexed as the import would. */
record GeneratedFile(Organisation organisation, List<String> header, List<CSVRecord> rows,
		Map<String, CSVRecord> byEmployeeId, Map<String, CSVRecord> byEmail) {

	/** The header documented in {@code docs/hr-import.md}. */
	static final List<String> DOCUMENTED_HEADER = List.of("employee_id", "email", "full_name", "title", "department",
			"location", "time_zone", "level", "manager", "hire_date", "leaving_date", "languages", "skills", "goals", "bio",
			"mentoring", "mentoring_capacity");

	static String text(int people, long seed) throws IOException {
		StringWriter out = new StringWriter();
		new OrganisationGenerator().generate(people, seed, out);
		return out.toString();
	}

	static GeneratedFile generate(int people, long seed) throws IOException {
		StringWriter out = new StringWriter();
		Organisation organisation = new OrganisationGenerator().generate(people, seed, out);
		return read(organisation, new StringReader(out.toString()));
	}

	static GeneratedFile read(Organisation organisation, Reader csv) throws IOException {
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		try (CSVParser parser = CSVParser.parse(csv, format)) {
			List<CSVRecord> rows = parser.getRecords();
			Map<String, CSVRecord> byEmployeeId = new HashMap<>();
			Map<String, CSVRecord> byEmail = new HashMap<>();
			for (CSVRecord row : rows) {
				if (byEmployeeId.put(row.get("employee_id"), row) != null) {
					throw new AssertionError("duplicate employee id " + row.get("employee_id"));
				}
				if (byEmail.put(row.get("email").toLowerCase(java.util.Locale.ROOT), row) != null) {
					throw new AssertionError("duplicate e-mail " + row.get("email"));
				}
			}
			return new GeneratedFile(organisation, parser.getHeaderNames(), rows, byEmployeeId, byEmail);
		}
	}

	/** The row a {@code manager} value refers to, by e-mail or employee id; null if none. */
	CSVRecord resolve(String reference) {
		CSVRecord row = byEmployeeId.get(reference);
		return row != null ? row : byEmail.get(reference.toLowerCase(java.util.Locale.ROOT));
	}

	/** The manager's row, or null for someone without a manager. */
	CSVRecord managerOf(CSVRecord row) {
		String reference = row.get("manager");
		return reference.isEmpty() ? null : resolve(reference);
	}
}
