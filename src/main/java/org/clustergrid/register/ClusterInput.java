package org.clustergrid.register;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clustergrid.geo.GeometryValidation;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerProperties;
import org.clustergrid.model.LayerSchema;
import org.clustergrid.model.LayerSchema.Field;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * A cluster as an editor sends it: a GeoJSON Feature in CRS84 whose properties are the canonical cluster fields (as
 * the OGC API serves them), {@code attributes} (an object, or the JSON text the OGC API serves) and an optional
 * {@code comment}. Checked as an import checks a record — vocabulary and numbers by {@link LayerProperties}, the
 * geometry by {@link GeometryValidation} (repaired with a warning, or refused) — plus JSON types and sizes; every
 * refusal names the field.
 */
public final class ClusterInput {
    /** Longest text value kept in a canonical field. */
    public static final int MAX_TEXT = 1_000;
    /** Most vertices a footprint may have. */
    public static final int MAX_VERTICES = 100_000;
    /** Longest free attributes, as JSON text. */
    public static final int MAX_ATTRIBUTES_CHARS = 100_000;
    /** Properties that describe the feature's place in the register rather than the cluster itself. */
    private static final Set<String> IDENTITY = Set.of("source_id", "cluster_grid_id", "dataset");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A checked cluster, not yet placed in the register.
     *
     * @param identity {@code source_id}, {@code cluster_grid_id} and {@code dataset} where the body gave them
     * @param properties the canonical fields (without the identity ones), checked
     * @param warnings what was repaired, e.g. an invalid polygon
     * @param comment the {@code comment} property: why the change is made
     */
    public record Draft(Map<String, String> identity, Map<String, Object> properties, Map<String, Object> attributes,
            Geometry geometry, List<String> warnings, String comment) {}

    private ClusterInput() {}

