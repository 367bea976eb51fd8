package org.guildhall.insights.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Reads on a second thread while the calling thread writes what was read before, so that a long
 * copy takes about as long as its slower half instead of both halves one after the other. The
 * calling thread keeps its transaction: every write runs on it, in the order the reader handed the
 * writes over. At most a few batches wait in between, so memory stays bounded. A failure on either
 * side stops both and is thrown to the caller (whose transaction then rolls back).
 */
final class ReadWhileWriting {

	/** Reads everything, handing each batch's write to {@code write} as soon as it is read. */
	interface Reader {
		void read(Consumer<Runnable> write);
	}

	private static final int WAITING_BATCHES = 4;

	private ReadWhileWriting() {
	}

	static void copy(String threadName, Reader reader) {
		BlockingQueue<Runnable> writes = new ArrayBlockingQueue<>(WAITING_BATCHES);
		AtomicBoolean writerStopped = new AtomicBoolean();
		AtomicReference<Throwable> readFailure = new AtomicReference<>();
		Runnable end = () -> {
		};
		Thread thread = new Thread(() -> {
			try {
				reader.read(write -> hand(writes, write, writerStopped));
			}
			catch (Throwable t) {
				readFailure.set(t);
			}
			finally {
				try {
					hand(writes, end, writerStopped);
				}
				catch (CancellationException e) {
					// the writer has stopped already and takes nothing more
				}
			}
		}, threadName);
		thread.setDaemon(true);
		thread.start();
		try {
			for (Runnable write = writes.take(); write != end; write = writes.take()) {
				write.run();
			}
			thread.join();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while copying", e);
		}
		finally {
			writerStopped.set(true);
			writes.clear();
		}
		Throwable failure = readFailure.get();
		if (failure instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		if (failure != null) {
			throw new IllegalStateException(failure);
		}
	}

	private static void hand(BlockingQueue<Runnable> writes, Runnable write, AtomicBoolean writerStopped) {
		try {
			while (!writes.offer(write, 100, TimeUnit.MILLISECONDS)) {
				if (writerStopped.get()) {
					throw new CancellationException("the writer stopped");
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancellationException("interrupted");
		}
	}
}
