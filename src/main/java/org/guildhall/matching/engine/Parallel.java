package org.guildhall.matching.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/** Runs one body per worker on its own platform thread and waits for all (the engine's only threading). */
final class Parallel {

	private Parallel() {
	}

	/**
	 * Calls {@code body.accept(t)} for t = 0 .. workers-1, each on a thread named {@code name + t}
	 * (on the caller's thread when there is one worker); rethrows the first failure.
	 */
	static void run(int workers, String name, IntConsumer body) {
		if (workers <= 1) {
			body.accept(0);
			return;
		}
		List<Thread> started = new ArrayList<>();
		RuntimeException[] failure = new RuntimeException[1];
		for (int t = 0; t < workers; t++) {
			int thread = t;
			Thread worker = new Thread(() -> {
				try {
					body.accept(thread);
				}
				catch (RuntimeException e) {
					synchronized (failure) {
						if (failure[0] == null) {
							failure[0] = e;
						}
					}
				}
			}, name + t);
			started.add(worker);
			worker.start();
		}
		for (Thread worker : started) {
			try {
				worker.join();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", e);
			}
		}
		if (failure[0] != null) {
			throw failure[0];
		}
	}
}
