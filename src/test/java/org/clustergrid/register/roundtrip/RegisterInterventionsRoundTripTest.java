package org.clustergrid.register.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.clustergrid.ingest.ImportFailedException;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.model.Cluster;
import org.clustergrid.register.Author;
import org.clustergrid.register.ClusterRegister;
import org.clustergrid.register.interventions.GapSource;
import org.clustergrid.register.interventions.GridRow;
import org.clustergrid.register.interventions.InterventionGrid;
import org.clustergrid.register.interventions.InterventionInput;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Point;

/**
 * The Intervention grid in the register's round trip, on both stores and in each format: entered rows (one deleted),
 * a computed row edited and one dismissed, exported and restored into a fresh store, give the same grid row for row
 * and keep the ids taken; an untouched re-import makes no version, two rows changed in the file make two.
 */
class RegisterInterventionsRoundTripTest {
    static final Author ED = new Author("ed", "key", null);

    static Stream<org.junit.jupiter.params.provider.Arguments> cases() {
        return RegisterRoundTripTest.cases();
    }

    /** A run with three gaps on each of the first two clusters (in ID order), the same for every store. */
    static GapSource gaps(SpatialStore store) throws Exception {
        List<Cluster> all = new ArrayList<>();
        for (StoredFeature f : RegisterRoundTripTest.all(store)) {
            all.add((Cluster) f.feature());
        }
        all.sort(java.util.Comparator.comparing(Cluster::clusterGridId));
        List<GapSource.ClusterGaps> clusters = new ArrayList<>();
        for (Cluster c : all) {
            Point p = c.footprint().getInteriorPoint();
            clusters.add(new GapSource.ClusterGaps(c.clusterGridId(), p, clusters.size() >= 2 ? List.of() : List.of(
                    new GapSource.Gap("bank_distance", "22.5 km to the nearest bank", "Bank branch"),
                    new GapSource.Gap("road_distance", "9 km to a road", "Road link"),
                    new GapSource.Gap("grid_distance", "4 km to a line", "Power line"))));
        }
        GapSource.Run run = new GapSource.Run("run-1", Instant.parse("2026-12-01T00:00:00Z"), clusters);
        return () -> run;
    }

    static JsonNode feature(String cluster, String title, String extra) throws Exception {
        return TableFile.JSON.readTree("{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"cluster_grid_id\":\""
                + cluster + "\",\"category\":\"skills_labour\",\"title\":\"" + title + "\"" + extra + "}}");
    }

    static InterventionGrid fill(SpatialStore store) throws Exception {
        ClusterRegister register = new ClusterRegister(store);
        RegisterRoundTripTest.fill(store, register);
        GapSource gaps = gaps(store);
        InterventionGrid grid = new InterventionGrid(store, register, gaps);
        String a = gaps.current().clusters().get(0).clusterGridId();
        String b = gaps.current().clusters().get(1).clusterGridId();
        grid.create(feature(a, "Weaving \\\"apprenticeships\\\", two",
                ",\"status\":\"planned\",\"budget\":1200.5,\"currency\":\"NPR\",\"start_date\":\"2027-01-01\","
                        + "\"end_date\":\"2027-06-30\",\"agency\":\"DCSI\",\"notes\":\"line one\\nline two\""), ED);
        String gone = grid.create(feature(b, "Dropped idea", ""), ED).row().row().id();
        grid.create(feature(b, "Common facility centre", ",\"budget\":99999999999999.99,\"currency\":\"USD\""), ED);
        grid.delete(gone, "*", ED);
        JsonNode patch = TableFile.JSON.readTree("{\"properties\":{\"status\":\"under_way\",\"agency\":\"NEA\"}}");
        grid.change(a + ".grid_distance", "*", patch, f -> InterventionInput.patch(f, patch), "update", ED);
        grid.delete(b + ".road_distance", "*", ED);
        return grid;
    }

