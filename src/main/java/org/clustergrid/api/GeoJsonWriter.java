package org.clustergrid.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.clustergrid.model.LayerProperties;
import org.clustergrid.model.StoredAttributes;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes features as RFC 7946 GeoJSON: longitude/latitude, at most 7 decimals (about 1 cm), exterior rings
 * counter-clockwise and holes clockwise, no {@code crs} member. Shared by every API that serves GeoJSON. Callers that
 * serve another CRS (OGC API – Features Part 2) pass {@link Positions} and name that CRS themselves.
 */
public final class GeoJsonWriter {
    private static final int DECIMALS = 7;
    private static final ObjectMapper TEXT = new ObjectMapper();

    private GeoJsonWriter() {}

    /**
     * How a stored longitude/latitude is written: the two axes of the output CRS, in its axis order, and the
     * decimals kept. {@link #LON_LAT} is RFC 7946's order at 7 decimals.
     */
    public interface Positions {
        Positions LON_LAT = new Positions() {
            @Override
            public double first(double lon, double lat) {
                return lon;
            }

            @Override
            public double second(double lon, double lat) {
                return lat;
            }

            @Override
            public int decimals() {
                return DECIMALS;
            }
        };

        double first(double lon, double lat);

        double second(double lon, double lat);

        /** 1 to 8. */
        int decimals();
    }

    public static void feature(JsonGenerator g, StoredFeature f) throws IOException {
        feature(g, f, false);
    }

    /**
     * A feature; with {@code attributesAsText} its source attributes come as one JSON text property instead of an
     * object, for GIS clients that hold properties in flat fields (QGIS 3.22 reads an object into a map field that
     * none of its file writers accepts, so such a layer cannot be saved).
     */
    public static void feature(JsonGenerator g, StoredFeature f, boolean attributesAsText) throws IOException {
        feature(g, f, attributesAsText, Positions.LON_LAT);
    }

    /** A feature ({@link #feature(JsonGenerator, StoredFeature, boolean)}) with its positions written as asked. */
    public static void feature(JsonGenerator g, StoredFeature f, boolean attributesAsText, Positions positions)
            throws IOException {
        g.writeStartObject();
        featureMembers(g, f, attributesAsText, positions);
        g.writeEndObject();
    }

    /** The members of a feature object, for callers that add members of their own (such as links). */
    public static void featureMembers(JsonGenerator g, StoredFeature f) throws IOException {
        featureMembers(g, f, false);
    }

    /** The members of a feature object, the source attributes as JSON text if asked ({@link #feature}). */
    public static void featureMembers(JsonGenerator g, StoredFeature f, boolean attributesAsText) throws IOException {
        featureMembers(g, f, attributesAsText, Positions.LON_LAT);
    }

    /** The members of a feature object, its positions written as asked. */
    public static void featureMembers(JsonGenerator g, StoredFeature f, boolean attributesAsText, Positions positions)
            throws IOException {
        g.writeStringField("type", "Feature");
        g.writeStringField("id", f.layerId());
        g.writeFieldName("geometry");
        geometry(g, f.feature().geometry(), positions);
        g.writeObjectFieldStart("properties");
        for (Map.Entry<String, Object> e : LayerProperties.of(f.feature()).entrySet()) {
            g.writeObjectField(e.getKey(), e.getValue());
        }
        g.writeStringField("dataset", f.datasetId());
        if (!f.feature().attributes().isEmpty()) {
            Map<String, Object> attributes = f.feature().attributes();
            // stored attributes are JSON text already: written as they are, not parsed and printed again
            String stored = attributes instanceof StoredAttributes s ? s.json() : null;
            if (attributesAsText) {
                g.writeStringField("attributes", stored != null ? stored : TEXT.writeValueAsString(attributes));
            } else if (stored != null) {
                g.writeFieldName("attributes");
                g.writeRawValue(stored);
            } else {
                g.writeObjectField("attributes", attributes);
            }
        }
        g.writeEndObject();
    }

    public static void geometry(JsonGenerator g, Geometry geom) throws IOException {
        geometry(g, geom, Positions.LON_LAT);
    }

    /**
     * A geometry with its positions written as asked. Ring orientation is decided on the stored longitude/latitude,
     * so it is RFC 7946's whatever the output axes.
     */
    public static void geometry(JsonGenerator g, Geometry geom, Positions positions) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", geom.getGeometryType());
        if (geom instanceof GeometryCollection && !(geom instanceof MultiPoint || geom instanceof MultiLineString
                || geom instanceof MultiPolygon)) {
            g.writeArrayFieldStart("geometries");
            for (int i = 0; i < geom.getNumGeometries(); i++) {
                geometry(g, geom.getGeometryN(i), positions);
            }
            g.writeEndArray();
        } else {
            g.writeFieldName("coordinates");
            coordinates(g, geom, positions);
        }
        g.writeEndObject();
    }

    private static void coordinates(JsonGenerator g, Geometry geom, Positions positions) throws IOException {
        if (geom instanceof Point p) {
            position(g, p.getCoordinate(), positions);
        } else if (geom instanceof LineString l) {
            positions(g, l.getCoordinates(), positions);
        } else if (geom instanceof Polygon p) {
            polygon(g, p, positions);
        } else {
            g.writeStartArray();
            for (int i = 0; i < geom.getNumGeometries(); i++) {
                coordinates(g, geom.getGeometryN(i), positions);
            }
            g.writeEndArray();
        }
    }

    private static void polygon(JsonGenerator g, Polygon p, Positions positions) throws IOException {
        g.writeStartArray();
        ring(g, p.getExteriorRing().getCoordinates(), true, positions);
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            ring(g, p.getInteriorRingN(i).getCoordinates(), false, positions);
        }
        g.writeEndArray();
    }

    private static void ring(JsonGenerator g, Coordinate[] ring, boolean counterClockwise, Positions positions)
            throws IOException {
        boolean ccw = ring.length >= 4 && Orientation.isCCW(ring);
        if (ring.length >= 4 && ccw != counterClockwise) {
            Coordinate[] reversed = new Coordinate[ring.length];
            for (int i = 0; i < ring.length; i++) {
                reversed[i] = ring[ring.length - 1 - i];
            }
            ring = reversed;
        }
        positions(g, ring, positions);
    }

    private static void positions(JsonGenerator g, Coordinate[] cs, Positions positions) throws IOException {
        g.writeStartArray();
        for (Coordinate c : cs) {
            position(g, c, positions);
        }
        g.writeEndArray();
    }

    private static void position(JsonGenerator g, Coordinate c, Positions positions) throws IOException {
        char[] buffer = new char[FixedDecimals.MAX_CHARS];
        g.writeStartArray();
        int decimals = positions.decimals();
        if (positions == Positions.LON_LAT) {
            number(g, c.x, decimals, buffer);
            number(g, c.y, decimals, buffer);
        } else {
            number(g, positions.first(c.x, c.y), decimals, buffer);
            number(g, positions.second(c.x, c.y), decimals, buffer);
        }
        g.writeEndArray();
    }

    private static void number(JsonGenerator g, double v, int decimals, char[] buffer) throws IOException {
        int length = FixedDecimals.format(v, decimals, buffer);
        if (length < 0) {
            g.writeNumber(v);
        } else {
            g.writeNumber(buffer, 0, length);
        }
    }
}
