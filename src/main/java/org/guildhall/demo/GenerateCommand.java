package org.guildhall.demo;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The {@code generate} command: writes a demo organisation as an HR import file.
 *
 * <pre>
 * java -jar guildhall.jar generate --people 100000 [--seed 42] --out people.csv
 * </pre>
 *
 * <p>{@code --people} is 1 to 500,000; {@code --seed} is any whole number (default 42), and the
 * same seed and size always give the same file; {@code --out} is the file to write, or {@code -}
 * for standard output. The file is written next to its final place and moved there when complete,
 * so a failed run never leaves half a file behind. Progress and a summary go to standard error.
 */
public final class GenerateCommand {

	/** Exit status of a successful run. */
	public static final int OK = 0;
	/** Exit status when the file could not be written. */
	public static final int FAILED = 1;
	/** Exit status when the arguments are wrong. */
	public static final int USAGE = 2;

	static final long DEFAULT_SEED = 42;
	static final String USAGE_LINE = "usage: generate --people <1-" + OrganisationGenerator.MAX_PEOPLE
			+ "> [--seed <whole number>] --out <file or ->";

	/** Sizes from which progress is reported. */
	private static final int REPORT_PROGRESS_FROM = 20_000;

	private final PrintStream stdout;
	private final PrintStream stderr;

	GenerateCommand(PrintStream stdout, PrintStream stderr) {
		this.stdout = stdout;
		this.stderr = stderr;
	}

	/**
	 * Runs the command with the arguments that follow the command name (a leading
	 * {@code generate} is ignored, so the whole command line may be passed too).
	 *
	 * @return the exit status: {@link #OK}, {@link #FAILED} or {@link #USAGE}
	 */
	public static int run(String[] args) {
		return new GenerateCommand(System.out, System.err).execute(args);
	}

	int execute(String[] args) {
		Arguments arguments;
		try {
			arguments = Arguments.parse(args);
		}
		catch (BadArgument bad) {
			stderr.println("generate: " + bad.getMessage());
			stderr.println(USAGE_LINE);
			return USAGE;
		}
		if (arguments.help()) {
			stderr.println(USAGE_LINE);
			return OK;
		}
		long started = System.nanoTime();
		try {
			Organisation organisation = arguments.toStandardOutput() ? writeToStandardOutput(arguments)
					: writeToFile(arguments);
			double seconds = (System.nanoTime() - started) / 1e9;
			stderr.printf(Locale.ROOT, "generate: wrote %,d people to %s in %.1f s (seed %d)%n",
					organisation.people(), arguments.toStandardOutput() ? "standard output" : arguments.out(),
					seconds, organisation.seed());
			stderr.printf(Locale.ROOT, "generate: %,d managers, %,d mentors, %,d looking for a mentor%n",
					organisation.managers(), organisation.mentors(), organisation.mentees());
			stderr.println("generate: sign in as the CEO: " + organisation.chiefExecutive());
			if (organisation.manager() != null) {
				stderr.println("generate:            a manager: " + organisation.manager());
			}
			if (organisation.mentor() != null) {
				stderr.println("generate:             a mentor: " + organisation.mentor());
			}
			if (organisation.mentee() != null) {
				stderr.println("generate:             a mentee: " + organisation.mentee());
			}
			return OK;
		}
		catch (IOException failure) {
			stderr.println("generate: could not write " + arguments.out() + ": " + failure.getMessage());
			return FAILED;
		}
	}

	private Organisation writeToStandardOutput(Arguments arguments) throws IOException {
		Writer out = new OutputStreamWriter(stdout, StandardCharsets.UTF_8);
		Organisation organisation = generate(arguments, out);
		out.flush();
		return organisation;
	}

