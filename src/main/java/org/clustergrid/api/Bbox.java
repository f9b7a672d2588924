package org.clustergrid.api;

import org.locationtech.jts.geom.Envelope;

/**
 * Parses the {@code bbox} parameter: {@code minLon,minLat,maxLon,maxLat} in WGS84 (OGC API – Features order). Bad
 * values raise {@link IllegalArgumentException} with a message for the client, which every API answers with 400.
 */
public final class Bbox {
    private Bbox() {}

    /** One box; one across the antimeridian is refused (see {@link #parseWrapping}). */
    public static Envelope parse(String bbox) {
        java.util.List<Envelope> parts = parseWrapping(bbox);
        if (parts.size() > 1) {
            throw new IllegalArgumentException("bbox crossing the antimeridian (minLon " + parts.get(0).getMinX()
                    + " > maxLon " + parts.get(1).getMaxX() + ") is not supported here; split it into two requests");
        }
        return parts.isEmpty() ? null : parts.get(0);
    }

    /**
     * The box as one envelope, or two when it crosses the antimeridian: a west edge east of the east edge
     * (OGC API – Features, /req/core/fc-bbox-definition) is the part from it to 180 and the part from −180 to the
     * east edge. No box (null or blank) is an empty list.
     */
    public static java.util.List<Envelope> parseWrapping(String bbox) {
        if (bbox == null || bbox.isBlank()) {
            return java.util.List.of();
        }
        String[] parts = bbox.split(",");
        if (parts.length != 4 && parts.length != 6) {
            throw new IllegalArgumentException("bbox must be minLon,minLat,maxLon,maxLat (4 numbers, or 6 with heights); got '"
                    + bbox + "'");
        }
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bbox value '" + parts[i] + "' is not a number");
            }
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("bbox value '" + parts[i] + "' is not a finite number");
            }
        }
        int half = parts.length / 2;
        double minLon = v[0];
        double minLat = v[1];
        double maxLon = v[half];
        double maxLat = v[half + 1];
        if (Math.abs(minLat) > 90 || Math.abs(maxLat) > 90 || Math.abs(minLon) > 180 || Math.abs(maxLon) > 180) {
            throw new IllegalArgumentException("bbox " + bbox + " is outside longitude [-180, 180] / latitude [-90, 90]");
        }
        if (minLat > maxLat) {
            throw new IllegalArgumentException("bbox minimum latitude " + minLat + " is above maximum latitude " + maxLat);
        }
        if (minLon > maxLon) {
            return java.util.List.of(new Envelope(minLon, 180, minLat, maxLat), new Envelope(-180, maxLon, minLat, maxLat));
        }
        return java.util.List.of(new Envelope(minLon, maxLon, minLat, maxLat));
    }
}
