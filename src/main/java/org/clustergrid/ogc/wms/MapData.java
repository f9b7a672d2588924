package org.clustergrid.ogc.wms;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.clustergrid.model.Dataset;
import org.clustergrid.model.Layer;
import org.clustergrid.store.DataStateSource;
import org.clustergrid.store.LayerStats;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Envelope;

/**
 * What maps and feature info read of the store's layers: their features (held in memory, {@link LayerMemory}), and
 * each layer's extent and each dataset's attribution, read again only when the data version moves.
 */
final class MapData {
    /** A map draws at most this many features per layer and world copy; beyond, the store's order decides. */
    static final int MAX_FEATURES = 500_000;

    private record Info(long version, Map<Layer, Envelope> extents, Map<String, String> attributions) {}

    private final SpatialStore store;
    private final DataStateSource states;
    private final LayerMemory memory;
    private volatile Info info;

    MapData(SpatialStore store, DataStateSource states, long memoryBytes) {
        this.store = store;
        this.states = states;
        this.memory = new LayerMemory(store, states, memoryBytes);
    }

    List<StoredFeature> features(Layer layer, Envelope lonLat) {
        return memory.features(layer, lonLat, MAX_FEATURES);
    }

    /** Each layer's extent (absent when empty). */
    Map<Layer, Envelope> extents() {
        return info().extents();
    }

    /** Attribution texts by dataset. */
    Function<String, String> attributions() {
        return info().attributions()::get;
    }

    private Info info() {
        long version = states.current().version();
        Info cached = info;
        if (cached == null || cached.version() != version) {
            Map<Layer, Envelope> extents = new EnumMap<>(Layer.class);
            for (Layer l : Layer.values()) {
                LayerStats s = store.stats(l);
                if (s.extent() != null) {
                    extents.put(l, s.extent());
                }
            }
            Map<String, String> attributions = new HashMap<>();
            for (Dataset d : store.datasets()) {
                String text = Attributions.onMap(d);
                if (text != null) {
                    attributions.put(d.id(), text);
                }
            }
            cached = new Info(version, Collections.unmodifiableMap(extents), Map.copyOf(attributions));
            info = cached;
        }
        return cached;
    }
}
