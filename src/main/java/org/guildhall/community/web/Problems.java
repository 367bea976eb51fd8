package org.guildhall.community.web;

import java.util.List;

import org.guildhall.shared.InvalidInputException;

/** Field problems as a person reads them: "Title must be at least 10 characters". */
final class Problems {

	private Problems() {
	}

	static List<String> messages(InvalidInputException e) {
		return e.problems().stream()
			.map(p -> p.field().equals("receiverId") ? "Colleague " + p.message() : p.sentence())
			.toList();
	}
}
