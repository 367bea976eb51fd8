package org.guildhall.matching.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import org.guildhall.matching.engine.InvalidProblemException;

/**
 * Any file given to {@code match --problem} is either a problem or an {@link InvalidProblemException}
 * with a message (which the command prints with exit code 2): never another exception. The build
 * replays the inputs under {@code ProblemReaderFuzzTestInputs/}; {@code JAZZER_FUZZ=1} searches for new ones.
 */
@Tag("jazzer") // in a JVM of its own (see pom.xml)
class ProblemReaderFuzzTest {

	private static final Path FILE = temporaryFile();

	private static Path temporaryFile() {
		try {
			Path file = Files.createTempFile("problem", ".json");
			file.toFile().deleteOnExit();
			return file;
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	@FuzzTest(maxDuration = "60s")
	void anyFileIsAProblemOrAnInvalidProblemException(byte[] content) throws Exception {
		Files.write(FILE, content);
		try {
			ProblemReader.Read read = ProblemReader.read(FILE);
			assertThat(read.problem()).isNotNull();
		}
		catch (InvalidProblemException e) {
			assertThat(e.getMessage()).isNotBlank();
		}
	}
}
