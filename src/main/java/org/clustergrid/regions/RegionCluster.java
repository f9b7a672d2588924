package org.clustergrid.regions;

import org.clustergrid.scoring.ClusterScore;
import org.locationtech.jts.geom.Geometry;

/**
 * A cluster as regions count it: where it is (a footprint counts by a point inside it), its size, and its score in
 * the run (null when it could not be scored).
 *
 * @param firms null when not known
 * @param employment null when not known
 * @param rank its priority rank in the run, or null when unranked
 */
public record RegionCluster(String id, String name, Geometry location, Integer firms, Integer employment,
        ClusterScore score, Integer rank) {}
