package org.guildhall.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import org.guildhall.people.HrImportStatus.State;
import org.guildhall.shared.CurrentUser;
import org.guildhall.testing.GuildhallTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A write that fails part-way through applying an import (here a database rule the planner cannot
 * know about, met by an update after more than a thousand people were already inserted) rolls the
 * whole import back: nobody is created, changed or deactivated, the import is FAILED with a reason,
 * and it can be applied again once the cause is gone.
 */
@GuildhallTest
class HrImportRollbackTest {

	private static final int NEW_PEOPLE = 1_200;

	@Autowired
	HrImports imports;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	JdbcClient jdbc;

	private final String run = UUID.randomUUID().toString().substring(0, 8);
	private final CurrentUser admin = new CurrentUser(0, "admin@example.com", "Admin", null, Set.of(CurrentUser.ADMIN));

	private HrImportStatus importNow(String csv) {
		HrImportStatus preview = imports.uploadAndPreview("people.csv", csv.getBytes(StandardCharsets.UTF_8), "admin@example.com");
		assertThat(preview.state()).as("preview: %s", imports.issues(preview.id())).isEqualTo(State.PREVIEWED);
		return imports.applyNow(preview.id());
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	@Test
	void aFailureInTheMiddleOfTheWriteChangesNothingAndALaterApplyWorks() {
		String header = "employee_id,email,full_name,title,skills\n";
		String kept = "K-" + run + ",kept-" + run + "@example.com,Kim Kept,Analyst,Java:3\n";
		String other = "O-" + run + ",other-" + run + "@example.com,Oli Other,Analyst,\n";
		assertThat(importNow(header + kept + other).state()).isEqualTo(State.APPLIED);
		long kim = directory.findIdByEmail("kept-" + run + "@example.com").orElseThrow();
		long oli = directory.findIdByEmail("other-" + run + "@example.com").orElseThrow();
		Profile kimBefore = directory.profile(kim, admin);

		String trap = "Trap " + run;
		StringBuilder csv = new StringBuilder(header);
		for (int i = 0; i < NEW_PEOPLE; i++) {
			csv.append("N").append(i).append('-').append(run).append(",n").append(i).append('-').append(run)
				.append("@example.com,New Person ").append(i).append(",Engineer,Java:2:learn\n");
		}
		// Kim's new name breaks a rule that only the database knows; Oli is left out (would be deactivated)
		csv.append("K-").append(run).append(",kept-").append(run).append("@example.com,").append(trap).append(",Lead,Java:4\n");
		HrImportStatus preview = imports.uploadAndPreview("people.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
				"admin@example.com");
		assertThat(preview.state()).isEqualTo(State.PREVIEWED);
		assertThat(preview.toCreate()).isEqualTo(NEW_PEOPLE);
		assertThat(preview.toUpdate()).isEqualTo(1);
		long people = count("SELECT COUNT(*) FROM person");
		long active = count("SELECT COUNT(*) FROM person WHERE active = TRUE");
		long skills = count("SELECT COUNT(*) FROM person_skill");
		long history = count("SELECT COUNT(*) FROM person_history");
		long audited = count("SELECT COUNT(*) FROM audit_event WHERE action = 'people-imported' AND subject = ?", "import " + preview.id());

		String constraint = "test_trap_" + run.replace('-', '_');
		jdbc.sql("ALTER TABLE person ADD CONSTRAINT " + constraint + " CHECK (full_name <> '" + trap + "')").update();
		HrImportStatus failed;
		try {
			failed = imports.applyNow(preview.id());
		}
		finally {
			jdbc.sql("ALTER TABLE person DROP CONSTRAINT " + constraint).update();
		}

		assertThat(failed.state()).isEqualTo(State.FAILED);
		assertThat(failed.failure()).isEqualTo("Applying failed and was rolled back; nothing was changed.");
		assertThat(count("SELECT COUNT(*) FROM person")).as("none of the inserted people stayed").isEqualTo(people);
		assertThat(count("SELECT COUNT(*) FROM person WHERE active = TRUE")).as("nobody deactivated").isEqualTo(active);
		assertThat(count("SELECT COUNT(*) FROM person_skill")).isEqualTo(skills);
		assertThat(count("SELECT COUNT(*) FROM person_history")).isEqualTo(history);
		assertThat(directory.findIdByEmail("n0-" + run + "@example.com")).isEmpty();
		assertThat(directory.profile(kim, admin)).isEqualTo(kimBefore);
		assertThat(directory.isActive(oli)).isTrue();
		assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'people-imported' AND subject = ?", "import " + preview.id()))
			.isEqualTo(audited);

		// the cause is gone: the same import applies in full
		HrImportStatus again = imports.applyNow(preview.id());
		assertThat(again.state()).isEqualTo(State.APPLIED);
		assertThat(again.failure()).isNull();
		assertThat(directory.profile(kim, admin).fullName()).isEqualTo(trap);
		assertThat(directory.profile(kim, admin).title()).isEqualTo("Lead");
		assertThat(directory.findIdByEmail("n" + (NEW_PEOPLE - 1) + "-" + run + "@example.com")).isPresent();
		assertThat(directory.isActive(oli)).isFalse();
		assertThat(count("SELECT COUNT(*) FROM person")).isEqualTo(people + NEW_PEOPLE);
	}
}
