package org.guildhall.matching.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.guildhall.matching.engine.MatchedPair;
import org.guildhall.matching.engine.MatchingMetrics;
import org.guildhall.matching.engine.MatchingResult;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** Writes a result file; writes to a temporary file first so a failed run leaves no file behind. */
final class ResultWriter {

	private ResultWriter() {
	}

	static void write(MatchingResult result, Path out) throws IOException {
		Path target = out.toAbsolutePath();
		Path temporary = Files.createTempFile(target.getParent(), ".match-", ".tmp");
		try {
			try (OutputStream stream = Files.newOutputStream(temporary);
					JsonGenerator json = JsonMapper.shared().createGenerator(stream, JsonEncoding.UTF8)) {
				write(result, json);
			}
			Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static void write(MatchingResult result, JsonGenerator json) {
		json.writeStartObject();
		json.writeStringProperty("objective", result.objective().label());
		json.writeArrayPropertyStart("pairs");
		for (MatchedPair pair : result.pairs()) {
			json.writeStartObject();
			json.writeStringProperty("mentee", pair.mentee());
			json.writeStringProperty("mentor", pair.mentor());
			json.writeNumberProperty("score", pair.score());
			if (pair.required()) {
				json.writeBooleanProperty("required", true);
			}
			if (!pair.criteria().isEmpty()) {
				json.writeObjectPropertyStart("criteria");
				for (Map.Entry<String, Double> entry : pair.criteria().entrySet()) {
					json.writeNumberProperty(entry.getKey(), entry.getValue());
				}
				json.writeEndObject();
			}
			json.writeArrayPropertyStart("reasons");
			for (String reason : pair.reasons()) {
				json.writeString(reason);
			}
			json.writeEndArray();
			if (pair.choiceRank() != null) {
				json.writeNumberProperty("choiceRank", pair.choiceRank());
			}
			json.writeEndObject();
		}
		json.writeEndArray();
		json.writeArrayPropertyStart("unmatched");
		for (String id : result.unmatched()) {
			json.writeString(id);
		}
		json.writeEndArray();
		json.writeNumberProperty("totalScore", round(result.totalScore()));
		MatchingMetrics m = result.metrics();
		json.writeObjectPropertyStart("metrics");
		json.writeNumberProperty("mentees", m.mentees());
		json.writeNumberProperty("matched", m.matched());
		json.writeNumberProperty("matchedShare", round(m.matchedShare()));
		json.writeNumberProperty("meanScore", round(m.meanScore()));
		json.writeNumberProperty("minScore", round(m.minScore()));
		json.writeNumberProperty("p10Score", round(m.p10Score()));
		json.writeNumberProperty("blockingPairs", m.blockingPairs());
		json.writeNumberProperty("top3Share", round(m.top3Share()));
		json.writeObjectPropertyStart("mentorLoad");
		json.writeNumberProperty("mean", round(m.mentorLoadMean()));
		json.writeNumberProperty("stdDev", round(m.mentorLoadStdDev()));
		json.writeNumberProperty("min", round(m.mentorLoadMin()));
		json.writeNumberProperty("max", round(m.mentorLoadMax()));
		json.writeEndObject();
		json.writeNumberProperty("violations", m.violations());
		json.writeEndObject();
		json.writeObjectPropertyStart("optimality");
		json.writeBooleanProperty("proven", result.optimality().proven());
		if (result.optimality().gap() == null) {
			json.writeNullProperty("gap");
		}
		else {
			json.writeNumberProperty("gap", result.optimality().gap());
		}
		json.writeStringProperty("basis", result.optimality().basis());
		json.writeEndObject();
		json.writeObjectPropertyStart("stats");
		for (Map.Entry<String, Object> entry : result.stats().entrySet()) {
			if (entry.getValue() instanceof Number number) {
				json.writeNumberProperty(entry.getKey(), number.longValue());
			}
			else {
				json.writeStringProperty(entry.getKey(), String.valueOf(entry.getValue()));
			}
		}
		json.writeEndObject();
		json.writeEndObject();
	}

	private static double round(double value) {
		return Math.round(value * 10_000) / 10_000.0;
	}
}
