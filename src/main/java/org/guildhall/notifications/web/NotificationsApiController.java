package org.guildhall.notifications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.guildhall.notifications.EmailPreferences;
import org.guildhall.notifications.Inbox;
import org.guildhall.notifications.Notification;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.PageRequest;
import org.guildhall.shared.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "The caller's own notifications and e-mail settings")
@SecurityRequirement(name = "token")
class NotificationsApiController {

	private final Inbox inbox;

	NotificationsApiController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping
	@Operation(summary = "The caller's notifications, newest first (only unread ones with unread=true)")
	PageResult<Notification> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
			@RequestParam(defaultValue = "false") boolean unread) {
		return inbox.notifications(me(), unread, new PageRequest(page, size));
	}

	record UnreadCount(long unread) {
	}

	@GetMapping("/unread-count")
	@Operation(summary = "How many of the caller's notifications are unread")
	UnreadCount unreadCount() {
		return new UnreadCount(inbox.unreadCount(me()));
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Mark one of the caller's notifications read (404 for anyone else's)")
	Notification read(@PathVariable long id) {
		return inbox.markRead(id, me());
	}

	record Marked(int marked) {
	}

	@PostMapping("/read-all")
	@Operation(summary = "Mark all the caller's notifications read; says how many were unread")
	Marked readAll() {
		return new Marked(inbox.markAllRead(me()));
	}

	@GetMapping("/preferences")
	@Operation(summary = "Whether the caller gets e-mail per category (in-app notifications are always on)")
	EmailPreferences preferences() {
		return inbox.preferences(me());
	}

	record PreferencesBody(@NotNull Boolean mentoring, @NotNull Boolean community) {
	}

	@PutMapping("/preferences")
	@Operation(summary = "Switch e-mail on or off per category: both mentoring and community must be given")
	EmailPreferences setPreferences(@Valid @RequestBody PreferencesBody body) {
		return inbox.setPreferences(new EmailPreferences(body.mentoring(), body.community()), me());
	}

	private static CurrentUser me() {
		return CurrentUser.get().orElseThrow();
	}
}
