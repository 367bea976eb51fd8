/** The mentorship module's inner workings: health scores, calendar files and the nudge job. */
@org.jspecify.annotations.NullMarked
package org.guildhall.mentorships.internal;
