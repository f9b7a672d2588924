package org.clustergrid.scoring;

import org.locationtech.jts.geom.Coordinate;

/**
 * Why an indicator has its value: the feature it was measured to, how far and how long, and the two ends of the line
 * a map can draw from the cluster to that feature.
 *
 * @param layer the layer id of the feature ({@code roads}, {@code power}, …)
 * @param featureId the feature's id within the layer ({@code dataset.id}, or a Cluster Grid ID)
 * @param metres geodesic distance, null when not measured
 * @param seconds travel time over the road network, null when not measured
 */
public record Evidence(
        String layer, String featureId, String name, Double metres, Double seconds, Coordinate from, Coordinate to) {}
