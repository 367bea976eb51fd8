package org.guildhall.community;

/** The asker picked one of an expert's offered times: a flash session between the two is agreed. */
public record ExpertSessionAgreed(long requestId, long expertId, long askerId) {
}
