package org.clustergrid.ingest.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clustergrid.ingest.ImportFailedException;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.layers.Attribute;
import org.clustergrid.layers.AttributeType;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.store.FeatureQuery;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mapping keeps, renames and picks what a layer of one's own takes from its file: PMGSY facilities of Sikkim
 * (FlatGeobuf, typed), only the banks (13, as GDAL counts them: {@code ogrinfo -sql "SELECT count(*) FROM facilities
 * WHERE FAC_DESC LIKE '%bank%'"}), two fields under new names and their own types.
 */
class ContextLayerMappingTest {
    static final Path SIKKIM = Path.of("src/test/resources/import-formats/pmgsy-sikkim.fgb");

    @TempDir
    Path dir;

    Path mapping(String yaml) throws Exception {
        Path f = dir.resolve("banks.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    ContextLayerImporter.Request request(Path file, Path mapping) throws Exception {
        return new ContextLayerImporter.Request(List.of(file), null, "banks", null, null, null, null, null, null, null,
                List.of(), LayerMapping.read(mapping));
    }

    @Test
    void aMappingKeepsRenamesAndPicks() throws Exception {
        try (TestStore t = TestStore.h2gis(dir.resolve("store"))) {
            ContextLayerImporter importer = new ContextLayerImporter(t.store(), ImportLimits.DEFAULT);
            Path m = mapping("""
                    attributes:
                      kind: FAC_DESC
                      facility: FACILITY_I
                    when: {field: FAC_DESC, matches: "(?i)bank"}
                    """);
            var result = importer.run(request(SIKKIM, m));
            ContextLayer l = result.layer();
            assertThat(l.featureCount()).isEqualTo(13);
            assertThat(l.attributes()).containsExactly(new Attribute("kind", AttributeType.TEXT),
                    new Attribute("facility", AttributeType.INTEGER));
            assertThat(t.store().contextLayers().features(l, new FeatureQuery(null, 0, 100)))
                    .allSatisfy(f -> assertThat(String.valueOf(f.attributes().get("kind"))).containsIgnoringCase("bank"));
            assertThat(result.report().summary()).contains("107 feature(s) left out by the mapping's 'when'");

            Path misspelt = mapping("attributes: {kind: FAC_DESCR}\n");
            assertThatThrownBy(() -> importer.run(request(SIKKIM, misspelt))).isInstanceOf(ImportFailedException.class)
                    .hasMessageContaining("names FAC_DESCR, which pmgsy-sikkim.fgb does not have");
            Path geojson = dir.resolve("sites.geojson");
            Files.writeString(geojson, """
                    {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"n":1},
                     "geometry":{"type":"Point","coordinates":[84,28]}}]}""");
            Path unseen = mapping("attributes: {name: title}\n");
            assertThatThrownBy(() -> importer.run(request(geojson, unseen))).isInstanceOf(ImportFailedException.class)
                    .hasMessageContaining("names title, which no feature of sites.geojson has");
            assertThatThrownBy(() -> LayerMapping.read(mapping("rules: []\n")))
                    .hasMessageContaining("a layer of one's own takes attributes, when, geometry and crs");
            // the failures changed nothing
            assertThat(t.store().contextLayers().layer("banks").orElseThrow().featureCount()).isEqualTo(13);
        }
    }
}
