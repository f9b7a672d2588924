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
 * counter-clockwise and holes clockwise, no {@code crs} member. Shared by every API that serves GeoJSON.
 */
public final class GeoJsonWriter {
    private static final int DECIMALS = 7;
    private static final ObjectMapper TEXT = new ObjectMapper();

    private GeoJsonWriter() {}

    public static void feature(JsonGenerator g, StoredFeature f) throws IOException {
        feature(g, f, false);
    }

    /**
     * A feature; with {@code attributesAsText} its source attributes come as one JSON text property instead of an
     * object, for GIS clients that hold properties in flat fields (QGIS 3.22 reads an object into a map field that
     * none of its file writers accepts, so such a layer cannot be saved).
     */
    public static void feature(JsonGenerator g, StoredFeature f, boolean attributesAsText) throws IOException {
        g.writeStartObject();
        featureMembers(g, f, attributesAsText);
        g.writeEndObject();
    }

    /** The members of a feature object, for callers that add members of their own (such as links). */
    public static void featureMembers(JsonGenerator g, StoredFeature f) throws IOException {
        featureMembers(g, f, false);
    }

    /** The members of a feature object, the source attributes as JSON text if asked ({@link #feature}). */
    public static void featureMembers(JsonGenerator g, StoredFeature f, boolean attributesAsText) throws IOException {
        g.writeStringField("type", "Feature");
        g.writeStringField("id", f.layerId());
        g.writeFieldName("geometry");
        geometry(g, f.feature().geometry());
        g.writeObjectFieldStart("properties");
        for (Map.Entry<String, Object> e : LayerProperties.of(f.feature()).entrySet()) {
            g.writeFieldName(e.getKey());
            JsonValues.write(g, e.getValue());
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
                g.writeFieldName("attributes");
                JsonValues.write(g, attributes);
            }
        }
        g.writeEndObject();
    }

    public static void geometry(JsonGenerator g, Geometry geom) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", geom.getGeometryType());
        if (geom instanceof GeometryCollection && !(geom instanceof MultiPoint || geom instanceof MultiLineString
                || geom instanceof MultiPolygon)) {
            g.writeArrayFieldStart("geometries");
            for (int i = 0; i < geom.getNumGeometries(); i++) {
                geometry(g, geom.getGeometryN(i));
            }
            g.writeEndArray();
        } else {
            g.writeFieldName("coordinates");
            coordinates(g, geom);
        }
        g.writeEndObject();
    }

    private static void coordinates(JsonGenerator g, Geometry geom) throws IOException {
        if (geom instanceof Point p) {
            position(g, p.getCoordinate());
        } else if (geom instanceof LineString l) {
            positions(g, l.getCoordinates());
        } else if (geom instanceof Polygon p) {
            polygon(g, p);
        } else {
            g.writeStartArray();
            for (int i = 0; i < geom.getNumGeometries(); i++) {
                coordinates(g, geom.getGeometryN(i));
            }
            g.writeEndArray();
        }
    }

    private static void polygon(JsonGenerator g, Polygon p) throws IOException {
        g.writeStartArray();
        ring(g, p.getExteriorRing().getCoordinates(), true);
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            ring(g, p.getInteriorRingN(i).getCoordinates(), false);
        }
        g.writeEndArray();
    }

    private static void ring(JsonGenerator g, Coordinate[] ring, boolean counterClockwise) throws IOException {
        boolean ccw = ring.length >= 4 && Orientation.isCCW(ring);
        if (ring.length >= 4 && ccw != counterClockwise) {
            Coordinate[] reversed = new Coordinate[ring.length];
            for (int i = 0; i < ring.length; i++) {
                reversed[i] = ring[ring.length - 1 - i];
            }
            ring = reversed;
        }
        positions(g, ring);
    }

    private static void positions(JsonGenerator g, Coordinate[] cs) throws IOException {
        g.writeStartArray();
        for (Coordinate c : cs) {
            position(g, c);
        }
        g.writeEndArray();
    }

    private static void position(JsonGenerator g, Coordinate c) throws IOException {
        char[] buffer = new char[FixedDecimals.MAX_CHARS];
        g.writeStartArray();
        number(g, c.x, buffer);
        number(g, c.y, buffer);
        g.writeEndArray();
    }

    private static void number(JsonGenerator g, double v, char[] buffer) throws IOException {
        int length = FixedDecimals.format(v, DECIMALS, buffer);
        if (length < 0) {
            g.writeNumber(v);
        } else {
            g.writeNumber(buffer, 0, length);
        }
    }
}
