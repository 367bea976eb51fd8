package org.guildhall.notifications.internal;

import org.guildhall.notifications.Category;
import org.guildhall.notifications.internal.Notifier.Message;
import org.guildhall.shared.DigestComposed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Digests composed elsewhere (the programme managers' monthly insights) delivered as a
 * notification with its e-mail through the outbox. They are about programmes, so they follow the
 * person's e-mail setting for mentoring.
 */
@Component
class DigestListeners {

	private final Notifier notifier;

	DigestListeners(Notifier notifier) {
		this.notifier = notifier;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(DigestComposed event) {
		notifier.notify(new Message(event.recipientPersonId(), Category.MENTORING, event.sourceKey(), event.title(),
				event.body(), event.link()));
	}
}
