package org.guildhall.demo;

import org.jspecify.annotations.Nullable;

/**
 * What a generated organisation looks like, without its rows: how many people it has and a few
 * of them to sign in as when showing Guildhall.
 *
 * @param people number of people (rows) written
 * @param seed the seed it was generated from
 * @param chiefExecutive the CEO, top of the reporting line
 * @param manager a first-line manager (the mentee's manager when there is one), or {@code null} in
 *        a company too small to have one
 * @param mentor someone offering to mentor (not the CEO), or {@code null} if nobody does
 * @param mentee someone looking for a mentor, or {@code null} if nobody is
 * @param managers number of people with direct reports
 * @param mentors number of people offering to mentor ({@code MENTOR} or {@code BOTH})
 * @param mentees number of people looking for a mentor ({@code MENTEE} or {@code BOTH})
 */
public record Organisation(int people, long seed, Member chiefExecutive, @Nullable Member manager,
		@Nullable Member mentor, @Nullable Member mentee, int managers, int mentors, int mentees) {

	/**
	 * One person of the organisation, as written in the file.
	 *
	 * @param employeeId the {@code employee_id} column
	 * @param email the {@code email} column, which is also the sign-in name
	 */
	public record Member(String employeeId, String email, String fullName, String title) {

		@Override
		public String toString() {
			return fullName + " <" + email + ">, " + title + " (" + employeeId + ")";
		}
	}
}
