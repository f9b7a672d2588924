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

    Optional<ContextFeature> feature(ContextLayer layer, long fid);

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
