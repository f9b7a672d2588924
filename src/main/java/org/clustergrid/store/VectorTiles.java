package org.clustergrid.store;

import java.util.LinkedHashMap;
import java.util.Map;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerProperties;
import org.clustergrid.model.LayerSchema;

/**
 * What a vector tile of a layer holds, whichever store builds it: one MVT layer named after the layer, extent 4096,
 * buffer 64 units, and per feature its canonical fields, {@code id} ({@link StoredFeature#layerId()}) and
 * {@code dataset}; null values are left out, as {@code ST_AsMVT} does.
 */
public final class VectorTiles {
    public static final int EXTENT = 4096;
    public static final int BUFFER = 64;
    public static final String MEDIA_TYPE = "application/vnd.mapbox-vector-tile";

    private VectorTiles() {}

    static Map<String, Object> attributes(StoredFeature f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", f.layerId());
        out.put("dataset", f.datasetId());
        String idField = LayerSchema.idField(f.feature().layer());
        LayerProperties.of(f.feature()).forEach((k, v) -> {
            if (v != null && !k.equals(idField)) {
                // a list as its JSON text, as PostGIS cuts it from the text column (the encoder drops lists)
                out.put(k, v instanceof java.util.List ? v.toString() : v);
            }
        });
        return out;
    }
}
