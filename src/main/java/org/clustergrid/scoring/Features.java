package org.clustergrid.scoring;

import org.clustergrid.model.LayerProperties;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/** Small helpers over stored features for evidence and geometry. */
final class Features {
    private Features() {}

    static String name(StoredFeature f) {
        Object n = LayerProperties.of(f.feature()).get("name");
        return n == null ? null : n.toString();
    }

    /** Where a footprint is reached from: the point itself, or a point inside the polygon. */
    static Point representative(Geometry g) {
        return g instanceof Point p ? p : g.getInteriorPoint();
    }

    static Evidence evidence(StoredFeature f, Double metres, Double seconds, Coordinate from, Coordinate to) {
        return new Evidence(f.feature().layer().id(), f.layerId(), name(f), metres, seconds, from, to);
    }
}