	private Organisation writeToFile(Arguments arguments) throws IOException {
		Path target = Path.of(arguments.out()).toAbsolutePath();
		Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
		try {
			Organisation organisation;
			try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
				organisation = generate(arguments, out);
			}
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return organisation;
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	private Organisation generate(Arguments arguments, Writer out) throws IOException {
		int people = arguments.people();
		int[] reportedTenths = { 0 };
		return new OrganisationGenerator().generate(people, arguments.seed(), out, written -> {
			int tenths = (int) (written * 10L / people);
			if (people >= REPORT_PROGRESS_FROM && tenths > reportedTenths[0]) {
				reportedTenths[0] = tenths;
				stderr.printf(Locale.ROOT, "generate: %3d%% (%,d of %,d people)%n", tenths * 10, written, people);
			}
		});
	}

	/** The parsed command line. */
	record Arguments(int people, long seed, String out, boolean help) {

		boolean toStandardOutput() {
			return "-".equals(out);
		}

		static Arguments parse(String[] args) {
			Integer people = null;
			long seed = DEFAULT_SEED;
			String out = null;
			int start = args.length > 0 && "generate".equals(args[0]) ? 1 : 0;
			for (int i = start; i < args.length; i++) {
				String option = args[i];
				String value = null;
				int equals = option.indexOf('=');
				if (option.startsWith("--") && equals > 0) {
					value = option.substring(equals + 1);
					option = option.substring(0, equals);
				}
				switch (option) {
					case "--help", "-h" -> {
						return new Arguments(0, seed, "", true);
					}
					case "--people" -> people = parsePeople(value != null ? value : valueAfter(args, ++i, option));
					case "--seed" -> seed = parseSeed(value != null ? value : valueAfter(args, ++i, option));
					case "--out" -> out = checkOut(value != null ? value : valueAfter(args, ++i, option));
					default -> throw new BadArgument("unknown argument '" + args[i] + "'");
				}
			}
			if (people == null) {
				throw new BadArgument("--people is required");
			}
			if (out == null) {
				throw new BadArgument("--out is required");
			}
			return new Arguments(people, seed, out, false);
		}

		private static String valueAfter(String[] args, int index, String option) {
			if (index >= args.length || args[index].startsWith("--")) {
				throw new BadArgument(option + " needs a value");
			}
			return args[index];
		}

		private static int parsePeople(String value) {
			try {
				int people = Integer.parseInt(value.strip());
				if (people >= 1 && people <= OrganisationGenerator.MAX_PEOPLE) {
					return people;
				}
			}
			catch (NumberFormatException notANumber) {
				// reported below
			}
			throw new BadArgument("--people must be a whole number from 1 to " + OrganisationGenerator.MAX_PEOPLE
					+ ", was '" + value + "'");
		}

		private static long parseSeed(String value) {
			try {
				return Long.parseLong(value.strip());
			}
			catch (NumberFormatException notANumber) {
				throw new BadArgument("--seed must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE
						+ ", was '" + value + "'");
			}
		}

		private static String checkOut(String value) {
			if (value.isBlank()) {
				throw new BadArgument("--out must name a file");
			}
			if ("-".equals(value)) {
				return value;
			}
			Path path;
			try {
				path = Path.of(value).toAbsolutePath();
			}
			catch (InvalidPathException invalid) {
				throw new BadArgument("--out is not a valid path: '" + value + "'");
			}
			if (Files.isDirectory(path)) {
				throw new BadArgument("--out is a directory, not a file: '" + value + "'");
			}
			Path folder = path.getParent();
			if (folder == null || !Files.isDirectory(folder)) {
				throw new BadArgument("--out: folder does not exist: '" + folder + "'");
			}
			if (!Files.isWritable(folder) || (Files.exists(path) && !Files.isWritable(path))) {
				throw new BadArgument("--out is not writable: '" + value + "'");
			}
			return value;
		}
	}

	/** A command-line argument that is missing or wrong; the message names it. */
	static final class BadArgument extends RuntimeException {

		BadArgument(String message) {
			super(message, null, false, false);
		}
	}
}
