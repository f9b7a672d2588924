package org.clustergrid.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingStabilityTest {
    static final Weights EQUAL = new Weights(Map.of(Dimension.ROADS, 1.0, Dimension.POWER, 1.0, Dimension.FINANCE, 1.0,
            Dimension.MARKETS, 1.0));

    static ClusterScore cluster(String id, int size, double roadGap, double powerGap) {
        Map<Dimension, Double> gaps = Map.of(Dimension.ROADS, roadGap, Dimension.POWER, powerGap);
        Double gap = Aggregation.weightedMean(gaps, EQUAL);
        return new ClusterScore(id, id, size, Map.of(), Map.of(), null, Map.of(), gaps, gap, gap * size, Map.of(), 1,
                List.of());
    }

    @Test
    void aClearLeaderIsStableAndNearTiesAreNot() {
        List<ClusterScore> scores = new ArrayList<>();
        scores.add(cluster("leader", 1000, 90, 90));
        scores.add(cluster("a", 100, 50, 10)); // a and b swap places when the roads/power weights move
        scores.add(cluster("b", 100, 10, 50.5));
        scores.add(cluster("none", 100, 0, 0));
        Double[] s = RankingStability.of(scores, EQUAL, 0.2, 500, 1, 42);
        assertThat(s[0]).isEqualTo(1.0);
        assertThat(s[1]).isBetween(0.2, 0.8);
        assertThat(s[2]).isBetween(0.2, 0.8);
        assertThat(s[3]).isEqualTo(1.0);
        assertThat(RankingStability.of(scores, EQUAL, 0.2, 500, 1, 42)).isEqualTo(s); // seeded: reproducible
    }

    @Test
    void clustersWithoutSizeHaveNoStability() {
        ClusterScore unknown = new ClusterScore("u", "u", null, Map.of(), Map.of(), null, Map.of(),
                Map.of(Dimension.ROADS, 10.0), 10.0, null, Map.of(), 1, List.of());
        Double[] s = RankingStability.of(List.of(cluster("x", 10, 5, 5), unknown), EQUAL, 0.2, 50, 10, 1);
        assertThat(s[0]).isEqualTo(1.0);
        assertThat(s[1]).isNull();
    }

    @Test
    void keptBandsCountWhatComparingEveryBandGives() {
        // random priorities with many exact ties and some unknown, bands of 1, 3 and 10: the two look-ups a cluster
        // give the same as ranking every cluster and comparing its band
        java.util.Random rnd = new java.util.Random(3);
        for (int round = 0; round < 200; round++) {
            int n = 1 + rnd.nextInt(60);
            int band = new int[] {1, 3, 10}[round % 3];
            double[] was = new double[n];
            double[] now = new double[n];
            for (int i = 0; i < n; i++) {
                was[i] = rnd.nextInt(8) == 0 ? Double.NaN : rnd.nextInt(12);
                now[i] = Double.isNaN(was[i]) ? Double.NaN : was[i] + rnd.nextInt(5) - 2;
            }
            int[] before = RankingStability.bands(was, band);
            int[] after = RankingStability.bands(now, band);
            int[] hits = new int[n];
            RankingStability.keptBands(now, before, band, hits);
            for (int i = 0; i < n; i++) {
                assertThat(hits[i]).as("round %d, cluster %d", round, i)
                        .isEqualTo(before[i] >= 0 && after[i] == before[i] ? 1 : 0);
            }
        }
    }
}
