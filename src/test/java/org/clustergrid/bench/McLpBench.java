package org.clustergrid.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.clustergrid.portfolio.MaximalCovering;

/**
 * The portfolio's exact solver (SCIP through OR-Tools) against spopt's maximal covering model under PuLP and CBC, on
 * the same instances from GeoNames cities500 (every place of a country a demand weighted by its population, the
 * places of at least some population the candidate facilities, covered within a radius), alternating, several runs
 * each; prints the objectives (which must be equal), each side's median solve time and their ratio.
 * Arguments: the shared gis folder, runs.
 */
public final class McLpBench {
    private McLpBench() {}

    public static void main(String[] args) throws Exception {
        Path cities = Path.of(args[0], "geonames/cities500.txt.gz");
        int runs = Integer.parseInt(args[1]);
        record Case(String country, long facilityPopulation, double radiusM, int p) {}
        for (Case c : new Case[] {new Case("IN", 200_000, 40_000, 15), new Case("IN", 50_000, 30_000, 60),
            new Case("BR", 20_000, 25_000, 40)}) {
            MaximalCovering.Instance in = MaximalCovering.fromGeoNames(cities, c.country(), c.facilityPopulation(),
                    c.radiusM());
            double[] ours = new double[runs];
            double[] pulp = new double[runs];
            double objective = 0;
            double peer = 0;
            for (int r = 0; r < runs; r++) {
                MaximalCovering.Result a = MaximalCovering.ours(in, c.p());
                MaximalCovering.Result b = MaximalCovering.pulp(in, c.p());
                ours[r] = a.seconds();
                pulp[r] = b.seconds();
                objective = a.objective();
                peer = b.objective();
            }
            System.out.printf(Locale.ROOT, "%s, %d places, %d candidates, radius %.0f km, p = %d: covered %,.0f (ours)"
                    + " / %,.0f (PuLP + CBC); solve median %.3f s / %.3f s, ratio %.2f%n", c.country(),
                    in.weights().length, in.facilities(), c.radiusM() / 1000, c.p(), objective, peer, median(ours),
                    median(pulp), median(ours) / median(pulp));
        }
    }

    private static double median(double[] v) {
        double[] x = v.clone();
        Arrays.sort(x);
        return x.length % 2 == 1 ? x[x.length / 2] : (x[x.length / 2 - 1] + x[x.length / 2]) / 2;
    }
}
