package org.clustergrid.ogc.wms;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.clustergrid.app.ScenarioMaps;
import org.clustergrid.model.Layer;
import org.clustergrid.render.FeatureLayer;
import org.clustergrid.render.StyleRegistry;
import org.clustergrid.store.DataState;
import org.clustergrid.store.DataStateSource;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoredScenario;
import org.springframework.stereotype.Component;

/**
 * Supplies the style registry with two layers per stored scenario, newest first: its planned features
 * ({@code scenario-<id>}) and the clusters by their change ({@code scenario-<id>-change}). Listed again only when the
 * data or the scenarios change, each layer reading what it draws when first asked.
 */
@Component
class ScenarioMapLayers implements Supplier<List<FeatureLayer>> {
    private record Listed(long version, long scenarios, List<FeatureLayer> layers) {}

    private final ScenarioMaps maps;
    private final SpatialStore store;
    private final DataStateSource states;
    private volatile Listed listed;

    ScenarioMapLayers(ScenarioMaps maps, SpatialStore store, DataStateSource states, StyleRegistry registry) {
        this.maps = maps;
        this.store = store;
        this.states = states;
        registry.registerScenarioLayers(this);
    }

    @Override
    public List<FeatureLayer> get() {
        DataState state = states.current();
        Listed l = listed;
        if (l == null || l.version() != state.version() || l.scenarios() != state.scenarios()) {
            List<FeatureLayer> layers = new ArrayList<>();
            List<StoredScenario> all = maps.list();
            var clusters = all.isEmpty() ? null : store.stats(Layer.CLUSTERS).extent();
            for (StoredScenario s : all) {
                String stale = maps.staleness(s);
                layers.add(new PlannedFeatureLayer(s, stale, memo(() -> maps.planned(s))));
                layers.add(new ClusterChangeLayer(s, stale, maps, clusters));
            }
            l = new Listed(state.version(), state.scenarios(), List.copyOf(layers));
            listed = l;
        }
        return l.layers();
    }

    /** The value, computed by the first caller and kept; callers meanwhile may compute it too (it is idempotent). */
    private static <T> Supplier<T> memo(Supplier<T> compute) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    v = compute.get();
                    value = v;
                }
                return v;
            }
        };
    }
}
