package org.guildhall.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.guildhall.shared.CurrentUser;

/** Starts a bulk matching run and waits until it has finished (done or failed). */
final class FinishedRuns {

	private FinishedRuns() {
	}

	static MatchingRun runToTheEnd(MatchingRuns runs, long programmeId, CurrentUser manager) {
		MatchingRun started = runs.start(programmeId, manager);
		Awaitility.await().atMost(Duration.ofSeconds(60))
			.until(() -> runs.latest(programmeId, manager).orElseThrow().state() != MatchingRun.State.RUNNING);
		MatchingRun run = runs.latest(programmeId, manager).orElseThrow();
		assertThat(run.id()).isEqualTo(started.id());
		return run;
	}
}
