package org.clustergrid.store;

import org.clustergrid.geo.PositionMap;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** Spherical Mercator (EPSG:3857) from and to longitude/latitude, with the same formulas PROJ uses for PostGIS. */
final class WebMercator {
    static final double HALF_WORLD = 20037508.342789244;
    private static final double RADIUS = 6378137.0;
    /** Latitude of the square's edge; beyond it y grows without bound. */
    private static final double MAX_LAT = 85.0511287798066;

    private WebMercator() {}

    static double x(double lon) {
        return Math.toRadians(lon) * RADIUS;
    }

    static double y(double lat) {
        double phi = Math.toRadians(Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)));
        return RADIUS * Math.log(Math.tan(Math.PI / 4 + phi / 2));
    }

    static double lon(double x) {
        return Math.toDegrees(x / RADIUS);
    }

    static double lat(double y) {
        return Math.toDegrees(2 * Math.atan(Math.exp(y / RADIUS)) - Math.PI / 2);
    }

    /**
     * A copy of a longitude/latitude geometry in EPSG:3857, cut off at the latitude limit beyond which the projection
     * has no finite coordinates (as the PostGIS store's stored Web Mercator copy is, db/postgis/V4).
     */
    static Geometry project(Geometry lonLat) {
        Envelope e = lonLat.getEnvelopeInternal();
        Geometry within = e.getMaxY() > MAX_LAT || e.getMinY() < -MAX_LAT
                ? lonLat.intersection(lonLat.getFactory().toGeometry(new Envelope(-180, 180, -MAX_LAT, MAX_LAT)))
                : lonLat;
        Geometry g = PositionMap.copy(within, (lon, lat) -> new double[] {x(lon), y(lat)});
        g.setSRID(3857);
        return g;
    }

    /** The longitude/latitude box of a EPSG:3857 box (exact: the projection keeps axis-parallel boxes). */
    static Envelope lonLat(Envelope mercator) {
        return new Envelope(lon(mercator.getMinX()), lon(mercator.getMaxX()), lat(mercator.getMinY()),
                lat(mercator.getMaxY()));
    }
}
