package org.guildhall.insights.internal;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Keeps computed figures for a few seconds, so that ten managers opening the same dashboard cost
 * one computation. A key nobody has asked for yet is computed once however many ask at the same
 * moment (the others wait for it); once its value is older than the freshness window, it is
 * computed again in the background while every caller is still served the previous value, so a
 * change shows within about the window plus one computation and nobody waits for it. A caller
 * that knows the version of the data a value depends on (see {@link #get(Object, String, Supplier)})
 * has it counted again as soon as that version moved, without waiting for the window. Bounded:
 * when full it starts over.
 */
public final class ShortCache<K, V> {

	private static final class Entry<V> {
		final V value;
		final String version;
		final long computedAt;
		final AtomicBoolean refreshing = new AtomicBoolean();

		Entry(V value, String version, long computedAt) {
			this.value = value;
			this.version = version;
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
		return get(key, "", compute);
	}

	/**
	 * The value for the key; counted again (in the background, the previous value served meanwhile)
	 * when older than the window or computed from another version of the data.
	 */
	public V get(K key, String version, Supplier<V> compute) {
		Entry<V> entry = entries.get(key);
		if (entry == null) {
			Object lock = firstComputations.computeIfAbsent(key, k -> new Object());
			try {
				synchronized (lock) {
					entry = entries.get(key);
					if (entry == null) {
						entry = put(key, version, compute.get());
					}
				}
			}
			finally {
				firstComputations.remove(key, lock);
			}
			return entry.value;
		}
		boolean stale = !entry.version.equals(version) || System.nanoTime() - entry.computedAt >= freshNanos;
		if (stale && entry.refreshing.compareAndSet(false, true)) {
			Entry<V> old = entry;
			REFRESH.execute(() -> {
				try {
					put(key, version, compute.get());
				}
				catch (RuntimeException e) {
					// the previous value stays; the next caller after the window tries again
				}
				finally {
					old.refreshing.set(false);
				}
			});
		}
		return entry.value;
	}

	/** One thread for every cache's background recounts: at most one recount at a time per node. */
	private static final java.util.concurrent.ExecutorService REFRESH = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "insights-refresh");
		thread.setDaemon(true);
		return thread;
	});

	private Entry<V> put(K key, String version, V value) {
		if (entries.size() >= maxEntries) {
			entries.clear();
		}
		Entry<V> entry = new Entry<>(value, version, System.nanoTime());
		entries.put(key, entry);
		return entry;
	}

	public void clear() {
		entries.clear();
	}
}
