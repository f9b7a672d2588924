package org.clustergrid.register.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.clustergrid.ingest.ImportFailedException;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.ingest.ImportRequest;
import org.clustergrid.ingest.Importer;
import org.clustergrid.ingest.SourceKind;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerProperties;
import org.clustergrid.register.Author;
import org.clustergrid.register.ClusterInput.Draft;
import org.clustergrid.register.ClusterRegister;
import org.clustergrid.register.ClusterVersion;
import org.clustergrid.store.ClusterRows;
import org.clustergrid.store.DatasetInfo;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

/**
 * The register's round trip on both stores and in each format: a register of several datasets (the demo region, a
 * cluster made by editing in dataset {@code register}, one with every Identification field and awkward numbers)
 * exported, restored into a fresh store with the same IDs, fields and footprints exactly; restored into itself
 * untouched it gains no version; with three records changed, exactly three, naming the file.
 */
class RegisterRoundTripTest {
    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String kind : List.of("h2gis", "postgis")) {
            for (ExportFormat f : ExportFormat.values()) {
                out.add(Arguments.of(kind, f));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void theRegisterComesBackUnchanged(String kind, ExportFormat format, @TempDir Path dir) throws Exception {
        try (TestStore a = TestStore.of(kind, dir.resolve("a")); TestStore b = TestStore.of(kind, dir.resolve("b"))) {
            SpatialStore store = a.store();
            ClusterRegister register = new ClusterRegister(store);
            fill(store, register);
            Path file = dir.resolve("register." + format.extension());
            Map<String, Integer> counts = new RegisterExport(store).write(format, null, file);
            assertThat(counts).containsEntry("clusters", all(store).size());
            assertThat(dir.toFile().list()).as("no part left").allMatch(n -> !n.endsWith(".part"));

            new ClusterRegister(b.store());
            new RegisterRestore(b.store(), ImportLimits.DEFAULT).run(file, false);
            assertThat(snapshot(b.store())).isEqualTo(snapshot(store));
            String next = register(b.store()).create(draft(Map.of("name", "Made after"), "POINT (80.2 20.2)"),
                    new Author("ed", "key", null)).feature().layerId();
            assertThat(snapshot(store)).as("a new ID after the restored ones").doesNotContainKey(next);

            int before = versions(store, register);
            RegisterRestore.Result again = new RegisterRestore(store, ImportLimits.DEFAULT).run(file, false);
            assertThat(again.clustersByDataset()).containsKeys("demo", "register", "grid");
            assertThat(versions(store, register)).as("an untouched export makes no version").isEqualTo(before);

            List<String> changed = changeThree(format, file);
            Map<String, Map<String, String>> expected = snapshot(store);
            new RegisterRestore(store, ImportLimits.DEFAULT).run(file, false);
            assertThat(versions(store, register)).isEqualTo(before + 3);
            for (String id : changed) {
                ClusterVersion last = register.history(id).get(register.history(id).size() - 1);
                assertThat(last.comment()).endsWith("from " + file.getFileName());
                assertThat(last.changes()).extracting(c -> c.field()).containsExactly("firms");
                expected.get(id).put("firms", String.valueOf(Integer.parseInt(expected.get(id).get("firms")) + 1));
            }
            assertThat(snapshot(store)).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void badInputRestoresNothingAndNamesTheLine(String kind, @TempDir Path dir) throws Exception {
        try (TestStore t = TestStore.of(kind, dir.resolve("s"))) {
            SpatialStore store = t.store();
            ClusterRegister register = new ClusterRegister(store);
            fill(store, register);
            Path file = dir.resolve("register.csv");
            new RegisterExport(store).write(ExportFormat.CSV, null, file);
            Map<String, Map<String, String>> before = snapshot(store);
            List<String> lines = new ArrayList<>(Files.readAllLines(file));
            lines.set(3, lines.get(3).replaceFirst(",demo,", ",Not A Dataset,"));
            Files.write(file, lines);
            assertThatThrownBy(() -> new RegisterRestore(store, ImportLimits.DEFAULT).run(file, false))
                    .isInstanceOf(ImportFailedException.class)
                    .satisfies(e -> assertThat(((ImportFailedException) e).report().summary())
                            .contains("register.csv, line 4, field 'dataset'"));
            assertThat(snapshot(store)).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void gdalReadsTheGeoPackage(String kind, @TempDir Path dir) throws Exception {
        assumeOgrinfo();
        try (TestStore t = TestStore.of(kind, dir.resolve("s"))) {
            SpatialStore store = t.store();
            fill(store, new ClusterRegister(store));
            Path file = dir.resolve("register.gpkg");
            new RegisterExport(store).write(ExportFormat.GPKG, null, file);
            String out = ogrinfo("-so", file.toString(), "clusters");
            assertThat(out).contains("GPKG").contains("Feature Count: " + all(store).size())
                    .contains("informal_share: Real").contains("firms: Integer").doesNotContain("ERROR");
        }
    }

    /** The demo region's clusters, a cluster made by editing, one with the whole Identification grid. */
    static void fill(SpatialStore store, ClusterRegister register) throws Exception {
        new Importer(store).run(new ImportRequest(SourceKind.CLUSTERS, ImportRequest.sources(
                List.of(Path.of("gis-data/demo/clusters.geojson")), null), new DatasetInfo("demo", "Demo", null, null,
                null, true), null, false, false));
        register.create(draft(Map.of("name", "Riverside Looms", "firms", 40, "markets_served", "local;regional"),
                "POINT (80.25 20.31)"), new Author("ed", "key", null));
        Map<String, Object> grid = new LinkedHashMap<>();
        grid.put("source_id", "g-1");
        grid.put("name", "Ämbervale \"Brass\", lamps\nand more");
        grid.put("firms", 12);
        grid.put("employment", 340);
        grid.put("status", "growing");
        grid.put("emergence_year", 1978);
        grid.put("product_markets", List.of(Map.of("product", "brass lamps", "market", "global", "share", 55.5),
                Map.of("product", "utensils", "market", "local")));
        grid.put("informal_share", 0.1 + 0.2);
        grid.put("associations", List.of("Riverside Brass Guild", "Lamp; Makers"));
        grid.put("support_institutions", List.of("Metal Craft Design Centre"));
        grid.put("contact_organisation", "Guild");
        grid.put("contact_email", "guild@example.org");
        grid.put("contact_url", "https://example.org/guild");
        store.importDataset(new DatasetInfo("grid", "Grid", null, null, null, false), new org.clustergrid.ingest
                .ImportReport(), w -> w.write(LayerProperties.toFeature(Layer.CLUSTERS, "g-1", new WKTReader().read(
                        "POLYGON ((80.1234567890123 20.1, 80.2 20.1000000000001, 80.2 20.2, 80.1234567890123 20.1))"),
                        grid, Map.of("country_iso2", "IN", "note", "x", "n", 1.5e-7)), "grid.csv", "line 2"));
    }

    static Draft draft(Map<String, Object> props, String wkt) throws Exception {
        return new Draft(Map.of(), props, Map.of("country_iso2", "IN"), new WKTReader().read(wkt), List.of(), null);
    }

    static ClusterRegister register(SpatialStore store) {
        return new ClusterRegister(store);
    }

    static List<StoredFeature> all(SpatialStore store) throws Exception {
        try (Connection c = store.dataSource().getConnection()) {
            return ClusterRows.of(store).all(c, null);
        }
    }

    /** Every cluster by its ID: dataset, canonical fields, attributes and the footprint's WKB, exactly. */
    static Map<String, Map<String, String>> snapshot(SpatialStore store) throws Exception {
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (StoredFeature f : all(store)) {
            Cluster c = (Cluster) f.feature();
            Map<String, String> m = new TreeMap<>();
            m.put("dataset", f.datasetId());
            LayerProperties.of(c).forEach((k, v) -> m.put(k, String.valueOf(v)));
            m.put("attributes", String.valueOf(new TreeMap<>(c.attributes())));
            m.put("wkb", Arrays.toString(new WKBWriter(2).write(c.footprint())));
            out.put(c.clusterGridId(), m);
        }
        return out;
    }

    static int versions(SpatialStore store, ClusterRegister register) throws Exception {
        int n = 0;
        for (StoredFeature f : all(store)) {
            n += register.history(f.layerId()).size();
        }
        return n;
    }

    /** Adds one firm to three records of the file, as a user editing it would; their IDs. */
    static List<String> changeThree(ExportFormat format, Path file) throws Exception {
        List<String> ids = new ArrayList<>();
        switch (format) {
            case CSV -> rewriteCsv(file, (header, values) -> {
                int firms = header.indexOf("firms");
                if (ids.size() < 3 && !values.get(firms).isEmpty()) {
                    values.set(firms, String.valueOf(Integer.parseInt(values.get(firms)) + 1));
                    ids.add(values.get(header.indexOf("cluster_grid_id")));
                }
            });
            case GEOJSON -> rewriteGeoJson(file, p -> {
                if (ids.size() < 3 && p.get("firms").isNumber()) {
                    p.put("firms", p.get("firms").asInt() + 1);
                    ids.add(p.get("cluster_grid_id").asText());
                }
            });
            case GPKG -> ids.addAll(updateGeoPackage(file, "SELECT cluster_grid_id FROM clusters WHERE firms IS NOT NULL"
                    + " ORDER BY fid LIMIT 3", "UPDATE clusters SET firms = firms + 1 WHERE fid IN (SELECT fid FROM"
                    + " clusters WHERE firms IS NOT NULL ORDER BY fid LIMIT 3)"));
        }
        assertThat(ids).hasSize(3);
        return ids;
    }

    /** Rewrites a CSV file as a user editing it would: {@code edit} gets the header and each record's values. */
    static void rewriteCsv(Path file, java.util.function.BiConsumer<List<String>, List<String>> edit)
            throws Exception {
        List<CSVRecord> records;
        List<String> header;
        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(file))) {
            header = parser.getHeaderNames();
            records = parser.getRecords();
        }
        try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(file), CSVFormat.RFC4180.builder()
                .setHeader(header.toArray(String[]::new)).build())) {
            for (CSVRecord r : records) {
                List<String> values = new ArrayList<>(r.toList());
                edit.accept(header, values);
                out.printRecord(values);
            }
        }
    }

    /** Rewrites a GeoJSON FeatureCollection: {@code edit} gets each feature's properties. */
    static void rewriteGeoJson(Path file, java.util.function.Consumer<ObjectNode> edit) throws Exception {
        ObjectNode fc = (ObjectNode) TableFile.JSON.readTree(file.toFile());
        for (var f : (ArrayNode) fc.get("features")) {
            edit.accept((ObjectNode) f.get("properties"));
        }
        TableFile.JSON.writeValue(file.toFile(), fc);
    }

    /** Changes a GeoPackage as a user editing it would: the first column of {@code select}, then {@code update}. */
    static List<String> updateGeoPackage(Path file, String select, String update) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            try (var rs = s.executeQuery(select)) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            s.executeUpdate(update);
        }
        return ids;
    }

    static void assumeOgrinfo() {
        assumeTrue(Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(p -> Files.isExecutable(Path.of(p, "ogrinfo"))), "gdal-bin (ogrinfo) is not installed");
    }

    /** What {@code ogrinfo} with these arguments prints; it must succeed. */
    static String ogrinfo(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("ogrinfo"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
