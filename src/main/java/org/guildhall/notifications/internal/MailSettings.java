package org.guildhall.notifications.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notification e-mails go out ({@code guildhall.notifications.mail.*}): the sender address,
 * how often the outbox is worked through, and the back-off between attempts after an SMTP failure
 * (base, doubling up to max; after {@code maxAttempts} the row is marked failed).
 */
@ConfigurationProperties("guildhall.notifications.mail")
record MailSettings(@DefaultValue("Guildhall <guildhall@localhost>") String from,
		@DefaultValue("PT10S") Duration sendInterval, @DefaultValue("50") int batchSize,
		@DefaultValue("PT1M") Duration retryBase, @DefaultValue("PT1H") Duration retryMax,
		@DefaultValue("8") int maxAttempts, @DefaultValue("PT5M") Duration claimTimeout) {

	MailSettings {
		if (batchSize < 1 || maxAttempts < 1 || retryBase.isNegative() || retryMax.compareTo(retryBase) < 0
				|| claimTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("guildhall.notifications.mail: batch-size and max-attempts must be at least 1, "
					+ "retry-max at least retry-base, claim-timeout at least a second");
		}
	}

	/** The wait before the next attempt after {@code attempts} failed ones: base, 2 × base, 4 × base, … up to max. */
	Duration backOff(int attempts) {
		Duration wait = retryBase;
		for (int i = 1; i < attempts && wait.compareTo(retryMax) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(retryMax) > 0 ? retryMax : wait;
	}
}
