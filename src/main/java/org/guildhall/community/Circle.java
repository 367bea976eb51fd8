package org.guildhall.community;

import java.time.Instant;

import org.guildhall.people.PersonRef;

/**
 * A learning circle as a person sees it in lists and on its page: {@code membership} is the
 * viewer's own standing, {@code mayRead} whether they may read its posts and events (members, and
 * administrators who moderate), {@code mayManage} whether they may manage it (the host or an administrator).
 */
public record Circle(long id, String name, String description, Topic topic, Admission admission, PersonRef host,
		int memberCount, Instant createdAt, long version, Membership membership, boolean mayRead, boolean mayManage) {
}
