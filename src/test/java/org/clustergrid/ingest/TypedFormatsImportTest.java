package org.clustergrid.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.clustergrid.ingest.mapping.Mapping;
import org.clustergrid.model.Layer;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoreFactory;
import org.clustergrid.store.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GeoPackage and FlatGeobuf files through the importer, as {@code import layer FILE --mapping …} runs them. */
class TypedFormatsImportTest {
    static final Path GPKG = Path.of("src/test/resources/import-formats/pmgsy-sikkim-ladakh.gpkg");
    static final Path FGB = Path.of("src/test/resources/import-formats/ladakh-roads-3857.fgb");
    static final Mapping ROADS = new Mapping(null, null, List.of(new Mapping.Rule(Layer.ROADS, null, null,
            Map.of("class", "RoadCatego", "name", "RoadName"), Map.of())), "pmgsy-roads.yaml");

    @TempDir
    Path dir;
    SpatialStore store;

    @BeforeEach
    void open() {
        store = StoreFactory.open(StoreSettings.h2gis(dir.resolve("store")));
    }

    @AfterEach
    void close() {
        store.close();
    }

    static ImportRequest layer(Path file, Mapping mapping, String sourceLayer) {
        return new ImportRequest(SourceKind.LAYER, List.of(new ImportRequest.Source(file, mapping, sourceLayer)),
                BadInputTest.DATASET, null, false, false);
    }

    @Test
    void namedGeoPackageTableAndFlatGeobufImport() throws Exception {
        Importer.Result r = new Importer(store).run(layer(GPKG, ROADS, "roads_utm44"));
        assertThat(r.report().problems()).isEmpty();
        assertThat(r.dataset().featureCounts()).containsEntry(Layer.ROADS, 20);
        Importer.Result f = new Importer(store).run(layer(FGB, ROADS, null));
        assertThat(f.report().problems()).isEmpty();
        assertThat(f.dataset().featureCounts()).containsEntry(Layer.ROADS, 20);
    }

    @Test
    void missingMappedFieldIsCheckedAgainstTheDeclaredColumns() {
        Mapping wrong = new Mapping(null, null, List.of(new Mapping.Rule(Layer.ROADS, null, null,
                Map.of("class", "highway"), Map.of())), "osm-roads.yaml");
        var thrown = assertThatThrownBy(() -> new Importer(store).run(layer(GPKG, wrong, "roads_utm44")))
                .isInstanceOf(ImportFailedException.class);
        assertThat(((ImportFailedException) thrown.actual()).report().problems()).extracting(ImportProblem::toString)
                .singleElement().asString().startsWith("ERROR: pmgsy-sikkim-ladakh.gpkg, table roads_utm44, field"
                        + " 'highway': mapping osm-roads.yaml, rule 1 (roads) names source field 'highway'");
        assertThat(store.datasets()).isEmpty();
    }

    @Test
    void aSourceLayerOnlyForGeoPackages() {
        var thrown = assertThatThrownBy(() -> new Importer(store).run(layer(FGB, ROADS, "roads")))
                .isInstanceOf(ImportFailedException.class);
        assertThat(((ImportFailedException) thrown.actual()).report().problems()).extracting(ImportProblem::toString)
                .containsExactly("ERROR: ladakh-roads-3857.fgb: a source layer ('roads') can only be named in a"
                        + " GeoPackage, but this is a FlatGeobuf file");
    }
}
