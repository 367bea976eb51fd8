package org.guildhall.insights.network;

/** The 64-bit finaliser of MurmurHash3: spreads ids over hash slots and derives per-sample seeds. */
final class Mixing {

	private Mixing() {
	}

	static long mix64(long z) {
		z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
		z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
		return z ^ (z >>> 33);
	}
}
