package org.clustergrid.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.scoring.ScoreOutput;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.scoring.ScoringProfile;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.ImportRequest;
import org.clustergrid.ingest.Importer;
import org.clustergrid.ingest.SourceKind;
import org.clustergrid.model.Layer;
import org.clustergrid.model.Market;
import org.clustergrid.model.Market.MarketKind;
import org.clustergrid.testing.DefaultProfile;
import org.clustergrid.testing.PostgisTestDatabase;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A process for the crash tests to kill. STORE is an H2GIS directory, or {@code postgis:SCHEMA} for that schema of the
 * PostGIS test database (URL, user and password from the {@code CLUSTERGRID_TEST_POSTGIS_*} environment, which
 * {@link ChildJvm} sets). {@code hold STORE} opens the store and keeps it open until its standard input closes, as the
 * server does (other processes then reach an embedded store over its TCP server); {@code import STORE PBF
 * clusters|plain} imports the OSM file as dataset {@code pokhara}, as the import command does; {@code leave DIR}
 * writes markets of dataset {@code left}, has the embedded store written to the file with the import still open, says
 * {@code WRITTEN} and waits to be killed; {@code score STORE} scores every cluster and saves the run, again and again,
 * as the server does for each new profile or data version; {@code layer STORE NAME FILE...} imports the files as a
 * layer of one's own named NAME, as {@code import layer --as} does; {@code raster STORE NAME FILE TITLE} imports a GeoTIFF
 * as raster layer NAME with that title. It says {@code OPEN} once the store is open, {@code DONE}
 * when the import has committed and {@code SCORED} after each saved run.
 */
public final class CrashChild {
    static final String SAYS = "crash-child: ";
    static final String DATASET = "pokhara";
    static final String POSTGIS = "postgis:";
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private CrashChild() {}

    public static void main(String[] args) throws Exception {
        try (SpatialStore store = StoreFactory.open(settings(args[1]))) {
            say("OPEN");
            if (args[0].equals("hold")) {
                System.in.transferTo(java.io.OutputStream.nullOutputStream());
            } else if (args[0].equals("score")) {
                scoreForever(store);
            } else if (args[0].equals("layer")) {
                List<Path> files = java.util.Arrays.stream(args, 3, args.length).map(Path::of).toList();
                new org.clustergrid.ingest.context.ContextLayerImporter(store,
                        org.clustergrid.ingest.ImportLimits.DEFAULT).run(
                        new org.clustergrid.ingest.context.ContextLayerImporter.Request(files, null, args[2], null,
                                null, null, null, null, null));
                say("DONE");
            } else if (args[0].equals("raster")) {
                new org.clustergrid.ingest.raster.RasterImporter(store).run(
                        new org.clustergrid.ingest.raster.RasterImporter.Request(Path.of(args[3]), args[2], args[4],
                                null, null, null, false, null, null, null));
                say("DONE");
            } else if (args[0].equals("leave")) {
                store.importDataset(new DatasetInfo("left", null, null, null, null, true), new ImportReport(),
                        w -> leaveOpen(w, Path.of(args[1])));
            } else {
                new Importer(store).run(request(Path.of(args[2]), args[3].equals("clusters")));
                say("DONE");
            }
        }
    }

    /** The store named by a child's STORE argument. */
    static StoreSettings settings(String store) {
        if (store.startsWith(POSTGIS)) {
            return StoreSettings.postgis(PostgisTestDatabase.URL, PostgisTestDatabase.USER,
                    PostgisTestDatabase.PASSWORD, store.substring(POSTGIS.length()));
        }
        return StoreSettings.h2gis(Path.of(store));
    }

    /** Writes 5,000 markets, then a checkpoint from another connection puts the open import in the file. */
    private static void leaveOpen(FeatureWriter writer, Path dir) throws Exception {
        for (int i = 0; i < 5000; i++) {
            writer.write(new Market("m" + i, MarketKind.TOWN, "Town " + i, 1000L + i,
                    GEOMETRY.createPoint(new Coordinate(80 + i * 1e-4, 20 + i * 1e-4)), null), "left", "market " + i);
        }
        ((JdbcFeatureWriter) writer).flush();
        H2FileDataSource other = H2FileDataSource.hold(dir, H2Secret.password(dir));
        try (Connection c = other.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        }
        say("WRITTEN");
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Scoring runs saved one after another, each with every cluster's breakdown, until the process is killed. */
    private static void scoreForever(SpatialStore store) throws Exception {
        ScoringProfile profile = DefaultProfile.read();
        ScoringEngine engine = ScoringEngine.build(ScoringData.load(store), profile, SpeedProfile.defaults());
        ObjectMapper json = new ObjectMapper();
        while (true) {
            ScoringRun run = ScoringRun.run(engine, engine.profile().dimensionWeights());
            List<ClusterScoreRecord> records = new ArrayList<>();
            for (ScoringRun.Ranked r : run.ranked()) {
                records.add(new ClusterScoreRecord(r.score().id(), r.rank(), r.score().composite(), r.score().gap(),
                        r.score().priority(), r.stability(), json.writeValueAsString(ScoreOutput.breakdown(r))));
            }
            store.scoringRuns().save(new ScoringRunRecord(run.id(), run.createdAt(), run.profile().name(),
                    run.profile().hash(), "{}", run.dataVersion(), "{}", records.size(), run.seconds()), records);
            say("SCORED");
        }
    }

    static ImportRequest request(Path pbf, boolean clusters) {
        return new ImportRequest(SourceKind.OSM, List.of(new ImportRequest.Source(pbf, null)),
                new DatasetInfo(DATASET, "Pokhara", "OpenStreetMap", "ODbL 1.0", "© OpenStreetMap contributors", false),
                null, clusters, false);
    }

    /** A dataset's feature count in each layer. */
    static Map<Layer, Long> counts(SpatialStore s, String dataset) {
        Map<Layer, Long> out = new EnumMap<>(Layer.class);
        for (Layer layer : Layer.values()) {
            out.put(layer, s.query(layer, new FeatureQuery(null, Map.of("dataset", dataset), 0, 0)).numberMatched());
        }
        return out;
    }

    private static void say(String what) {
        System.out.println(SAYS + what);
        System.out.flush();
    }
}
