/**
 * Notifications: listens to other modules' events and tells the people concerned, in the app (a
 * list with unread count) and by e-mail through an outbox that a scheduled sender delivers over
 * SMTP. Nothing depends on this module; the services here serve its own pages and API.
 */
@org.jspecify.annotations.NullMarked
package org.guildhall.notifications;
