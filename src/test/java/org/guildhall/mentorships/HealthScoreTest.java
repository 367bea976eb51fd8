package org.guildhall.mentorships;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import org.guildhall.mentorships.internal.HealthScore;
import org.junit.jupiter.api.Test;

class HealthScoreTest {

	final HealthScore health = new HealthScore(14, 21);
	final Instant now = Instant.parse("2026-06-01T12:00:00Z");

	@Test
	void aPairThatMeetsAsAgreedWithProgressAndGoodRatingsScoresHigh() {
		Health h = health.score(new HealthScore.Facts(MentorshipStatus.ACTIVE, now.minus(Duration.ofDays(28)), null, 14, 2, 80, 2,
				now.minus(Duration.ofDays(3)), 4, 4.5), now);
		assertThat(h.parts()).extracting(Health.Part::points).containsExactly(40, 24, 26);
		assertThat(h.score()).isEqualTo(90);
		assertThat(h.quiet()).isFalse();
		assertThat(h.parts().get(0).explanation()).isEqualTo("2 of 2 expected meetings held in 28 days (every 14 days, as agreed).");
	}

	@Test
	void aPairThatNeverMetIsQuietAfterTheGraceDaysAndLosesCadencePoints() {
		Health early = health.score(new HealthScore.Facts(MentorshipStatus.ACTIVE, now.minus(Duration.ofDays(10)), null, null, 0, 0, 0,
				null, 0, 0), now);
		assertThat(early.quiet()).isFalse();
		assertThat(early.parts()).extracting(Health.Part::points).containsExactly(40, 0, 15);

		Health late = health.score(new HealthScore.Facts(MentorshipStatus.ACTIVE, now.minus(Duration.ofDays(30)), null, null, 0, 0, 0,
				null, 0, 0), now);
		assertThat(late.quiet()).isTrue();
		assertThat(late.quietReason()).isEqualTo("Never met in the 30 days since starting.");
		assertThat(late.parts().get(0).points()).isZero();
		assertThat(late.parts().get(0).explanation()).contains("every 14 days assumed");
	}

	@Test
	void theScoreIsAlwaysBetween0And100AndTheSumOfItsParts() {
		Random random = new Random(7);
		for (int i = 0; i < 2000; i++) {
			int goals = random.nextInt(4);
			int ratings = random.nextInt(5);
			Health h = health.score(new HealthScore.Facts(MentorshipStatus.values()[random.nextInt(5)],
					now.minus(Duration.ofDays(random.nextInt(400))), random.nextBoolean() ? null : now.minus(Duration.ofDays(random.nextInt(5))),
					random.nextBoolean() ? null : 1 + random.nextInt(60), goals, goals == 0 ? 0 : random.nextInt(101), random.nextInt(30),
					random.nextBoolean() ? null : now.minus(Duration.ofDays(random.nextInt(100))), ratings,
					ratings == 0 ? 0 : 1 + random.nextDouble() * 4), now);
			assertThat(h.score()).isBetween(0, 100).isEqualTo(h.parts().stream().mapToInt(Health.Part::points).sum());
		}
	}
}
