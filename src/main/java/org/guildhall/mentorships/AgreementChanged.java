package org.guildhall.mentorships;

/** The pair proposed or confirmed their agreement (expectations and how often they meet). */
public record AgreementChanged(long mentorshipId, int cadenceDays, boolean confirmedByBoth) {
}
