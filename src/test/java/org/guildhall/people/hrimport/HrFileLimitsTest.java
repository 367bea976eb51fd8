package org.guildhall.people.hrimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The reader's edges: byte-order marks, the exact limits on rows and values, and progress. */
class HrFileLimitsTest {

	private static HrFile read(byte[] bytes) {
		return HrFile.read(bytes, n -> { });
	}

	@Test
	void aFileOfOnlyAUtf8ByteOrderMarkIsEmpty() {
		HrFile file = read(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		assertThat(file.issues()).extracting(ImportIssue::message)
			.containsExactly("The file is empty: the first line must name the columns.");
	}

	@Test
	void utf16IsRefusedInBothByteOrders() {
		String expected = "The file is UTF-16; save it as UTF-8 (\"CSV UTF-8\" in spreadsheet programs).";
		assertThat(read(new byte[] { (byte) 0xFF, (byte) 0xFE }).issues()).extracting(ImportIssue::message)
			.containsExactly(expected);
		assertThat(read(new byte[] { (byte) 0xFE, (byte) 0xFF }).issues()).extracting(ImportIssue::message)
			.containsExactly(expected);
		byte[] littleEndian = "\uFEFFemployee_id,email,full_name\n".getBytes(StandardCharsets.UTF_16LE);
		assertThat(littleEndian[0]).isEqualTo((byte) 0xFF);
		HrFile file = read(littleEndian);
		assertThat(file.rows()).isEmpty();
		assertThat(file.issues()).extracting(ImportIssue::message).containsExactly(expected);
	}

	@Test
	void theInvalidByteIsNamed() {
		byte[] bytes = "employee_id,email,full_name\nE1,a@example.com,Zo\u00eb\n".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(read(bytes).issues()).singleElement().satisfies(issue -> {
			assertThat(issue.line()).isEqualTo(2);
			assertThat(issue.message()).startsWith("The file is not valid UTF-8 (byte 0xEB on this line;");
		});
	}

	@Test
	void anUnclosedQuoteNamesTheLineWhereTheRowStarts() {
		HrFile file = read("employee_id,email,full_name\nE1,a@example.com,Ann\nE2,b@example.com,\"Bo\nE3,c@example.com,Cy\n"
			.getBytes(StandardCharsets.UTF_8));
		assertThat(file.rows()).extracting(HrRow::line).containsExactly(2);
		assertThat(file.issues()).singleElement().satisfies(issue -> {
			assertThat(issue.line()).isEqualTo(3);
			assertThat(issue.message()).startsWith("The row cannot be read as CSV (an unclosed quote?)");
		});
	}

	@Test
	void aValueMayHaveFourThousandCharactersNotMore() {
		String longest = "b".repeat(HrFile.MAX_VALUE_LENGTH);
		HrFile ok = read(("employee_id,email,full_name,bio\nE1,a@example.com,Ann," + longest + "\n").getBytes(StandardCharsets.UTF_8));
		assertThat(ok.issues()).isEmpty();
		assertThat(ok.rows().get(0).get(Column.BIO)).isEqualTo(longest);
		HrFile tooLong = read(("employee_id,email,full_name,bio\nE1,a@example.com,Ann," + longest + "b\n")
			.getBytes(StandardCharsets.UTF_8));
		assertThat(tooLong.issues()).extracting(ImportIssue::toString)
			.containsExactly("line 2, column bio: is longer than 4000 characters");
	}

	@Test
	void aFileMayHaveTwoHundredThousandRowsNotMore() {
		StringBuilder csv = new StringBuilder("employee_id,email,full_name\n");
		for (int i = 0; i <= HrFile.MAX_ROWS; i++) {
			csv.append('E').append(i).append(",p").append(i).append("@example.com,P\n");
		}
		List<Integer> progress = new ArrayList<>();
		HrFile file = HrFile.read(csv.toString().getBytes(StandardCharsets.UTF_8), progress::add);

		assertThat(file.rows()).hasSize(HrFile.MAX_ROWS);
		assertThat(file.rows().get(HrFile.MAX_ROWS - 1).line()).isEqualTo(HrFile.MAX_ROWS + 1);
		assertThat(file.issues()).singleElement().satisfies(issue -> {
			assertThat(issue.line()).isEqualTo(HrFile.MAX_ROWS + 2);
			assertThat(issue.message()).isEqualTo("The file has more than 200000 rows; split it.");
		});
		List<Integer> expected = new ArrayList<>();
		for (int n = 5_000; n <= HrFile.MAX_ROWS; n += 5_000) {
			expected.add(n);
		}
		expected.add(HrFile.MAX_ROWS);
		assertThat(progress).isEqualTo(expected);
	}

	@Test
	void hasTellsWhichColumnsTheFileNames() {
		HrFile file = read("employee_id,email,full_name,title\nE1,a@example.com,Ann,Lead\n".getBytes(StandardCharsets.UTF_8));
		assertThat(file.has(Column.TITLE)).isTrue();
		assertThat(file.has(Column.DEPARTMENT)).isFalse();
	}

	@Test
	void aHeaderCellWithoutANameIsNamedByItsPosition() {
		HrFile file = read("employee_id,,email,full_name, \nE1,x,a@example.com,Ann,y\n".getBytes(StandardCharsets.UTF_8));
		assertThat(file.issues()).extracting(ImportIssue::toString)
			.containsExactly("line 1, column #2: Column 2 has no name.", "line 1, column #5: Column 5 has no name.");
		assertThat(file.rows()).as("the rows are still read, so their problems come with the header's")
			.singleElement().satisfies(row -> assertThat(row.get(Column.EMAIL)).isEqualTo("a@example.com"));
	}
}
