package org.guildhall;

import java.time.Duration;
import java.util.concurrent.Executor;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Delivers again every event publication whose listener has not completed: one that failed (the
 * database went away mid-way: "JDBC rollback failed"), or one whose node stopped before it ran.
 * Without this a failed listener's side effect (a notification, a feed entry) is lost until a
 * restart. Runs shortly after start and then every {@code guildhall.events.retry.interval}, on one
 * node at a time (ShedLock), for publications older than {@code guildhall.events.retry.older-than}
 * so that a listener still running normally is not started twice.
 * <p>
 * Spring Modulith 2.0's JDBC registry keeps no "failed" state and does not claim a publication
 * for a retry, so its own {@code republish-outstanding-events-on-restart} would, on every node
 * that starts, re-run what other nodes are running right now; it stays off. Listeners must still be
 * idempotent: a listener slower than {@code older-than} is delivered twice (notifications carry a
 * source key that is unique per person, the activity feed one per event).
 */
@Component
@ConditionalOnProperty(name = "guildhall.events.retry.enabled", havingValue = "true", matchIfMissing = true)
class EventPublicationRetry {

	private static final Logger log = LoggerFactory.getLogger(EventPublicationRetry.class);

	private final IncompleteEventPublications publications;
	private final Duration olderThan;
	private final Executor listeners;

	EventPublicationRetry(IncompleteEventPublications publications,
			@Value("${guildhall.events.retry.older-than:PT2M}") Duration olderThan,
			@Qualifier("applicationTaskExecutor") Executor listeners) {
		this.publications = publications;
		this.olderThan = olderThan;
		this.listeners = listeners;
	}

	@Scheduled(initialDelayString = "${guildhall.events.retry.initial-delay:PT10S}",
			fixedDelayString = "${guildhall.events.retry.interval:PT1M}")
	@SchedulerLock(name = "event-publication-retry", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1S")
	void resubmit() {
		// Publications still waiting in this node's queue for a listener thread look just like failed
		// ones; resubmitting them would run them twice and grow the queue (seen after start-up with
		// 20,000 mentorships' nudges). So a node with a backlog waits until it has worked through it.
		if (listeners instanceof ThreadPoolTaskExecutor pool && pool.getQueueSize() > 0) {
			log.debug("Not delivering incomplete event publications again yet: {} listener calls are still queued",
					pool.getQueueSize());
			return;
		}
		try {
			publications.resubmitIncompletePublicationsOlderThan(olderThan);
		}
		catch (RuntimeException e) {
			// the database may still be away: the next round tries again
			log.warn("Could not deliver incomplete event publications again: {}", e.toString());
		}
	}
}
