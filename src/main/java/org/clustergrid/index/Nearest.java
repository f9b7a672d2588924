package org.clustergrid.index;

import org.locationtech.jts.geom.Coordinate;

/**
 * An item found near a query.
 *
 * @param item the item
 * @param metres WGS84 geodesic distance from the query to the item, 0 when they intersect
 * @param closest the point of the item nearest to the query (lon/lat), e.g. to draw the evidence line on a map
 */
public record Nearest<T>(T item, double metres, Coordinate closest) {}
