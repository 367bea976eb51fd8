package org.guildhall.insights.internal;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Keeps computed figures for a few seconds, so that ten managers opening the same dashboard cost
 * one computation. A key nobody has asked for yet is computed once however many ask at the same
 * moment (the others wait for it); once its value is older than the freshness window, one caller
 * computes it again while the others are still served the previous value, so a change shows
 * within about the window plus one computation and nobody waits for it. Bounded: when full it
 * starts over.
 */
public final class ShortCache<K, V> {

	private static final class Entry<V> {
		final V value;
		final long computedAt;
		final AtomicBoolean refreshing = new AtomicBoolean();

		Entry(V value, long computedAt) {
			this.value = value;
			this.computedAt = computedAt;
		}
	}

	private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
	private final ConcurrentHashMap<K, Object> firstComputations = new ConcurrentHashMap<>();
	private final long freshNanos;
	private final int maxEntries;

	public ShortCache(Duration fresh, int maxEntries) {
		this.freshNanos = fresh.toNanos();
		this.maxEntries = maxEntries;
	}

	public V get(K key, Supplier<V> compute) {
		Entry<V> entry = entries.get(key);
		if (entry == null) {
			Object lock = firstComputations.computeIfAbsent(key, k -> new Object());
			try {
				synchronized (lock) {
					entry = entries.get(key);
					if (entry == null) {
						entry = put(key, compute.get());
					}
				}
			}
			finally {
				firstComputations.remove(key, lock);
			}
			return entry.value;
		}
		if (System.nanoTime() - entry.computedAt < freshNanos || !entry.refreshing.compareAndSet(false, true)) {
			return entry.value;
		}
		try {
			return put(key, compute.get()).value;
		}
		finally {
			entry.refreshing.set(false);
		}
	}

	private Entry<V> put(K key, V value) {
		if (entries.size() >= maxEntries) {
			entries.clear();
		}
		Entry<V> entry = new Entry<>(value, System.nanoTime());
		entries.put(key, entry);
		return entry;
	}

	public void clear() {
		entries.clear();
	}
}
