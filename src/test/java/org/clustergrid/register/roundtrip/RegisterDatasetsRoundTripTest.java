package org.clustergrid.register.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.clustergrid.ingest.ImportFailedException;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.model.Coverage;
import org.clustergrid.model.Dataset;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerProperties;
import org.clustergrid.register.ClusterRegister;
import org.clustergrid.store.DatasetInfo;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * The datasets' metadata in the register's round trip, on both stores and in each format: title, source, licence,
 * attribution, synthetic and coverage come back into a fresh store; a dataset without a recorded coverage comes back
 * without one; the file's metadata replaces a store's that differs; a file exported before the datasets were restores
 * as it did; bad records refuse the whole restore, naming the file, the line or feature and the column.
 */
class RegisterDatasetsRoundTripTest {
    static Stream<Arguments> cases() {
        return RegisterRoundTripTest.cases();
    }

    /** The register of {@link RegisterRoundTripTest#fill}, and a dataset with every piece of metadata set. */
    static void fill(SpatialStore store) throws Exception {
        RegisterRoundTripTest.fill(store, new ClusterRegister(store));
        Geometry area = new WKTReader().read("MULTIPOLYGON (((80.0000000000001 20, 80.6 20, 80.6 20.7, 80 20.7,"
                + " 80.0000000000001 20), (80.1 20.1, 80.1 20.2, 80.2 20.2, 80.1 20.1)), ((81 21, 81.5 21, 81.5 21.5,"
                + " 81 21)))");
        Coverage declared = new Coverage(area, Set.of(Layer.CLUSTERS, Layer.FINANCE), Coverage.Method.DECLARED,
                "the survey's districts, \"as drawn\"");
        store.importDataset(new DatasetInfo("survey", "Survey, 2026 \"Crafts\"", "https://example.org/survey.csv",
                "CC-BY 4.0", "© Survey team\nand partners", false, declared, Set.of(Layer.CLUSTERS, Layer.FINANCE)),
                new ImportReport(), w -> w.write(LayerProperties.toFeature(Layer.CLUSTERS, "s-1", new WKTReader().read(
                        "POINT (80.3 20.3)"), Map.of("name", "Survey Looms", "firms", 7), Map.of("country_iso2",
                        "IN")), "survey.csv", "line 2"));
    }

