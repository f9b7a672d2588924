package org.clustergrid.report;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.ImportRequest;
import org.clustergrid.ingest.Importer;
import org.clustergrid.ingest.SourceKind;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.Market;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.scenario.CostProfile;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.scoring.ScoringProfile;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.store.DatasetInfo;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.testing.DefaultProfile;
import org.clustergrid.testing.SharedData;

/**
 * The Pokhara OSM extract imported as a user imports it (ODbL), and a cluster of 40 to 1,000 workers at each of its
 * 64 OSM villages (the city's own areas have no gap to close) as a data set of its own, marked synthetic since the
 * sizes are the test's: the portfolio planner's fixture, in a store, so a report's provenance names the real data.
 */
final class PokharaVillages {
    /** The store's data, the engine and default run on them, and the report context of that run. */
    record Scored(ScoringEngine engine, ScoringRun run, ReportContext context, CostProfile costs) {}

    private PokharaVillages() {}

    static Scored fill(SpatialStore store) throws Exception {
        Importer importer = new Importer(store);
        importer.run(new ImportRequest(SourceKind.OSM, List.of(new ImportRequest.Source(SharedData.pokharaPbf(),
                null)), new DatasetInfo("pokhara", "Pokhara 2016", "pokhara-2016-06-04.osm.pbf (OpenStreetMap)",
                "ODbL 1.0", "© OpenStreetMap contributors", false), null, false, false));
        List<Market> villages = new ArrayList<>();
        for (StoredFeature f : ScoringData.load(store).markets()) {
            if (f.feature() instanceof Market m && m.kind() == Market.MarketKind.VILLAGE) {
                villages.add(m);
            }
        }
        store.importDataset(new DatasetInfo("villages", "Clusters at the OSM villages of Pokhara",
                "place=village nodes of pokhara-2016-06-04.osm.pbf; employment set by the test", "ODbL 1.0",
                "© OpenStreetMap contributors", true), new ImportReport(), w -> {
                    for (int k = 0; k < villages.size(); k++) {
                        Market m = villages.get(k);
                        int workers = 40 + (k * 97) % 960;
                        w.write(new Cluster(String.format(Locale.ROOT, "CG-NP-%06d", k + 1), m.id(), m.name(), null,
                                null, null, null, workers, null, m.geometry(), "test", Map.of()), "villages", m.id());
                    }
                });
        ScoringProfile profile = DefaultProfile.read();
        ScoringEngine engine = ScoringEngine.build(ScoringData.load(store), profile, SpeedProfile.defaults());
        ScoringRun run = ScoringRun.run(engine, profile.dimensionWeights());
        CostProfile costs = PokharaReports.costs();
        ReportContext ctx = ReportContext.of(store, run, engine, ProfileSources.of(profile,
                Files.readAllBytes(DefaultProfile.FILE)), costs);
        return new Scored(engine, run, ctx, costs);
    }
}
