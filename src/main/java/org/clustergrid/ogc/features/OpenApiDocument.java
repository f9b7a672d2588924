package org.clustergrid.ogc.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.model.Layer;

/**
 * The API definition (OpenAPI 3.0) the landing page's {@code service-desc} points to. Paths are spelled out per
 * collection so each declares exactly the property filters it takes: clients (and the 400 for unknown parameters)
 * rely on that list.
 */
final class OpenApiDocument {
    private OpenApiDocument() {}

    static Map<String, Object> build(String baseUrl, int defaultLimit, int maxLimit) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "ClusterGrid OGC API – Features", "version", "1.0.0",
                "description", "Clusters and the infrastructure layers around them (roads, power, finance, markets) "
                        + "as OGC API – Features Part 1 (Core), Part 2 (CRS by reference) and Part 3 (Filtering, "
                        + "CQL2), and Part 4 (Create, Replace, Update, Delete) on the clusters and interventions collections. "
                        + "Coordinates are CRS84 "
                        + "longitude/latitude unless crs asks for EPSG:4326 or EPSG:3857."));
        doc.put("servers", List.of(Map.of("url", baseUrl)));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/", get("Landing page", "getLandingPage", List.of(), jsonOrHtml(MediaTypes.JSON), false));
        paths.put("/conformance", get("Conformance classes this API implements", "getConformanceDeclaration",
                List.of(), jsonOrHtml(MediaTypes.JSON), false));
        paths.put("/api", get("This API definition", "getApiDefinition", List.of(),
                jsonOrHtml(MediaTypes.OPENAPI), false));
        paths.put("/collections", get("The feature collections", "getCollections", List.of(),
                jsonOrHtml(MediaTypes.JSON), false));
        for (Layer layer : Layer.values()) {
            readPaths(paths, layer.id(), itemsParameters(layer));
        }
        List<Object> grid = standardItemsParameters();
        InterventionsCollection.QUERYABLES.forEach((name, kind) -> grid.add(param(name, "Only rows whose property '"
                + name + "' equals this value", schema(kind == org.clustergrid.filter.FeatureFilter.Kind.NUMBER
                        ? "number" : "string"))));
        readPaths(paths, InterventionsCollection.ID, grid);
        OpenApiEdits.addTo(paths, Layer.CLUSTERS.id(), "cluster");
        OpenApiEdits.addTo(paths, InterventionsCollection.ID, "row of the Intervention grid");
        doc.put("paths", paths);
        doc.put("components", Map.of("parameters", parameters(defaultLimit, maxLimit), "schemas",
                Map.of("exception", exceptionSchema())));
        return doc;
    }

    /** A collection's description, items, queryables and single features. */
    private static void readPaths(Map<String, Object> paths, String id, List<Object> itemsParameters) {
        paths.put("/collections/" + id, get("Describes " + id, "describe_" + id, List.of(),
                jsonOrHtml(MediaTypes.JSON), true));
        paths.put("/collections/" + id + "/items", get("Features of " + id, "getFeatures_" + id,
                itemsParameters, itemsContent(), true));
        paths.put("/collections/" + id + "/queryables", get("The queryables of " + id + " (JSON Schema)",
                "getQueryables_" + id, List.of(), jsonOrHtml(MediaTypes.SCHEMA_JSON), true));
        paths.put("/collections/" + id + "/items/{featureId}", get("One feature of " + id, "getFeature_" + id,
                List.of(ref("featureId"), ref("crs")), Map.of(
                        MediaTypes.linkType(MediaTypes.GEOJSON), schema("object"),
                        MediaTypes.linkType(MediaTypes.HTML), schema("string")), true));
    }

    private static List<Object> standardItemsParameters() {
        List<Object> ps = new ArrayList<>(List.of(ref("bbox"), ref("bbox-crs"), ref("crs"), ref("datetime"),
                ref("limit"), ref("offset"), ref("filter"), ref("filter-lang"), ref("filter-crs")));
        ps.add(param("f", "Encoding; overrides the Accept header", enumSchema("json", "geojson", "html", "csv")));
        return ps;
    }

    private static List<Object> itemsParameters(Layer layer) {
        List<Object> ps = standardItemsParameters();
        for (String name : ItemsRequest.filterable(layer)) {
            ps.add(param(name, "Only features whose property '" + name + "' equals this value",
                    schema(Queryables.jsonType(layer, name))));
        }
        return ps;
    }

    private static Map<String, Object> parameters(int defaultLimit, int maxLimit) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("bbox", param("bbox", "Only features whose geometry intersects the box: minLon,minLat,"
                + "maxLon,maxLat (or 6 numbers with heights), CRS84; a box across the antimeridian has minLon above "
                + "maxLon", Map.of("type", "array", "minItems", 4, "maxItems", 6, "items", schema("number"))));
        p.put("bbox-crs", param("bbox-crs", "The CRS of bbox, in its axis order (EPSG:4326 is minLat,minLon,maxLat,"
                + "maxLon; EPSG:3857 is metres); CRS84 when absent", uriEnum()));
        p.put("crs", param("crs", "The CRS of the coordinates in the response, in its axis order; CRS84 when absent. "
                + "The Content-Crs header names it", uriEnum()));
        p.put("datetime", param("datetime", "An RFC 3339 date-time or date, or an interval (start/end, '..' for an "
                + "open end). On a context layer with exactly one date or date-time attribute, the features whose "
                + "value lies within it, ends included; the built-in layers carry no time, and are not narrowed",
                schema("string")));
        p.put("limit", param("limit", "Features per page; a larger value is served as " + maxLimit,
                Map.of("type", "integer", "minimum", 1, "maximum", maxLimit, "default", defaultLimit)));
        p.put("offset", param("offset", "Features to skip; next/prev links carry it",
                Map.of("type", "integer", "minimum", 0, "default", 0)));
        p.put("filter", param("filter", "A CQL2 condition the features must meet, AND-ed with the other parameters, "
                + "e.g. class = 'primary' AND paving = 'unpaved'. Properties are the collection's queryables",
                schema("string")));
        p.put("filter-lang", param("filter-lang", "The encoding of filter", Map.of("type", "string", "enum",
                FilterParameters.LANGUAGES, "default", FilterParameters.TEXT)));
        p.put("filter-crs", param("filter-crs", "The CRS of the filter's geometries, in its axis order; CRS84 when "
                + "absent", uriEnum()));
        Map<String, Object> featureId = param("featureId", "The feature's id", schema("string"));
        featureId.put("in", "path");
        featureId.put("required", true);
        featureId.remove("style"); // path parameters are style simple, the default
        featureId.remove("explode");
        p.put("featureId", featureId);
        return p;
    }

    private static Map<String, Object> get(String summary, String operationId, List<Object> parameters,
            Map<String, Object> content, boolean mayBeMissing) {
        List<Object> ps = new ArrayList<>(parameters);
        if (ps.stream().noneMatch(x -> x instanceof Map<?, ?> m && "f".equals(m.get("name")))) {
            ps.add(param("f", "Encoding; overrides the Accept header", enumSchema("json", "html")));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("description", "OK");
        Map<String, Object> media = new LinkedHashMap<>();
        content.forEach((type, schema) -> media.put(type, Map.of("schema", schema)));
        ok.put("content", media);
        responses.put("200", ok);
        responses.put("400", error("Invalid or unknown query parameter"));
        if (mayBeMissing) {
            responses.put("404", error("No such collection or feature"));
        }
        responses.put("500", error("Server error"));
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", summary);
        op.put("operationId", operationId);
        op.put("parameters", ps);
        op.put("responses", responses);
        return Map.of("get", op);
    }

    private static Map<String, Object> jsonOrHtml(org.springframework.http.MediaType json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(json.toString(), schema("object"));
        m.put(MediaTypes.linkType(MediaTypes.HTML), schema("string"));
        return m;
    }

    private static Map<String, Object> itemsContent() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(MediaTypes.linkType(MediaTypes.GEOJSON), schema("object"));
        m.put(MediaTypes.linkType(MediaTypes.HTML), schema("string"));
        m.put(MediaTypes.linkType(MediaTypes.CSV), schema("string"));
        return m;
    }

    private static Map<String, Object> error(String description) {
        return Map.of("description", description, "content", Map.of(MediaTypes.linkType(MediaTypes.JSON),
                Map.of("schema", Map.of("$ref", "#/components/schemas/exception"))));
    }

    private static Map<String, Object> exceptionSchema() {
        return Map.of("type", "object", "required", List.of("code"), "properties",
                Map.of("code", schema("string"), "description", schema("string")));
    }

    private static Map<String, Object> param(String name, String description, Map<String, Object> schema) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("in", "query");
        p.put("description", description);
        p.put("required", false);
        // /req/core/fc-limit-definition, fc-bbox-definition, fc-time-definition: form style, not exploded
        p.put("style", "form");
        p.put("explode", false);
        p.put("schema", schema);
        return p;
    }

    private static Map<String, Object> uriEnum() {
        return Map.of("type", "string", "format", "uri", "enum", Crs.URIS, "default", Crs.CRS84.uri());
    }

    private static Map<String, Object> ref(String parameter) {
        return Map.of("$ref", "#/components/parameters/" + parameter);
    }

    private static Map<String, Object> schema(String type) {
        return Map.of("type", type);
    }

    private static Map<String, Object> enumSchema(String... values) {
        return Map.of("type", "string", "enum", List.of(values));
    }
}
