package org.guildhall.matching.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MatchCommandTest {

	private static final String GOOD = """
			{"mentees":[{"id":"e1"},{"id":"e2"},{"id":"e3"}],
			 "mentors":[{"id":"m1","capacity":2},{"id":"m2","capacity":1}],
			 "pairs":[{"mentee":"e1","mentor":"m1","score":87.5},{"mentee":"e2","mentor":"m1","score":60},
			          {"mentee":"e2","mentor":"m2","score":70},{"mentee":"e3","mentor":"m2","score":90},
			          {"mentee":"e3","mentor":"m1","score":10}],
			 "menteeRankings":{"e1":["m1"]}, "mentorRankings":{"m1":["e1"]}}
			""";

	private static final String PROFILES = """
			{"weights":{"skills":3,"goals":3,"seniority":1,"crossDepartment":1,"timeZone":1,"preferences":2,"language":"must"},
			 "mentees":[
			   {"id":"ana","goals":"I want to get better at building data pipelines and SQL performance tuning",
			    "wants":{"sql":4,"python":3},"level":2,"department":"Marketing","languages":["en"],"timeZone":"Europe/Lisbon","manager":"boss"},
			   {"id":"ben","goals":"Learn to present confidently to executives and lead a team",
			    "wants":{"public speaking":3,"leadership":4},"level":3,"department":"Engineering","languages":["en","de"],"timeZone":"Europe/Berlin"}],
			 "mentors":[
			   {"id":"carla","capacity":1,"expertise":"Database engineering, query optimisation, ETL pipelines","bio":"Data engineer for ten years",
			    "skills":{"sql":5,"python":4},"level":5,"department":"Engineering","languages":["en"],"timeZone":"Europe/London"},
			   {"id":"dev","capacity":1,"expertise":"Leadership coaching, public speaking, managing teams","bio":"Head of sales",
			    "skills":{"leadership":5,"public speaking":5},"level":6,"department":"Sales","languages":["de"],"timeZone":"Europe/Berlin"},
			   {"id":"boss","capacity":1,"expertise":"Database engineering, SQL, pipelines","bio":"Ana's manager",
			    "skills":{"sql":5,"python":5},"level":6,"department":"Marketing","languages":["en"],"timeZone":"Europe/Lisbon"}]}
			""";

	@TempDir
	Path dir;

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		return MatchCommand.run(args, new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private String messages() {
		return err.toString(StandardCharsets.UTF_8);
	}

	@ParameterizedTest
	@CsvSource({ "optimal, 237.5", "fair, 237.5", "stable, 237.5" })
	void goodRunExitsZeroAndWritesTheResult(String objective, double total) throws Exception {
		Path problem = Files.writeString(dir.resolve("problem.json"), GOOD);
		Path out = dir.resolve("result.json");
		assertThat(run("--problem", problem.toString(), "--objective", objective, "--out", out.toString())).isZero();
		JsonNode result = JsonMapper.shared().readTree(out.toFile());
		assertThat(result.get("objective").asString()).isEqualTo(objective);
		assertThat(result.get("totalScore").asDouble()).isEqualTo(total);
		assertThat(result.get("pairs")).hasSize(3);
		assertThat(result.get("pairs").get(0).get("mentee").asString()).isEqualTo("e1");
		assertThat(result.get("pairs").get(0).get("mentor").asString()).isEqualTo("m1");
		assertThat(result.get("pairs").get(0).get("reasons").size()).isBetween(1, 3);
		assertThat(result.get("unmatched")).isEmpty();
		assertThat(result.get("metrics").get("violations").asInt()).isZero();
		assertThat(result.get("metrics").get("blockingPairs").asInt()).isZero();
		assertThat(result.get("metrics").has("p10Score")).isTrue();
		assertThat(result.get("metrics").has("top3Share")).isTrue();
		assertThat(result.get("metrics").get("mentorLoad").has("stdDev")).isTrue();
		assertThat(result.get("optimality").get("proven").asBoolean()).isEqualTo(!objective.equals("stable"));
	}

	@Test
	void optimalPrefersTheHigherTotalOverTheGreedyChoice() throws Exception {
		// Greedy would take e1–m1 (90) and leave e2 with nothing; the optimum is 80 + 70.
		Path problem = Files.writeString(dir.resolve("p.json"), """
				{"mentees":[{"id":"e1"},{"id":"e2"}], "mentors":[{"id":"m1","capacity":1},{"id":"m2","capacity":1}],
				 "pairs":[{"mentee":"e1","mentor":"m1","score":90},{"mentee":"e1","mentor":"m2","score":80},
				          {"mentee":"e2","mentor":"m1","score":70}]}
				""");
		Path out = dir.resolve("r.json");
		assertThat(run("--problem", problem.toString(), "--objective", "optimal", "--out", out.toString())).isZero();
		JsonNode result = JsonMapper.shared().readTree(out.toFile());
		assertThat(result.get("totalScore").asDouble()).isEqualTo(150.0);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			malformed JSON       | {"mentees": [                                                                                          | malformed JSON at line
			duplicate mentee     | {"mentees":[{"id":"e1"},{"id":"e1"}],"mentors":[{"id":"m1","capacity":1}],"pairs":[]}                  | 'e1' is listed twice
			duplicate mentor     | {"mentees":[{"id":"e1"}],"mentors":[{"id":"m1","capacity":1},{"id":"m1","capacity":2}],"pairs":[]}     | 'm1' is listed twice
			unknown mentee       | {"mentees":[{"id":"e1"}],"mentors":[{"id":"m1","capacity":1}],"pairs":[{"mentee":"e9","mentor":"m1","score":5}]} | unknown mentee 'e9'
			unknown mentor       | {"mentees":[{"id":"e1"}],"mentors":[{"id":"m1","capacity":1}],"pairs":[{"mentee":"e1","mentor":"m7","score":5}]} | unknown mentor 'm7'
			negative capacity    | {"mentees":[{"id":"e1"}],"mentors":[{"id":"m1","capacity":-1}],"pairs":[]}                             | mentor 'm1': capacity -1 is negative
			score above 100      | {"mentees":[{"id":"e1"}],"mentors":[{"id":"m1","capacity":1}],"pairs":[{"mentee":"e1","mentor":"m1","score":120}]} | pair e1–m1: score 120.0 is outside 0–100
			negative score       | {"mentees":[{"id":"e1"}],"mentors":[{"id":"m1","capacity":1}],"pairs":[{"mentee":"e1","mentor":"m1","score":-3}]} | score -3.0 is outside 0–100
			score not a number   | {"mentees":[{"id":"e1"}],"mentors":[{"id":"m1","capacity":1}],"pairs":[{"mentee":"e1","mentor":"m1","score":"high"}]} | pairs[0] (e1–m1): score must be a number
			duplicate pair       | {"mentees":[{"id":"e1"}],"mentors":[{"id":"m1","capacity":1}],"pairs":[{"mentee":"e1","mentor":"m1","score":5},{"mentee":"e1","mentor":"m1","score":6}]} | pair e1–m1 is listed twice
			unknown ranking id   | {"mentees":[{"id":"e1"}],"mentors":[{"id":"m1","capacity":1}],"pairs":[],"menteeRankings":{"e1":["m5"]}} | menteeRankings.e1: unknown mentor 'm5'
			missing capacity     | {"mentees":[{"id":"e1"}],"mentors":[{"id":"m1"}],"pairs":[]}                                           | mentors[0]: "capacity" is missing
			typo in a field      | {"mentees":[{"id":"e1"}],"mentors":[{"id":"m1","capcity":1}],"pairs":[]}                               | mentors[0]: unknown field "capcity"
			manager cycle        | {"mentees":[{"id":"e1","manager":"e2"},{"id":"e2","manager":"e1"}],"mentors":[{"id":"m1","capacity":1}],"pairs":[]} | cycle of managers
			required and forbidden | {"mentees":[{"id":"e1"}],"mentors":[{"id":"m1","capacity":1}],"pairs":[{"mentee":"e1","mentor":"m1","score":5}],"forbidden":[{"mentee":"e1","mentor":"m1"}],"required":[{"mentee":"e1","mentor":"m1"}]} | required pair e1–m1: the pair is also forbidden
			bad weight           | {"mentees":[{"id":"e1"}],"mentors":[{"id":"m1","capacity":1}],"weights":{"charisma":2}}                | weights.charisma: unknown criterion
			bad time zone        | {"mentees":[{"id":"e1","timeZone":"Mars/Olympus"}],"mentors":[{"id":"m1","capacity":1}]}              | mentee 'e1': timeZone: 'Mars/Olympus' is not a time zone
			not an object        | [1, 2, 3]                                                                                              | must hold one JSON object
			unknown seniority rule | {"mentees":[{"id":"e1"}],"mentors":[{"id":"m1","capacity":1}],"seniorityRule":"upside"}           | seniorityRule: 'upside' is not a rule (use mentorAbove, menteeAbove, sameLevel)
			seniority rule with pairs | {"mentees":[{"id":"e1"}],"mentors":[{"id":"m1","capacity":1}],"pairs":[],"seniorityRule":"sameLevel"} | problem: unknown field "seniorityRule"
			""")
	void badInputExitsTwoNamingTheEntryAndWritesNothing(String name, String json, String expected) throws Exception {
		Path problem = Files.writeString(dir.resolve("bad.json"), json);
		Path out = dir.resolve("result.json");
		assertThat(run("--problem", problem.toString(), "--objective", "optimal", "--out", out.toString())).isEqualTo(2);
		assertThat(messages()).contains(expected);
		assertThat(out).doesNotExist();
		try (var files = Files.list(dir)) {
			assertThat(files.map(Path::getFileName).map(Path::toString)).containsExactly("bad.json");
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			no arguments       |                                                                 | --problem, --objective and --out are all needed
			unknown objective  | --problem PROBLEM --objective cheapest --out OUT                 | objective 'cheapest' is not one of optimal, fair, stable
			unknown argument   | --problem PROBLEM --objective optimal --out OUT --fast          | unknown argument '--fast'
			missing file       | --problem MISSING --objective optimal --out OUT                 | does not exist
			missing out folder | --problem PROBLEM --objective optimal --out NOFOLDER            | --out: folder
			bad candidates     | --problem PROBLEM --objective optimal --out OUT --candidates 0  | --candidates: '0' is not a whole number
			""")
	void badArgumentsExitTwo(String name, String line, String expected) throws Exception {
		Path problem = Files.writeString(dir.resolve("problem.json"), GOOD);
		Path out = dir.resolve("result.json");
		String[] args = line == null ? new String[0]
				: line.trim()
					.replace("PROBLEM", problem.toString())
					.replace("MISSING", dir.resolve("nope.json").toString())
					.replace("NOFOLDER", dir.resolve("no/such/result.json").toString())
					.replace("OUT", out.toString())
					.split("\\s+");
		assertThat(run(args)).isEqualTo(2);
		assertThat(messages()).contains(expected);
		assertThat(out).doesNotExist();
	}

	@Test
	void profileProblemIsScoredWithTheModelAndExplained() throws Exception {
		Path problem = Files.writeString(dir.resolve("profiles.json"), PROFILES);
		Path out = dir.resolve("result.json");
		assertThat(run("--problem", problem.toString(), "--objective", "optimal", "--out", out.toString()))
			.as(messages())
			.isZero();
		JsonNode result = JsonMapper.shared().readTree(out.toFile());
		JsonNode pairs = result.get("pairs");
		assertThat(pairs).hasSize(2);
		// Ana's own manager is the best fit on paper but shares her reporting line.
		assertThat(pairs.get(0).get("mentee").asString()).isEqualTo("ana");
		assertThat(pairs.get(0).get("mentor").asString()).isEqualTo("carla");
		assertThat(pairs.get(1).get("mentor").asString()).isEqualTo("dev");
		assertThat(pairs.get(0).get("criteria").get("goals").asDouble()).isGreaterThan(
				pairs.get(0).get("criteria").get("crossDepartment").asDouble() / 10);
		assertThat(pairs.get(0).get("reasons").get(0).asString()).contains("Can teach 2 of the 2 skills");
		assertThat(result.get("optimality").get("proven").asBoolean()).isTrue();
	}

	@Test
	void embeddingCacheServesTheNextRunWithTheSameResult() throws Exception {
		Path problem = Files.writeString(dir.resolve("profiles.json"), PROFILES);
		Path cache = dir.resolve("embeddings.bin");
		Path first = dir.resolve("first.json");
		assertThat(run("--problem", problem.toString(), "--objective", "optimal", "--out", first.toString(),
				"--embedding-cache", cache.toString())).as(messages()).isZero();
		// two goals and three mentor texts
		assertThat(messages()).contains("embeddings: 0 texts from the cache, 5 embedded");
		assertThat(cache).isRegularFile();
		err.reset();
		Path second = dir.resolve("second.json");
		assertThat(run("--problem", problem.toString(), "--objective", "optimal", "--out", second.toString(),
				"--embedding-cache", cache.toString())).as(messages()).isZero();
		assertThat(messages()).contains("embeddings: 5 texts from the cache, 0 embedded");
		JsonNode a = JsonMapper.shared().readTree(first.toFile());
		JsonNode b = JsonMapper.shared().readTree(second.toFile());
		assertThat(b.get("pairs")).isEqualTo(a.get("pairs"));
		assertThat(b.get("totalScore")).isEqualTo(a.get("totalScore"));
	}

	@Test
	void damagedEmbeddingCacheIsRefusedAndNothingIsWritten() throws Exception {
		Path problem = Files.writeString(dir.resolve("profiles.json"), PROFILES);
		Path cache = Files.writeString(dir.resolve("embeddings.bin"), "not a cache");
		Path out = dir.resolve("result.json");
		assertThat(run("--problem", problem.toString(), "--objective", "optimal", "--out", out.toString(),
				"--embedding-cache", cache.toString())).isEqualTo(2);
		assertThat(messages()).contains("--embedding-cache", "is not a readable embedding cache");
		assertThat(out).doesNotExist();
		assertThat(Files.readString(cache)).isEqualTo("not a cache");
		err.reset();
		assertThat(run("--problem", problem.toString(), "--objective", "optimal", "--out", out.toString(),
				"--embedding-cache", dir.resolve("no/such/embeddings.bin").toString())).isEqualTo(2);
		assertThat(messages()).contains("--embedding-cache: folder");
		assertThat(out).doesNotExist();
	}
}
