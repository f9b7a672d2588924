package org.clustergrid.ogc.features;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.layers.Attribute;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.store.SpatialStore;
import org.springframework.stereotype.Component;

/**
 * A context layer (a user's own) as an OGC collection and its queryables, beside the built-in layers: the same links,
 * extent and CRSs; its attributes, typed, are its properties.
 */
@Component
class ContextCollection {
    private final SpatialStore store;
    private final Urls urls;

    ContextCollection(SpatialStore store, Urls urls) {
        this.store = store;
        this.urls = urls;
    }

    /** The context layer of that id; empty for a built-in layer's id (without asking the store) or an unknown one. */
    java.util.Optional<ContextLayer> find(String collectionId) {
        return CollectionDescriber.builtIn(collectionId).isPresent() ? java.util.Optional.empty()
                : store.contextLayers().layer(collectionId);
    }

    List<Map<String, Object>> describeAll() {
        return store.contextLayers().layers().stream().map(this::describe).toList();
    }

    Map<String, Object> describe(ContextLayer layer) {
        String path = "/collections/" + layer.name();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", layer.name());
        m.put("title", layer.title());
        m.put("description", layer.title() + " (" + layer.geometryKind().name().toLowerCase(java.util.Locale.ROOT)
                + " layer imported from " + layer.file() + "). Properties: "
                + String.join(", ", layer.attributes().stream().map(Attribute::name).toList()) + ".");
        m.put("links", CollectionDescriber.links(urls, path, layer.title()));
        if (layer.bbox() != null) {
            m.put("extent", Map.of("spatial", Map.of("bbox", List.of(CollectionDescriber.bbox(layer.bbox())),
                    "crs", Conformance.CRS84)));
        }
        m.put("itemType", "feature");
        m.put("crs", Crs.URIS);
        m.put("storageCrs", Crs.CRS84.uri());
        m.put("numberOfFeatures", layer.featureCount());
        m.put("license", layer.licence());
        m.put("attribution", layer.attribution());
        return m;
    }

    /** Its queryables: fid and every attribute, typed; dates and date-times as strings of format date / date-time. */
    static Map<String, Object> queryables(ContextLayer layer, String id) {
        Map<String, Object> m = Queryables.header(layer.title(), layer.name(), id);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(Queryables.GEOMETRY, Queryables.geometry());
        properties.put("fid", Map.of("title", "fid", "type", "integer",
                "description", "The feature's number in the layer, in the order of the imported file"));
        for (String name : ContextItems.filterable(layer)) {
            if (!name.equals("fid")) {
                Attribute a = layer.attribute(name).orElseThrow();
                properties.put(name, a.type().jsonFormat() == null
                        ? Map.of("title", name, "type", a.type().jsonType())
                        : Map.of("title", name, "type", a.type().jsonType(), "format", a.type().jsonFormat()));
            }
        }
        m.put("properties", properties);
        m.put("additionalProperties", false);
        return m;
    }
}
