package org.guildhall.notifications.internal;

import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the outbox sender every {@code guildhall.notifications.mail.send-interval}. The
 * application's ShedLock provider (table {@code shedlock}, database time) lets one node at a time
 * work the outbox; the row claims in {@link MailOutbox} would keep two senders from sending a row
 * twice even without it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(MailSettings.class)
class MailSchedule {

	private static final Logger log = LoggerFactory.getLogger(MailSchedule.class);

	static final String LOCK = "notifications-mail-sender";

	/** Long enough for a full run; a node that dies holding the lock frees it after this. */
	private static final Duration LOCK_AT_MOST = Duration.ofMinutes(10);

	private final MailOutbox outbox;
	private final LockingTaskExecutor locks;

	MailSchedule(MailOutbox outbox, LockProvider lockProvider) {
		this.outbox = outbox;
		this.locks = new DefaultLockingTaskExecutor(lockProvider);
	}

	@Scheduled(fixedDelayString = "${guildhall.notifications.mail.send-interval:PT10S}",
			initialDelayString = "${guildhall.notifications.mail.initial-delay:PT10S}")
	void sendDue() {
		try {
			locks.executeWithLock((Runnable) () -> {
				MailOutbox.Delivery delivery = outbox.deliverDue(LOCK_AT_MOST.dividedBy(2));
				if (delivery.claimed() > 0) {
					log.debug("Outbox run: {} sent, {} failed attempts", delivery.sent(), delivery.failedAttempts());
				}
			}, new LockConfiguration(Instant.now(), LOCK, LOCK_AT_MOST, Duration.ZERO));
		}
		catch (RuntimeException e) {
			log.error("The e-mail outbox run failed; it runs again at the next interval", e);
		}
	}
}