    public static Draft parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw RegisterException.badInput("body", "expected a GeoJSON Feature object");
        }
        if (!"Feature".equals(body.path("type").asText(null))) {
            throw RegisterException.badInput("type", "expected \"Feature\"");
        }
        JsonNode props = body.get("properties");
        if (props != null && !props.isNull() && !props.isObject()) {
            throw RegisterException.badInput("properties", "expected an object");
        }
        Map<String, String> identity = new LinkedHashMap<>();
        Map<String, Object> canonical = new LinkedHashMap<>();
        Map<String, Object> attributes = Map.of();
        String comment = null;
        Map<String, Field> fields = new LinkedHashMap<>();
        LayerSchema.fields(Layer.CLUSTERS).forEach(f -> fields.put(f.name(), f));
        if (props != null && props.isObject()) {
            var it = props.fields();
            while (it.hasNext()) {
                var e = it.next();
                String name = e.getKey();
                JsonNode v = e.getValue();
                if (IDENTITY.contains(name)) {
                    String s = text(name, v);
                    if (s != null) {
                        identity.put(name, s);
                    }
                } else if (name.equals("attributes")) {
                    attributes = attributes(v);
                } else if (name.equals("comment")) {
                    comment = text(name, v);
                } else if (fields.containsKey(name)) {
                    canonical.put(name, value(fields.get(name), v));
                } else {
                    throw RegisterException.badInput(name, "is not a property of clusters (they are "
                            + String.join(", ", fields.keySet()) + ", attributes and comment; free attributes go in"
                            + " 'attributes')");
                }
            }
        }
        List<String> warnings = new ArrayList<>();
        Geometry geometry = geometry(body.get("geometry"), warnings);
        Map<String, Object> check = new LinkedHashMap<>(canonical);
        try {
            LayerProperties.toFeature(Layer.CLUSTERS, "draft", geometry, check, attributes);
        } catch (LayerProperties.FieldException e) {
            throw RegisterException.badInput(e.field(), e.getMessage());
        }
        return new Draft(identity, canonical, attributes, geometry, List.copyOf(warnings), comment);
    }

    private static String text(String name, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw RegisterException.badInput(name, "expected a string, found " + kind(v));
        }
        String s = v.asText();
        if (s.length() > MAX_TEXT) {
            throw RegisterException.badInput(name, "is " + s.length() + " characters long, more than the " + MAX_TEXT
                    + " allowed");
        }
        return s;
    }

    /** A canonical field's value in the JSON type it must have; vocabulary and ranges are checked after. */
    private static Object value(Field f, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        switch (f.type()) {
            case INTEGER, BIGINT -> {
                if (!v.isNumber() || !v.canConvertToExactIntegral() || !v.canConvertToLong()) {
                    throw RegisterException.badInput(f.name(), "expected a whole number, found " + kind(v));
                }
                long n = v.asLong();
                if (n < 0 || n > Integer.MAX_VALUE) {
                    throw RegisterException.badInput(f.name(), "value " + v.asText() + " is out of range (0 to "
                            + Integer.MAX_VALUE + ")");
                }
                return (int) n;
            }
            case DOUBLE -> {
                if (!v.isNumber()) {
                    throw RegisterException.badInput(f.name(), "expected a number, found " + kind(v));
                }
                return v.asDouble();
            }
            case JSON -> {
                return list(f.name(), v);
            }
            default -> {
                if (f.name().equals("markets_served") && v.isArray()) {
                    List<String> parts = new ArrayList<>();
                    v.forEach(x -> parts.add(text(f.name(), x)));
                    return String.join(";", parts);
                }
                return text(f.name(), v);
            }
        }
    }

    /**
     * A list field as plain values: strings, or objects of strings and numbers ({@code product_markets}); which
     * shape each field takes, and the ranges, are checked after.
     */
    private static List<Object> list(String name, JsonNode v) {
        if (!v.isArray()) {
            throw RegisterException.badInput(name, "expected an array, found " + kind(v));
        }
        List<Object> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (item.isObject()) {
                Map<String, Object> members = new LinkedHashMap<>();
                item.fields().forEachRemaining(m -> members.put(m.getKey(), m.getValue().isNumber()
                        ? m.getValue().asDouble() : text(name, m.getValue())));
                out.add(members);
            } else {
                out.add(text(name, item));
            }
        }
        return out;
    }

    private static Map<String, Object> attributes(JsonNode v) {
        if (v == null || v.isNull()) {
            return Map.of();
        }
        String json = v.isTextual() ? v.asText() : v.toString();
        if (json.length() > MAX_ATTRIBUTES_CHARS) {
            throw RegisterException.badInput("attributes", "is " + json.length() + " characters of JSON, more than the "
                    + MAX_ATTRIBUTES_CHARS + " allowed");
        }
        Map<String, Object> map;
        try {
            map = v.isObject() ? JSON.convertValue(v, new TypeReference<LinkedHashMap<String, Object>>() {})
                    : v.isTextual() ? JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {})
                    : null;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            map = null;
        }
        if (map == null) {
            throw RegisterException.badInput("attributes", "expected an object (or its JSON text), found " + kind(v));
        }
        int max = ImportLimits.DEFAULT.attributes();
        if (map.size() > max) {
            throw RegisterException.badInput("attributes", "has " + map.size() + " attributes, more than the " + max
                    + " allowed");
        }
        for (String key : map.keySet()) {
            if (key.isBlank() || key.length() > 100) {
                throw RegisterException.badInput("attributes", "attribute names must be 1 to 100 characters");
            }
        }
        return map;
    }

    private static Geometry geometry(JsonNode g, List<String> warnings) {
        if (g == null || g.isNull()) {
            throw RegisterException.badInput("geometry", "is required: a Point, Polygon or MultiPolygon in CRS84");
        }
        if (!g.isObject()) {
            throw RegisterException.badInput("geometry", "expected a GeoJSON geometry object, found " + kind(g));
        }
        Geometry parsed;
        try {
            parsed = new GeoJsonReader(new GeometryFactory(new PrecisionModel(), 4326)).read(g.toString());
        } catch (Exception e) {
            throw RegisterException.badInput("geometry", "not a valid GeoJSON geometry (" + e.getMessage() + ")");
        }
        if (!(parsed instanceof Point || parsed instanceof Polygon || parsed instanceof MultiPolygon)) {
            throw RegisterException.badInput("geometry", "a cluster's footprint is a Point, Polygon or"
                    + " MultiPolygon, not a " + parsed.getGeometryType());
        }
        if (parsed.getNumPoints() > MAX_VERTICES) {
            throw RegisterException.badInput("geometry", "has " + parsed.getNumPoints() + " vertices, more than the "
                    + MAX_VERTICES + " allowed");
        }
        parsed.setSRID(4326);
        GeometryValidation.Result checked = GeometryValidation.check(parsed);
        switch (checked.status()) {
            case EMPTY, OUT_OF_RANGE -> throw RegisterException.badInput("geometry", checked.detail());
            case REPAIRED -> warnings.add("geometry: invalid geometry repaired (" + checked.detail() + ")");
            case VALID -> {}
        }
        return checked.geometry();
    }

    private static String kind(JsonNode v) {
        String s = v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        String text = v.toString();
        return s + " " + (text.length() > 40 ? text.substring(0, 37) + "..." : text);
    }
}
