package org.clustergrid.network;

/**
 * Geodesic lengths on the WGS84 ellipsoid for the road graph. Kept private to this package until it is unified
 * with the project's general geodesic helper.
 *
 * <p>Road segments are short (metres to a few km), so they are measured in the plane tangent at their middle
 * latitude with the ellipsoid's meridional and prime-vertical radii there: the relative error grows as (d/R)² and
 * stays below 1e-6 for spans under 0.1° (checked against Vincenty in the tests). Longer spans use Vincenty's inverse formula (sub-millimetre; falls back to the tangent-plane value in the
 * nearly antipodal case where it does not converge, which no road reaches).
 */
final class EdgeLengths {
    static final double A = 6_378_137.0;
    static final double F = 1 / 298.257223563;
    static final double B = A * (1 - F);
    private static final double E2 = F * (2 - F);
    private static final double SHORT_DEGREES = 0.1;

    private EdgeLengths() {}

    /** Metres along the ellipsoid between two lon/lat points in degrees. */
    static double metres(double lon1, double lat1, double lon2, double lat2) {
        double dLon = lon2 - lon1;
        if (dLon > 180) {
            dLon -= 360;
        } else if (dLon < -180) {
            dLon += 360;
        }
        if (Math.abs(dLon) < SHORT_DEGREES && Math.abs(lat2 - lat1) < SHORT_DEGREES) {
            return tangentPlane(dLon, lat1, lat2);
        }
        double v = vincenty(lon1, lat1, lon2, lat2);
        return Double.isNaN(v) ? tangentPlane(dLon, lat1, lat2) : v;
    }

    /** Metres per degree of latitude (meridional radius) at a latitude. */
    static double metresPerDegreeLat(double lat) {
        double s = Math.sin(Math.toRadians(lat));
        double w = 1 - E2 * s * s;
        return Math.toRadians(A * (1 - E2) / (w * Math.sqrt(w)));
    }

    /** Metres per degree of longitude (prime-vertical radius × cos φ) at a latitude. */
    static double metresPerDegreeLon(double lat) {
        double phi = Math.toRadians(lat);
        double s = Math.sin(phi);
        return Math.toRadians(A / Math.sqrt(1 - E2 * s * s) * Math.cos(phi));
    }

    private static double tangentPlane(double dLon, double lat1, double lat2) {
        double mid = (lat1 + lat2) / 2;
        double x = dLon * metresPerDegreeLon(mid);
        double y = (lat2 - lat1) * metresPerDegreeLat(mid);
        return Math.sqrt(x * x + y * y);
    }

    /** Vincenty (1975) inverse; NaN when it does not converge. */
    static double vincenty(double lon1, double lat1, double lon2, double lat2) {
        double l = Math.toRadians(lon2 - lon1);
        double u1 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat1)));
        double u2 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat2)));
        double sinU1 = Math.sin(u1), cosU1 = Math.cos(u1), sinU2 = Math.sin(u2), cosU2 = Math.cos(u2);
        double lambda = l;
        for (int i = 0; i < 200; i++) {
            double sinL = Math.sin(lambda), cosL = Math.cos(lambda);
            double a = cosU2 * sinL;
            double b = cosU1 * sinU2 - sinU1 * cosU2 * cosL;
            double sinSigma = Math.sqrt(a * a + b * b);
            if (sinSigma == 0) {
                return 0;
            }
            double cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosL;
            double sigma = Math.atan2(sinSigma, cosSigma);
            double sinAlpha = cosU1 * cosU2 * sinL / sinSigma;
            double cos2Alpha = 1 - sinAlpha * sinAlpha;
            double cos2SigmaM = cos2Alpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cos2Alpha;
            double c = F / 16 * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
            double prev = lambda;
            lambda = l + (1 - c) * F * sinAlpha
                    * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
            if (Math.abs(lambda - prev) < 1e-12) {
                double uSq = cos2Alpha * (A * A - B * B) / (B * B);
                double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
                double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
                double deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM
                        * cos2SigmaM) - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma)
                        * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
                return B * bigA * (sigma - deltaSigma);
            }
        }
        return Double.NaN;
    }
}
