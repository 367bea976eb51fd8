package org.guildhall.community;

/**
 * A person's reputation in one topic and where it comes from: live answers to questions on the
 * topic, how many were accepted, the net votes on them, and kudos for the skill. See
 * {@link Reputation} for the points.
 */
public record TopicReputation(Topic topic, int points, int answers, int accepted, int netVotes, int kudos) {
}
