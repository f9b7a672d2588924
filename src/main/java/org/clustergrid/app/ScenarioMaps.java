package org.clustergrid.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.clustergrid.app.limits.BoundedWork;
import org.clustergrid.model.Layer;
import org.clustergrid.model.Road;
import org.clustergrid.scenario.CostProfile;
import org.clustergrid.scenario.Intervention;
import org.clustergrid.scenario.PlannedFeature;
import org.clustergrid.scenario.Scenario;
import org.clustergrid.scenario.ScenarioApplier;
import org.clustergrid.scenario.ScenarioEvaluation;
import org.clustergrid.scenario.ScenarioReader;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.store.StoredScenario;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.springframework.stereotype.Service;

/**
 * The stored scenarios as map layers and feature collections read them: each one's planned features, priced as its
 * evaluation prices them, an upgrade at its road segments as the data hold them now; and its evaluation, for the
 * clusters' change, computed in the bounded pool for expensive work, once for all the requests waiting for it.
 */
@Service
public class ScenarioMaps {
    static final int KEPT = 64;
    private static final GeometryFactory GF = new GeometryFactory();

    /**
     * A scenario's planned features on the current data.
     *
     * @param extent the longitude/latitude box of their geometries; null when none has one
     * @param notes what no longer fits the data (an upgraded road gone) or could not be priced
     */
    public record Planned(List<PlannedFeature> features, Envelope extent, List<String> notes) {}

    private final SpatialStore store;
    private final ScenarioService scenarios;
    private final ScoringService scoring;
    private final BoundedWork work;
    /** By scenario id and data version; planned features are read from the store by id, a few queries each. */
    private final Map<String, Planned> planned = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Planned> eldest) {
            return size() > KEPT;
        }
    });
    private final Map<String, CompletableFuture<ScenarioEvaluation>> running = new ConcurrentHashMap<>();
    private volatile Footprints footprints;

    private record Footprints(long version, Map<String, Geometry> byId) {}

    public ScenarioMaps(SpatialStore store, ScenarioService scenarios, ScoringService scoring, BoundedWork work) {
        this.store = store;
        this.scenarios = scenarios;
        this.scoring = scoring;
        this.work = work;
    }

    /** Every scenario, newest first. */
    public List<StoredScenario> list() {
        return scenarios.list();
    }

    public Optional<StoredScenario> get(String id) {
        return scenarios.get(id);
    }

    /** Why it may no longer fit the data, or null. */
    public String staleness(StoredScenario s) {
        return scenarios.staleness(s);
    }

    public Planned planned(StoredScenario s) {
        String key = s.id() + "@" + store.dataVersion();
        Planned kept = planned.get(key);
        if (kept != null) {
            return kept;
        }
        Scenario scenario = ScenarioReader.read(s.geojson(), s.name());
        CostProfile costs = scenarios.costs();
        List<PlannedFeature> features = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Envelope extent = new Envelope();
        for (Intervention x : scenario.interventions()) {
            String at = "intervention '" + x.id() + "' (" + x.kind().id() + ")";
            Geometry g = x.geometry();
            String drawnClass = x.roadClass();
            Double km = null;
            switch (x.kind()) {
                case UPGRADE_ROAD -> {
                    List<Geometry> lines = new ArrayList<>();
                    List<LineString> parts = new ArrayList<>();
                    for (String id : x.roadIds()) {
                        Optional<StoredFeature> road = store.featureByLayerId(Layer.ROADS, id);
                        if (road.isEmpty()) {
                            notes.add(at + ": road '" + id + "' is no longer in the data");
                            continue;
                        }
                        Geometry line = road.get().feature().geometry();
                        lines.add(line);
                        for (int i = 0; i < line.getNumGeometries(); i++) {
                            parts.add((LineString) line.getGeometryN(i));
                        }
                        drawnClass = drawnClass != null ? drawnClass : ((Road) road.get().feature()).roadClass();
                    }
                    g = lines.isEmpty() ? null : GF.createMultiLineString(parts.toArray(LineString[]::new));
                    km = lines.isEmpty() ? null : ScenarioApplier.kilometres(lines);
                }
                case NEW_ROAD, NEW_POWER_LINE -> km = ScenarioApplier.kilometres(List.of(g));
                default -> { }
            }
            Optional<ScenarioApplier.Priced> priced = ScenarioApplier.price(x, km, costs);
            String basis = priced.map(ScenarioApplier.Priced::basis).orElse("not priced: no cost entered, and cost"
                    + " profile '" + costs.name() + "' has no rate '" + CostProfile.rateKey(x) + "'");
            if (priced.isEmpty()) {
                notes.add(at + ": " + basis);
            }
            features.add(PlannedFeature.of(x, g, drawnClass, priced.map(ScenarioApplier.Priced::cost).orElse(null),
                    km, basis));
            if (g != null) {
                extent.expandToInclude(g.getEnvelopeInternal());
            }
        }
        Planned p = new Planned(List.copyOf(features), extent.isNull() ? null : extent, List.copyOf(notes));
        planned.put(key, p);
        return p;
    }

    /**
     * The scenario's evaluation on the current data: kept, or computed on the bounded pool within its time budget,
     * once for every caller asking meanwhile (a map's tiles all ask at once).
     *
     * @throws org.clustergrid.scenario.ScenarioException when it no longer fits the data
     * @throws BoundedWork.BusyException when the pool is full
     * @throws BoundedWork.BudgetExceededException when it took longer than the budget
     */
    public ScenarioEvaluation evaluation(StoredScenario s) {
        Optional<ScenarioEvaluation> kept = scenarios.evaluated(s);
        if (kept.isPresent()) {
            return kept.get();
        }
        String key = s.id() + "@" + store.dataVersion();
        CompletableFuture<ScenarioEvaluation> f = running.computeIfAbsent(key, k -> work.compute(() ->
                scenarios.evaluate(s)));
        f.whenComplete((e, x) -> running.remove(key, f));
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the evaluation", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The scored clusters' footprints by Cluster Grid ID, kept per data version. */
    public Map<String, Geometry> footprints() {
        long version = store.dataVersion();
        Footprints f = footprints;
        if (f == null || f.version() != version) {
            Map<String, Geometry> byId = new HashMap<>();
            scoring.engine().data().clusters().forEach(c -> byId.put(c.layerId(), c.feature().geometry()));
            f = new Footprints(version, Map.copyOf(byId));
            footprints = f;
        }
        return f.byId();
    }
}
