package org.clustergrid.geo;

import net.sf.geographiclib.GeodesicMask;

/**
 * Distances between longitude/latitude points in metres.
 *
 * <p>{@link #distance} is the WGS84 ellipsoidal distance by Karney's algorithm (GeographicLib), accurate to
 * nanometres and valid for every pair of points, near-antipodal ones included; it is the same algorithm PostGIS uses
 * for {@code ST_Distance(geography)} on the spheroid. About 1 µs a call.
 *
 * <p>{@link #sphereDistance} and {@link #angle} are the great-circle distance on a sphere of the mean radius (the
 * latitude taken as spherical latitude, as PostGIS geography does). Cheaper, and within
 * {@link #SPHERE_TO_ELLIPSOID_MIN} / {@link #SPHERE_TO_ELLIPSOID_MAX} of the ellipsoidal distance, which makes it a
 * safe bound for pruning. {@link #approxDistance} is a local equirectangular estimate for very short distances.
 */
public final class Geodesic {
    /** WGS84 semi-major axis (m). */
    public static final double A = 6378137.0;
    /** Mean Earth radius (m) as PostGIS uses it for its sphere, (2a + b) / 3 of WGS84. */
    public static final double MEAN_RADIUS = 6371008.771415059;
    /**
     * The ellipsoidal distance is at least this multiple of the spherical one: the ratio is the radius of curvature
     * over the mean radius, from the meridional radius at the equator (6,335,439 m, ratio 0.9944) to the polar radius
     * (6,399,594 m, 1.0045); 0.99 leaves a margin.
     */
    public static final double SPHERE_TO_ELLIPSOID_MIN = 0.99;
    /** The ellipsoidal distance is at most this multiple of the spherical one (see {@link #SPHERE_TO_ELLIPSOID_MIN}). */
    public static final double SPHERE_TO_ELLIPSOID_MAX = 1.01;

    private static final net.sf.geographiclib.Geodesic WGS84 = net.sf.geographiclib.Geodesic.WGS84;

    private Geodesic() {}

    /** WGS84 ellipsoidal (geodesic) distance in metres between (lon1, lat1) and (lon2, lat2), degrees. */
    public static double distance(double lon1, double lat1, double lon2, double lat2) {
        if (lon1 == lon2 && lat1 == lat2) {
            return 0;
        }
        return WGS84.Inverse(lat1, lon1, lat2, lon2, GeodesicMask.DISTANCE).s12;
    }

    /** Geodesic length in metres of a lon/lat polyline given as consecutive (x, y) pairs. */
    public static double length(double[] lonLat) {
        double sum = 0;
        for (int i = 2; i + 1 < lonLat.length; i += 2) {
            sum += distance(lonLat[i - 2], lonLat[i - 1], lonLat[i], lonLat[i + 1]);
        }
        return sum;
    }

    /** Great-circle angle in radians between two lon/lat points in degrees (haversine, stable for small angles). */
    public static double angle(double lon1, double lat1, double lon2, double lat2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double sdp = Math.sin((p2 - p1) / 2);
        double sdl = Math.sin(Math.toRadians(lon2 - lon1) / 2);
        double h = sdp * sdp + Math.cos(p1) * Math.cos(p2) * sdl * sdl;
        return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Great-circle distance in metres on the sphere of {@link #MEAN_RADIUS}. */
    public static double sphereDistance(double lon1, double lat1, double lon2, double lat2) {
        return MEAN_RADIUS * angle(lon1, lat1, lon2, lat2);
    }

    /**
     * Equirectangular estimate in metres, scaled at the mean latitude: within 0.5 % of {@link #distance} for points
     * a few kilometres apart (ellipsoid flattening ignored), for ranking and display, not for scores.
     */
    public static double approxDistance(double lon1, double lat1, double lon2, double lat2) {
        double dx = Math.toRadians(lon2 - lon1) * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        double dy = Math.toRadians(lat2 - lat1);
        return MEAN_RADIUS * Math.sqrt(dx * dx + dy * dy);
    }

    private static final double E2 = 6.69437999014e-3;
    private static final double SHORT_DEGREES = 0.1;

    /** Metres per degree of latitude (meridional radius of curvature) at a latitude. */
    public static double metresPerDegreeLat(double lat) {
        double s = Math.sin(Math.toRadians(lat));
        double w = 1 - E2 * s * s;
        return Math.toRadians(A * (1 - E2) / (w * Math.sqrt(w)));
    }

    /** Metres per degree of longitude (prime-vertical radius × cos φ) at a latitude. */
    public static double metresPerDegreeLon(double lat) {
        double phi = Math.toRadians(lat);
        double s = Math.sin(phi);
        return Math.toRadians(A / Math.sqrt(1 - E2 * s * s) * Math.cos(phi));
    }

    /**
     * Distance in metres for the many short spans of road segments: in the plane tangent at the middle latitude with
     * the ellipsoid's radii there when both spans are under 0.1° (relative error below 10⁻⁶), else {@link #distance}.
     */
    public static double fastDistance(double lon1, double lat1, double lon2, double lat2) {
        double dLon = lon2 - lon1;
        if (dLon > 180) {
            dLon -= 360;
        } else if (dLon < -180) {
            dLon += 360;
        }
        if (Math.abs(dLon) < SHORT_DEGREES && Math.abs(lat2 - lat1) < SHORT_DEGREES) {
            double mid = (lat1 + lat2) / 2;
            double x = dLon * metresPerDegreeLon(mid);
            double y = (lat2 - lat1) * metresPerDegreeLat(mid);
            return Math.sqrt(x * x + y * y);
        }
        return distance(lon1, lat1, lon2, lat2);
    }
}
