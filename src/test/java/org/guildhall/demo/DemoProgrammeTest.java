package org.guildhall.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * First start with the demo on and the programme's size set (as the programmes benchmark does): the
 * open programme has as many mentors as asked for, and every mentee volunteer when fewer volunteered
 * than asked for.
 */
@SpringBootTest(properties = {"guildhall.demo.enabled=true", "guildhall.demo.people=400",
		"guildhall.demo.programme.mentors=7", "guildhall.demo.programme.mentees=100000",
		"spring.datasource.url=jdbc:h2:mem:demo-programme;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
class DemoProgrammeTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theOpenProgrammeHasTheMentorsAskedForAndEveryMenteeVolunteer() {
		long programme = jdbc.sql("SELECT id FROM programme WHERE status = 'ENROLLING'").query(Long.class).single();
		assertThat(count("SELECT COUNT(*) FROM enrolment WHERE programme_id = ? AND role = 'MENTOR'", programme)).isEqualTo(7);
		long menteeVolunteers = jdbc.sql("SELECT COUNT(*) FROM person WHERE mentoring_role = 'MENTEE' AND active = TRUE")
			.query(Long.class).single();
		assertThat(menteeVolunteers).as("more than the default of 60, so the setting is what enrols them all").isBetween(61L, 399L);
		assertThat(count("SELECT COUNT(*) FROM enrolment WHERE programme_id = ? AND role = 'MENTEE'", programme))
			.isEqualTo(menteeVolunteers);
		assertThat(count("""
				SELECT COUNT(*) FROM enrolment e JOIN person p ON p.id = e.person_id
				WHERE e.programme_id = ? AND e.role = 'MENTOR' AND (p.mentoring_role NOT IN ('MENTOR', 'BOTH')
				OR p.mentoring_capacity < 1 OR e.capacity <> p.mentoring_capacity)""", programme))
			.as("mentors are people who offered to mentor, with the places they offered").isZero();
	}

	private long count(String sql, long programme) {
		return jdbc.sql(sql).param(programme).query(Long.class).single();
	}
}
