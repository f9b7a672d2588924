package org.clustergrid.ingest.geojson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.clustergrid.geo.GeometryValidation;
import org.clustergrid.geo.Reprojection;
import org.clustergrid.geo.SelfCrossings;
import org.clustergrid.geo.UnknownCrsException;
import org.clustergrid.ingest.FileType;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.SourceFeature;
import org.clustergrid.ingest.SourceSink;
import org.clustergrid.ingest.progress.ImportProgress;
import org.clustergrid.ingest.progress.ProgressInputStream;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Reads a GeoJSON FeatureCollection, a single Feature or a bare geometry into WGS84 {@link SourceFeature}s, located as
 * {@code feature N} (1-based). A collection's features are streamed one at a time, so large files need little memory.
 *
 * <p>Coordinates are longitude/latitude (RFC 7946) unless the legacy {@code crs} member names another CRS. Properties
 * become attributes: numbers as Long or Double, booleans, strings, nested objects and arrays as their JSON text. The
 * feature's {@code id} member is added as attribute {@code id} unless the properties already have one.
 */
public final class GeoJsonFeatureReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> GEOMETRY_TYPES = Set.of("Point", "MultiPoint", "LineString", "MultiLineString",
            "Polygon", "MultiPolygon", "GeometryCollection");

    private final String file;
    private final ImportReport report;
    private final SourceSink sink;
    private final ImportProgress progress;
    private final GeoJsonGeometryParser geometries = new GeoJsonGeometryParser(new GeometryFactory());
    private Reprojection crs;

    private GeoJsonFeatureReader(String file, ImportReport report, SourceSink sink, ImportProgress progress) {
        this.file = file;
        this.report = report;
        this.sink = sink;
        this.progress = progress;
    }

    /**
     * One geometry from a GeoJSON text holding a geometry or a Feature (e.g. a polygon a user drew), checked like
     * an imported one: in longitude/latitude range, repaired when invalid.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Geometry parseGeometry(String json) {
        return parseGeometry(json, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /**
     * As {@link #parseGeometry(String)}, refusing a geometry of more than {@code maxVertices} vertices, and an invalid
     * polygon whose rings cross more than {@code maxCrossings} times (its repair would cost about that many
     * crossings); each message names its setting.
     */
    public static Geometry parseGeometry(String json, int maxVertices, int maxCrossings) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a GeoJSON geometry or Feature object");
        }
        JsonNode g = "Feature".equals(root.path("type").asText()) ? root.path("geometry") : root;
        Geometry geometry;
        try {
            geometry = new GeoJsonGeometryParser(new GeometryFactory()).parse(g, "geometry");
        } catch (GeoJsonGeometryParser.Invalid e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (geometry.getNumPoints() > maxVertices) {
            throw new IllegalArgumentException("the geometry has " + geometry.getNumPoints() + " vertices, more than "
                    + "the limit of " + maxVertices + " (clustergrid.limits.geometry-vertices)");
        }
        if (maxCrossings < Integer.MAX_VALUE && !geometry.isEmpty() && !geometry.isValid()
                && SelfCrossings.exceed(geometry, maxCrossings)) {
            throw new IllegalArgumentException("the polygon's edges cross more than " + maxCrossings + " times, the "
                    + "most a polygon may cross to be repaired (clustergrid.limits.geometry-crossings); send a polygon"
                    + " whose edges do not cross");
        }
        GeometryValidation.Result r = GeometryValidation.check(geometry);
        if (r.status() == GeometryValidation.Status.EMPTY || r.status() == GeometryValidation.Status.OUT_OF_RANGE) {
            throw new IllegalArgumentException(r.detail());
        }
        Geometry out = r.geometry();
        out.setSRID(4326);
        return out;
    }

    public static void read(Path file, ImportReport report, SourceSink sink) throws IOException {
        read(file, report, sink, ImportProgress.NONE);
    }

    /** As above, telling {@code progress} the bytes of the features read. */
    public static void read(Path file, ImportReport report, SourceSink sink, ImportProgress progress)
            throws IOException {
        String name = file.getFileName().toString();
        FileType type = FileType.detect(file);
        if (type != FileType.JSON) {
            report.error(name, null, null, "expected a GeoJSON document but it is " + type.description());
            return;
        }
        new GeoJsonFeatureReader(name, report, sink, progress).read(file);
    }

    private void read(Path path) throws IOException {
        try {
            // a first pass reads only the top-level members: "crs" may follow "features" and must be known first,
            // and malformed JSON is found before any feature is handed on
            Header header = header(path);
            if (header == null || !crs(header.crs())) {
                return;
            }
            if ("FeatureCollection".equals(header.type())) {
                features(path);
            } else if ("Feature".equals(header.type()) || GEOMETRY_TYPES.contains(header.type())) {
                JsonNode root = JSON.readTree(path.toFile());
                feature(header.type().equals("Feature") ? root
                        : JSON.createObjectNode().put("type", "Feature").set("geometry", root), 1);
            } else {
                report.error(file, null, "type", "not GeoJSON: type is " + (header.type() == null ? "missing"
                        : "'" + header.type() + "'") + ", expected FeatureCollection, Feature or a geometry type");
            }
        } catch (JsonProcessingException e) {
            report.error(file, at(e.getLocation()), null, "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static String at(JsonLocation l) {
        return l == null ? null : "line " + l.getLineNr() + ", column " + l.getColumnNr();
    }

    private record Header(String type, JsonNode crs) {}

    private Header header(Path path) throws IOException {
        try (JsonParser p = JSON.createParser(path.toFile())) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                report.error(file, null, null, "not GeoJSON: the document is " + describe(first)
                        + ", expected an object");
                return null;
            }
            String type = null;
            JsonNode crsNode = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("type") && value == JsonToken.VALUE_STRING) {
                    type = p.getText();
                } else if (field.equals("crs")) {
                    crsNode = p.readValueAsTree();
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                report.error(file, at(p.currentTokenLocation()), null,
                        "malformed JSON: unexpected content after the end of the document");
                return null;
            }
            return new Header(type, crsNode);
        }
    }

    /** Sets {@link #crs} from the legacy {@code crs} member; false after reporting an unusable one. */
    private boolean crs(JsonNode node) {
        if (node == null || node.isNull()) {
            crs = Reprojection.wgs84();
            return true;
        }
        JsonNode name = node.path("properties").path("name");
        if (!"name".equals(node.path("type").asText()) || !name.isTextual()) {
            report.error(file, null, "crs", "unknown CRS: only a named CRS ({\"type\":\"name\",\"properties\":"
                    + "{\"name\":\"EPSG:…\"}}) is supported, found " + node);
            return false;
        }
        try {
            crs = Reprojection.fromCode(name.asText());
            return true;
        } catch (UnknownCrsException e) {
            report.error(file, null, "crs", e.getMessage().startsWith("unknown CRS") ? e.getMessage()
                    : "unknown CRS '" + name.asText() + "': " + e.getMessage());
            return false;
        }
    }

    private void features(Path path) throws IOException {
        boolean found = false;
        try (JsonParser p = JSON.createParser(ProgressInputStream.wrap(Files.newInputStream(path), progress))) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!field.equals("features")) {
                    p.skipChildren();
                } else if (value != JsonToken.START_ARRAY) {
                    report.error(file, null, "features", "expected an array of features, found " + describe(value));
                    return;
                } else {
                    found = true;
                    int n = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        feature(p.readValueAsTree(), ++n);
                    }
                }
            }
        }
        if (!found) {
            report.error(file, null, "features", "a FeatureCollection without a features array");
        }
    }

    private void feature(JsonNode f, int n) {
        String location = "feature " + n;
        if (f == null || !f.isObject()) {
            report.recordError(file, location, null, "expected a Feature object, found " + describe(f));
            return;
        }
        if (!"Feature".equals(f.path("type").asText(null))) {
            report.recordError(file, location, "type", "expected type 'Feature', found " + describe(f.get("type")));
            return;
        }
        JsonNode properties = f.get("properties");
        if (properties != null && !properties.isNull() && !properties.isObject()) {
            report.recordError(file, location, "properties", "expected an object, found " + describe(properties));
            return;
        }
        JsonNode g = f.get("geometry");
        if (g == null || g.isNull()) {
            report.recordError(file, location, "geometry", g == null ? "missing geometry" : "empty geometry (null)");
            return;
        }
        Geometry geometry;
        try {
            geometry = crs.toWgs84(geometries.parse(g, "geometry"));
        } catch (GeoJsonGeometryParser.Invalid e) {
            report.recordError(file, location, e.field, e.getMessage());
            return;
        } catch (IllegalArgumentException e) {
            report.recordError(file, location, "geometry.coordinates", "cannot reproject to WGS84: " + e.getMessage());
            return;
        }
        GeometryValidation.Result checked = GeometryValidation.check(geometry);
        String repaired = geometries.repaired();
        switch (checked.status()) {
            case EMPTY -> {
                report.recordError(file, location, "geometry", checked.detail());
                return;
            }
            case OUT_OF_RANGE -> {
                report.recordError(file, location, "geometry.coordinates", checked.detail());
                return;
            }
            case REPAIRED -> report.warning(file, location, "geometry", "invalid geometry repaired ("
                    + (repaired == null ? "" : repaired + "; ") + checked.detail() + ")");
            case VALID -> {
                if (repaired != null) {
                    report.warning(file, location, "geometry", "invalid geometry repaired (" + repaired + ")");
                }
            }
        }
        sink.accept(new SourceFeature(file, location, checked.geometry(), attributes(f, properties)));
    }

    private static Map<String, Object> attributes(JsonNode feature, JsonNode properties) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (properties != null && properties.isObject()) {
            for (Map.Entry<String, JsonNode> e : properties.properties()) {
                attributes.put(e.getKey(), value(e.getValue()));
            }
        }
        JsonNode id = feature.get("id");
        if (id != null && !attributes.containsKey("id")) {
            attributes.put("id", value(id));
        }
        return attributes;
    }

    private static Object value(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        } else if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? (Object) v.longValue() : (Object) v.doubleValue();
        } else if (v.isNumber()) {
            return v.doubleValue();
        } else if (v.isBoolean()) {
            return v.booleanValue();
        } else if (v.isTextual()) {
            return v.textValue();
        }
        return v.toString(); // nested object or array: its JSON text
    }

    /** A short description of a JSON value for messages. */
    static String describe(JsonNode n) {
        if (n == null) {
            return "nothing";
        }
        String s = n.isTextual() ? "'" + n.textValue() + "'" : n.toString();
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "empty";
        }
        return switch (t) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }
}
