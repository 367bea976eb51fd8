package org.guildhall.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class MailSettingsTest {

	private static MailSettings settings(Duration base, Duration max) {
		return new MailSettings("Guildhall <guildhall@localhost>", Duration.ofSeconds(10), 50, base, max, 8, Duration.ofMinutes(5));
	}

	@Test
	void theWaitAfterAFailureDoublesUpToTheMaximum() {
		MailSettings settings = settings(Duration.ofMinutes(1), Duration.ofHours(1));
		assertThat(IntStream.rangeClosed(1, 9).mapToObj(settings::backOff).map(Duration::toMinutes))
			.containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
		assertThat(settings.backOff(10_000)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void settingsThatCannotWorkAreRefusedAtStartUp() {
		assertThatThrownBy(() -> settings(Duration.ofHours(2), Duration.ofHours(1)))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retry-max");
		assertThatThrownBy(() -> new MailSettings("x", Duration.ofSeconds(10), 0, Duration.ofMinutes(1), Duration.ofHours(1), 8,
				Duration.ofMinutes(5))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch-size");
	}
}
