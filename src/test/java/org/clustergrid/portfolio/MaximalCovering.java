package org.clustergrid.portfolio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.clustergrid.geo.Geodesic;

/**
 * A maximal covering location instance from GeoNames' cities500: every place of a country is a demand weighted by its
 * population, every place of at least some population a candidate facility, a place covered by the facilities within
 * a radius; p facilities. Solved by our exact solver and by spopt's model under PuLP and CBC
 * (src/test/python/mclp_pulp.py), for the comparison of objective and time.
 */
public final class MaximalCovering {
    /** /usr/bin/python3: Debian's, which has python3-pulp; another on the PATH may not. */
    public static final String PYTHON = "/usr/bin/python3";

    /** The instance: demand weights, the facilities covering each demand, and the number of facilities. */
    public record Instance(double[] weights, int[][] covers, int facilities) {}

    /** A solve: the objective, the solve's seconds, the facilities chosen. */
    public record Result(double objective, double seconds, int chosen) {}

    private MaximalCovering() {}

    public static Instance fromGeoNames(Path cities500, String country, long facilityPopulation, double radiusM)
            throws IOException {
        List<double[]> places = new ArrayList<>(); // lon, lat, population
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(cities500)), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split("\t", -1);
                if (f[8].equals(country) && !f[14].isEmpty()) {
                    places.add(new double[] {Double.parseDouble(f[5]), Double.parseDouble(f[4]),
                            Double.parseDouble(f[14])});
                }
            }
        }
        List<double[]> facilities = places.stream().filter(p -> p[2] >= facilityPopulation).toList();
        double[] weights = new double[places.size()];
        int[][] covers = new int[places.size()][];
        for (int i = 0; i < places.size(); i++) {
            double[] p = places.get(i);
            weights[i] = Math.max(1, p[2]);
            List<Integer> js = new ArrayList<>();
            for (int j = 0; j < facilities.size(); j++) {
                double[] q = facilities.get(j);
                if (Geodesic.distance(p[0], p[1], q[0], q[1]) <= radiusM) {
                    js.add(j);
                }
            }
            covers[i] = js.stream().mapToInt(Integer::intValue).toArray();
        }
        return new Instance(weights, covers, facilities.size());
    }

    /** The instance as our coverage problem: unit costs, a budget of p, one slot a demand, capped at 1. */
    static CoverageProblem problem(Instance in, int p) {
        double[] cost = new double[in.facilities()];
        java.util.Arrays.fill(cost, 1);
        List<CoverageProblem.Demand> demands = new ArrayList<>();
        for (int i = 0; i < in.weights().length; i++) {
            if (in.covers()[i].length > 0) {
                double[] gains = new double[in.covers()[i].length];
                java.util.Arrays.fill(gains, 1);
                demands.add(new CoverageProblem.Demand(in.weights()[i], 1, List.of(new CoverageProblem.Slot(
                        in.covers()[i], gains))));
            }
        }
        return new CoverageProblem(cost, p, demands);
    }

    /** Ours: SCIP through OR-Tools, the time of building and solving the programme. */
    public static Result ours(Instance in, int p) {
        ExactSolver.Solution s = ExactSolver.solve(problem(in, p), 600).orElseThrow();
        if (!s.optimal()) {
            throw new IllegalStateException("not solved to optimality");
        }
        int n = 0;
        for (boolean b : s.chosen()) {
            n += b ? 1 : 0;
        }
        return new Result(s.value(), s.seconds(), n);
    }

    /** spopt's model under PuLP and CBC, the time of its solve. */
    public static Result pulp(Instance in, int p) throws IOException, InterruptedException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("weights", in.weights());
        json.put("covers", in.covers());
        json.put("facilities", in.facilities());
        json.put("p", p);
        Process proc = new ProcessBuilder(PYTHON, "src/test/python/mclp_pulp.py").redirectErrorStream(false).start();
        new ObjectMapper().writeValue(proc.getOutputStream(), json);
        proc.getOutputStream().close();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(proc.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (proc.waitFor() != 0) {
            throw new IllegalStateException("mclp_pulp.py: " + err);
        }
        JsonNode r = new ObjectMapper().readTree(out);
        return new Result(r.path("objective").asDouble(), r.path("seconds").asDouble(), r.path("chosen").size());
    }

    /** Why PuLP with CBC cannot run here, or null when it can. */
    public static String pulpMissing() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import pulp; assert pulp.COIN_CMD().available()")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 ? null : PYTHON + " lacks PuLP with CBC (Debian: python3-pulp, coinor-cbc)";
        } catch (IOException | InterruptedException e) {
            return "no " + PYTHON + ": " + e.getMessage();
        }
    }
}
