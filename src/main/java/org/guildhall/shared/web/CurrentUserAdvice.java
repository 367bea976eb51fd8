package org.guildhall.shared.web;

import org.guildhall.shared.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Makes the signed-in user available to every page as {@code currentUser}. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

	@ModelAttribute("currentUser")
	@Nullable CurrentUser currentUser() {
		return CurrentUser.get().orElse(null);
	}
}
