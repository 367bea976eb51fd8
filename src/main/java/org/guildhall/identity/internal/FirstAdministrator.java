package org.guildhall.identity.internal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.guildhall.identity.IdentityManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure an organisation can get its first administrator without any default password: from
 * {@code guildhall.admin.email} and {@code guildhall.admin.password} when set, otherwise through
 * the one-time setup page, whose secret link is printed in the log.
 */
@Component
public class FirstAdministrator {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final IdentityManagement identity;
	private final String email;
	private final String password;
	private final String name;
	private final AtomicReference<byte[]> setupSecret = new AtomicReference<>();

	FirstAdministrator(IdentityManagement identity, @Value("${guildhall.admin.email:}") String email,
			@Value("${guildhall.admin.password:}") String password,
			@Value("${guildhall.admin.name:Administrator}") String name) {
		this.identity = identity;
		this.email = email;
		this.password = password;
		this.name = name;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(100)
	public void ensure() {
		if (identity.hasAdmin()) {
			return;
		}
		if (!email.isBlank() && !password.isBlank()) {
			identity.createFirstAdmin(email, name, password);
			log.info("Created the first administrator {} from configuration", email);
			return;
		}
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		setupSecret.set(secret.getBytes(StandardCharsets.UTF_8));
		log.warn("No administrator exists yet. Create one at /setup?key={} (this link works until an administrator exists)", secret);
	}

	/** Whether the setup page may be used with this key. */
	public boolean acceptsSetupKey(Optional<String> key) {
		byte[] expected = setupSecret.get();
		return expected != null && key.isPresent()
				&& MessageDigest.isEqual(expected, key.get().getBytes(StandardCharsets.UTF_8)) && !identity.hasAdmin();
	}

	public boolean setupOpen() {
		return setupSecret.get() != null && !identity.hasAdmin();
	}

	public void setupDone() {
		setupSecret.set(null);
	}
}
