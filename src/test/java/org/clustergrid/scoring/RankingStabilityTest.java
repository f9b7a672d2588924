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
}
