package org.guildhall.community;

/** Milestones a person earns once (per topic for the per-topic ones), shown with the date earned. */
public enum Badge {
	FIRST_ANSWER("First answer", "Answered a question for the first time", false),
	FIRST_ACCEPTED_ANSWER("Problem solver", "Had an answer accepted", false),
	TEN_ACCEPTED_IN_TOPIC("Go-to person", "Ten accepted answers in one topic", true),
	HUNDRED_POINTS_IN_TOPIC("Trusted voice", "100 reputation points in one topic", true),
	FIRST_KUDOS_RECEIVED("Appreciated", "Received kudos from a colleague", false),
	FIRST_ARTICLE("Author", "Published an article", false),
	CIRCLE_HOST("Circle host", "Hosted a learning circle", false);

	private final String title;
	private final String description;
	private final boolean perTopic;

	Badge(String title, String description, boolean perTopic) {
		this.title = title;
		this.description = description;
		this.perTopic = perTopic;
	}

	public String title() {
		return title;
	}

	public String description() {
		return description;
	}

	public boolean perTopic() {
		return perTopic;
	}
}
