package org.guildhall.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.guildhall.people.SkillCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SkillTaxonomyTest {

	private static StarterTaxonomy taxonomy;

	@BeforeAll
	static void load() throws Exception {
		taxonomy = StarterTaxonomy.load();
	}

	@Test
	void hasAboutOneHundredAndTwentySkillsInAllTheCategories() {
		assertThat(taxonomy.nameKeys()).hasSizeBetween(110, 160);
		assertThat(new HashSet<>(taxonomy.categories().values())).contains("Programming languages",
				"Cloud & infrastructure", "Data & AI", "Security", "Product & design", "Leadership & people",
				"Communication", "Finance", "Sales & marketing", "Operations", "HR", "Legal");
		assertThat(taxonomy.aliasKeys()).hasSizeGreaterThan(60);
	}

	@Test
	void keysAreTheCatalogKeysOfTheirNames() {
		taxonomy.nameKeys().forEach((name, key) -> assertThat(key).as(name).isEqualTo(SkillCatalog.key(name)));
		taxonomy.aliasKeys().forEach((alias, key) -> assertThat(key).as(alias).isEqualTo(SkillCatalog.key(alias)));
	}

	@Test
	void everyKeyIsUniqueAcrossSkillsAndAliases() {
		Set<String> seen = new HashSet<>();
		taxonomy.nameKeys().values().forEach(key -> assertThat(seen.add(key)).as("name key %s", key).isTrue());
		taxonomy.aliasKeys().values().forEach(key -> assertThat(seen.add(key)).as("alias key %s", key).isTrue());
	}

	@Test
	void everyAliasPointsToASkillOfTheTaxonomy() {
		taxonomy.aliasTargets().forEach((alias, target) -> assertThat(taxonomy.nameKeys()).as(alias).containsValue(target));
		assertThat(taxonomy.aliasTargets()).containsEntry("JS", "javascript").containsEntry("k8s", "kubernetes")
			.containsEntry("Golang", "go").containsEntry("Postgres", "postgresql").containsEntry("ML", "machine learning")
			.containsEntry("AWS", "amazon web services").containsEntry("TS", "typescript");
	}

	@Test
	void namesCanBeWrittenInTheImportFormat() {
		// ':' separates proficiency and flags, ';' separates skills, '|' separates goals
		taxonomy.nameKeys().keySet().forEach(name -> assertThat(name).doesNotContain(":", ";", "|").hasSizeLessThanOrEqualTo(80));
		taxonomy.aliasKeys().keySet().forEach(alias -> assertThat(alias).doesNotContain(":", ";", "|").hasSizeLessThanOrEqualTo(80));
	}

	@Test
	void everySkillTheGeneratorUsesIsACanonicalName() {
		Set<String> used = new HashSet<>(Department.LEADERSHIP);
		used.addAll(Department.EVERYONE);
		for (Department department : Department.values()) {
			department.specialties().forEach(specialty -> used.addAll(specialty.skills()));
		}
		assertThat(taxonomy.nameKeys().keySet()).containsAll(used);
		for (String skill : used) {
			SkillSpellings.spellings(skill)
				.forEach(spelling -> assertThat(taxonomy.resolves(spelling)).as("%s for %s", spelling, skill).isTrue());
		}
	}

	@Test
	void migratesOnH2InPostgreSqlMode() throws Exception {
		String url = "jdbc:h2:mem:taxonomy;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				Statement statement = connection.createStatement()) {
			assertThat(count(statement, "SELECT COUNT(*) FROM skill")).isEqualTo(taxonomy.nameKeys().size());
			assertThat(count(statement, "SELECT COUNT(*) FROM skill_alias")).isEqualTo(taxonomy.aliasKeys().size());
			try (ResultSet k8s = statement.executeQuery(
					"SELECT s.name FROM skill_alias a JOIN skill s ON s.id = a.skill_id WHERE a.alias_key = 'k8s'")) {
				assertThat(k8s.next()).isTrue();
				assertThat(k8s.getString(1)).isEqualTo("Kubernetes");
			}
		}
	}

	private static int count(Statement statement, String sql) throws Exception {
		try (ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getInt(1);
		}
	}
}
