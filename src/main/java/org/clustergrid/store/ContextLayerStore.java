package org.clustergrid.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clustergrid.layers.ContextFeature;
import org.clustergrid.layers.ContextLayer;
import org.locationtech.jts.geom.Geometry;

/** The context layers of a store: listed, replaced all-or-nothing, deleted, queried like the built-in layers. */
public interface ContextLayerStore {

    List<ContextLayer> layers();

    Optional<ContextLayer> layer(String name);

    /**
     * Creates the layer, or replaces one of the same name, with what {@code work} writes: committed only if it returns
     * normally; otherwise the store holds the layer as it was and the work's exception is thrown.
     */
    ContextLayer replace(ContextLayer layer, Work work) throws Exception;

    /** False when there was no such layer. */
    boolean delete(String name);

    /** Sets (or, with null, removes) the layer's map style. False when there is no such layer. */
    boolean setStyle(String name, String style);

    /** Features by bbox and CQL2 filter ({@link FeatureQuery}'s {@code equals} is not used), in fid order. */
    Page query(ContextLayer layer, FeatureQuery query);

    /** The features of a query without counting all matches (a map draws what it gets; it needs no total). */
    default List<ContextFeature> features(ContextLayer layer, FeatureQuery query) {
        return query(layer, query).features();
    }

    Optional<ContextFeature> feature(ContextLayer layer, long fid);

    /** Most features one vector tile of a context layer carries; a tile beyond it holds the first ones, by fid. */
    int MAX_TILE_FEATURES = 100_000;

    /**
     * A Mapbox vector tile of the layer: its features reaching the tile, the attributes as tile properties (dates
     * as ISO text) with {@code fid}; no bytes when none does.
     */
    default byte[] tile(ContextLayer layer, TileKey key) {
        List<ContextFeature> features = features(layer, new FeatureQuery(JavaTileEncoder.queryBox(key), 0,
                MAX_TILE_FEATURES));
        List<Geometry> geometries = new java.util.ArrayList<>();
        List<Map<String, Object>> attributes = new java.util.ArrayList<>();
        for (ContextFeature f : features) {
            geometries.add(f.geometry());
            Map<String, Object> a = new java.util.LinkedHashMap<>();
            a.put("fid", f.fid());
            f.plainAttributes().forEach((k, v) -> {
                if (v != null) {
                    a.put(k, v);
                }
            });
            attributes.add(a);
        }
        return JavaTileEncoder.encode(layer.name(), key, geometries, attributes);
    }

    /** Writes a layer's features, in order; values typed as the layer's attributes declare. */
    @FunctionalInterface
    interface Work {
        void run(Rows rows) throws Exception;
    }

    /** Where {@link Work} writes. */
    interface Rows {
        void add(Geometry geometry, Map<String, Object> attributes);
    }

    /** A page of features and how many match in all. */
    record Page(List<ContextFeature> features, long numberMatched) {}
}
