package org.guildhall.people;

import java.util.List;

import org.springframework.stereotype.Service;

/** PLACEHOLDER until the people-history branch lands. */
@Service
public class PersonHistory {
	public List<PersonHistoryEntry> after(long sequence, int limit) {
		return List.of();
	}

	public List<PersonHistoryEntry> of(long personId) {
		return List.of();
	}

	public long lastSequence() {
		return 0;
	}
}
