package org.clustergrid.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clustergrid.ingest.ImportFailedException;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.Dataset;
import org.clustergrid.model.FinancePoint;
import org.clustergrid.model.FinancePoint.FinanceType;
import org.clustergrid.model.Layer;
import org.clustergrid.model.Market;
import org.clustergrid.model.Market.MarketKind;
import org.clustergrid.model.MarketScope;
import org.clustergrid.model.PowerFeature;
import org.clustergrid.model.PowerFeature.PowerKind;
import org.clustergrid.model.Road;
import org.clustergrid.model.Road.Paving;
import org.clustergrid.model.Typology;
import org.clustergrid.model.Typology.ClusterType;
import org.clustergrid.model.Typology.Setting;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/** The behaviour every store must have; run against H2GIS and PostGIS by the subclasses. */
abstract class StoreContractTest {
    static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);
    static final DatasetInfo INFO = new DatasetInfo("town", "Test town", "unit test", "CC0", "nobody", false);

    TestStore testStore;
    SpatialStore store;

    abstract TestStore openStore();

    @BeforeEach
    void open() {
        testStore = openStore();
        store = testStore.store();
    }

    @AfterEach
    void close() {
        if (testStore != null) { // null when set-up skipped: no database to open
            testStore.close();
        }
    }

    static Point pt(double lon, double lat) {
        return GF.createPoint(new Coordinate(lon, lat));
    }

    static Cluster cluster(String sourceId, double lon, double lat) {
        return new Cluster(null, sourceId, "Cluster " + sourceId, "knitwear", "t-shirts",
                new Typology(ClusterType.DYNAMIC_EXPORT, Setting.URBAN), 120, 4500, Set.of(MarketScope.GLOBAL),
                pt(lon, lat), "test", Map.of("country_iso2", "IN"));
    }

    static List<Object> sample() {
        Road road = new Road("r1", "primary", "asphalt", Paving.PAVED, true, true, "Main Road", "NH7",
                GF.createLineString(new Coordinate[] {new Coordinate(77.0, 11.0), new Coordinate(77.2, 11.1)}),
                Map.of("lanes", "2"));
        PowerFeature line = new PowerFeature("p1", PowerKind.LINE, "132 kV line", List.of(132000, 33000), null, 20.5,
                GF.createLineString(new Coordinate[] {new Coordinate(77.0, 11.2), new Coordinate(77.3, 11.2)}), null);
        FinancePoint bank = new FinancePoint("f1", FinanceType.BANK, "Canara Bank", "Canara", pt(77.05, 11.05), null);
        Market town = new Market("m1", MarketKind.TOWN, "Tiruppur", 963173L, pt(77.35, 11.11), null);
        return List.of(cluster("c1", 77.1, 11.05), cluster("c2", 77.4, 11.3), road, line, bank, town);
    }

    Dataset importSample(DatasetInfo info, List<Object> features) throws Exception {
        return store.importDataset(info, new ImportReport(), w -> {
            int i = 0;
            for (Object f : features) {
                w.write((org.clustergrid.model.LayerFeature) f, "sample", "feature " + (++i));
            }
        });
    }

    @Test
    void importsEveryLayerAndReadsItBack() throws Exception {
        Dataset d = importSample(INFO, sample());
        assertThat(d.featureCounts()).containsEntry(Layer.CLUSTERS, 2).containsEntry(Layer.ROADS, 1)
                .containsEntry(Layer.POWER, 1).containsEntry(Layer.FINANCE, 1).containsEntry(Layer.MARKETS, 1);
        assertThat(store.datasets()).extracting(Dataset::id).containsExactly("town");
        assertThat(store.dataset("town").orElseThrow().featureCounts()).isEqualTo(d.featureCounts());

        Road road = (Road) store.query(Layer.ROADS, FeatureQuery.all()).features().get(0).feature();
        assertThat(road.roadClass()).isEqualTo("primary");
        assertThat(road.paving()).isEqualTo(Paving.PAVED);
        assertThat(road.ref()).isEqualTo("NH7");
        assertThat(road.attributes()).containsEntry("lanes", "2");
        assertThat(road.geometry().getCoordinates()[1]).isEqualTo(new Coordinate(77.2, 11.1));

        PowerFeature line = (PowerFeature) store.query(Layer.POWER, FeatureQuery.all()).features().get(0).feature();
        assertThat(line.voltages()).containsExactly(132000, 33000);
        assertThat(line.supplyHours()).isEqualTo(20.5);

        Market m = (Market) store.query(Layer.MARKETS, FeatureQuery.all()).features().get(0).feature();
        assertThat(m.population()).isEqualTo(963173L);
        assertThat(m.kind()).isEqualTo(MarketKind.TOWN);
    }

    @Test
    void filtersByBboxAndPages() throws Exception {
        importSample(INFO, sample());
        FeaturePage west = store.query(Layer.CLUSTERS, new FeatureQuery(new Envelope(77.0, 77.2, 11.0, 11.1), 0, 10));
        assertThat(west.numberMatched()).isEqualTo(1);
        assertThat(west.features().get(0).feature().id()).isEqualTo("c1");

        FeaturePage page2 = store.query(Layer.CLUSTERS, new FeatureQuery(null, 1, 1));
        assertThat(page2.numberMatched()).isEqualTo(2);
        assertThat(page2.features()).extracting(f -> f.feature().id()).containsExactly("c2");

        // a line crossing the box counts even though no vertex lies inside it
        FeaturePage crossing = store.query(Layer.POWER, new FeatureQuery(new Envelope(77.1, 77.15, 11.15, 11.25), 0, 10));
        assertThat(crossing.numberMatched()).isEqualTo(1);

        // a second box is OR-ed in (the other half of a box across the antimeridian), filters still apply
        FeaturePage either = store.query(Layer.CLUSTERS, new FeatureQuery(new Envelope(77.0, 77.2, 11.0, 11.1),
                new Envelope(170, 180, -10, 10), Map.of(), 0, 10));
        assertThat(either.numberMatched()).isEqualTo(1);
        FeaturePage both = store.query(Layer.CLUSTERS, new FeatureQuery(new Envelope(170, 180, -10, 10),
                new Envelope(77.0, 77.5, 11.0, 11.5), Map.of(), 0, 10));
        assertThat(both.numberMatched()).isEqualTo(2);
        assertThat(store.query(Layer.CLUSTERS, new FeatureQuery(new Envelope(170, 180, -10, 10),
                new Envelope(-180, -170, -10, 10), Map.of(), 0, 10)).numberMatched()).isZero();

        LayerStats stats = store.stats(Layer.CLUSTERS);
        assertThat(stats.count()).isEqualTo(2);
        assertThat(stats.extent()).isEqualTo(new Envelope(77.1, 77.4, 11.05, 11.3));
        assertThat(store.stats(Layer.ROADS).count()).isEqualTo(1);
    }

    @Test
    void filtersByPropertyEqualityInSql() throws Exception {
        importSample(INFO, sample());
        importSample(new DatasetInfo("other", "Other", "unit test", "CC0", "nobody", false),
                List.of(new FinancePoint("f2", FinanceType.ATM, "Canara ATM", "Canara", pt(77.06, 11.05), null)));

        FeaturePage banks = store.query(Layer.FINANCE, new FeatureQuery(null, Map.of("type", "bank"), 0, 10));
        assertThat(banks.numberMatched()).isEqualTo(1);
        assertThat(banks.features().get(0).feature().id()).isEqualTo("f1");

        Map<String, String> canara = new java.util.LinkedHashMap<>();
        canara.put("operator", "Canara");
        canara.put("dataset", "other");
        assertThat(store.query(Layer.FINANCE, new FeatureQuery(null, canara, 0, 10)).features())
                .extracting(f -> f.feature().id()).containsExactly("f2");
        assertThat(store.query(Layer.FINANCE, new FeatureQuery(null, Map.of("id", "f2"), 0, 10)).numberMatched())
                .isEqualTo(1);

        // typed fields compare as their type; the road class lives in a column of another name
        assertThat(store.query(Layer.CLUSTERS, new FeatureQuery(null, Map.of("firms", "120"), 0, 10)).numberMatched())
                .isEqualTo(2);
        assertThat(store.query(Layer.MARKETS, new FeatureQuery(null, Map.of("population", "963173"), 0, 10))
                .numberMatched()).isEqualTo(1);
        assertThat(store.query(Layer.ROADS, new FeatureQuery(null, Map.of("all_season", "true", "class", "primary"),
                0, 10)).numberMatched()).isEqualTo(1);
        assertThat(store.query(Layer.ROADS, new FeatureQuery(null, Map.of("all_season", "false"), 0, 10))
                .numberMatched()).isZero();
        assertThat(store.query(Layer.POWER, new FeatureQuery(null, Map.of("supply_hours", "20.5"), 0, 10))
                .numberMatched()).isEqualTo(1);

        // with a bbox too, the count and the page agree
        FeaturePage west = store.query(Layer.CLUSTERS, new FeatureQuery(new Envelope(77.0, 77.2, 11.0, 11.1),
                Map.of("name", "Cluster c1"), 0, 10));
        assertThat(west.numberMatched()).isEqualTo(1);
        assertThat(west.features()).hasSize(1);
        assertThat(store.query(Layer.CLUSTERS, new FeatureQuery(new Envelope(77.0, 77.2, 11.0, 11.1),
                Map.of("name", "Cluster c2"), 0, 10)).numberMatched()).isZero();

        assertThatThrownBy(() -> store.query(Layer.FINANCE, new FeatureQuery(null, Map.of("colour", "red"), 0, 10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour");
        assertThatThrownBy(() -> store.query(Layer.CLUSTERS, new FeatureQuery(null, Map.of("firms", "many"), 0, 10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("firms");
        assertThatThrownBy(() -> store.query(Layer.ROADS, new FeatureQuery(null, Map.of("motorable", "yes"), 0, 10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("motorable");
    }

    @Test
    void findsFeaturesByLayerId() throws Exception {
        importSample(INFO, sample());
        assertThat(store.featureByLayerId(Layer.FINANCE, "town.f1")).isPresent();
        assertThat(store.featureByLayerId(Layer.FINANCE, "town.nope")).isEmpty();
        assertThat(store.featureByLayerId(Layer.FINANCE, "f1")).isEmpty();
        String gridId = store.feature(Layer.CLUSTERS, "town", "c1").orElseThrow().layerId();
        assertThat(store.featureByLayerId(Layer.CLUSTERS, gridId).orElseThrow().feature().id()).isEqualTo("c1");
    }

    @Test
    void assignsClusterGridIdsThatSurviveReimportAndAreNeverReused() throws Exception {
        importSample(INFO, sample());
        String c1 = ((Cluster) store.feature(Layer.CLUSTERS, "town", "c1").orElseThrow().feature()).clusterGridId();
        assertThat(c1).matches("CG-IN-\\d{6}");
        assertThat(store.clusterByGridId(c1).orElseThrow().feature().id()).isEqualTo("c1");

        importSample(INFO, sample()); // replaces, no duplicates, same IDs
        assertThat(store.query(Layer.CLUSTERS, FeatureQuery.all()).numberMatched()).isEqualTo(2);
        assertThat(((Cluster) store.feature(Layer.CLUSTERS, "town", "c1").orElseThrow().feature()).clusterGridId())
                .isEqualTo(c1);

        assertThat(store.deleteDataset("town")).isTrue();
        assertThat(store.datasets()).isEmpty();
        importSample(new DatasetInfo("other", null, null, null, null, false), List.of(cluster("c1", 77.0, 11.0)));
        String fresh = ((Cluster) store.feature(Layer.CLUSTERS, "other", "c1").orElseThrow().feature()).clusterGridId();
        assertThat(fresh).isNotEqualTo(c1);
    }

    @Test
    void newIdsPassOverTheIdsAnImportBrought() throws Exception {
        // a register restored from elsewhere: its IDs are its own, the store's sequence has not handed them out
        importSample(INFO, List.of(cluster("c1", 77.0, 11.0).withClusterGridId("CG-IN-000001"),
                cluster("c2", 77.1, 11.0).withClusterGridId("CG-IN-000002")));
        importSample(new DatasetInfo("other", null, null, null, null, false), List.of(cluster("c3", 77.2, 11.0)));
        String fresh = ((Cluster) store.feature(Layer.CLUSTERS, "other", "c3").orElseThrow().feature())
                .clusterGridId();
        assertThat(fresh).matches("CG-IN-\\d{6}").isNotIn("CG-IN-000001", "CG-IN-000002");
    }

    @Test
    void failedImportLeavesTheStoreExactlyAsBefore() throws Exception {
        importSample(INFO, sample());
        long version = store.dataVersion();
        List<Dataset> before = store.datasets();

        ImportReport report = new ImportReport();
        assertThatThrownBy(() -> store.importDataset(INFO, report, w -> {
            w.write(cluster("c9", 77.0, 11.0), "bad.csv", "line 2");
            report.error("bad.csv", "line 3", "lat", "'abc' is not a number");
        })).isInstanceOf(ImportFailedException.class).hasMessageContaining("bad.csv, line 3, field 'lat'");

        assertThatThrownBy(() -> store.importDataset(INFO, new ImportReport(), w -> {
            w.write(cluster("c9", 77.0, 11.0), "x", "line 2");
            throw new java.io.IOException("disk gone");
        })).hasMessage("disk gone");

        assertThat(store.datasets()).isEqualTo(before);
        assertThat(store.dataVersion()).isEqualTo(version);
        assertThat(store.query(Layer.CLUSTERS, FeatureQuery.all()).features())
                .extracting(f -> f.feature().id()).containsExactly("c1", "c2");
    }

    @Test
    void reportsDuplicateIdsWithBothPlaces() {
        ImportReport report = new ImportReport();
        assertThatThrownBy(() -> store.importDataset(INFO, report, w -> {
            w.write(cluster("c1", 77.0, 11.0), "clusters.csv", "line 2");
            w.write(cluster("c1", 77.1, 11.0), "clusters.csv", "line 5");
        })).isInstanceOf(ImportFailedException.class);
        assertThat(report.problems().get(0).toString()).isEqualTo("ERROR: clusters.csv, line 5, field 'source_id': "
                + "duplicate id 'c1' in layer clusters (first seen at clusters.csv, line 2)");
        assertThat(store.datasets()).isEmpty();
    }

    @Test
    void refusesAClusterGridIdOwnedByAnotherCluster() throws Exception {
        importSample(INFO, sample());
        String c1 = ((Cluster) store.feature(Layer.CLUSTERS, "town", "c1").orElseThrow().feature()).clusterGridId();
        ImportReport report = new ImportReport();
        assertThatThrownBy(() -> store.importDataset(new DatasetInfo("thief", null, null, null, null, false), report,
                w -> w.write(cluster("x", 77.0, 11.0).withClusterGridId(c1), "f.csv", "line 2")))
                .isInstanceOf(ImportFailedException.class);
        assertThat(report.problems().get(0).message()).contains(c1 + " already belongs to cluster town/c1");
    }

    @Test
    void savesAndReadsScoringRuns() {
        java.time.Instant at = java.time.Instant.parse("2026-01-02T03:04:05Z");
        ScoringRunRecord run = new ScoringRunRecord("run-1", at, "default", "abc123", "{\"roads\":0.25}", 7,
                "{\"town\":\"2026-01-01T00:00:00Z\"}", 2, 1.5);
        store.scoringRuns().save(run, List.of(
                new ClusterScoreRecord("CG-IN-000002", 2, 40.0, 30.0, 300.0, 0.5, "{}"),
                new ClusterScoreRecord("CG-IN-000003", null, null, null, null, null, "{\"noData\":true}"),
                new ClusterScoreRecord("CG-IN-000001", 1, 20.0, 50.0, 5000.0, 1.0, "{}")));
        assertThat(store.scoringRuns().latest("abc123")).contains(run);
        assertThat(store.scoringRuns().latest("other")).isEmpty();
        assertThat(store.scoringRuns().scores("run-1")).extracting(ClusterScoreRecord::clusterGridId)
                .containsExactly("CG-IN-000001", "CG-IN-000002", "CG-IN-000003");
        assertThat(store.scoringRuns().scores("run-1").get(2).priority()).isNull();
    }

    @Test
    void featuresWithoutCountEqualThePage() throws Exception {
        importSample(INFO, sample());
        FeatureQuery q = new FeatureQuery(new Envelope(77.0, 77.5, 11.0, 11.4), 0, 10);
        assertThat(store.features(Layer.CLUSTERS, q)).isEqualTo(store.query(Layer.CLUSTERS, q).features());
        assertThat(store.features(Layer.CLUSTERS, new FeatureQuery(null, 1, 1))).extracting(f -> f.feature().id())
                .containsExactly("c2");
    }
}
