package org.guildhall.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenerateCommandTest {

	@TempDir
	Path folder;

	private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
	private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

	private int run(String... args) {
		return new GenerateCommand(new PrintStream(stdout, true, StandardCharsets.UTF_8),
				new PrintStream(stderr, true, StandardCharsets.UTF_8)).execute(args);
	}

	private String errors() {
		return stderr.toString(StandardCharsets.UTF_8);
	}

	@Test
	void writesTheFileAndTellsWhoToSignInAs() throws IOException {
		Path out = folder.resolve("people.csv");
		int status = run("generate", "--people", "250", "--seed", "42", "--out", out.toString());
		assertThat(status).isEqualTo(GenerateCommand.OK);
		GeneratedFile file = GeneratedFile.read(null, Files.newBufferedReader(out, StandardCharsets.UTF_8));
		assertThat(file.rows()).hasSize(250);
		assertThat(file.header()).containsExactlyElementsOf(GeneratedFile.DOCUMENTED_HEADER);
		assertThat(errors()).contains("wrote 250 people", "sign in as the CEO", "a manager", "a mentee");
		assertThat(Files.list(folder)).containsExactly(out); // no partial file left behind
	}

	@Test
	void writesTheSameFileAsTheGeneratorForTheSameSeed() throws IOException {
		Path out = folder.resolve("people.csv");
		assertThat(run("--people=300", "--seed=-7", "--out=" + out)).isZero();
		assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(GeneratedFile.text(300, -7));
	}

	@Test
	void theSeedDefaultsToFortyTwo() throws IOException {
		Path out = folder.resolve("people.csv");
		assertThat(run("--people", "40", "--out", out.toString())).isZero();
		assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(GeneratedFile.text(40, 42));
	}

	@Test
	void replacesAnExistingFile() throws IOException {
		Path out = Files.writeString(folder.resolve("people.csv"), "old content");
		assertThat(run("--people", "3", "--out", out.toString())).isZero();
		assertThat(Files.readString(out)).startsWith("employee_id,email,");
	}

	@Test
	void writesToStandardOutputForADash() throws IOException {
		assertThat(run("--people", "12", "--seed", "1", "--out", "-")).isZero();
		String csv = stdout.toString(StandardCharsets.UTF_8);
		assertThat(csv).isEqualTo(GeneratedFile.text(12, 1));
		assertThat(GeneratedFile.read(null, new StringReader(csv)).rows()).hasSize(12);
	}

	@Test
	void reportsProgressForLargeOrganisations() {
		Path out = folder.resolve("people.csv");
		assertThat(run("--people", "40000", "--out", out.toString())).isZero();
		assertThat(errors()).contains(" 50% (20,000 of 40,000 people)", "100% (40,000 of 40,000 people)");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"--seed 1 --out OUT                 | --people is required",
			"--people 10                        | --out is required",
			"--people 0 --out OUT               | --people must be a whole number from 1 to 500000, was '0'",
			"--people 500001 --out OUT          | --people must be a whole number from 1 to 500000",
			"--people many --out OUT            | --people must be a whole number",
			"--people 10 --seed 4.5 --out OUT   | --seed must be a whole number",
			"--people 10 --seed 99999999999999999999 --out OUT | --seed must be a whole number",
			"--people --out OUT                 | --people needs a value",
			"--people 10 --out                  | --out needs a value",
			"--people 10 --out OUT --colour red | unknown argument '--colour'",
			"--people 10 --out FOLDER           | --out is a directory",
			"--people 10 --out MISSING/p.csv    | --out: folder does not exist" })
	void refusesBadArgumentsNamingThem(String line, String message) {
		String[] args = line.strip()
			.replace("OUT", folder.resolve("people.csv").toString())
			.replace("FOLDER", folder.toString())
			.replace("MISSING", folder.resolve("missing").toString())
			.split(" +");
		assertThat(run(args)).isEqualTo(GenerateCommand.USAGE);
		assertThat(errors()).contains(message.strip()).contains(GenerateCommand.USAGE_LINE);
		assertThat(folder.resolve("people.csv")).doesNotExist();
		assertThat(stdout.size()).isZero();
	}

	@Test
	void helpShowsUsage() {
		assertThat(run("--help")).isZero();
		assertThat(errors()).contains(GenerateCommand.USAGE_LINE);
	}
}
