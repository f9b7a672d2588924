package org.clustergrid.ogc.tiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.clustergrid.layers.Attribute;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.model.Dataset;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerSchema;
import org.clustergrid.store.LayerStats;
import org.clustergrid.store.TileKey;
import org.locationtech.jts.geom.Envelope;

/** A layer's TileJSON 3.0.0 document: where its tiles are, their zooms, bounds, fields and attribution. */
final class TileJson {
    private TileJson() {}

    static Map<String, Object> of(Layer layer, LayerStats stats, List<Dataset> datasets, String tilesBase) {
        Map<String, Object> doc = header(layer.id(), layer.title(), stats.extent(), tilesBase);
        String attribution = datasets.stream()
                .filter(d -> d.featureCounts().getOrDefault(layer, 0) > 0)
                .map(Dataset::attribution).filter(Objects::nonNull).filter(a -> !a.isBlank())
                .distinct().collect(Collectors.joining("; "));
        if (!attribution.isEmpty()) {
            doc.put("attribution", attribution);
        }
        doc.put("vector_layers", List.of(Map.of("id", layer.id(), "description", layer.title(),
                "minzoom", 0, "maxzoom", TileKey.MAX_ZOOM, "fields", fields(layer))));
        return doc;
    }

    /** A context layer's TileJSON: its name, title, extent, attribution and typed attributes (plus {@code fid}). */
    static Map<String, Object> of(ContextLayer layer, String tilesBase) {
        Map<String, Object> doc = header(layer.name(), layer.title(), layer.bbox(), tilesBase);
        if (layer.attribution() != null && !layer.attribution().isBlank()) {
            doc.put("attribution", layer.attribution());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("fid", "Number");
        for (Attribute a : layer.attributes()) {
            fields.put(a.name(), switch (a.type()) {
                case INTEGER, DOUBLE -> "Number";
                case BOOLEAN -> "Boolean";
                case TEXT, DATE, DATETIME -> "String";
            });
        }
        doc.put("vector_layers", List.of(Map.of("id", layer.name(), "description", layer.title(),
                "minzoom", 0, "maxzoom", TileKey.MAX_ZOOM, "fields", fields)));
        return doc;
    }

    /** The members every layer's document has: name, tiles, zooms and bounds (the world when the layer is empty). */
    private static Map<String, Object> header(String name, String title, Envelope e, String tilesBase) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("tilejson", "3.0.0");
        doc.put("name", name);
        doc.put("description", title);
        doc.put("scheme", "xyz");
        doc.put("tiles", List.of(tilesBase + name + "/{z}/{x}/{y}.mvt"));
        doc.put("minzoom", 0);
        doc.put("maxzoom", TileKey.MAX_ZOOM);
        doc.put("bounds", e == null ? List.of(-180, -85.05112878, 180, 85.05112878)
                : List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()));
        return doc;
    }

    /** TileJSON's field types: Number, Boolean or String. */
    private static Map<String, String> fields(Layer layer) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", "String");
        fields.put("dataset", "String");
        for (LayerSchema.Field f : LayerSchema.fields(layer)) {
            fields.put(f.name(), switch (f.type()) {
                case INTEGER, BIGINT, DOUBLE -> "Number";
                case BOOLEAN -> "Boolean";
                case TEXT, DATE, TIMESTAMP, JSON -> "String"; // a list is its JSON text in a tile
            });
        }
        return fields;
    }
}
