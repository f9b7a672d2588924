package org.clustergrid.ogc.features;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Part 4 operations on the editable collections, added to the API definition beside their reads. */
final class OpenApiEdits {
    private OpenApiEdits() {}

    /** @param what the collection's feature in words: {@code cluster}, {@code row of the Intervention grid} */
    static void addTo(Map<String, Object> paths, String id, String what) {
        String items = "/collections/" + id + "/items";
        Map<String, Object> collection = new LinkedHashMap<>(cast(paths.get(items)));
        collection.put("post", op("Creates a " + what + " (editors); 201 with Location and ETag", "createFeature_"
                + id, List.of(), "application/geo+json", Map.of("201", ok("Created"))));
        paths.put(items, collection);
        Map<String, Object> item = new LinkedHashMap<>(cast(paths.get(items + "/{featureId}")));
        List<Object> locked = List.of(Map.of("$ref", "#/components/parameters/featureId"), header("If-Match", true),
                header(ClusterEditsController.COMMENT, false));
        item.put("put", op("Replaces a " + what + " (editors)", "replaceFeature_" + id, locked,
                "application/geo+json", Map.of("200", ok("Replaced"))));
        item.put("patch", op("Updates a " + what + " with a JSON Merge Patch (editors)", "updateFeature_" + id,
                locked, "application/merge-patch+json", Map.of("200", ok("Updated"))));
        item.put("delete", op("Removes a " + what + " (editors); its id is never reused, its history stays",
                "deleteFeature_" + id, locked, null, Map.of("204", Map.of("description", "Removed"))));
        paths.put(items + "/{featureId}", item);
    }

    private static Map<String, Object> op(String summary, String id, List<Object> parameters, String bodyType,
            Map<String, Object> success) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", summary);
        op.put("operationId", id);
        op.put("parameters", parameters);
        if (bodyType != null) {
            op.put("requestBody", Map.of("required", true, "content",
                    Map.of(bodyType, Map.of("schema", Map.of("type", "object")))));
        }
        Map<String, Object> responses = new LinkedHashMap<>(success);
        responses.put("400", error("A value refused; 'field' names it"));
        responses.put("401", error("No credentials"));
        responses.put("403", error("The role may not edit the register"));
        responses.put("404", error("No such feature, or it is retired or removed"));
        responses.put("405", error("Not an editable collection"));
        responses.put("412", error("If-Match names a state the feature is no longer in"));
        responses.put("428", error("If-Match is missing"));
        op.put("responses", responses);
        return op;
    }

    private static Map<String, Object> ok(String description) {
        return Map.of("description", description, "headers", Map.of("ETag", Map.of("schema", Map.of("type", "string"))),
                "content", Map.of("application/geo+json", Map.of("schema", Map.of("type", "object"))));
    }

    private static Map<String, Object> error(String description) {
        return Map.of("description", description, "content", Map.of(MediaTypes.linkType(MediaTypes.JSON),
                Map.of("schema", Map.of("$ref", "#/components/schemas/exception"))));
    }

    private static Map<String, Object> header(String name, boolean required) {
        return Map.of("name", name, "in", "header", "required", required, "schema", Map.of("type", "string"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }
}
