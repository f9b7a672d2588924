package org.clustergrid.ingest.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clustergrid.dimension.Axis;
import org.clustergrid.dimension.Dimension;
import org.clustergrid.ingest.ImportFailedException;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Dimensions declared at import: checked against the attributes, derived when not given, stored alike on both stores. */
class ContextLayerDimensionsTest {
    @TempDir
    Path dir;

    private Path lakes() throws Exception {
        Path f = dir.resolve("lakes.geojson");
        StringBuilder s = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        int[] elevations = {500, 490, 480, 490};
        for (int i = 0; i < elevations.length; i++) {
            s.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[")
                    .append(80 + i * 0.1).append(",20]},\"properties\":{\"elev\":").append(elevations[i])
                    .append(",\"seen\":\"2000-01-01T00:00:0").append(i).append("Z\",\"name\":\"n").append(i)
                    .append("\"}}");
        }
        Files.writeString(f, s.append("]}").toString());
        return f;
    }

    private static ContextLayerImporter.Request request(Path f, List<ContextLayerImporter.DimensionRequest> dims) {
        return new ContextLayerImporter.Request(List.of(f), null, "Lakes", null, "test", null, null, null, null, null,
                dims);
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void declaredAndDerivedDimensionsAreStoredWithTheLayer(String kind) throws Exception {
        try (TestStore t = TestStore.of(kind, dir)) {
            SpatialStore store = t.store();
            var importer = new ContextLayerImporter(store, ImportLimits.DEFAULT);
            importer.run(request(lakes(), List.of(
                    new ContextLayerImporter.DimensionRequest(Axis.ELEVATION, "elev", null, "500", false, true),
                    new ContextLayerImporter.DimensionRequest(Axis.TIME, "seen",
                            "2000-01-01T00:00:00Z/2000-01-01T00:00:10Z/PT1S", null, true, false))));
            ContextLayer l = store.contextLayers().layer("Lakes").orElseThrow();
            assertThat(l.dimensions()).hasSize(2);
            Dimension e = l.dimensions().get(0);
            // derived: the attribute's distinct values, ascending
            assertThat(List.<Object>of(e.axis(), e.attribute(), e.extent().text(), e.defaultValue(), e.multipleValues(),
                    e.nearestValue())).containsExactly(Axis.ELEVATION, "elev", "480,490,500", "500", false, true);
            Dimension time = l.dimensions().get(1);
            assertThat(List.<Object>of(time.axis(), time.extent().text(), time.multipleValues(), time.nearestValue()))
                    .containsExactly(Axis.TIME, "2000-01-01T00:00:00Z/2000-01-01T00:00:10Z/PT1S", true, false);
            assertThat(time.defaultValue()).isNull();
            // importing again declares what the new import says
            importer.run(request(lakes(), List.of()));
            assertThat(store.contextLayers().layer("Lakes").orElseThrow().dimensions()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void badDeclarationsFailTheImportAndChangeNothing(String kind) throws Exception {
        try (TestStore t = TestStore.of(kind, dir)) {
            var importer = new ContextLayerImporter(t.store(), ImportLimits.DEFAULT);
            Path f = lakes();
            assertThatThrownBy(() -> importer.run(request(f, List.of(new ContextLayerImporter.DimensionRequest(
                    Axis.ELEVATION, "depth", null, null, true, true))))).isInstanceOf(ImportFailedException.class)
                    .hasMessageContaining("no attribute 'depth'");
            assertThatThrownBy(() -> importer.run(request(f, List.of(new ContextLayerImporter.DimensionRequest(
                    Axis.ELEVATION, "name", null, null, true, true))))).isInstanceOf(ImportFailedException.class)
                    .hasMessageContaining("holds no elevation value");
            assertThatThrownBy(() -> importer.run(request(f, List.of(new ContextLayerImporter.DimensionRequest(
                    Axis.ELEVATION, "elev", "500,490", "495", true, true))))).isInstanceOf(ImportFailedException.class)
                    .hasMessageContaining("not among the values");
            assertThat(t.store().contextLayers().layer("Lakes")).isEmpty();
        }
    }
}
