package org.clustergrid.report;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.model.Dataset;
import org.clustergrid.portfolio.CandidateGenerator;
import org.clustergrid.scenario.CostProfile;
import org.clustergrid.scoring.Parameters;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.store.SpatialStore;

/**
 * What every report of one scoring run reads, gathered once: the run and the data it scored (same order of
 * clusters), the profile's sources, the store's data sets and layers, its administrative areas and the unit costs.
 * Reports of many clusters share one context, so the candidate projects are made once for all.
 */
public final class ReportContext {
    private final ScoringRun run;
    private final ScoringEngine engine;
    private final ScoringData data;
    private final ProfileSources sources;
    private final List<Dataset> datasets;
    private final List<ContextLayer> layers;
    private final AdminAreas areas;
    private final CostProfile costs;
    private final Map<String, Integer> positions = new HashMap<>();
    private CandidateGenerator.Generated candidates;

    /** @param engine the engine {@code run} was made on: its data's clusters in the order of the run's */
    public ReportContext(ScoringRun run, ScoringEngine engine, ProfileSources sources, List<Dataset> datasets,
            List<ContextLayer> layers, AdminAreas areas, CostProfile costs) {
        this.run = Objects.requireNonNull(run, "run");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.data = engine.data();
        if (data.clusters().size() != run.ranked().size() || data.dataVersion() != run.dataVersion()) {
            throw new IllegalArgumentException("the run was not made on these data");
        }
        this.sources = sources;
        this.datasets = List.copyOf(datasets);
        this.layers = List.copyOf(layers);
        this.areas = areas;
        this.costs = costs;
        for (int i = 0; i < run.ranked().size(); i++) {
            positions.put(run.ranked().get(i).score().id(), i);
        }
    }

    /** A context reading the data sets, layers and areas of {@code store}. */
    public static ReportContext of(SpatialStore store, ScoringRun run, ScoringEngine engine, ProfileSources sources,
            CostProfile costs) {
        return new ReportContext(run, engine, sources, store.datasets(), store.contextLayers().layers(),
                AdminAreas.of(store.contextLayers()), costs);
    }

    public ScoringRun run() {
        return run;
    }

    /** The engine the run was made on. */
    public ScoringEngine engine() {
        return engine;
    }

    public ScoringData data() {
        return data;
    }

    AdminAreas areas() {
        return areas;
    }

    CostProfile costs() {
        return costs;
    }

    /** The run's position of a cluster (also its position in the data), or null when the run has none of the id. */
    public Integer position(String clusterId) {
        return positions.get(clusterId);
    }

    /** The provenance of a report made now. */
    public Provenance provenance() {
        return new Provenance(run, run.profile(), sources, datasets, layers, Instant.now());
    }

    /** The candidate projects made from every cluster's gaps, made on first use. */
    synchronized CandidateGenerator.Generated candidates() {
        if (candidates == null) {
            Parameters p = run.profile().parameters();
            candidates = CandidateGenerator.generate(engine, run, costs, p.ruralAccessDistanceM(), p.e2sfcaCatchmentM());
        }
        return candidates;
    }
}