    /** Each dataset's metadata but the area: title, source, licence, attribution, synthetic, coverage's rest. */
    static Map<String, List<Object>> metadata(SpatialStore store) {
        Map<String, List<Object>> out = new TreeMap<>();
        for (Dataset d : store.datasets()) {
            Coverage c = d.coverage();
            out.put(d.id(), Arrays.asList(d.title(), d.source(), d.licence(), d.attribution(), d.synthetic(),
                    c == null ? null : c.method(), c == null ? null : c.layers(),
                    c == null ? null : c.description()));
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void theDatasetsComeBackUnchanged(String kind, ExportFormat format, @TempDir Path dir) throws Exception {
        try (TestStore a = TestStore.of(kind, dir.resolve("a")); TestStore b = TestStore.of(kind, dir.resolve("b"))) {
            SpatialStore store = a.store();
            fill(store);
            assertThat(store.dataset("register").orElseThrow().coverage()).as("made by editing: none recorded")
                    .isNull();
            Path file = dir.resolve("register." + format.extension());
            Map<String, Integer> counts = new RegisterExport(store).write(format, null, file);
            assertThat(counts).containsEntry("datasets", 4);
            if (format != ExportFormat.GPKG) {
                assertThat(dir.resolve("register-datasets." + format.extension())).isRegularFile();
            }

            new ClusterRegister(b.store());
            RegisterRestore.Result r = new RegisterRestore(b.store(), ImportLimits.DEFAULT).run(file, false);
            assertThat(r.datasetsMade()).isEqualTo(4);
            assertThat(r.datasetsChanged()).isZero();
            assertThat(metadata(b.store())).isEqualTo(metadata(store)).hasSize(4);
            assertThat(b.store().dataset("register").orElseThrow().coverage()).isNull();
            for (Dataset d : store.datasets()) {
                if (d.coverage() != null) {
                    Geometry restored = b.store().dataset(d.id()).orElseThrow().coverage().area();
                    assertThat(restored.equalsTopo(d.coverage().area())).as(d.id() + " " + restored).isTrue();
                }
            }

            long before = store.dataVersion();
            RegisterRestore.Result again = new RegisterRestore(store, ImportLimits.DEFAULT).run(file, false);
            assertThat(again.datasetsMade()).isZero();
            assertThat(again.datasetsChanged()).as("an untouched export changes no dataset").isZero();

            retitle(format, file, "survey", "Survey, revised");
            Map<String, List<Object>> expected = metadata(store);
            expected.get("survey").set(0, "Survey, revised");
            RegisterRestore.Result changed = new RegisterRestore(store, ImportLimits.DEFAULT).run(file, false);
            assertThat(changed.datasetsChanged()).isEqualTo(1);
            assertThat(metadata(store)).as("the file's metadata replaces the store's").isEqualTo(expected);
            assertThat(store.dataVersion()).as("the data version follows").isGreaterThan(before + 1);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void aFileWithoutTheDatasetsRestoresAsBefore(String kind, ExportFormat format, @TempDir Path dir)
            throws Exception {
        try (TestStore a = TestStore.of(kind, dir.resolve("a")); TestStore b = TestStore.of(kind, dir.resolve("b"))) {
            SpatialStore store = a.store();
            fill(store);
            Path file = dir.resolve("register." + format.extension());
            new RegisterExport(store).write(format, null, file);
            if (format == ExportFormat.GPKG) {
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                        Statement s = c.createStatement()) {
                    s.execute("DROP TABLE datasets");
                    s.execute("DELETE FROM gpkg_geometry_columns WHERE table_name = 'datasets'");
                    s.execute("DELETE FROM gpkg_contents WHERE table_name = 'datasets'");
                }
            } else {
                Files.delete(dir.resolve("register-datasets." + format.extension()));
            }
            new ClusterRegister(b.store());
            RegisterRestore.Result r = new RegisterRestore(b.store(), ImportLimits.DEFAULT).run(file, false);
            assertThat(r.datasetsMade()).isEqualTo(4);
            assertThat(RegisterRoundTripTest.snapshot(b.store())).isEqualTo(RegisterRoundTripTest.snapshot(store));
            Dataset survey = b.store().dataset("survey").orElseThrow();
            assertThat(survey.title()).isEqualTo("survey");
            assertThat(survey.source()).isEqualTo("register export " + file.getFileName());
            assertThat(survey.licence()).isNull();
            assertThat(survey.coverage()).isNull();

            Map<String, List<Object>> kept = metadata(store);
            RegisterRestore.Result again = new RegisterRestore(store, ImportLimits.DEFAULT).run(file, false);
            assertThat(again.datasetsChanged()).isZero();
            assertThat(metadata(store)).as("a store's own metadata stays").isEqualTo(kept);
        }
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void aBadDatasetRecordRestoresNothing(String kind, @TempDir Path dir) throws Exception {
        try (TestStore a = TestStore.of(kind, dir.resolve("a")); TestStore b = TestStore.of(kind, dir.resolve("b"))) {
            SpatialStore store = a.store();
            fill(store);
            new ClusterRegister(b.store());
            Map<String, Map<String, String>> clusters = RegisterRoundTripTest.snapshot(store);
            Map<String, List<Object>> kept = metadata(store);
            long version = store.dataVersion();
            List<Object[]> cases = List.of(
                    csv("owner", (h, v) -> v.add("someone"), true),
                    csv("wkt", (h, v) -> v.set(h.indexOf("wkt"), "POLYGON ((80 20, 81 20"), false),
                    csv("coverage_layers", (h, v) -> v.set(h.indexOf("coverage_layers"), "[\"clusters\",\"rivers\"]"),
                            false),
                    csv("dataset", (h, v) -> v.set(h.indexOf("dataset"), "elsewhere"), false),
                    csv("coverage_method", (h, v) -> v.set(h.indexOf("coverage_method"), "guessed"), false));
            for (Object[] c : cases) {
                Path file = export(store, dir.resolve("csv-" + c[0]), ExportFormat.CSV);
                @SuppressWarnings("unchecked")
                BiConsumer<List<String>, List<String>> edit = (BiConsumer<List<String>, List<String>>) c[1];
                Path datasets = file.resolveSibling("register-datasets.csv");
                boolean header = (Boolean) c[2];
                editCsv(datasets, (h, v) -> {
                    if (header && !h.contains(c[0])) {
                        h.add((String) c[0]);
                    }
                    if (v.get(0).equals("survey")) {
                        edit.accept(h, v);
                    } else if (header) {
                        v.add("");
                    }
                });
                refused(store, b.store(), file, "register-datasets.csv, line 5, field '" + c[0] + "'");
            }

            Path geojson = export(store, dir.resolve("geojson"), ExportFormat.GEOJSON);
            ObjectNode fc = (ObjectNode) TableFile.JSON.readTree(geojson.resolveSibling("register-datasets.geojson")
                    .toFile());
            ((ObjectNode) ((ArrayNode) fc.get("features")).get(3)).set("geometry", TableFile.JSON.readTree(
                    "{\"type\":\"Polygon\",\"coordinates\":[[[80,20],[81]]]}"));
            TableFile.JSON.writeValue(geojson.resolveSibling("register-datasets.geojson").toFile(), fc);
            refused(store, b.store(), geojson, "register-datasets.geojson, feature 4, field 'geometry'");

            Path gpkg = export(store, dir.resolve("gpkg"), ExportFormat.GPKG);
            RegisterRoundTripTest.updateGeoPackage(gpkg, "SELECT fid FROM datasets", "UPDATE datasets SET"
                    + " coverage_layers = '[\"rivers\"]' WHERE dataset = 'survey'");
            refused(store, b.store(), gpkg, "register.gpkg, feature 4, field 'coverage_layers'");
            Path gpkgColumn = export(store, dir.resolve("gpkg-column"), ExportFormat.GPKG);
            RegisterRoundTripTest.updateGeoPackage(gpkgColumn, "SELECT fid FROM datasets",
                    "ALTER TABLE datasets ADD COLUMN owner TEXT");
            refused(store, b.store(), gpkgColumn, "register.gpkg, feature 1, field 'owner'");

            assertThat(RegisterRoundTripTest.snapshot(store)).isEqualTo(clusters);
            assertThat(metadata(store)).isEqualTo(kept);
            assertThat(store.dataVersion()).as("no restore committed").isEqualTo(version);
            assertThat(b.store().datasets()).as("nothing made in the fresh store").isEmpty();
            assertThat(RegisterRoundTripTest.all(b.store())).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void gdalOpensTheDatasetsInEachFormat(String kind, @TempDir Path dir) throws Exception {
        RegisterRoundTripTest.assumeOgrinfo();
        try (TestStore t = TestStore.of(kind, dir.resolve("s"))) {
            fill(t.store());
            for (ExportFormat format : ExportFormat.values()) {
                Path file = dir.resolve("register." + format.extension());
                new RegisterExport(t.store()).write(format, null, file);
                String out = format == ExportFormat.GPKG ? RegisterRoundTripTest.ogrinfo("-so", file.toString(),
                        "datasets") : RegisterRoundTripTest.ogrinfo("-so", "-al", RegisterExport.fileOf(file,
                        "datasets").toString());
                // the areas are the layer's geometry: its extent is the survey's and the demo's coverage
                assertThat(out).as(format.name()).contains("Feature Count: 4").contains("Extent: (")
                        .contains("title: String").contains("coverage_layers: String").doesNotContain("ERROR");
            }
        }
    }

    /** A case of a bad CSV datasets file: the column named, the edit of the survey's record, a column added. */
    static Object[] csv(String column, BiConsumer<List<String>, List<String>> edit, boolean added) {
        return new Object[] {column, edit, added};
    }

    /** The export of {@code store} to {@code dir/register.<ext>}, the survey's title changed in it too. */
    static Path export(SpatialStore store, Path dir, ExportFormat format) throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve("register." + format.extension());
        new RegisterExport(store).write(format, null, file);
        retitle(format, file, "survey", "Not restored");
        return file;
    }

    /** Restoring {@code file} into either store fails, the report saying {@code where}. */
    static void refused(SpatialStore store, SpatialStore fresh, Path file, String where) {
        for (SpatialStore s : List.of(store, fresh)) {
            assertThatThrownBy(() -> new RegisterRestore(s, ImportLimits.DEFAULT).run(file, false))
                    .isInstanceOf(ImportFailedException.class)
                    .satisfies(e -> assertThat(((ImportFailedException) e).report().summary()).contains(where));
        }
    }

    /** Sets a dataset's title in the export's datasets table, as a user editing the file would. */
    static void retitle(ExportFormat format, Path file, String dataset, String title) throws Exception {
        switch (format) {
            case CSV -> editCsv(file.resolveSibling("register-datasets.csv"), (h, v) -> {
                if (v.get(h.indexOf("dataset")).equals(dataset)) {
                    v.set(h.indexOf("title"), title);
                }
            });
            case GEOJSON -> RegisterRoundTripTest.rewriteGeoJson(file.resolveSibling("register-datasets.geojson"),
                    p -> {
                        if (p.get("dataset").asText().equals(dataset)) {
                            p.put("title", title);
                        }
                    });
            case GPKG -> RegisterRoundTripTest.updateGeoPackage(file, "SELECT fid FROM datasets", "UPDATE datasets"
                    + " SET title = '" + title + "' WHERE dataset = '" + dataset + "'");
        }
    }

    /** Rewrites a CSV file: {@code edit} gets the header (which it may extend) and each record's values. */
    static void editCsv(Path file, BiConsumer<List<String>, List<String>> edit) throws Exception {
        List<CSVRecord> records;
        List<String> header;
        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(file))) {
            header = new ArrayList<>(parser.getHeaderNames());
            records = parser.getRecords();
        }
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord r : records) {
            List<String> values = new ArrayList<>(r.toList());
            edit.accept(header, values);
            rows.add(values);
        }
        try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(file), CSVFormat.RFC4180.builder()
                .setHeader(header.toArray(String[]::new)).build())) {
            for (List<String> values : rows) {
                out.printRecord(values);
            }
        }
    }
}
