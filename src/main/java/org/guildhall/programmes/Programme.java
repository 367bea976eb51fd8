package org.guildhall.programmes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.guildhall.shared.ConflictException;
import org.jspecify.annotations.Nullable;

/**
 * A mentoring programme. Its status only moves forward, one step at a time; every other move is
 * refused with a message that says what is possible instead.
 */
public record Programme(long id, String name, @Nullable String purpose, ProgrammeFormat format, ProgrammeStatus status,
		@Nullable LocalDate enrolmentOpens, @Nullable LocalDate enrolmentCloses, int durationWeeks, int defaultCapacity,
		MatchingMode matchingMode, ProgrammeSettings.ObjectiveChoice objective, Map<String, String> weights,
		List<String> questions, boolean approvalRequired, long ownerAccountId, Instant createdAt, long version) {

	/** The status after {@code action}, or a refusal naming the current status and the allowed step. */
	public ProgrammeStatus next(String action) {
		ProgrammeStatus target = switch (action) {
			case "open-enrolment" -> ProgrammeStatus.ENROLLING;
			case "close-enrolment" -> ProgrammeStatus.MATCHING;
			case "start" -> ProgrammeStatus.RUNNING;
			case "close" -> ProgrammeStatus.CLOSED;
			default -> throw new ConflictException("Unknown step '" + action + "'.");
		};
		if (target.ordinal() != status.ordinal() + 1) {
			throw new ConflictException("The programme is " + describe(status) + ", so it cannot be "
					+ describe(target) + " now." + (status == ProgrammeStatus.CLOSED ? " It is closed for good."
							: " Next step: " + stepFrom(status) + "."));
		}
		return target;
	}

	public boolean editable() {
		return status == ProgrammeStatus.DRAFT || status == ProgrammeStatus.ENROLLING;
	}

	public boolean acceptsEnrolments(LocalDate today) {
		return status == ProgrammeStatus.ENROLLING && (enrolmentOpens == null || !today.isBefore(enrolmentOpens))
				&& (enrolmentCloses == null || !today.isAfter(enrolmentCloses));
	}

	static String describe(ProgrammeStatus status) {
		return switch (status) {
			case DRAFT -> "a draft";
			case ENROLLING -> "open for enrolment";
			case MATCHING -> "in matching";
			case RUNNING -> "running";
			case CLOSED -> "closed";
		};
	}

	static String stepFrom(ProgrammeStatus status) {
		return switch (status) {
			case DRAFT -> "open enrolment";
			case ENROLLING -> "close enrolment and start matching";
			case MATCHING -> "start the programme";
			case RUNNING -> "close the programme";
			case CLOSED -> "none";
		};
	}
}
