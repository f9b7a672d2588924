package org.clustergrid.register.roundtrip;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * A table as one GeoJSON FeatureCollection (RFC 7946: longitude, latitude in CRS84): the feature id is the record's
 * id, lists are arrays and objects objects. Coordinates are written in full, never rounded, and rings as stored, so
 * that the footprint reads back exactly.
 */
final class GeoJsonTableWriter {
    private GeoJsonTableWriter() {}

    static void write(RegisterTable table, List<Row> rows, Path file) throws IOException {
        try (JsonGenerator g = TableFile.JSON.getFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeStringField("name", table.name());
            g.writeArrayFieldStart("features");
            for (Row r : rows) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeStringField("id", r.id());
                g.writeFieldName("geometry");
                if (r.geometry() == null) {
                    g.writeNull();
                } else {
                    geometry(g, r.geometry());
                }
                g.writeObjectFieldStart("properties");
                for (Column c : table.columns()) {
                    g.writeFieldName(c.name());
                    g.writeObject(r.values().get(c.name()));
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    static void geometry(JsonGenerator g, Geometry geom) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", geom.getGeometryType());
        if (geom instanceof GeometryCollection c && !geom.getGeometryType().startsWith("Multi")) {
            g.writeArrayFieldStart("geometries");
            for (int i = 0; i < c.getNumGeometries(); i++) {
                geometry(g, c.getGeometryN(i));
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
            g.writeStartArray();
            positions(g, p.getExteriorRing().getCoordinates());
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                positions(g, p.getInteriorRingN(i).getCoordinates());
            }
            g.writeEndArray();
        } else {
            g.writeStartArray();
            for (int i = 0; i < geom.getNumGeometries(); i++) {
                coordinates(g, geom.getGeometryN(i));
            }
            g.writeEndArray();
        }
    }

    private static void positions(JsonGenerator g, Coordinate[] cs) throws IOException {
        g.writeStartArray();
        for (Coordinate c : cs) {
            position(g, c);
        }
        g.writeEndArray();
    }

    private static void position(JsonGenerator g, Coordinate c) throws IOException {
        g.writeStartArray();
        g.writeNumber(c.getX());
        g.writeNumber(c.getY());
        g.writeEndArray();
    }
}
