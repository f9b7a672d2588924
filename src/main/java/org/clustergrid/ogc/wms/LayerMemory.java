package org.clustergrid.ogc.wms;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.model.Layer;
import org.clustergrid.store.DataStateSource;
import org.clustergrid.store.FeatureQuery;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The features of each layer small enough to hold, kept in memory with an R-tree until the data version moves.
 * A map request then costs no database round trip and no decoding of geometries and attributes, which on a busy
 * server is much of a request's work; larger layers are read from the store each time.
 */
final class LayerMemory {
    /** A feature with its place in the store's order, so answers keep the order the store would give. */
    private record Ranked(int rank, StoredFeature feature) {}

    private record Snapshot(long version, STRtree index) {}

    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    private final SpatialStore store;
    private final DataStateSource states;
    private final long maxFeatures;
    private final Map<Layer, Snapshot> snapshots = new EnumMap<>(Layer.class);

    /** @param maxFeatures layers with more features than this are not held */
    LayerMemory(SpatialStore store, DataStateSource states, long maxFeatures) {
        this.store = store;
        this.states = states;
        this.maxFeatures = maxFeatures;
    }

    /**
     * The first {@code limit} features, in the store's order (dataset, id), that intersect {@code box}, as
     * {@link SpatialStore#features} answers.
     */
    List<StoredFeature> features(Layer layer, Envelope box, int limit) {
        Snapshot s = snapshot(layer);
        if (s.index() == null) {
            return store.features(layer, new FeatureQuery(box, 0, limit));
        }
        List<Ranked> hits = new ArrayList<>();
        Geometry rectangle = GEOMETRIES.toGeometry(box);
        s.index().query(box, item -> {
            Ranked r = (Ranked) item;
            Geometry g = r.feature().feature().geometry();
            // as the store's ST_Intersects: a line whose bounds meet the box may still pass it by
            if (box.contains(g.getEnvelopeInternal()) || rectangle.intersects(g)) {
                hits.add(r);
            }
        });
        hits.sort((a, b) -> Integer.compare(a.rank(), b.rank()));
        List<StoredFeature> features = new ArrayList<>(Math.min(hits.size(), limit));
        for (int i = 0; i < hits.size() && i < limit; i++) {
            features.add(hits.get(i).feature());
        }
        return features;
    }

    private synchronized Snapshot snapshot(Layer layer) {
        long version = states.current().version();
        Snapshot s = snapshots.get(layer);
        if (s == null || s.version() != version) {
            s = new Snapshot(version, load(layer));
            snapshots.put(layer, s);
        }
        return s;
    }

    /** The layer's R-tree, or null when it is too large to hold. */
    private STRtree load(Layer layer) {
        if (store.stats(layer).count() > maxFeatures) {
            return null;
        }
        List<StoredFeature> all = store.features(layer, new FeatureQuery(null, 0, (int) maxFeatures + 1));
        if (all.size() > maxFeatures) {
            return null; // grew between the count and the read
        }
        STRtree index = new STRtree();
        for (int i = 0; i < all.size(); i++) {
            StoredFeature f = all.get(i);
            index.insert(f.feature().geometry().getEnvelopeInternal(), new Ranked(i, f));
        }
        index.build();
        return index;
    }
}
