/**
 * The notifications machinery: listeners for other modules' events, the {@link
 * org.guildhall.notifications.internal.Notifier} that writes an in-app notification and, when the
 * person wants it, an outbox row, and the {@link org.guildhall.notifications.internal.MailOutbox}
 * that a scheduled, ShedLock-guarded job uses to deliver the outbox over SMTP with retries.
 */
@org.jspecify.annotations.NullMarked
package org.guildhall.notifications.internal;
