package org.guildhall.people.hrimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;

/**
 * Any bytes uploaded as an HR file are read without an exception: what cannot be used is reported
 * as issues naming the line or the file, never thrown. The build replays the inputs under
 * {@code HrFileFuzzTestInputs/}; {@code JAZZER_FUZZ=1} searches for new ones.
 */
@Tag("jazzer") // in a JVM of its own (see pom.xml)
class HrFileFuzzTest {

	@FuzzTest(maxDuration = "60s")
	void anyBytesGiveRowsOrIssuesNeverAnException(byte[] content) {
		HrFile file = HrFile.read(content, rows -> {
		});
		assertThat(file.rows().size()).isLessThanOrEqualTo(HrFile.MAX_ROWS);
		file.issues().forEach(issue -> assertThat(issue.message()).isNotBlank());
		if (file.rows().isEmpty()) {
			assertThat(file.issues()).as("a file with no people says why").isNotEmpty();
		}
	}
}
