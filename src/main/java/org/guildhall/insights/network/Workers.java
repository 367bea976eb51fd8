package org.guildhall.insights.network;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/** Runs one body per worker and waits for all; worker 0 runs on the caller's thread. */
final class Workers {

	private Workers() {
	}

	/** Calls {@code body.accept(t)} for t = 0 .. workers-1 and rethrows the first failure. */
	static void run(int workers, String name, IntConsumer body) {
		List<Thread> started = new ArrayList<>();
		Throwable[] failure = new Throwable[1];
		for (int t = 1; t < workers; t++) {
			int worker = t;
			Thread thread = new Thread(() -> {
				try {
					body.accept(worker);
				}
				catch (Throwable e) {
					synchronized (failure) {
						if (failure[0] == null) {
							failure[0] = e;
						}
					}
				}
			}, name + t);
			thread.setDaemon(true);
			started.add(thread);
			thread.start();
		}
		try {
			body.accept(0);
		}
		finally {
			for (Thread thread : started) {
				try {
					thread.join();
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted while waiting for " + thread.getName(), e);
				}
			}
		}
		if (failure[0] instanceof RuntimeException e) {
			throw e;
		}
		if (failure[0] instanceof Error e) {
			throw e;
		}
		if (failure[0] != null) {
			throw new IllegalStateException(failure[0]);
		}
	}
}
