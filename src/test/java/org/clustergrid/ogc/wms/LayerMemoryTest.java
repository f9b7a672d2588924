package org.clustergrid.ogc.wms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.clustergrid.ingest.ImportRequest;
import org.clustergrid.ingest.Importer;
import org.clustergrid.ingest.SourceKind;
import org.clustergrid.ingest.mapping.Mapping;
import org.clustergrid.model.Layer;
import org.clustergrid.store.DataStateSource;
import org.clustergrid.store.DatasetInfo;
import org.clustergrid.store.FeatureQuery;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/** Layers drawn from memory answer exactly as the store does: the same features in the same order. */
class LayerMemoryTest {
    @TempDir
    Path dir;

    private static ImportRequest demo(String dataset) {
        List<ImportRequest.Source> sources = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            sources.add(new ImportRequest.Source(Path.of("gis-data/demo", layer.id() + ".geojson"),
                    Mapping.identity(layer)));
        }
        return new ImportRequest(SourceKind.LAYER, sources,
                new DatasetInfo(dataset, "Demo", "test", "CC0 1.0", "synthetic", true), null, false, false);
    }

    private static List<String> ids(List<StoredFeature> features) {
        return features.stream().map(StoredFeature::layerId).toList();
    }

    @Test
    void answersAsTheStoreDoesAndFollowsTheDataVersion() throws Exception {
        try (TestStore t = TestStore.h2gis(dir)) {
            SpatialStore store = t.store();
            new Importer(store).run(demo("demo"));
            DataStateSource states = store::dataState;
            LayerMemory memory = new LayerMemory(store, states, 64L << 20);
            Random random = new Random(3);
            int nonEmpty = 0;
            for (Layer layer : Layer.values()) {
                Envelope extent = store.stats(layer).extent();
                for (int i = 0; i < 40; i++) {
                    double w = extent.getWidth() * random.nextDouble() * 0.5;
                    double h = extent.getHeight() * random.nextDouble() * 0.5;
                    double x = extent.getMinX() + random.nextDouble() * (extent.getWidth() - w);
                    double y = extent.getMinY() + random.nextDouble() * (extent.getHeight() - h);
                    Envelope box = new Envelope(x, x + w, y, y + h);
                    int limit = i % 5 == 0 ? 3 : 1000;
                    List<String> expected = ids(store.features(layer, new FeatureQuery(box, 0, limit)));
                    assertThat(ids(memory.features(layer, box, limit))).as(layer + " " + box).isEqualTo(expected);
                    nonEmpty += expected.isEmpty() ? 0 : 1;
                }
            }
            assertThat(nonEmpty).isGreaterThan(100);

            Envelope all = store.stats(Layer.CLUSTERS).extent();
            int before = memory.features(Layer.CLUSTERS, all, 1000).size();
            new Importer(store).run(demo("second"));
            assertThat(memory.features(Layer.CLUSTERS, all, 1000)).as("a new data version is read again")
                    .hasSize(2 * before);
        }
    }

    @Test
    void readsLayersTooLargeToHoldFromTheStoreEachTime() throws Exception {
        try (TestStore t = TestStore.h2gis(dir)) {
            SpatialStore store = t.store();
            new Importer(store).run(demo("demo"));
            AtomicInteger reads = new AtomicInteger();
            SpatialStore counting = (SpatialStore) java.lang.reflect.Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {SpatialStore.class}, (proxy, method, args) -> {
                        if (method.getName().equals("features")) {
                            reads.incrementAndGet();
                        }
                        try {
                            return method.invoke(store, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            Envelope all = store.stats(Layer.ROADS).extent();
            long roads = store.stats(Layer.ROADS).count();
            LayerMemory small = new LayerMemory(counting, store::dataState, 10);
            // room for the roads by their count, not for their vertices: read in full once, then not held
            LayerMemory tight = new LayerMemory(counting, store::dataState, roads * LayerMemory.BYTES_PER_FEATURE + 1);
            LayerMemory large = new LayerMemory(counting, store::dataState, 64L << 20);
            for (int i = 0; i < 3; i++) {
                assertThat(ids(small.features(Layer.ROADS, all, 500)))
                        .isEqualTo(ids(large.features(Layer.ROADS, all, 500)))
                        .isEqualTo(ids(tight.features(Layer.ROADS, all, 500)))
                        .hasSize((int) roads);
            }
            // the held layer was read once; the small one on each of the three requests; the tight one once whole
            // (found too large) and then on each request
            assertThat(reads.get()).isEqualTo(1 + 3 + 1 + 3);
        }
    }
}
