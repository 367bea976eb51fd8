package org.guildhall.community;

import java.util.List;

/**
 * The expert finder's answer: people best first, and whether semantic evidence (meaning, not only
 * words) was used, said in words in {@code ranking}.
 */
public record ExpertResults(List<Expert> experts, boolean semantic, String ranking) {
}
