package org.clustergrid.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.Dataset;
import org.clustergrid.model.FinancePoint;
import org.clustergrid.model.Layer;
import org.clustergrid.store.DatasetInfo;
import org.clustergrid.store.FeatureQuery;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.testing.SharedData;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * Imports the real Pokhara extract into a store and checks what the store then holds against independent counts of
 * the file's tags (osmium tags-count; see ../shared/gis/pokhara-osm/SOURCE.txt and the OSM reader's own test):
 * highway=* on 6,224 ways, one of them a single node (unbuildable) → 6,223 roads; power line 12, generator 3,
 * substation 2, transformer 2, plant 1 → 20; amenity bank 64 + atm 23 + bureau_de_change 10 → 97 finance points;
 * place city 3 + town 3 + village 64, marketplace 5, aerodrome 1 → 76 markets; landuse=industrial 18 + craft=* 23 →
 * 41 clusters.
 */
abstract class PokharaImportTest {
    static final Map<Layer, Integer> EXPECTED = Map.of(Layer.ROADS, 6223, Layer.POWER, 20, Layer.FINANCE, 97,
            Layer.MARKETS, 76, Layer.CLUSTERS, 41);
    static final Envelope FILE_BBOX = new Envelope(83.7490007, 84.1429802, 28.0770044, 28.4659564);

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

    Importer.Result importPokhara() throws Exception {
        ImportRequest request = new ImportRequest(SourceKind.OSM,
                List.of(new ImportRequest.Source(SharedData.pokharaPbf(), null)),
                new DatasetInfo("pokhara", "Pokhara 2016", "pokhara-2016-06-04.osm.pbf", "ODbL 1.0",
                        "© OpenStreetMap contributors", false),
                null, true, false);
        return new Importer(store).run(request);
    }

    @Test
    void storeHoldsEveryLayerOfTheExtract() throws Exception {
        Importer.Result r = importPokhara();
        assertThat(r.report().hasErrors()).as(r.report().summary()).isFalse();
        Dataset d = store.dataset("pokhara").orElseThrow();
        assertThat(d.featureCounts()).isEqualTo(EXPECTED);
        for (Layer layer : Layer.values()) {
            var stats = store.stats(layer);
            assertThat(stats.count()).as(layer.id()).isEqualTo(EXPECTED.get(layer).longValue());
            // ways cut at the extract's edge keep their outside nodes, so allow a little beyond the bbox
            Envelope grown = new Envelope(FILE_BBOX);
            grown.expandBy(0.05);
            assertThat(grown.contains(stats.extent())).as(layer.id() + " " + stats.extent()).isTrue();
        }
        var banks = store.query(Layer.FINANCE, FeatureQuery.all()).features().stream()
                .map(f -> (FinancePoint) f.feature())
                .filter(f -> f.type() == FinancePoint.FinanceType.BANK).count();
        assertThat(banks).isEqualTo(57);
        Cluster c = (Cluster) store.query(Layer.CLUSTERS, new FeatureQuery(null, 0, 1)).features().get(0).feature();
        assertThat(c.clusterGridId()).matches("CG-XX-\\d{6}");
    }

    @Test
    void reimportReplacesWithoutDuplicatesAndKeepsClusterIds() throws Exception {
        importPokhara();
        var first = store.query(Layer.CLUSTERS, FeatureQuery.all()).features().stream().map(f -> f.layerId()).toList();
        importPokhara();
        assertThat(store.stats(Layer.ROADS).count()).isEqualTo(6223);
        var second = store.query(Layer.CLUSTERS, FeatureQuery.all()).features().stream().map(f -> f.layerId()).toList();
        assertThat(second).isEqualTo(first);
        assertThat(store.datasets()).hasSize(1);
    }
}
