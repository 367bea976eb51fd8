package org.guildhall.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class ShortCacheTest {

	@Test
	void servesTheValueWhileFreshAndCountsAgainWhenTheDataVersionMoves() {
		ShortCache<String, Integer> cache = new ShortCache<>(Duration.ofHours(1), 10);
		AtomicInteger computations = new AtomicInteger();
		assertThat(cache.get("p1", "v1", computations::incrementAndGet)).isEqualTo(1);
		assertThat(cache.get("p1", "v1", computations::incrementAndGet)).as("fresh and same version").isEqualTo(1);
		assertThat(computations).hasValue(1);

		assertThat(cache.get("p1", "v2", computations::incrementAndGet)).as("the previous value meanwhile").isEqualTo(1);
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> cache.get("p1", "v2", computations::incrementAndGet) == 2);
		assertThat(cache.get("p1", "v2", computations::incrementAndGet)).isEqualTo(2);
		assertThat(computations).hasValue(2);
	}

	@Test
	void countsAgainAfterTheWindowEvenWhenTheVersionStays() {
		ShortCache<String, Integer> cache = new ShortCache<>(Duration.ZERO, 10);
		AtomicInteger computations = new AtomicInteger();
		cache.get("all", computations::incrementAndGet);
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> cache.get("all", computations::incrementAndGet) > 1);
	}
}
