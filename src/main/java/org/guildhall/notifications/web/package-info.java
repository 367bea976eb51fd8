/**
 * Notification pages under {@code /notifications} (list, unread count for the header, e-mail
 * settings) and the JSON API under {@code /api/v1/notifications}. Every signed-in person may use
 * them, and sees only their own notifications.
 */
@org.jspecify.annotations.NullMarked
package org.guildhall.notifications.web;
