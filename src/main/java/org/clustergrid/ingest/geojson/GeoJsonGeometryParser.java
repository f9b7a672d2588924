package org.clustergrid.ingest.geojson;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Builds a JTS geometry from a GeoJSON geometry object. Positions keep x/y (any third value is ignored); a ring that
 * is not closed is closed and noted in {@link #repaired()}; anything else malformed throws {@link Invalid} naming the
 * member, e.g. {@code geometry.coordinates}.
 */
final class GeoJsonGeometryParser {
    /** A malformed geometry. */
    static final class Invalid extends Exception {
        final String field;

        Invalid(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    private final GeometryFactory factory;
    private String repaired;

    GeoJsonGeometryParser(GeometryFactory factory) {
        this.factory = factory;
    }

    /** Null, or what was fixed while parsing the last geometry. */
    String repaired() {
        return repaired;
    }

    Geometry parse(JsonNode g, String field) throws Invalid {
        repaired = null;
        return geometry(g, field);
    }

    private Geometry geometry(JsonNode g, String field) throws Invalid {
        if (!g.isObject()) {
            throw new Invalid(field, "expected a geometry object, found " + GeoJsonFeatureReader.describe(g));
        }
        String type = g.path("type").asText(null);
        if (type == null) {
            throw new Invalid(field + ".type", "missing geometry type");
        }
        if (type.equals("GeometryCollection")) {
            JsonNode members = g.get("geometries");
            if (members == null || !members.isArray()) {
                throw new Invalid(field + ".geometries", "expected an array of geometries");
            }
            Geometry[] parts = new Geometry[members.size()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = geometry(members.get(i), field + ".geometries[" + i + "]");
            }
            return factory.createGeometryCollection(parts);
        }
        String cf = field + ".coordinates";
        JsonNode c = g.get("coordinates");
        if (c == null || !c.isArray()) {
            throw new Invalid(cf, "expected an array of coordinates, found " + GeoJsonFeatureReader.describe(c));
        }
        return switch (type) {
            case "Point" -> c.isEmpty() ? factory.createPoint() : factory.createPoint(position(c, cf));
            case "MultiPoint" -> factory.createMultiPoint(points(c, cf));
            case "LineString" -> line(c, cf);
            case "MultiLineString" -> {
                LineString[] lines = new LineString[c.size()];
                for (int i = 0; i < lines.length; i++) {
                    lines[i] = line(array(c.get(i), cf), cf);
                }
                yield factory.createMultiLineString(lines);
            }
            case "Polygon" -> polygon(c, cf);
            case "MultiPolygon" -> {
                Polygon[] polygons = new Polygon[c.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(array(c.get(i), cf), cf);
                }
                yield factory.createMultiPolygon(polygons);
            }
            default -> throw new Invalid(field + ".type", "unknown geometry type '" + type + "'");
        };
    }

    private static JsonNode array(JsonNode n, String field) throws Invalid {
        if (n == null || !n.isArray()) {
            throw new Invalid(field, "expected an array, found " + GeoJsonFeatureReader.describe(n));
        }
        return n;
    }

    private static Coordinate position(JsonNode p, String field) throws Invalid {
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw new Invalid(field, "expected a position [longitude, latitude], found " + p);
        }
        return new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
    }

    private Coordinate[] positions(JsonNode list, String field) throws Invalid {
        array(list, field);
        Coordinate[] cs = new Coordinate[list.size()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = position(list.get(i), field);
        }
        return cs;
    }

    private Point[] points(JsonNode list, String field) throws Invalid {
        Coordinate[] cs = positions(list, field);
        Point[] points = new Point[cs.length];
        for (int i = 0; i < cs.length; i++) {
            points[i] = factory.createPoint(cs[i]);
        }
        return points;
    }

    private LineString line(JsonNode list, String field) throws Invalid {
        Coordinate[] cs = positions(list, field);
        if (cs.length == 1) {
            throw new Invalid(field, "a LineString needs at least 2 positions");
        }
        return factory.createLineString(cs);
    }

    private Polygon polygon(JsonNode rings, String field) throws Invalid {
        array(rings, field);
        if (rings.isEmpty()) {
            return factory.createPolygon();
        }
        LinearRing shell = ring(rings.get(0), field);
        List<LinearRing> holes = new ArrayList<>();
        for (int i = 1; i < rings.size(); i++) {
            holes.add(ring(rings.get(i), field));
        }
        return factory.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    private LinearRing ring(JsonNode list, String field) throws Invalid {
        Coordinate[] cs = positions(list, field);
        if (cs.length > 0 && !cs[0].equals2D(cs[cs.length - 1])) {
            Coordinate[] closed = new Coordinate[cs.length + 1];
            System.arraycopy(cs, 0, closed, 0, cs.length);
            closed[cs.length] = cs[0].copy();
            cs = closed;
            repaired = "linear ring was not closed";
        }
        if (cs.length < 4) {
            throw new Invalid(field, "a linear ring needs at least 4 positions, found " + list.size());
        }
        return factory.createLinearRing(cs);
    }
}
