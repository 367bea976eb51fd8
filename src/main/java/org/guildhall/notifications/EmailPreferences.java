package org.guildhall.notifications;

/** Whether a person wants e-mail for each category (in-app notifications are always on). */
public record EmailPreferences(boolean mentoring, boolean community) {

	public boolean wants(Category category) {
		return switch (category) {
			case MENTORING -> mentoring;
			case COMMUNITY -> community;
			case ACCOUNT -> true;
		};
	}
}
