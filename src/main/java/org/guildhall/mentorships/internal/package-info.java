/** The mentorship module's inner workings: health scores, calendar files, the nudge job, flash sessions and mentoring given as expert finder evidence. */
@org.jspecify.annotations.NullMarked
package org.guildhall.mentorships.internal;
