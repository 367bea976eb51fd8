package org.guildhall.community;

/**
 * Where lessons learned can come from: the mentorships module answers whether a person is the
 * mentee of a mentorship. Without a bean of this type, articles cannot name a mentorship (the
 * option is hidden in the form and refused by the API).
 */
public interface LessonSources {

	/** Whether the person is the mentee of the mentorship (and so may publish a lesson learned from it). */
	boolean isMentee(long mentorshipId, long personId);
}
