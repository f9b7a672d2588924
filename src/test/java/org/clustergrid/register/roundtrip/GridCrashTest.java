package org.clustergrid.register.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clustergrid.register.ClusterRegister;
import org.clustergrid.register.interventions.InterventionGrid;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoreFactory;
import org.clustergrid.store.StoreSettings;
import org.clustergrid.testing.KilledChild;
import org.clustergrid.testing.PostgisTestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Writes of the Intervention grid are crash-safe: a process writing rows (portfolio projects at two clusters in one
 * transaction, rows entered, rows changed), or restoring the register again and again, is killed (SIGKILL) at
 * several moments; each time the store reopens with every row at its latest version — versions 1 to n, the row's
 * state that of version n — a portfolio project's rows both there or neither, and a restore wholly in or wholly out.
 * On both stores, as {@code EditCrashTest} for the clusters.
 */
class GridCrashTest {
    static final int ROUNDS = 2;

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void killedRowWritesLeaveRowsAndVersionsTogether(String kind, @TempDir Path dir) throws Exception {
        StoreSettings settings = prepare(kind, dir);
        try {
            int committed = 0;
            for (int round = 0; round < ROUNDS; round++) {
                committed += kill(arg(kind, settings, dir), List.of("rows"), 300 + round * 500L);
                try (SpatialStore s = StoreFactory.open(settings)) {
                    Map<String, Integer> projects = new HashMap<>();
                    for (Map.Entry<Long, String[]> row : consistentRows(s).entrySet()) {
                        if (row.getValue()[1] != null) {
                            projects.merge(row.getValue()[1], 1, Integer::sum);
                        }
                    }
                    assertThat(projects.values()).as("round %d: a project's two rows, or none", round)
                            .allMatch(n -> n == 2);
                    System.out.printf("grid crash %s round %d: %d writes reported in all; %d projects%n", kind,
                            round, committed, projects.size());
                }
            }
            assertThat(committed).as("writes were made between the kills").isGreaterThan(ROUNDS);
        } finally {
            drop(kind, settings);
        }
    }

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void aKilledRestoreIsWhollyInOrOut(String kind, @TempDir Path dir) throws Exception {
        StoreSettings settings = prepare(kind, dir);
        Path a = dir.resolve("a/register.geojson");
        Path b = dir.resolve("b/register.geojson");
        int rows;
        try (SpatialStore s = StoreFactory.open(settings)) {
            Files.createDirectories(a.getParent());
            Files.createDirectories(b.getParent());
            new RegisterExport(s).write(ExportFormat.GEOJSON, null, a);
            new RegisterExport(s).write(ExportFormat.GEOJSON, null, b);
            rows = consistentRows(s).size();
        }
        // B: every row of the grid retitled, so that each restore changes them all
        Path bRows = b.resolveSibling("register-interventions.geojson");
        JsonNode grid = TableFile.JSON.readTree(bRows.toFile());
        for (JsonNode f : grid.path("features")) {
            ObjectNode p = (ObjectNode) f.path("properties");
            p.put("title", "B " + p.path("title").asText());
        }
        TableFile.JSON.writeValue(bRows.toFile(), grid);
        try {
            int restores = 0;
            for (int round = 0; round < ROUNDS; round++) {
                restores += kill(arg(kind, settings, dir), List.of("restore", a.toString(), b.toString()),
                        400 + round * 600L);
                try (SpatialStore s = StoreFactory.open(settings)) {
                    Map<Long, String[]> now = consistentRows(s);
                    assertThat(now).as("round %d: no row made or lost", round).hasSize(rows);
                    Set<Boolean> fromB = new HashSet<>();
                    now.values().forEach(r -> fromB.add(r[0].startsWith("B ")));
                    assertThat(fromB).as("round %d: every row from the same file", round).hasSize(1);
                    System.out.printf("restore crash %s round %d: %d restores reported in all; the grid from %s%n",
                            kind, round, restores, fromB.contains(true) ? "B" : "A");
                }
            }
            assertThat(restores).as("restores were made between the kills").isGreaterThan(ROUNDS);
        } finally {
            drop(kind, settings);
        }
    }

    /** A store with the round trip's clusters and grid, and a portfolio project accepted at two clusters. */
    private static StoreSettings prepare(String kind, Path dir) throws Exception {
        StoreSettings settings = kind.equals("h2gis") ? StoreSettings.h2gis(dir.resolve("store"))
                : PostgisTestDatabase.freshSchema();
        try (SpatialStore s = StoreFactory.open(settings)) {
            InterventionGrid grid = RegisterInterventionsRoundTripTest.fill(s);
            List<String> clusters = grid.all().stream().map(r -> r.row().clusterGridId()).distinct().toList();
            grid.accept(List.of(GridWritingChild.planned(clusters.get(0), "bank-1"),
                    GridWritingChild.planned(clusters.get(1), "bank-1")), RegisterInterventionsRoundTripTest.ED);
            new ClusterRegister(s);
        }
        return settings;
    }

    private static String arg(String kind, StoreSettings settings, Path dir) {
        return kind.equals("h2gis") ? dir.resolve("store").toString() : "postgis:" + settings.postgisSchema();
    }

    private static void drop(String kind, StoreSettings settings) {
        if (!kind.equals("h2gis")) {
            PostgisTestDatabase.dropSchema(settings);
        }
    }

    /**
     * Every stored row, checked: its versions numbered 1 to its version, the latest holding the row's title, status
     * and deletion. Answers {title, project} by row number.
     */
    static Map<Long, String[]> consistentRows(SpatialStore s) throws Exception {
        Map<Long, String[]> out = new HashMap<>();
        Map<Long, List<Integer>> numbers = new HashMap<>();
        Map<Long, JsonNode> latest = new HashMap<>();
        try (Connection c = s.dataSource().getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT intervention_id, version, state FROM"
                    + " cluster_intervention_version ORDER BY intervention_id, version")) {
                while (rs.next()) {
                    numbers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getInt(2));
                    latest.put(rs.getLong(1), TableFile.JSON.readTree(rs.getString(3)));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT id, version, title, status, deleted, project FROM"
                    + " cluster_intervention")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    int version = rs.getInt(2);
                    List<Integer> want = new ArrayList<>();
                    for (int v = 1; v <= version; v++) {
                        want.add(v);
                    }
                    assertThat(numbers.get(id)).as("row %d's versions", id).isEqualTo(want);
                    JsonNode state = latest.get(id);
                    assertThat(state.path("title").asText()).as("row %d", id).isEqualTo(rs.getString(3));
                    assertThat(state.path("status").asText()).as("row %d", id).isEqualTo(rs.getString(4));
                    assertThat(state.path("deleted").asBoolean()).as("row %d", id).isEqualTo(rs.getBoolean(5));
                    out.put(id, new String[] {rs.getString(3), rs.getString(6)});
                }
            }
        }
        assertThat(numbers.keySet()).as("no version without its row").isEqualTo(out.keySet());
        return out;
    }

    private static int kill(String store, List<String> args, long millis) throws Exception {
        List<String> all = new ArrayList<>(List.of(store));
        all.addAll(args);
        return KilledChild.killAfter(GridWritingChild.class, all, "WROTE", millis);
    }
}
