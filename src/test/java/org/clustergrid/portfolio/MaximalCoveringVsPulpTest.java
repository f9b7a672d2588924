package org.clustergrid.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import org.clustergrid.testing.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * On maximal covering instances from real places (GeoNames cities500 of Nepal and of India), the
 * exact solver reaches the objective of the model spopt builds, solved by PuLP with CBC. Times are printed, not
 * asserted: src/bench/mclp-bench.sh compares them.
 */
class MaximalCoveringVsPulpTest {
    @Test
    void theSameCoverAsSpoptsModelUnderPulpAndCbc() throws Exception {
        var cities = SharedData.require("geonames/cities500.txt.gz");
        String missing = MaximalCovering.pulpMissing();
        Assumptions.assumeTrue(missing == null, missing); // .ci/run installs them, and fails on any skip
        record Case(String country, long facilityPopulation, double radiusM, int p) {}
        for (Case c : new Case[] {new Case("NP", 10_000, 20_000, 4), new Case("IN", 200_000, 40_000, 15)}) {
            MaximalCovering.Instance in = MaximalCovering.fromGeoNames(cities, c.country(), c.facilityPopulation(),
                    c.radiusM());
            MaximalCovering.Result ours = MaximalCovering.ours(in, c.p());
            MaximalCovering.Result pulp = MaximalCovering.pulp(in, c.p());
            System.out.printf(Locale.ROOT, "%s: %d places, %d candidate facilities, p = %d: covered population %,.0f"
                    + " (ours, %.3f s) and %,.0f (PuLP + CBC, %.3f s)%n", c.country(), in.weights().length,
                    in.facilities(), c.p(), ours.objective(), ours.seconds(), pulp.objective(), pulp.seconds());
            assertThat(ours.objective()).as(c.country()).isCloseTo(pulp.objective(),
                    within(1e-6 * pulp.objective()));
            assertThat(ours.chosen()).isLessThanOrEqualTo(c.p());
        }
    }
}
