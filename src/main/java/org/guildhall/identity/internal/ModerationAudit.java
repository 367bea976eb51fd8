package org.guildhall.identity.internal;

import org.guildhall.community.ContentModerated;
import org.guildhall.community.PostModerated;
import org.guildhall.identity.IdentityManagement;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes every moderation action (an administrator hiding, showing, editing or deleting someone
 * else's post; hiding or showing a comment or a kudos message; deleting someone else's circle post) into the audit trail: who, what, which post, why. A plain listener, not an
 * after-commit one, so that the entry commits or rolls back with the action itself: no moderation
 * without its record.
 */
@Component
class ModerationAudit {

	private final IdentityManagement identity;

	ModerationAudit(IdentityManagement identity) {
		this.identity = identity;
	}

	@EventListener
	void on(PostModerated event) {
		String subject = event.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + event.postId()
				+ (event.title() != null ? " \"" + event.title() + "\"" : "") + " by person " + event.authorId();
		identity.audit(event.moderator(), event.action().auditName(), subject, event.reason());
	}

	@EventListener
	void on(ContentModerated event) {
		identity.audit(event.moderator(), event.auditName(), event.subject(), event.reason());
	}
}
