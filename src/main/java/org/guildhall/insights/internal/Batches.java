package org.guildhall.insights.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects items into lists of a fixed size and hands each full list on (a new list each time, so
 * the receiver may keep it); {@link #flush()} hands on the rest.
 */
final class Batches<T> implements Consumer<T> {

	static final int SIZE = 5_000;

	private final Consumer<List<T>> each;
	private List<T> current = new ArrayList<>(SIZE);

	Batches(Consumer<List<T>> each) {
		this.each = each;
	}

	/** Hands everything {@code read} gives to {@code each}, a batch at a time (the last one partly full). */
	static <T> void of(Consumer<Consumer<T>> read, Consumer<List<T>> each) {
		Batches<T> batches = new Batches<>(each);
		read.accept(batches);
		batches.flush();
	}

	@Override
	public void accept(T item) {
		current.add(item);
		if (current.size() >= SIZE) {
			flush();
		}
	}

	void flush() {
		if (!current.isEmpty()) {
			List<T> full = current;
			current = new ArrayList<>(SIZE);
			each.accept(full);
		}
	}
}
