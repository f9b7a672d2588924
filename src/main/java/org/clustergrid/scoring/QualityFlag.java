package org.clustergrid.scoring;

/**
 * Something about the data around a cluster that a planner should know before trusting its score.
 *
 * @param code stable identifier, e.g. {@code outside_coverage}
 * @param message what was found, for this cluster
 * @param effect what it means for the score
 */
public record QualityFlag(String code, String message, String effect) {}
