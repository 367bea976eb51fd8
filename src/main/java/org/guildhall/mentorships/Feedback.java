package org.guildhall.mentorships;

import org.jspecify.annotations.Nullable;

/**
 * A check-in or survey as one person sees it: their own answer, and the other person's answer only
 * once both have answered ({@code theirs} stays null until then, even if they answered first).
 */
public record Feedback(String subject, @Nullable Answer mine, boolean theyAnswered, @Nullable Answer theirs) {

	public boolean revealed() {
		return theirs != null;
	}
}
