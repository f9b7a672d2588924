package org.clustergrid.report;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.clustergrid.ingest.ImportRequest;
import org.clustergrid.ingest.Importer;
import org.clustergrid.ingest.SourceKind;
import org.clustergrid.ingest.geonames.GeoNamesReader;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.scenario.CostProfile;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.scoring.ScoringProfile;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.store.DatasetInfo;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.testing.DefaultProfile;
import org.clustergrid.testing.SharedData;

/**
 * A region as a user imports it — the Pokhara OSM extract (ODbL) with its industrial areas and crafts as clusters,
 * and GeoNames towns of Nepal (CC BY) — scored with the default profile, and the report context on its run.
 */
public final class PokharaReports {
    private PokharaReports() {}

    /** Imports the region into {@code store}, each data set with its real licence and attribution. */
    public static void fill(SpatialStore store) throws Exception {
        Importer importer = new Importer(store);
        importer.run(new ImportRequest(SourceKind.OSM, List.of(new ImportRequest.Source(SharedData.pokharaPbf(),
                null)), new DatasetInfo("pokhara", "Pokhara 2016", "pokhara-2016-06-04.osm.pbf (OpenStreetMap)",
                "ODbL 1.0", "© OpenStreetMap contributors", false), null, true, false));
        Path geonames = SharedData.require("geonames/cities500.txt.gz");
        importer.run(new ImportRequest(SourceKind.GEONAMES, List.of(new ImportRequest.Source(geonames, null)),
                new DatasetInfo("geonames-np", "GeoNames towns of Nepal", "GeoNames cities500 (geonames.org)",
                        "CC BY 4.0", "GeoNames (geonames.org), CC BY 4.0", false),
                new GeoNamesReader.Filter(Set.of("NP"), 0), false, false));
    }

    /** The store's default run and the context every report of it reads. */
    public static ReportContext context(SpatialStore store) throws Exception {
        ScoringProfile profile = DefaultProfile.read();
        ScoringEngine engine = ScoringEngine.build(ScoringData.load(store), profile, SpeedProfile.defaults());
        ScoringRun run = ScoringRun.run(engine, profile.dimensionWeights());
        return ReportContext.of(store, run, engine, ProfileSources.of(profile,
                Files.readAllBytes(DefaultProfile.FILE)), costs());
    }

    static CostProfile costs() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("gis-data/costs/default.yaml"))) {
            return CostProfile.read("default.yaml", in);
        }
    }
}
