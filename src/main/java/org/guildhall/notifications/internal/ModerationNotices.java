package org.guildhall.notifications.internal;

import org.guildhall.community.ContentModerated;
import org.guildhall.community.PostModerated;
import org.guildhall.notifications.Category;
import org.guildhall.notifications.internal.Notifier.Message;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/** Tells the author of a post, comment, kudos or circle post what an administrator did to it, and why. */
@Component
class ModerationNotices {

	private final Notifier notifier;

	ModerationNotices(Notifier notifier) {
		this.notifier = notifier;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(PostModerated event) {
		String what = switch (event.kind()) {
			case QUESTION -> "your question";
			case ANSWER -> "your answer";
			case ARTICLE -> "your article";
		};
		String named = event.title() != null ? what + " \"" + event.title() + "\"" : what;
		String reason = event.reason() != null ? " Reason given: " + event.reason() : "";
		String title = switch (event.action()) {
			case HIDDEN -> "A moderator hid " + named;
			case SHOWN -> "A moderator showed " + named + " again";
			case EDITED -> "A moderator edited " + named;
			case DELETED -> "A moderator deleted " + named;
		};
		String body = switch (event.action()) {
			case HIDDEN -> "An administrator hid " + named + ": nobody else sees it or finds it in search now." + reason;
			case SHOWN -> "An administrator showed " + named + " again; everyone sees it as before.";
			case EDITED -> "An administrator changed " + named + "; it shows \"edited by a moderator\" and its history keeps your version." + reason;
			case DELETED -> "An administrator deleted " + named + "." + reason;
		};
		String link = switch (event.action()) {
			case HIDDEN, DELETED -> "/notifications";
			case SHOWN, EDITED -> switch (event.kind()) {
				case QUESTION -> "/community/questions/" + event.postId();
				case ANSWER -> "/community/questions/" + event.questionId();
				case ARTICLE -> "/community/articles/" + event.postId();
			};
		};
		notifier.notify(new Message(event.authorId(), Category.COMMUNITY,
				"post-moderated:" + event.postId() + ":" + event.version(), title, body, link));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ContentModerated event) {
		String reason = event.reason() != null ? " Reason given: " + event.reason() : "";
		String title = switch (event.action()) {
			case HIDDEN -> "A moderator hid " + event.what();
			case SHOWN -> "A moderator showed " + event.what() + " again";
			case DELETED -> "A moderator deleted " + event.what();
		};
		String body = switch (event.action()) {
			case HIDDEN -> "An administrator hid " + event.what() + ": nobody else sees it now." + reason;
			case SHOWN -> "An administrator showed " + event.what() + " again; everyone sees it as before.";
			case DELETED -> "An administrator deleted " + event.what() + "." + reason;
		};
		String fitting = title.length() > 300 ? title.substring(0, 299) + "…" : title;
		notifier.notify(new Message(event.authorId(), Category.COMMUNITY, "content-moderated:" + event.kind().slug() + ":"
				+ event.id() + ":" + event.occasion() + ":" + event.action().name(), fitting, body, event.link()));
	}
}
