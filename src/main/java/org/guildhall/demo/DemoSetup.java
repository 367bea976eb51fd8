package org.guildhall.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How far the demo is on first start. The server answers while the demo runners seed (they run
 * after Tomcat has started), so the sign-in page reads this to say that the demo is still being set
 * up, and at which step, instead of turning every sign-in away with "wrong password". The demo is
 * ready once the application has started (every runner, the community and the insights included),
 * or at once when the database already held it; it has failed when seeding the organisation threw.
 */
@Component
@ConditionalOnProperty(name = "guildhall.demo.enabled", havingValue = "true")
class DemoSetup {

	enum Stage {
		NOT_STARTED, LOADING, READY, FAILED
	}

	/** The stage, and the step the demo is at (or stopped at, when it failed). */
	record Progress(Stage stage, String step) {
	}

	private volatile Progress progress = new Progress(Stage.NOT_STARTED, "starting");

	Progress progress() {
		return progress;
	}

	/** The demo is now doing this, in words for the sign-in page ("importing 1,200 people"). */
	void step(String step) {
		progress = new Progress(Stage.LOADING, step);
	}

	/** The demo's accounts can sign in. */
	void ready() {
		progress = new Progress(Stage.READY, progress.step());
	}

	/** Seeding stopped at the current step; the log says why. */
	void failed() {
		progress = new Progress(Stage.FAILED, progress.step());
	}

	@EventListener(ApplicationReadyEvent.class)
	void started() {
		if (progress.stage() != Stage.FAILED) {
			ready();
		}
	}
}
