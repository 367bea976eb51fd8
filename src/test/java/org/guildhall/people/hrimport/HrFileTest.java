package org.guildhall.people.hrimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class HrFileTest {

	private static HrFile read(String text) {
		return HrFile.read(text.getBytes(StandardCharsets.UTF_8), n -> { });
	}

	@Test
	void readsQuotedCommasCrlfAndAByteOrderMark() {
		byte[] body = ("employee_id,email,full_name,title\r\n"
				+ "E1,ann@example.com,\"Smith, Ann\",\"Lead, \"\"Platform\"\"\"\r\n"
				+ "E2,bo@example.com,Bo Ek,\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[body.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(body, 0, withBom, 3, body.length);

		HrFile file = HrFile.read(withBom, n -> { });

		assertThat(file.issues()).isEmpty();
		assertThat(file.columns()).containsExactly(Column.EMPLOYEE_ID, Column.EMAIL, Column.FULL_NAME, Column.TITLE);
		assertThat(file.rows()).hasSize(2);
		assertThat(file.rows().get(0).get(Column.FULL_NAME)).isEqualTo("Smith, Ann");
		assertThat(file.rows().get(0).get(Column.TITLE)).isEqualTo("Lead, \"Platform\"");
		assertThat(file.rows().get(1).get(Column.TITLE)).as("blank value is absent").isNull();
		assertThat(file.rows().get(1).line()).isEqualTo(3);
	}

	@Test
	void headerNamesAreCaseInsensitive() {
		HrFile file = read("Employee_ID,EMAIL,Full Name\nE1,a@example.com,A\n");
		assertThat(file.issues()).isEmpty();
		assertThat(file.rows().get(0).get(Column.EMAIL)).isEqualTo("a@example.com");
	}

	@Test
	void namesUnknownDuplicateAndMissingColumns() {
		HrFile file = read("employee_id,emial,full_name,full_name\nE1,a@example.com,A,B\n");
		assertThat(file.issues()).extracting(ImportIssue::toString).anySatisfy(s -> assertThat(s).contains("Unknown column 'emial'"))
			.anySatisfy(s -> assertThat(s).contains("'full_name' appears twice"))
			.anySatisfy(s -> assertThat(s).contains("required column 'email' is missing"));
		assertThat(file.issues()).allSatisfy(issue -> assertThat(issue.line()).isEqualTo(1));
	}

	@Test
	void reportsTheLineOfARowWithTheWrongNumberOfFields() {
		HrFile file = read("employee_id,email,full_name\nE1,a@example.com,A\nE2,b@example.com,Smith, Bo\n");
		assertThat(file.issues()).singleElement().satisfies(issue -> {
			assertThat(issue.line()).isEqualTo(3);
			assertThat(issue.message()).contains("4 fields").contains("header has 3");
		});
	}

	@Test
	void refusesTextThatIsNotUtf8AndNamesTheLine() {
		byte[] latin1 = "employee_id,email,full_name\nE1,a@example.com,Ann\nE2,b@example.com,Zoë\n"
			.getBytes(Charset.forName("ISO-8859-1"));
		HrFile file = HrFile.read(latin1, n -> { });
		assertThat(file.rows()).isEmpty();
		assertThat(file.issues()).singleElement().satisfies(issue -> {
			assertThat(issue.line()).isEqualTo(3);
			assertThat(issue.message()).contains("not valid UTF-8");
		});
	}

	@Test
	void refusesUtf16() {
		byte[] utf16 = "employee_id,email,full_name\n".getBytes(StandardCharsets.UTF_16);
		assertThat(HrFile.read(utf16, n -> { }).issues()).singleElement()
			.satisfies(issue -> assertThat(issue.message()).contains("UTF-16"));
	}

	@Test
	void anEmptyFileAndAHeaderWithoutRowsAreExplained() {
		assertThat(read("").issues()).singleElement().satisfies(i -> assertThat(i.message()).contains("empty"));
		assertThat(read("employee_id,email,full_name\n").issues()).singleElement()
			.satisfies(i -> assertThat(i.message()).contains("no people"));
	}

	@Test
	void anUnclosedQuoteIsReportedNotThrown() {
		HrFile file = read("employee_id,email,full_name\nE1,a@example.com,\"Ann\nE2,b@example.com,Bo\n");
		assertThat(file.issues()).isNotEmpty();
	}
}
