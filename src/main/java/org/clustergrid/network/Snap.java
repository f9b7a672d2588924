package org.clustergrid.network;

/**
 * Where a point joins the road network: the nearest point ("foot") on a road segment, located on the routing edge
 * that segment belongs to.
 *
 * @param edge the edge id in its {@link RoadGraph}
 * @param fraction position of the foot along the edge as a share of the edge's travel time (an edge may chain
 *     roads of different speeds): 0 at its source node, 1 at its target node
 * @param offRoadMetres geodesic metres from the point to the foot
 * @param offRoadSeconds those metres at the profile's off-road speed
 * @param footLon longitude of the foot
 * @param footLat latitude of the foot
 */
public record Snap(int edge, double fraction, double offRoadMetres, double offRoadSeconds, double footLon,
        double footLat) {}
