package org.clustergrid.app;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.clustergrid.portfolio.CandidateGenerator;
import org.clustergrid.portfolio.Candidates;
import org.clustergrid.portfolio.Objective;
import org.clustergrid.portfolio.Portfolio;
import org.clustergrid.portfolio.PortfolioPlanner;
import org.clustergrid.scenario.CostProfile;
import org.clustergrid.scenario.Scenario;
import org.clustergrid.scenario.ScenarioApplier;
import org.clustergrid.scenario.ScenarioEvaluation;
import org.clustergrid.scenario.ScenarioEvaluator;
import org.clustergrid.scenario.ScenarioException;
import org.clustergrid.scenario.ScenarioReader;
import org.clustergrid.scoring.Parameters;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoredScenario;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * Stored what-if scenarios: checked against the current data when they are made (nothing half-valid is stored),
 * evaluated on request against the profile's run, each evaluation kept until the data change.
 */
@Service
public class ScenarioService {
    static final String DEFAULT_COSTS = "gis-data/costs/default.yaml";
    static final int KEPT_EVALUATIONS = 8;

    private final SpatialStore store;
    private final ScoringService scoring;
    private final CostProfile costs;
    /** The latest evaluations, by scenario id and the data version they were computed on; a few, each a full run. */
    private final Map<String, ScenarioEvaluation> evaluations = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ScenarioEvaluation> eldest) {
                    return size() > KEPT_EVALUATIONS;
                }
            });

    public ScenarioService(SpatialStore store, ScoringService scoring, ClusterGridProperties properties)
            throws IOException {
        this.store = store;
        this.scoring = scoring;
        this.costs = loadCosts(properties.scoring().costs());
    }

    /** The cost profile in a file, or the default one ({@value #DEFAULT_COSTS}) for none. */
    public static CostProfile loadCosts(String location) throws IOException {
        if (location == null || location.isBlank()) {
            try (InputStream in = new ClassPathResource(DEFAULT_COSTS).getInputStream()) {
                return CostProfile.read("default.yaml", in);
            }
        }
        java.nio.file.Path p = java.nio.file.Path.of(location);
        try (InputStream in = java.nio.file.Files.newInputStream(p)) {
            return CostProfile.read(p.getFileName().toString(), in);
        }
    }

    public CostProfile costs() {
        return costs;
    }

    /**
     * Reads, applies to the current data (every problem refused at once, as {@link
     * org.clustergrid.scenario.ScenarioException}) and stores a scenario.
     */
    public StoredScenario create(String geojson, String defaultName, String createdBy) {
        Scenario s = ScenarioReader.read(geojson, defaultName);
        long version = store.dataVersion();
        ScenarioApplier.apply(scoring.engine().data(), s, costs);
        StoredScenario stored = new StoredScenario(UUID.randomUUID().toString(), s.name(), s.description(),
                s.interventions().size(), geojson, createdBy, Instant.now(), version);
        store.scenarios().save(stored);
        return stored;
    }

    public List<StoredScenario> list() {
        return store.scenarios().list();
    }

    public Optional<StoredScenario> get(String id) {
        return store.scenarios().get(id);
    }

    public boolean delete(String id) {
        evaluations.keySet().removeIf(k -> k.startsWith(id + "@"));
        return store.scenarios().delete(id);
    }

    /** Why a scenario may no longer fit the data (made on another data version), or null when it was made on these. */
    public String staleness(StoredScenario s) {
        long now = store.dataVersion();
        return s.dataVersion() == now ? null : String.format(Locale.ROOT, "made on data version %d; the data are now"
                + " at version %d (imported or deleted since): its roads and places may have changed", s.dataVersion(),
                now);
    }

    /** The footprints of the scored clusters by Cluster Grid ID, for maps of an evaluation. */
    public Map<String, org.locationtech.jts.geom.Geometry> footprints() {
        Map<String, org.locationtech.jts.geom.Geometry> out = new java.util.HashMap<>();
        scoring.engine().data().clusters().forEach(c -> out.put(c.layerId(), c.feature().geometry()));
        return out;
    }

    /** The road segments of the scored data by id ({@code dataset.id}), for maps of upgrades. */
    public Map<String, org.locationtech.jts.geom.Geometry> roads() {
        Map<String, org.locationtech.jts.geom.Geometry> out = new java.util.HashMap<>();
        scoring.engine().data().roads().forEach(r -> out.put(r.layerId(), r.feature().geometry()));
        return out;
    }

    /** The scenario's evaluation on the current data when it is kept, without computing it. */
    public Optional<ScenarioEvaluation> evaluated(StoredScenario stored) {
        return Optional.ofNullable(evaluations.get(stored.id() + "@" + store.dataVersion()));
    }

    /** The scenario scored against the profile's run on the current data; a scenario no longer applicable throws. */
    public ScenarioEvaluation evaluate(StoredScenario stored) {
        String key = stored.id() + "@" + store.dataVersion();
        ScenarioEvaluation cached = evaluations.get(key);
        if (cached != null) {
            return cached;
        }
        ScenarioEvaluation e = evaluate(ScenarioReader.read(stored.geojson(), stored.name()), costs);
        evaluations.put(key, e);
        return e;
    }

    /**
     * A scenario, priced with {@code costs}, scored against the profile's run on the current data; one that does not
     * fit the data throws {@link org.clustergrid.scenario.ScenarioException}.
     */
    /**
     * The portfolio a budget buys from candidate projects — a scenario's interventions, each a candidate, and with
     * {@code generate} those made from the clusters' gaps — on the current data under the profile's weights. See
     * docs/portfolios.md.
     *
     * @param given null for generated candidates only
     */
    public Portfolio portfolio(Scenario given, boolean generate, CostProfile costs, double budget,
            Objective objective) {
        ScoringService.Scored before = scoring.scored();
        ScoringData data = before.engine().data();
        List<Candidates.Applied> candidates = new ArrayList<>();
        if (given != null) {
            candidates.addAll(Candidates.of(data, given, costs, x -> "given"));
        }
        List<String> notes = new ArrayList<>();
        if (generate) {
            Parameters p = before.engine().profile().parameters();
            CandidateGenerator.Generated g = CandidateGenerator.generate(before.engine(), before.run(), costs,
                    p.ruralAccessDistanceM(), p.e2sfcaCatchmentM());
            notes.addAll(g.notes());
            candidates.addAll(Candidates.of(data, g.candidates(), costs, CandidateGenerator::origin));
        }
        if (candidates.size() > Candidates.MAX) {
            throw new ScenarioException("too many candidates", List.of(candidates.size() + " candidates given and"
                    + " generated, more than the " + Candidates.MAX + " one selection weighs"));
        }
        return PortfolioPlanner.plan(before.engine(), before.run(), candidates, costs, budget, objective, notes);
    }

    public ScenarioEvaluation evaluate(Scenario s, CostProfile costs) {
        ScoringService.Scored before = scoring.scored();
        ScenarioApplier.Applied applied = ScenarioApplier.apply(before.engine().data(), s, costs);
        return ScenarioEvaluator.evaluate(s.name(), applied, before.run(), before.engine(), before.run().weights());
    }
}
