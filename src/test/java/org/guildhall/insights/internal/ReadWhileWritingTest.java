package org.guildhall.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ReadWhileWritingTest {

	@Test
	void everyWriteRunsOnTheCallingThreadInTheOrderItWasRead() {
		Thread caller = Thread.currentThread();
		List<Integer> written = new ArrayList<>();
		List<Thread> writers = new ArrayList<>();
		ReadWhileWriting.copy("reader", write -> {
			for (int i = 0; i < 1_000; i++) {
				int n = i;
				write.accept(() -> {
					written.add(n);
					writers.add(Thread.currentThread());
				});
			}
		});
		assertThat(written).hasSize(1_000).isSorted();
		assertThat(writers).containsOnly(caller);
	}

	@Test
	void aFailedReadIsThrownToTheCallerAfterTheWritesBeforeIt() {
		List<Integer> written = new ArrayList<>();
		assertThatThrownBy(() -> ReadWhileWriting.copy("reader", write -> {
			write.accept(() -> written.add(1));
			throw new IllegalStateException("the owner's table is gone");
		})).isInstanceOf(IllegalStateException.class).hasMessage("the owner's table is gone");
		assertThat(written).containsExactly(1);
	}

	@Test
	void aFailedWriteStopsTheReader() throws Exception {
		AtomicInteger handedOver = new AtomicInteger();
		Thread[] reader = new Thread[1];
		assertThatThrownBy(() -> ReadWhileWriting.copy("reader", write -> {
			reader[0] = Thread.currentThread();
			for (int i = 0; i < 1_000_000; i++) {
				write.accept(() -> {
					throw new IllegalArgumentException("constraint violated");
				});
				handedOver.incrementAndGet();
			}
		})).isInstanceOf(IllegalArgumentException.class).hasMessage("constraint violated");
		reader[0].join(5_000);
		assertThat(reader[0].isAlive()).as("the reader stopped instead of waiting for a writer that is gone").isFalse();
		assertThat(handedOver.get()).isLessThan(100);
	}
}
