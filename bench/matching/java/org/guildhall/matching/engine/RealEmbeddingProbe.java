package org.guildhall.matching.engine;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * How much of the scoring pass the leading-coordinates bound clears on real MiniLM embeddings (the
 * benchmark's large instances use generated vectors): reads an HR file made by
 * {@code java -jar target/guildhall.jar generate --people N --out people.csv}, takes its first
 * {@code limit} people, makes mentees of those who want to be mentored and mentors of those who
 * offer it, embeds goals and expertise with the in-process model, and solves {@code optimal} with
 * pruning, printing the scan's counts. Usage: {@code RealEmbeddingProbe people.csv 40000}.
 */
public final class RealEmbeddingProbe {

	private RealEmbeddingProbe() {
	}

	public static void main(String[] args) throws Exception {
		Path file = Path.of(args[0]);
		int limit = Integer.parseInt(args[1]);
		List<MenteeProfile> mentees = new ArrayList<>();
		List<MentorProfile> mentors = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(file)) {
			int count = 0;
			for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
				if (count++ >= limit) {
					break;
				}
				String id = row.get("employee_id");
				String role = row.get("mentoring");
				Map<String, Integer> wants = new HashMap<>();
				Map<String, Integer> has = new HashMap<>();
				List<String> teaches = new ArrayList<>();
				for (String entry : row.get("skills").split(";")) {
					String[] parts = entry.trim().split(":");
					if (parts.length < 2) {
						continue;
					}
					int level = Integer.parseInt(parts[1].trim());
					if (parts.length > 2 && parts[2].trim().equals("learn")) {
						wants.put(parts[0].trim(), Math.min(5, level + 2));
					}
					else {
						has.put(parts[0].trim(), level);
						if (parts.length > 2 && parts[2].trim().equals("teach")) {
							teaches.add(parts[0].trim());
						}
					}
				}
				Set<String> languages = new LinkedHashSet<>();
				for (String language : row.get("languages").split(";")) {
					languages.add(language.trim());
				}
				int level = Integer.parseInt(row.get("level"));
				String manager = row.get("manager").isBlank() ? null : row.get("manager");
				if (role.equals("MENTEE") || role.equals("BOTH")) {
					mentees.add(new MenteeProfile(id, row.get("goals").replace('|', '.'), wants, level,
							row.get("department"), languages, row.get("time_zone"), manager, List.of()));
				}
				if (role.equals("MENTOR") || role.equals("BOTH")) {
					int capacity = Math.max(1, Integer.parseInt(row.get("mentoring_capacity")));
					mentors.add(new MentorProfile(id, capacity, String.join(", ", teaches), row.get("bio"), has, level,
							row.get("department"), languages, row.get("time_zone"), manager, List.of()));
				}
			}
		}
		System.out.printf("%d mentees, %d mentors%n", mentees.size(), mentors.size());
		MatchingProblem problem = MatchingProblem.builder()
			.profiles(mentees, mentors, CriterionWeights.defaults())
			.build();
		long started = System.nanoTime();
		MatchingResult result = new MatchingEngine(new MiniLmEmbedder(), MatchingEngine.Options.defaults())
			.solve(problem, Objective.OPTIMAL, Progress.NONE);
		System.out.println("wall " + (System.nanoTime() - started) / 1_000_000 + " ms, total " + result.totalScore()
				+ ", proven " + result.optimality().proven() + ", stats " + result.stats());
	}
}
