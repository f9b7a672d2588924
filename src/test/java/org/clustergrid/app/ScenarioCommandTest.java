package org.clustergrid.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clustergrid.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario command as a user runs it: the Pokhara extract imported by the import command into a fresh embedded
 * store, then {@code scenario evaluate} on a GeoJSON file, its summary and CSV read back; and a bad file refused with
 * every problem named; the same interventions weighed as candidates by {@code portfolio}.
 */
class ScenarioCommandTest {
    @TempDir
    Path dir;

    private String[] run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        int rc;
        try {
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            rc = switch (args[0]) {
                case "import" -> ClusterGridApplication.runImport(rest);
                case "portfolio" -> ClusterGridApplication.runPortfolio(rest);
                default -> ClusterGridApplication.runScenario(rest);
            };
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new String[] {Integer.toString(rc), o.toString(StandardCharsets.UTF_8),
            e.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void evaluateAScenarioOnAnImportedRegion() throws Exception {
        String data = "--clustergrid.data-dir=" + dir.resolve("data");
        String[] imported = run("import", "osm", SharedData.pokharaPbf().toString(), "--dataset", "pokhara",
                "--clusters-from-osm", data);
        assertThat(imported[0]).as(imported[2]).isEqualTo("0");
        Path scenario = dir.resolve("bank.geojson");
        Files.writeString(scenario, """
                {"type": "FeatureCollection", "name": "A branch at Lakeside",
                 "features": [
                  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [83.9597, 28.2096]},
                   "properties": {"kind": "finance_point", "finance_type": "bank", "cost": 120000}},
                  {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[83.95, 28.20], [83.96, 28.21]]},
                   "properties": {"kind": "new_power_line", "voltage_kv": 33}}]}
                """);
        Path csv = dir.resolve("changes.csv");
        String[] r = run("scenario", "evaluate", scenario.toString(), "--csv", csv.toString(), data);
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("Scenario 'A branch at Lakeside': 2 interventions")
                .containsPattern("i2 +new_power_line +[0-9,]+ +mv_line_km: 1\\.[0-9]{3} km × 7,000 USD/km \\(OnSSET")
                .containsPattern("\\d+ clusters changed");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).startsWith("cluster_grid_id,name,size,changed,composite_before,gap_before");
        assertThat(rows).hasSize(42); // the header and Pokhara's 41 clusters
        assertThat(rows).anySatisfy(row -> assertThat(row).contains("bank_distance: "));

        // the same two as candidates, with an agent: what 125,000 USD buys of them
        Path curve = dir.resolve("curve.csv");
        String[] p = run("portfolio", "--budget", "125000", "--candidates", scenario.toString(), "--objective", "gap",
                "--curve", curve.toString(), data);
        assertThat(p[0]).as(p[2]).isEqualTo("0");
        assertThat(p[1]).contains("Portfolio for 125,000 USD from 2 candidates (every subset, objective gap;")
                .containsPattern("\\d+ projects, [0-9,]+ USD, gap gain [0-9.]+ \\(optimal\\)");
        assertThat(Files.readAllLines(curve).get(0)).isEqualTo("order,id,cumulative_cost,cumulative_gain");
        String[] broke = run("portfolio", "--budget", "0", "--candidates", scenario.toString(), data);
        assertThat(broke[0]).isEqualTo("2");
        assertThat(broke[2]).contains("budget: 0.0 is not an amount above 0 (in USD)");

        Files.writeString(scenario, """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "geometry": null, "properties": {"kind": "upgrade_road", "surface": "asphalt",
                   "roads": ["pokhara.w1"]}},
                  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [83.96, 28.21]},
                   "properties": {"kind": "finance_point", "finance_type": "bank"}}]}
                """);
        String[] bad = run("scenario", "evaluate", scenario.toString(), data);
        assertThat(bad[0]).isEqualTo("2");
        assertThat(bad[2]).contains("error: scenario 'bank' cannot be applied:")
                .contains("intervention 'i1' (upgrade_road): no road 'pokhara.w1' in the data")
                .contains("intervention 'i2' (finance_point): no cost entered, and cost profile 'default.yaml' has no"
                        + " rate 'finance_bank'");
    }
}
