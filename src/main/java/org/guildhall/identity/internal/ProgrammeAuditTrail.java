package org.guildhall.identity.internal;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.programmes.MatchingRunStarted;
import org.guildhall.programmes.PairRuleChanged;
import org.guildhall.programmes.ProgrammeStatusChanged;
import org.guildhall.programmes.ProposalsPublished;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes what programme managers do into the audit trail, from the programmes module's events:
 * each step of a programme (closing enrolment among them), matching runs, pins, moves and bans,
 * and publishing, each with who did it.
 */
@Component
class ProgrammeAuditTrail {

	private final IdentityManagement identity;

	ProgrammeAuditTrail(IdentityManagement identity) {
		this.identity = identity;
	}

	@ApplicationModuleListener
	void on(ProgrammeStatusChanged event) {
		String action = switch (event.status()) {
			case ENROLLING -> "enrolment-opened";
			case MATCHING -> "enrolment-closed";
			case RUNNING -> "programme-started";
			case CLOSED -> "programme-closed";
			default -> "programme-" + event.status().name().toLowerCase(java.util.Locale.ROOT);
		};
		identity.audit(actor(event.by()), action, programme(event.programmeId()), null);
	}

	@ApplicationModuleListener
	void on(MatchingRunStarted event) {
		identity.audit(event.startedBy(), "matching-run-started", programme(event.programmeId()),
				"run " + event.runId() + ", objective " + event.objective().toLowerCase(java.util.Locale.ROOT));
	}

	@ApplicationModuleListener
	void on(PairRuleChanged event) {
		String detail = "mentee person " + event.menteeId() + ", mentor person " + event.mentorId()
				+ (event.movedFrom() == null ? "" : ", moved from mentor person " + event.movedFrom());
		identity.audit(event.by(), "pair-" + event.change(), programme(event.programmeId()), detail);
	}

	@ApplicationModuleListener
	void on(ProposalsPublished event) {
		identity.audit(event.publishedBy(), "matching-run-published", programme(event.programmeId()),
				"run " + event.runId() + ": " + event.pairs().size() + " mentorship invitations");
	}

	private static String programme(long id) {
		return "programme " + id;
	}

	private static String actor(@org.jspecify.annotations.Nullable String by) {
		return by == null ? "guildhall" : by;
	}
}
