package org.guildhall.notifications.web;

import org.guildhall.notifications.Category;
import org.guildhall.notifications.EmailPreferences;
import org.guildhall.notifications.Inbox;
import org.guildhall.notifications.Notification;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's notifications, the unread count in the header, and their e-mail settings. */
@Controller
class NotificationsPageController {

	private final Inbox inbox;

	NotificationsPageController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/notifications")
	String list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "false") boolean unread,
			Model model) {
		CurrentUser me = me();
		model.addAttribute("notifications", inbox.notifications(me, unread, new PageRequest(page, PageRequest.DEFAULT_SIZE)));
		model.addAttribute("unreadOnly", unread);
		model.addAttribute("page", page);
		model.addAttribute("unread", inbox.unreadCount(me));
		model.addAttribute("linked", me.personId() != null);
		return "notifications/list";
	}

	/** The header's link with the unread count, polled by htmx. */
	@GetMapping("/notifications/unread")
	String unread(Model model) {
		model.addAttribute("unread", inbox.unreadCount(me()));
		return "notifications/parts :: bell";
	}

	@PostMapping("/notifications/{id}/read")
	String read(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
		Notification notification = inbox.markRead(id, me());
		if (htmx != null) {
			model.addAttribute("n", notification);
			model.addAttribute("page", page);
			return "notifications/parts :: item";
		}
		return "redirect:/notifications?page=" + Math.max(0, page);
	}

	@PostMapping("/notifications/read-all")
	String readAll(RedirectAttributes redirect) {
		int marked = inbox.markAllRead(me());
		redirect.addFlashAttribute("message", marked == 1 ? "1 notification marked read." : marked + " notifications marked read.");
		return "redirect:/notifications";
	}

	@GetMapping("/notifications/settings")
	String settings(Model model) {
		CurrentUser me = me();
		model.addAttribute("preferences", inbox.preferences(me));
		model.addAttribute("categories", java.util.Arrays.stream(Category.values()).filter(Category::optional).toList());
		model.addAttribute("linked", me.personId() != null);
		return "notifications/settings";
	}

	/** Unticked checkboxes are not sent: a category missing from the form is switched off. */
	@PostMapping("/notifications/settings")
	String save(@RequestParam(defaultValue = "false") boolean mentoring, @RequestParam(defaultValue = "false") boolean community,
			RedirectAttributes redirect) {
		inbox.setPreferences(new EmailPreferences(mentoring, community), me());
		redirect.addFlashAttribute("message", "Your e-mail settings are saved.");
		return "redirect:/notifications/settings";
	}

	private static CurrentUser me() {
		return CurrentUser.get().orElseThrow();
	}
}
