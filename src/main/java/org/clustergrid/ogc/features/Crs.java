package org.clustergrid.ogc.features;

import java.util.Arrays;
import java.util.List;
import org.clustergrid.api.Bbox;
import org.clustergrid.api.GeoJsonWriter;
import org.clustergrid.filter.ToLonLat;
import org.clustergrid.geo.PositionMap;
import org.clustergrid.render.Projection;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The coordinate reference systems items are served in (OGC API – Features Part 2, /req/crs). Features are stored
 * in CRS84; every other CRS is computed on the way out, and a {@code bbox-crs} box is turned into CRS84 on the way
 * in.
 */
enum Crs implements GeoJsonWriter.Positions, ToLonLat.Axes {
    /** Longitude, latitude: the storage CRS and the default. */
    CRS84("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 7) {
        @Override
        public double first(double lon, double lat) {
            return lon;
        }

        @Override
        public double second(double lon, double lat) {
            return lat;
        }

        @Override
        public double[] toLonLat(double first, double second) {
            return new double[] {first, second};
        }
    },
    /** WGS 84 as EPSG defines it: latitude first. */
    EPSG_4326("http://www.opengis.net/def/crs/EPSG/0/4326", 7) {
        @Override
        public double first(double lon, double lat) {
            return lat;
        }

        @Override
        public double second(double lon, double lat) {
            return lon;
        }

        @Override
        public double[] toLonLat(double first, double second) {
            return new double[] {second, first};
        }
    },
    /** Web Mercator: easting, northing in metres, to the centimetre; latitudes beyond ±85.05° at the edge. */
    EPSG_3857("http://www.opengis.net/def/crs/EPSG/0/3857", 2) {
        @Override
        public double first(double lon, double lat) {
            return Projection.WEB_MERCATOR.x(lon);
        }

        @Override
        public double second(double lon, double lat) {
            return Projection.WEB_MERCATOR.y(lat);
        }

        /**
         * Rounded to 1e-9° (0.1 mm): the inverse projection of a box made from round degrees comes back a hair
         * inside them, which would drop features that touch its edge.
         */
        @Override
        public double[] toLonLat(double first, double second) {
            return new double[] {Math.rint(Projection.WEB_MERCATOR.lon(first) * 1e9) / 1e9,
                    Math.rint(Projection.WEB_MERCATOR.lat(second) * 1e9) / 1e9};
        }
    };

    static final List<String> URIS = Arrays.stream(values()).map(Crs::uri).toList();

    private final String uri;
    private final int decimals;

    Crs(String uri, int decimals) {
        this.uri = uri;
        this.decimals = decimals;
    }

    String uri() {
        return uri;
    }

    @Override
    public int decimals() {
        return decimals;
    }

    /** Longitude and latitude of a position given in this CRS's axis order. */
    @Override
    public abstract double[] toLonLat(double first, double second);

    /** The {@code Content-Crs} header value (/req/crs/ogc-crs-header). */
    String header() {
        return "<" + uri + ">";
    }

    /**
     * The CRS a {@code crs} or {@code bbox-crs} value names: the URI (as the collections list it), its safe CURIE
     * ({@code [EPSG:4326]}) or the short form ({@code EPSG:4326}, {@code OGC:CRS84}). Absent is CRS84; anything else
     * is a 400 naming the allowed values.
     */
    static Crs parse(String parameter, String value) {
        if (value == null) {
            return CRS84;
        }
        String v = value.trim();
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        for (Crs c : values()) {
            String code = c.uri.substring(c.uri.lastIndexOf('/') + 1);
            String authority = c == CRS84 ? "OGC" : "EPSG";
            if (v.equals(c.uri) || v.equalsIgnoreCase(authority + ":" + code)
                    || (c == CRS84 && v.equalsIgnoreCase("CRS84"))) {
                return c;
            }
        }
        throw OgcException.badRequest(parameter + " '" + value + "' is not supported; allowed: " + URIS);
    }

    /**
     * A {@code bbox} given in this CRS's axes (4 numbers, or 6 with heights) as one or two CRS84 envelopes
     * ({@link Bbox#parseWrapping}). Corners are converted one by one, so a west edge east of the east edge still
     * means a box across the antimeridian.
     */
    List<Envelope> bbox(String bbox) {
        if (this == CRS84 || bbox == null || bbox.isBlank()) {
            return Bbox.parseWrapping(bbox);
        }
        String[] parts = bbox.split(",");
        if (parts.length != 4 && parts.length != 6) {
            throw OgcException.badRequest("bbox must be 4 numbers (or 6 with heights) in the axis order of bbox-crs "
                    + uri + "; got '" + bbox + "'");
        }
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw OgcException.badRequest("bbox value '" + parts[i] + "' is not a number");
            }
            if (!Double.isFinite(v[i])) {
                throw OgcException.badRequest("bbox value '" + parts[i] + "' is not a finite number");
            }
        }
        int half = parts.length / 2;
        if (this == EPSG_3857) {
            double limit = Projection.WEB_MERCATOR.x(180) + 0.01;
            for (int i : new int[] {0, 1, half, half + 1}) {
                if (Math.abs(v[i]) > limit) {
                    throw OgcException.badRequest("bbox " + bbox + " is outside the EPSG:3857 extent (±" + limit
                            + " m)");
                }
            }
        }
        double[] min = toLonLat(v[0], v[1]);
        double[] max = toLonLat(v[half], v[half + 1]);
        return Bbox.parseWrapping(min[0] + "," + min[1] + "," + max[0] + "," + max[1]);
    }

    /** A copy of a stored geometry in this CRS's axes (for WKT); the geometry itself as it is for CRS84. */
    Geometry transform(Geometry g) {
        return this == CRS84 ? g : PositionMap.copy(g, (lon, lat) -> new double[] {first(lon, lat), second(lon, lat)});
    }
}
