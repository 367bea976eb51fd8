package org.guildhall.insights.network;

import java.util.Arrays;

/**
 * Person id to node index: open addressing over primitive arrays, because a {@code HashMap<Long,
 * Integer>} of 100,000 people costs about 6 MB of boxes and the lookups are on the build's hot path.
 */
final class PersonIndex {

	private static final long EMPTY = Long.MIN_VALUE;

	private long[] keys;
	private int[] values;
	private int size;
	private boolean hasEmptyKey;
	private int emptyKeyValue;

	PersonIndex(int expected) {
		int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
		keys = new long[capacity];
		Arrays.fill(keys, EMPTY);
		values = new int[capacity];
	}

	/** The index of the id, or -1. */
	int get(long id) {
		if (id == EMPTY) {
			return hasEmptyKey ? emptyKeyValue : -1;
		}
		int mask = keys.length - 1;
		for (int slot = hash(id) & mask;; slot = (slot + 1) & mask) {
			long key = keys[slot];
			if (key == id) {
				return values[slot];
			}
			if (key == EMPTY) {
				return -1;
			}
		}
	}

	/** Stores the id's index; returns false (and keeps the old one) when the id is already present. */
	boolean putNew(long id, int index) {
		if (id == EMPTY) {
			if (hasEmptyKey) {
				return false;
			}
			hasEmptyKey = true;
			emptyKeyValue = index;
			return true;
		}
		if ((size + 1) * 2 > keys.length) {
			grow();
		}
		int mask = keys.length - 1;
		for (int slot = hash(id) & mask;; slot = (slot + 1) & mask) {
			long key = keys[slot];
			if (key == id) {
				return false;
			}
			if (key == EMPTY) {
				keys[slot] = id;
				values[slot] = index;
				size++;
				return true;
			}
		}
	}

	private void grow() {
		long[] oldKeys = keys;
		int[] oldValues = values;
		keys = new long[oldKeys.length * 2];
		Arrays.fill(keys, EMPTY);
		values = new int[keys.length];
		int mask = keys.length - 1;
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldKeys[i] != EMPTY) {
				int slot = hash(oldKeys[i]) & mask;
				while (keys[slot] != EMPTY) {
					slot = (slot + 1) & mask;
				}
				keys[slot] = oldKeys[i];
				values[slot] = oldValues[i];
			}
		}
	}

	private static int hash(long id) {
		return (int) (Mixing.mix64(id) >>> 32);
	}
}
