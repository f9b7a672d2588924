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
 * The features of the layers that fit a memory budget, kept with an R-tree until the data version moves.
 * A map request then costs no database round trip and no decoding of geometries and attributes, which on a busy
 * server is much of a request's work; larger layers are read from the store each time.
 */
final class LayerMemory {
    /** A feature with its place in the store's order, so answers keep the order the store would give. */
    private record Ranked(int rank, StoredFeature feature) {}

    /** @param bytes the estimated memory the index holds (0 when the layer is read from the store) */
    private record Snapshot(long version, STRtree index, long bytes) {}

    /**
     * Heap per held feature and per vertex, measured on the Pokhara roads (6,223 roads, 152,721 vertices: 10.6 MB
     * with the R-tree, 69 bytes a vertex on average) and rounded up.
     */
    static final long BYTES_PER_FEATURE = 300;
    static final long BYTES_PER_VERTEX = 64;

    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    private final SpatialStore store;
    private final DataStateSource states;
    private final long maxBytes;
    private final Map<Layer, Snapshot> snapshots = new EnumMap<>(Layer.class);

    /** @param maxBytes what all held layers together may take of the heap, by estimate; the rest is read per map */
    LayerMemory(SpatialStore store, DataStateSource states, long maxBytes) {
        this.store = store;
        this.states = states;
        this.maxBytes = maxBytes;
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
            snapshots.values().removeIf(old -> old.version() != version);
            s = load(layer, version, maxBytes - held());
            snapshots.put(layer, s);
        }
        return s;
    }

    private long held() {
        return snapshots.values().stream().mapToLong(Snapshot::bytes).sum();
    }

    /** The layer's R-tree if it fits in {@code room} bytes, else a snapshot that sends reads to the store. */
    private Snapshot load(Layer layer, long version, long room) {
        Snapshot fromStore = new Snapshot(version, null, 0);
        long count = store.stats(layer).count();
        if (count * BYTES_PER_FEATURE > room) {
            return fromStore;
        }
        List<StoredFeature> all = store.features(layer, new FeatureQuery(null, 0, (int) Math.min(count + 1,
                Integer.MAX_VALUE)));
        long bytes = 0;
        STRtree index = new STRtree();
        for (int i = 0; i < all.size(); i++) {
            StoredFeature f = all.get(i);
            Geometry g = f.feature().geometry();
            bytes += BYTES_PER_FEATURE + BYTES_PER_VERTEX * g.getNumPoints();
            if (bytes > room) {
                return fromStore; // too many vertices: dropped before the tree is built
            }
            index.insert(g.getEnvelopeInternal(), new Ranked(i, f));
        }
        index.build();
        return new Snapshot(version, index, bytes);
    }
}
