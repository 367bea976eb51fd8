package org.guildhall.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.guildhall.GuildhallApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The insights module's two boundaries: no other module depends on it, and its SQL names only
 * its own tables (insight_*): everything else reaches it through the owners' events and APIs.
 */
class InsightsBoundaryTest {

	private static final Pattern TABLE = Pattern.compile("(?<![:\\w])(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+([A-Za-z_][A-Za-z0-9_]*)");
	private static final Pattern STATEMENT = Pattern.compile("\\b(?:SELECT|INSERT|UPDATE|DELETE|MERGE)\\b");
	private static final Pattern STRINGS = Pattern.compile("(?s)\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\n]|\\\\.)*)\"");

	@Test
	void noModuleDependsOnInsights() {
		ApplicationModules modules = ApplicationModules.of(GuildhallApplication.class);
		ApplicationModule insights = modules.getModuleByName("insights").orElseThrow();
		List<String> dependents = modules.stream().filter(m -> !m.equals(insights))
			.filter(m -> m.getDirectDependencies(modules).contains(insights)).map(ApplicationModule::getName).toList();
		assertThat(dependents).isEmpty();
	}

	@Test
	void insightsSqlNamesOnlyItsOwnTables() throws IOException {
		List<String> foreign = new ArrayList<>();
		int tables = 0;
		try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/guildhall/insights"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				// the SQL is in string literals and text blocks; comments are left out
				Matcher literal = STRINGS.matcher(Files.readString(file));
				while (literal.find()) {
					String sql = literal.group(1) != null ? literal.group(1) : literal.group(2);
					if (!STATEMENT.matcher(sql).find() && !sql.contains(" JOIN ") && !sql.startsWith(" FROM ")) {
						continue; // messages and labels, not SQL
					}
					Matcher m = TABLE.matcher(sql);
					while (m.find()) {
						String name = m.group(1).toLowerCase();
						tables++;
						if (!name.startsWith("insight_")) {
							foreign.add(file.getFileName() + ": " + name + " in \"" + sql.strip().replaceAll("\\s+", " ") + "\"");
						}
					}
				}
			}
		}
		assertThat(tables).as("the check found the module's SQL").isGreaterThan(20);
		assertThat(foreign).isEmpty();
	}
}
