package org.clustergrid.ingest.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.clustergrid.ingest.ImportFailedException;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.ingest.osm.OsmFilter;
import org.clustergrid.layers.AttributeType;
import org.clustergrid.layers.ContextFeature;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.layers.GeometryKind;
import org.clustergrid.store.FeatureQuery;
import org.clustergrid.testing.SharedData;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Pokhara extract imported through tag filters as layers of one's own, on both stores, its counts compared with
 * {@link OsmElementCount} (the protobuf messages read apart from the server's reader) and with osmium's counts in
 * {@code ../shared/gis/pokhara-osm/SOURCE.txt}.
 */
class ContextLayerOsmImportTest {
    @TempDir
    Path dir;

    TestStore open(String kind) {
        return TestStore.of(kind, dir);
    }

    static ContextLayerImporter.Request request(String name, String filter) {
        return new ContextLayerImporter.Request(List.of(SharedData.pokharaPbf()), null, name, null, "test",
                "ODbL 1.0", null, null, null, filter == null ? null : OsmFilter.parse(filter));
    }

    /** Features by osm_type and geometry: "node point", "way polygon", "relation polygon" … */
    static Map<String, Integer> byTypeAndShape(TestStore t, ContextLayer l) {
        Map<String, Integer> out = new TreeMap<>();
        for (ContextFeature f : t.store().contextLayers().query(l, new FeatureQuery(null, 0, 100_000)).features()) {
            String shape = switch (f.geometry().getGeometryType()) {
                case "Point" -> "point";
                case "LineString", "MultiLineString" -> "line";
                default -> "polygon";
            };
            out.merge(f.attributes().get("osm_type") + " " + shape, 1, Integer::sum);
        }
        return out;
    }

    static Map<String, Integer> expected(OsmElementCount c) {
        Map<String, Integer> out = new TreeMap<>();
        c.counts.forEach((k, v) -> {
            if (!k.equals("relation other")) {
                out.put(k.equals("node") ? "node point" : k, v);
            }
        });
        return out;
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void filtersOfPokharaMatchAnIndependentCount(String kind) throws Exception {
        Path pbf = SharedData.pokharaPbf();
        try (TestStore t = open(kind)) {
            ContextLayerImporter importer = new ContextLayerImporter(t.store(), ImportLimits.DEFAULT);
            Map<String, Predicate<Map<String, String>>> filters = Map.of(
                    "landuse=*", tags -> tags.containsKey("landuse"),
                    "amenity=bank", tags -> "bank".equals(tags.get("amenity")),
                    "boundary=administrative", tags -> "administrative".equals(tags.get("boundary")),
                    "boundary=administrative admin_level=5", tags -> "administrative".equals(tags.get("boundary"))
                            && "5".equals(tags.get("admin_level")),
                    "power=line,minor_line", tags -> "line".equals(tags.get("power")) || "minor_line".equals(tags.get("power")));
            for (var e : new TreeMap<>(filters).entrySet()) {
                ContextLayerImporter.Result r = importer.run(request("osm_layer", e.getKey()));
                OsmElementCount independent = OsmElementCount.of(pbf, e.getValue());
                Map<String, Integer> got = byTypeAndShape(t, r.layer());
                System.out.printf("%s %s: %s; independent count %s; %d warnings%n", kind, e.getKey(), got,
                        independent.counts, r.report().warningCount());
                assertThat(got).as(e.getKey()).isEqualTo(expected(independent));
                // a warning for each element left out (and for the member ways of relations that cannot be drawn),
                // and one for the relations of other types
                assertThat(r.report().problems().stream().filter(p -> p.location() != null)
                        .map(p -> p.location()).collect(java.util.stream.Collectors.toSet()))
                        .as(r.report().summary()).containsAll(independent.unbuildable);
                assertThat(r.report().problems().stream().filter(p -> p.location() == null).count())
                        .isEqualTo(independent.get("relation other") > 0 ? 1 : 0);
                assertThat(r.layer().featureCount()).isEqualTo(got.values().stream().mapToInt(i -> i).sum());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void banksAsOsmiumCountsThemWithEveryTagAsText(String kind) throws Exception {
        try (TestStore t = open(kind)) {
            ContextLayer banks = new ContextLayerImporter(t.store(), ImportLimits.DEFAULT)
                    .run(request("banks", "amenity=bank")).layer();
            assertThat(banks.featureCount()).isEqualTo(64); // SOURCE.txt (osmium): amenity=bank 64
            assertThat(banks.attribute("osm_id").orElseThrow().type()).isEqualTo(AttributeType.INTEGER);
            assertThat(banks.attributes()).allSatisfy(a -> assertThat(a.type())
                    .isEqualTo(a.name().equals("osm_id") ? AttributeType.INTEGER : AttributeType.TEXT));
            assertThat(banks.attributes().get(0).name()).isEqualTo("osm_id");
            assertThat(banks.attributes().get(1).name()).isEqualTo("osm_type");
            assertThat(banks.attribute("amenity")).isPresent();
            assertThat(banks.bbox().getMinX()).isBetween(83.749, 84.143);
            List<ContextFeature> all = t.store().contextLayers().query(banks, new FeatureQuery(null, 0, 100))
                    .features();
            assertThat(all).allSatisfy(f -> assertThat(f.attributes()).containsEntry("amenity", "bank"));
            assertThat(all).extracting(f -> f.attributes().get("osm_id")).doesNotContainNull().doesNotHaveDuplicates();

            ContextLayer industrial = new ContextLayerImporter(t.store(), ImportLimits.DEFAULT)
                    .run(request("industrial", "landuse=industrial")).layer();
            assertThat(industrial.featureCount()).isEqualTo(18); // SOURCE.txt: landuse=industrial 18
            assertThat(industrial.geometryKind()).isEqualTo(GeometryKind.POLYGON);
            ContextLayer crafts = new ContextLayerImporter(t.store(), ImportLimits.DEFAULT)
                    .run(request("crafts", "craft=*")).layer();
            assertThat(crafts.featureCount()).isEqualTo(23); // SOURCE.txt: craft=* 23
        }
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void anOsmFileWithoutAFilterOrWithoutAMatchIsRefusedAndChangesNothing(String kind) throws Exception {
        try (TestStore t = open(kind)) {
            ContextLayerImporter importer = new ContextLayerImporter(t.store(), ImportLimits.DEFAULT);
            // built outside the lambdas: without the shared data the test skips rather than taking the skip as thrown
            ContextLayerImporter.Request unfiltered = request("osm", null);
            ContextLayerImporter.Request unmatched = request("osm", "amenity=no_such_thing admin_level=*");
            assertThatThrownBy(() -> importer.run(unfiltered)).isInstanceOf(ImportFailedException.class)
                    .hasMessageContaining("pokhara-2016-06-04.osm.pbf").hasMessageContaining("--osm-filter");
            assertThatThrownBy(() -> importer.run(unmatched))
                    .isInstanceOf(ImportFailedException.class)
                    .hasMessageContaining("no feature matched the OSM filter 'amenity=no_such_thing admin_level=*'");
            Path geojson = Path.of("src/test/resources/boundaries/south-asia-countries.geojson");
            assertThatThrownBy(() -> importer.run(new ContextLayerImporter.Request(List.of(geojson), null, "osm", null,
                    null, null, null, null, null, OsmFilter.parse("boundary=administrative"))))
                    .isInstanceOf(ImportFailedException.class).hasMessageContaining("south-asia-countries.geojson")
                    .hasMessageContaining("for OpenStreetMap PBF files");
            assertThat(t.store().contextLayers().layers()).isEmpty();
        }
    }
}
