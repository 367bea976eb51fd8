package org.guildhall.insights.internal;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps computed figures for a few seconds, so that ten managers opening the same dashboard cost
 * one computation; a change shows within the freshness window. Bounded: when full it starts over.
 */
public final class ShortCache<K, V> {

	private record Entry<V>(V value, long expiresAt) {
	}

	private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
	private final long freshNanos;
	private final int maxEntries;

	public ShortCache(Duration fresh, int maxEntries) {
		this.freshNanos = fresh.toNanos();
		this.maxEntries = maxEntries;
	}

	public V get(K key, Supplier<V> compute) {
		long now = System.nanoTime();
		Entry<V> entry = entries.get(key);
		if (entry != null && entry.expiresAt() - now > 0) {
			return entry.value();
		}
		V value = compute.get();
		if (entries.size() >= maxEntries) {
			entries.clear();
		}
		entries.put(key, new Entry<>(value, now + freshNanos));
		return value;
	}

	public void clear() {
		entries.clear();
	}
}
