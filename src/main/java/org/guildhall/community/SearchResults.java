package org.guildhall.community;

import java.util.List;

/**
 * Search results and how they were ranked: {@code semantic} is true when vector similarity took
 * part (fused with keyword ranking); {@code ranking} says so in words, including how much of the
 * index still waits for its vectors.
 */
public record SearchResults(List<SearchHit> hits, boolean semantic, String ranking) {
}