    /** The grid as a user sees it, every row of every cluster: its id and properties but the version's record. */
    static Map<String, Map<String, Object>> seen(InterventionGrid grid) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        for (GridRow r : grid.all()) {
            Map<String, Object> p = new TreeMap<>(r.properties());
            p.keySet().removeAll(List.of("version", "changed_by", "changed_at"));
            p.computeIfPresent("budget", (k, v) -> new java.math.BigDecimal(v.toString()).toPlainString());
            out.put(r.row().id(), p);
        }
        return out;
    }

    static int versions(SpatialStore store) throws Exception {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM cluster_intervention_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void theGridComesBackUnchanged(String kind, ExportFormat format, @TempDir Path dir) throws Exception {
        try (TestStore a = TestStore.of(kind, dir.resolve("a")); TestStore b = TestStore.of(kind, dir.resolve("b"))) {
            SpatialStore store = a.store();
            InterventionGrid grid = fill(store);
            Path file = dir.resolve("register." + format.extension());
            Map<String, Integer> counts = new RegisterExport(store).write(format, null, file);
            assertThat(counts).containsEntry("interventions", 5);
            if (format != ExportFormat.GPKG) {
                assertThat(dir.resolve("register-interventions." + format.extension())).isRegularFile();
            }

            ClusterRegister registerB = new ClusterRegister(b.store());
            RegisterRestore.Result r = new RegisterRestore(b.store(), ImportLimits.DEFAULT).run(file, false);
            assertThat(r.interventions()).isEqualTo(5);
            InterventionGrid gridB = new InterventionGrid(b.store(), registerB, gaps(b.store()));
            assertThat(seen(gridB)).isEqualTo(seen(grid)).hasSize(2 * 3 + 2 - 1 - 1 + 1);
            String next = gridB.create(feature(gaps(b.store()).current().clusters().get(0).clusterGridId(), "New",
                    ""), ED).row().row().id();
            long highest = seen(grid).keySet().stream().filter(id -> id.matches("\\d+")).mapToLong(Long::parseLong)
                    .max().orElseThrow();
            assertThat(Long.parseLong(next)).as("a deleted row's id is not given again").isGreaterThan(highest + 1);

            int before = versions(store);
            RegisterRestore.Result again = new RegisterRestore(store, ImportLimits.DEFAULT).run(file, false);
            assertThat(again.interventionVersions()).isZero();
            assertThat(versions(store)).as("an untouched export makes no version").isEqualTo(before);

            List<String> changed = changeTwo(format, file);
            new RegisterRestore(store, ImportLimits.DEFAULT).run(file, false);
            assertThat(versions(store)).isEqualTo(before + 2);
            Map<String, Map<String, Object>> now = seen(grid);
            for (String id : changed) {
                if (now.containsKey(id)) { // a deleted row is changed, but stays out of the grid
                    assertThat(now.get(id)).containsEntry("title", "Changed " + id);
                }
                var last = grid.history(id).get(grid.history(id).size() - 1);
                assertThat(last.actor()).isEqualTo("import");
                assertThat(last.state()).containsEntry("title", "Changed " + id);
                assertThat(last.comment()).isEqualTo("import of the register from " + (format == ExportFormat.GPKG
                        ? file.getFileName() : "register-interventions." + format.extension()));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void aBadRowRestoresNothingAndNamesFileLineAndField(String kind, @TempDir Path dir) throws Exception {
        try (TestStore t = TestStore.of(kind, dir.resolve("s")); TestStore fresh = TestStore.of(kind,
                dir.resolve("f"))) {
            fill(t.store());
            Path file = dir.resolve("register.csv");
            new RegisterExport(t.store()).write(ExportFormat.CSV, null, file);
            Path rows = dir.resolve("register-interventions.csv");
            List<String> lines = new ArrayList<>(Files.readAllLines(rows));
            int i = 0;
            while (!lines.get(i).contains(",Common facility centre,")) {
                i++;
            }
            lines.set(i, lines.get(i).replace(",USD,", ",dollars,"));
            Files.write(rows, lines);
            new ClusterRegister(fresh.store());
            final int line = i + 1;
            assertThatThrownBy(() -> new RegisterRestore(fresh.store(), ImportLimits.DEFAULT).run(file, false))
                    .isInstanceOf(ImportFailedException.class)
                    .satisfies(e -> assertThat(((ImportFailedException) e).report().summary())
                            .contains("register-interventions.csv, line " + line + ", field 'currency'"));
            assertThat(RegisterRoundTripTest.all(fresh.store())).as("no cluster restored either").isEmpty();
            assertThat(versions(fresh.store())).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void gdalListsTheTables(String kind, @TempDir Path dir) throws Exception {
        RegisterRoundTripTest.assumeOgrinfo();
        try (TestStore t = TestStore.of(kind, dir.resolve("s"))) {
            fill(t.store());
            Path file = dir.resolve("register.gpkg");
            new RegisterExport(t.store()).write(ExportFormat.GPKG, null, file);
            assertThat(RegisterRoundTripTest.ogrinfo("-so", file.toString())).contains("1: clusters")
                    .contains("2: datasets").contains("3: interventions (None)").doesNotContain("ERROR");
            assertThat(RegisterRoundTripTest.ogrinfo("-so", file.toString(), "interventions")).contains("Feature Count: 5").contains("budget: String").contains("version: Integer")
                    .doesNotContain("ERROR");
        }
    }

    /** Retitles the first two rows of the interventions table, as a user editing the file would; their ids. */
    static List<String> changeTwo(ExportFormat format, Path file) throws Exception {
        List<String> ids = new ArrayList<>();
        switch (format) {
            case CSV -> RegisterRoundTripTest.rewriteCsv(RegisterTables.fileOf(file, 1), (header, values) -> {
                if (ids.size() < 2) {
                    String id = values.get(header.indexOf("id"));
                    values.set(header.indexOf("title"), "Changed " + id);
                    ids.add(id);
                }
            });
            case GEOJSON -> RegisterRoundTripTest.rewriteGeoJson(RegisterTables.fileOf(file, 1), p -> {
                if (ids.size() < 2) {
                    p.put("title", "Changed " + p.get("id").asText());
                    ids.add(p.get("id").asText());
                }
            });
            case GPKG -> ids.addAll(RegisterRoundTripTest.updateGeoPackage(file, "SELECT id FROM interventions"
                    + " ORDER BY fid LIMIT 2", "UPDATE interventions SET title = 'Changed ' || id WHERE fid IN"
                    + " (SELECT fid FROM interventions ORDER BY fid LIMIT 2)"));
        }
        assertThat(ids).hasSize(2);
        return ids;
    }
}
