package org.guildhall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.guildhall.testing.GuildhallTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.TaskScheduler;

/**
 * A scheduled job never waits behind another one: the learning network's one-second round must not
 * queue behind a recount of the outcomes that takes seconds.
 */
@GuildhallTest
class JobsSideBySideTest {

	@Autowired TaskScheduler scheduler;

	@Test
	void aJobRunsWhileAnotherIsStillRunning() throws InterruptedException {
		CountDownLatch secondRan = new CountDownLatch(1);
		CountDownLatch firstDone = new CountDownLatch(1);
		scheduler.schedule(() -> {
			try {
				secondRan.await(10, TimeUnit.SECONDS); // a long job, until the other one has run
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			firstDone.countDown();
		}, Instant.now());
		scheduler.schedule(secondRan::countDown, Instant.now().plusMillis(100));
		assertThat(secondRan.await(5, TimeUnit.SECONDS)).as("the second job ran while the first was still running").isTrue();
		assertThat(firstDone.await(5, TimeUnit.SECONDS)).isTrue();
	}
}
