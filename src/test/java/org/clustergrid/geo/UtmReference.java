package org.clustergrid.geo;

/**
 * WGS84 longitude/latitude to UTM north by Krüger's series (Karney 2011, 4th order in n, sub-millimetre accuracy
 * within a zone), written out here so the tests check GeoTools against an independent computation.
 */
public final class UtmReference {
    private UtmReference() {}

    /** @return {easting, northing} in metres for the given UTM zone (northern hemisphere) */
    public static double[] toUtmNorth(double lon, double lat, int zone) {
        double a = 6378137;
        double f = 1 / 298.257223563;
        double k0 = 0.9996;
        double n = f / (2 - f);
        double n2 = n * n;
        double n3 = n2 * n;
        double n4 = n3 * n;
        double bigA = a / (1 + n) * (1 + n2 / 4 + n4 / 64);
        double[] alpha = {
            n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180,
            13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440,
            61 * n3 / 240 - 103 * n4 / 140,
            49561 * n4 / 161280
        };
        double phi = Math.toRadians(lat);
        double lambda = Math.toRadians(lon - (6 * zone - 183));
        double c = 2 * Math.sqrt(n) / (1 + n);
        double t = Math.sinh(atanh(Math.sin(phi)) - c * atanh(c * Math.sin(phi)));
        double xi0 = Math.atan2(t, Math.cos(lambda));
        double eta0 = atanh(Math.sin(lambda) / Math.sqrt(1 + t * t));
        double xi = xi0;
        double eta = eta0;
        for (int j = 1; j <= 4; j++) {
            xi += alpha[j - 1] * Math.sin(2 * j * xi0) * Math.cosh(2 * j * eta0);
            eta += alpha[j - 1] * Math.cos(2 * j * xi0) * Math.sinh(2 * j * eta0);
        }
        return new double[] {500000 + k0 * bigA * eta, k0 * bigA * xi};
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }
}
