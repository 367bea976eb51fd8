package org.guildhall.programmes;

import java.util.List;

/**
 * A manager published a matching run: every pair becomes a mentorship invitation. Published
 * synchronously inside the publishing transaction, so listeners that create the invitations take
 * part in it (all pairs are published or none).
 *
 * @param publishedBy the e-mail of the manager who published it
 */
public record ProposalsPublished(long programmeId, long runId, List<Pair> pairs, String publishedBy) {

	public record Pair(long menteeId, long mentorId, double score, List<String> reasons) {
	}
}
