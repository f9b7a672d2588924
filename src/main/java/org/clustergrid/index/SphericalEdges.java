package org.clustergrid.index;

/**
 * Great-circle geometry on the unit sphere, written to mirror PostGIS's geography code (lwgeodetic.c
 * {@code edge_distance_to_point} / {@code edge_distance_to_edge}): latitude is used as spherical latitude, an edge is
 * the shorter great-circle arc between its ends, and the closest point of an edge to a point is the foot of the
 * perpendicular when it falls inside the arc, else the nearer end. PostGIS picks the closest point this way on the
 * sphere and only then measures the spheroidal distance to it; doing the same makes our metres agree with
 * {@code ST_Distance(geography)} to millimetres instead of to the ~0.5 % sphere/spheroid difference.
 *
 * <p>Points are unit vectors in {@code double[3]}; results are angles in radians.
 */
final class SphericalEdges {
    private SphericalEdges() {}

    static void toVector(double lon, double lat, double[] out) {
        double la = Math.toRadians(lat);
        double lo = Math.toRadians(lon);
        double c = Math.cos(la);
        out[0] = c * Math.cos(lo);
        out[1] = c * Math.sin(lo);
        out[2] = Math.sin(la);
    }

    static double lon(double[] v) {
        return Math.toDegrees(Math.atan2(v[1], v[0]));
    }

    static double lat(double[] v) {
        return Math.toDegrees(Math.atan2(v[2], Math.hypot(v[0], v[1])));
    }

    /** Angle between two unit vectors; atan2 of sine and cosine stays accurate for tiny and large angles. */
    static double angle(double[] u, double[] v) {
        double cx = u[1] * v[2] - u[2] * v[1];
        double cy = u[2] * v[0] - u[0] * v[2];
        double cz = u[0] * v[1] - u[1] * v[0];
        return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), u[0] * v[0] + u[1] * v[1] + u[2] * v[2]);
    }

    /**
     * Angle from {@code p} to the arc {@code a}–{@code b}; the closest point of the arc is written to {@code closest}.
     * {@code n} is scratch space (3 doubles).
     */
    static double pointToEdge(double[] a, double[] b, double[] p, double[] closest, double[] n) {
        double da = angle(p, a);
        double db = angle(p, b);
        double best;
        double[] end;
        if (db < da) {
            best = db;
            end = b;
        } else {
            best = da;
            end = a;
        }
        // normal of the edge's great circle
        n[0] = a[1] * b[2] - a[2] * b[1];
        n[1] = a[2] * b[0] - a[0] * b[2];
        n[2] = a[0] * b[1] - a[1] * b[0];
        double nn = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
        if (nn > 0) {
            n[0] /= nn;
            n[1] /= nn;
            n[2] /= nn;
            double s = p[0] * n[0] + p[1] * n[1] + p[2] * n[2];
            double kx = p[0] - s * n[0];
            double ky = p[1] - s * n[1];
            double kz = p[2] - s * n[2];
            double kk = Math.sqrt(kx * kx + ky * ky + kz * kz);
            if (kk > 0) {
                kx /= kk;
                ky /= kk;
                kz /= kk;
                // the foot lies on the arc when it is on the inner side of both ends: (a × k)·n ≥ 0 and (k × b)·n ≥ 0
                double ak = (a[1] * kz - a[2] * ky) * n[0] + (a[2] * kx - a[0] * kz) * n[1] + (a[0] * ky - a[1] * kx) * n[2];
                double kb = (ky * b[2] - kz * b[1]) * n[0] + (kz * b[0] - kx * b[2]) * n[1] + (kx * b[1] - ky * b[0]) * n[2];
                if (ak >= 0 && kb >= 0) {
                    double ck = Math.atan2(Math.abs(s), kx * p[0] + ky * p[1] + kz * p[2]);
                    if (ck < best) {
                        closest[0] = kx;
                        closest[1] = ky;
                        closest[2] = kz;
                        return ck;
                    }
                }
            }
        }
        System.arraycopy(end, 0, closest, 0, 3);
        return best;
    }

    /**
     * A lower bound of the great-circle angle between two lon/lat boxes (degrees; a point is a box of zero size),
     * from the haversine identity hav(d) = hav(Δφ) + cos φ1 cos φ2 hav(Δλ) with Δφ, Δλ the gaps between the boxes and
     * the cosines at the latitudes farthest from the equator. It runs for every tree node visited, so it avoids
     * trigonometry while staying a strict bound: sin x ≥ x − x³/6, cosines from a table rounded down, and
     * 2·asin(√h) ≥ 2·√h. Within 0.01 % of the true gap for gaps up to tens of kilometres.
     */
    static double boxGap(double aMinX, double aMinY, double aMaxX, double aMaxY,
            double bMinX, double bMinY, double bMaxX, double bMaxY) {
        double dLat = Math.max(0, Math.max(aMinY - bMaxY, bMinY - aMaxY));
        double dLon = lonGap(aMinX, aMaxX, bMinX, bMaxX);
        double sLat = sinBelow(Math.toRadians(dLat) / 2);
        double h = sLat * sLat;
        if (dLon > 0) {
            double sLon = sinBelow(Math.toRadians(dLon) / 2);
            h += cosBelow(Math.max(Math.abs(aMinY), Math.abs(aMaxY))) * cosBelow(Math.max(Math.abs(bMinY),
                    Math.abs(bMaxY))) * sLon * sLon;
        }
        return 2 * Math.sqrt(h);
    }

    private static final double[] COS_CENTIDEGREES = new double[9002];

    static {
        for (int i = 0; i < COS_CENTIDEGREES.length; i++) {
            COS_CENTIDEGREES[i] = Math.max(0, Math.cos(Math.toRadians(i / 100.0)) - 1e-15);
        }
    }

    /** cos of a latitude's absolute value (degrees), rounded down to the next table step. */
    private static double cosBelow(double absLat) {
        return COS_CENTIDEGREES[(int) Math.min(9001, Math.ceil(absLat * 100))];
    }

    /** sin x ≥ x − x³/6 for 0 ≤ x ≤ π/2. */
    private static double sinBelow(double x) {
        return x * (1 - x * x / 6);
    }

    /**
     * Longitude gap in degrees between two ranges, the shorter way round the globe, 0 when they overlap. Longitudes
     * are in [-180, 180], so one wrap of 360° is enough (no floating-point modulo in this hot path).
     */
    private static double lonGap(double aMin, double aMax, double bMin, double bMax) {
        if (aMax >= bMin && bMax >= aMin) {
            return 0;
        }
        double east = bMin - aMax;
        if (east < 0) {
            east += 360;
        }
        double west = aMin - bMax;
        if (west < 0) {
            west += 360;
        }
        return Math.min(Math.min(east, west), 180);
    }
}
