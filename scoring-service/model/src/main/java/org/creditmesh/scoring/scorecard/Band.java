package org.creditmesh.scoring.scorecard;

/**
 * A score band: scores at or above {@code minScore} and below the next better band's bound.
 *
 * @param name band name, {@code A} the best
 * @param minScore lower bound ({@code null} for the lowest band)
 */
public record Band(String name, Double minScore) {
}
