package org.clustergrid.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A full scoring run: every cluster scored under one set of weights, ranked by priority, with each rank's
 * stability under perturbed weights.
 *
 * @param ranked in the order of the data's clusters
 */
public record ScoringRun(
        String id, Instant createdAt, ScoringProfile profile, Weights weights, long dataVersion, List<Ranked> ranked,
        double seconds) {

    /** A cluster's score, its priority rank (1 = highest; null without a priority) and the rank's stability. */
    public record Ranked(ClusterScore score, Integer rank, Double stability) {}

    /** Seed of the stability draws: fixed, so a run is reproducible from its profile, weights and data. */
    static final long SEED = 20_080_101L;

    public static ScoringRun run(ScoringEngine engine, Weights weights) {
        long start = System.nanoTime();
        List<ClusterScore> scores = engine.scoreClusters(weights);
        Parameters p = engine.profile().parameters();
        Double[] stability = RankingStability.of(scores, weights, p.stabilityPerturbation(), p.stabilityDraws(),
                p.stabilityBand(), SEED);
        Integer[] rank = ranks(scores);
        List<Ranked> ranked = new ArrayList<>(scores.size());
        for (int i = 0; i < scores.size(); i++) {
            ranked.add(new Ranked(scores.get(i), rank[i], stability[i]));
        }
        return new ScoringRun(UUID.randomUUID().toString(), Instant.now(), engine.profile(), weights,
                engine.data().dataVersion(), ranked, (System.nanoTime() - start) / 1e9);
    }

    /** Rank by descending priority, ties by id; clusters without a priority get none. */
    static Integer[] ranks(List<ClusterScore> scores) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            if (scores.get(i).priority() != null) {
                order.add(i);
            }
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> -scores.get(i).priority())
                .thenComparing(i -> scores.get(i).id()));
        Integer[] rank = new Integer[scores.size()];
        for (int r = 0; r < order.size(); r++) {
            rank[order.get(r)] = r + 1;
        }
        return rank;
    }

    /** The ranked clusters by rank, unranked last. */
    public List<Ranked> byRank() {
        List<Ranked> out = new ArrayList<>(ranked);
        out.sort(Comparator.comparing((Ranked r) -> r.rank() == null ? Integer.MAX_VALUE : r.rank())
                .thenComparing(r -> r.score().id()));
        return out;
    }
}
