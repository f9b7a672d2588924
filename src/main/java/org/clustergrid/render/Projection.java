package org.clustergrid.render;

/** The map projections the renderer draws in, from WGS84 longitude/latitude to planar x (east) / y (north). */
public enum Projection {
    /** Plate carrée in degrees (EPSG:4326 / CRS:84 with x = longitude). */
    LON_LAT {
        @Override
        public double x(double lon) {
            return lon;
        }

        @Override
        public double y(double lat) {
            return lat;
        }

        @Override
        public double lon(double x) {
            return x;
        }

        @Override
        public double lat(double y) {
            return Math.max(-90, Math.min(90, y));
        }

        @Override
        public double worldWidth() {
            return 360;
        }
    },
    /** Spherical ("Web") Mercator, EPSG:3857, in metres on a sphere of the WGS84 semi-major axis. */
    WEB_MERCATOR {
        @Override
        public double x(double lon) {
            return RADIUS * Math.toRadians(lon);
        }

        @Override
        public double y(double lat) {
            // latitudes beyond the square world are drawn at its edge rather than at infinity
            double clamped = Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat));
            return RADIUS * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(clamped) / 2));
        }

        @Override
        public double lon(double x) {
            return Math.toDegrees(x / RADIUS);
        }

        @Override
        public double lat(double y) {
            return Math.toDegrees(2 * Math.atan(Math.exp(y / RADIUS)) - Math.PI / 2);
        }

        @Override
        public double worldWidth() {
            return 2 * Math.PI * RADIUS;
        }
    };

    public static final double RADIUS = 6378137.0;
    /** The latitude at which spherical Mercator's world becomes a square: atan(sinh(π)). */
    public static final double MAX_MERCATOR_LAT = Math.toDegrees(Math.atan(Math.sinh(Math.PI)));

    public abstract double x(double lon);

    public abstract double y(double lat);

    public abstract double lon(double x);

    /** Latitude of a y, within [-90, 90]. */
    public abstract double lat(double y);

    /** Width of one copy of the world (longitude -180 to 180) in projected units. */
    public abstract double worldWidth();
}
