package org.clustergrid.ogc.features;

import java.util.LinkedHashMap;
import java.util.Map;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerSchema;
import org.clustergrid.model.LayerSchema.Field;

/**
 * A collection's queryables (OGC API – Features Part 3, /req/queryables/get-queryables-response): a JSON Schema
 * 2020-12 object whose properties are what a filter, or a property parameter, may name. Nothing else may be named
 * ({@code additionalProperties: false}), so a misspelt property is a 400, not an empty result.
 */
final class Queryables {
    static final String REL = "http://www.opengis.net/def/rel/ogc/1.0/queryables";
    static final String GEOMETRY = "geometry";

    private Queryables() {}

    static Map<String, Object> schema(Layer layer, String id) {
        Map<String, Object> m = header(layer.title(), layer.id(), id);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(GEOMETRY, geometry());
        for (String name : LayerSchema.queryables(layer)) {
            properties.put(name, property(layer, name));
        }
        m.put("properties", properties);
        m.put("additionalProperties", false);
        return m;
    }

    /** The schema of a collection served from memory: the geometry and the given properties, typed. */
    static Map<String, Object> typed(String title, String collectionId, String id,
            Map<String, org.clustergrid.filter.FeatureFilter.Kind> queryables) {
        Map<String, Object> m = header(title, collectionId, id);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(GEOMETRY, geometry());
        queryables.forEach((name, kind) -> properties.put(name, Map.of("title", name, "type",
                kind == org.clustergrid.filter.FeatureFilter.Kind.NUMBER ? "number" : "string")));
        m.put("properties", properties);
        m.put("additionalProperties", false);
        return m;
    }

    /** The schema's members before its properties. */
    static Map<String, Object> header(String title, String collectionId, String id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        m.put("$id", id);
        m.put("type", "object");
        m.put("title", title);
        m.put("description", "What a CQL2 filter (filter=, cql2-text or cql2-json) on " + collectionId
                + " may name; the scalar properties also work as query parameters (name=value).");
        return m;
    }

    /** A spatial property has a format and neither type nor $ref (/req/queryables/get-queryables-response D, E). */
    static Map<String, Object> geometry() {
        return Map.of("title", "Geometry", "description", "The feature's geometry, longitude/latitude; test it with "
                + "S_INTERSECTS", "format", "geometry-any", "x-ogc-role", "primary-geometry");
    }

    private static Map<String, Object> property(Layer layer, String name) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", name);
        p.put("type", jsonType(layer, name));
        if (name.equals("dataset")) {
            p.put("description", "The dataset the feature was imported in");
        } else if (name.equals(LayerSchema.idField(layer))) {
            p.put("description", "The feature's id within its dataset");
        }
        return p;
    }

    /** The JSON Schema type of a scalar queryable; the id and {@code dataset} are strings. */
    static String jsonType(Layer layer, String name) {
        for (Field f : LayerSchema.fields(layer)) {
            if (f.name().equals(name)) {
                return switch (f.type()) {
                    case TEXT -> "string";
                    case INTEGER, BIGINT -> "integer";
                    case DOUBLE -> "number";
                    case BOOLEAN -> "boolean";
                    case DATE, TIMESTAMP -> "string";
                    case JSON -> "array";
                };
            }
        }
        return "string";
    }
}
