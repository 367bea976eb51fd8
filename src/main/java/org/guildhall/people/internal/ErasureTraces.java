package org.guildhall.people.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.guildhall.people.PersonErasure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * After an erasure, the event publication log still holds the person's name and e-mail (in the
 * erasure event, needed until every module has cleaned up, and in older events). This job removes
 * those publications once they are complete; one node at a time.
 */
@Component
class ErasureTraces {

	private static final Logger log = LoggerFactory.getLogger(ErasureTraces.class);

	private final PersonErasure erasure;

	ErasureTraces(PersonErasure erasure) {
		this.erasure = erasure;
	}

	@Scheduled(initialDelayString = "${guildhall.people.erasure-traces.initial-delay:PT1M}",
			fixedDelayString = "${guildhall.people.erasure-traces.interval:PT5M}")
	@SchedulerLock(name = "erasure-traces", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1S")
	void forget() {
		try {
			int deleted = erasure.forgetDeliveredErasures();
			if (deleted > 0) {
				log.info("Deleted {} completed event publications that named an erased person", deleted);
			}
		}
		catch (RuntimeException e) {
			log.warn("Could not delete the event publications that name an erased person: {}", e.toString());
		}
	}
}
