package org.clustergrid.store;

/**
 * One cluster's stored score; {@code result} is the full breakdown (indicators, evidence, dimensions, gaps) as JSON.
 */
public record ClusterScoreRecord(
        String clusterGridId, Integer rank, Double composite, Double gap, Double priority, Double stability,
        String result) {}
