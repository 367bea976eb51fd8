package org.guildhall.mentorships;

import org.guildhall.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** TEMPORARY stand-in for ProgrammeManagement's mentor places until main has them; deleted after merging main. */
@Component
class TemporaryMentorPlaces {

	private final JdbcClient jdbc;

	TemporaryMentorPlaces(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void reserveMentorPlace(long programmeId, long mentorId, long menteeId) {
		long taken = jdbc.sql("SELECT COUNT(*) FROM mentorship WHERE programme_id = ? AND mentee_id = ? AND status IN ('INVITED', 'REQUESTED', 'ACTIVE')")
			.params(programmeId, menteeId).query(Long.class).single();
		if (taken > 0) {
			throw new ConflictException("You already have a mentor place in this programme.");
		}
	}

	void releaseMentorPlace(long programmeId, long mentorId, long menteeId) {
	}
}
