package org.guildhall.notifications;

/** What a notification is about; e-mail can be switched off per category. */
public enum Category {

	/** Mentorships, meetings, nudges and matching runs of programmes. */
	MENTORING("Mentoring", "invitations, requests, meetings, reminders and matching runs"),

	/** Questions routed to you, answers, accepted answers and kudos. */
	COMMUNITY("Community", "questions for you as an expert, answers to your questions, accepted answers and kudos"),

	/** Warnings about one's own account (repeated wrong passwords): always e-mailed, not a choice. */
	ACCOUNT("Account security", "repeated wrong passwords on your account");

	private final String label;
	private final String description;

	Category(String label, String description) {
		this.label = label;
		this.description = description;
	}

	public String label() {
		return label;
	}

	public String description() {
		return description;
	}

	/** Whether people choose whether they get e-mail about it (security warnings always come). */
	public boolean optional() {
		return this != ACCOUNT;
	}
}
