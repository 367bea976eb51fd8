package org.guildhall.notifications.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.guildhall.identity.PasswordLinkIssued;
import org.guildhall.identity.RecoveryCodeUsed;
import org.guildhall.identity.RepeatedSignInFailures;
import org.guildhall.identity.SecondFactorRemoved;
import org.guildhall.notifications.Category;
import org.guildhall.notifications.internal.Notifier.Message;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/** Tells people about things happening to their account, by notification and always by e-mail. */
@Component
class AccountListeners {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy 'at' HH:mm 'UTC'").withZone(ZoneOffset.UTC);

	private final Notifier notifier;

	AccountListeners(Notifier notifier) {
		this.notifier = notifier;
	}

	/** Once an hour at most: a second lock in the same hour adds nothing the owner needs to know. */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(RepeatedSignInFailures event) {
		if (event.personId() == null) {
			return;
		}
		notifier.notify(new Message(event.personId(), Category.ACCOUNT,
				"sign-in-failures:" + event.accountId() + ":" + event.at().truncatedTo(ChronoUnit.HOURS),
				"Several wrong passwords were tried on your account",
				"On " + WHEN.format(event.at()) + " several wrong passwords were tried on your Guildhall account (the last from "
						+ event.address() + "), so further attempts from there now have to wait. Your own browser, where you "
						+ "signed in before, is not held up. If this was not you, change your password.",
				"/password"));
	}

	/**
	 * A one-time link to set a password, by e-mail only (it is no in-app notification: the person
	 * may not be able to sign in, and the link must not linger in a list). Sent even to an account
	 * with no person in the directory; identity made the link only for an active account.
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(PasswordLinkIssued event) {
		String greeting = "Hello " + event.displayName() + ",\n\n";
		String body = switch (event.reason()) {
			case FORGOTTEN -> greeting + "someone (probably you) asked for a new password for your Guildhall account "
					+ event.email() + ". Open this link to choose one; it works once, until " + WHEN.format(event.expiresAt())
					+ ":\n\n{link}\n\nIf you did not ask, ignore this e-mail: your password stays as it is.";
			case FROM_ADMINISTRATOR -> greeting + "an administrator of Guildhall, your organisation's mentoring platform, sends you "
					+ "this link to set the password of your account " + event.email() + ". It works once, until "
					+ WHEN.format(event.expiresAt()) + ":\n\n{link}\n\nThen sign in with your e-mail address and that password.";
		};
		notifier.mailOnly(event.email(), "password-link:" + event.accountId() + ":" + event.at().toEpochMilli(),
				event.reason() == PasswordLinkIssued.Reason.FORGOTTEN ? "Set a new Guildhall password" : "Set your Guildhall password",
				body + "\n\n-- \nGuildhall\n", event.path());
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(SecondFactorRemoved event) {
		if (event.personId() == null) {
			return;
		}
		notifier.notify(new Message(event.personId(), Category.ACCOUNT,
				"second-factor-removed:" + event.accountId() + ":" + event.at().toEpochMilli(),
				"A second factor was removed from your account",
				"On " + WHEN.format(event.at()) + " " + event.factor() + " was removed from your Guildhall account by "
						+ event.removedBy() + ". If this was not you or someone you asked, tell an administrator and change your password.",
				"/account/security"));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(RecoveryCodeUsed event) {
		if (event.personId() == null) {
			return;
		}
		notifier.notify(new Message(event.personId(), Category.ACCOUNT,
				"recovery-code-used:" + event.accountId() + ":" + event.at().toEpochMilli(),
				"A recovery code was used to sign in to your account",
				"On " + WHEN.format(event.at()) + " someone signed in to your Guildhall account with one of your recovery codes (from "
						+ event.address() + "); " + event.codesLeft() + " unused codes are left. If this was not you, change your password "
						+ "and create new recovery codes on your Security page.",
				"/account/security"));
	}
}
