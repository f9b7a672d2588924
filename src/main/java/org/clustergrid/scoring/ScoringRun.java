package org.clustergrid.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

    /**
     * A cluster's score and where it stands.
     *
     * @param rank by priority (gap × size), 1 = highest; null for a cluster without a composite or without a size
     * @param stability how firm the rank is under perturbed weights; null without a rank
     * @param gapRank by gap alone, 1 = largest, among every cluster with a composite: the ranking to use when sizes
     *     are unknown
     * @param unranked why the cluster has no priority rank; null when it has one
     */
    public record Ranked(ClusterScore score, Integer rank, Double stability, Integer gapRank, String unranked) {}

    /** Seed of the stability draws: fixed, so a run is reproducible from its profile, weights and data. */
    static final long SEED = 20_080_101L;

    public static ScoringRun run(ScoringEngine engine, Weights weights) {
        long start = System.nanoTime();
        return ranked(engine, weights, engine.scoreClusters(weights), start);
    }

    /**
     * The run on an engine {@link ScoringEngine#derive derived} from the one {@code before} was made on, under the
     * same weights: the clusters it does not score itself keep their scores of {@code before} (the same indicators,
     * flags and weights give the same score), the others are scored; then every rank and its stability anew.
     */
    public static ScoringRun after(ScoringRun before, ScoringEngine derived) {
        long start = System.nanoTime();
        if (derived.data().clusters().size() != before.ranked().size()) {
            throw new IllegalArgumentException("the derived engine scores other clusters than the run");
        }
        Map<Integer, ClusterScore> rescored = derived.scoreRescored(before.weights());
        List<ClusterScore> scores = new ArrayList<>(before.ranked().size());
        for (int c = 0; c < before.ranked().size(); c++) {
            ClusterScore s = rescored.get(c);
            scores.add(s != null ? s : before.ranked().get(c).score());
        }
        return ranked(derived, before.weights(), scores, start);
    }

    private static ScoringRun ranked(ScoringEngine engine, Weights weights, List<ClusterScore> scores, long start) {
        Cancellation.check();
        Parameters p = engine.profile().parameters();
        Double[] stability = RankingStability.of(scores, weights, p.stabilityPerturbation(), p.stabilityDraws(),
                p.stabilityBand(), SEED);
        Integer[] rank = ranks(scores, ClusterScore::priority);
        Integer[] gapRank = ranks(scores, ClusterScore::gap);
        List<Ranked> ranked = new ArrayList<>(scores.size());
        for (int i = 0; i < scores.size(); i++) {
            ranked.add(new Ranked(scores.get(i), rank[i], stability[i], gapRank[i],
                    rank[i] != null ? null : unranked(scores.get(i), engine.profile().completeness())));
        }
        return new ScoringRun(UUID.randomUUID().toString(), Instant.now(), engine.profile(), weights,
                engine.data().dataVersion(), ranked, (System.nanoTime() - start) / 1e9);
    }

    /** Why a cluster has no priority rank, in a planner's words. */
    static String unranked(ClusterScore s, Completeness c) {
        if (!s.scored()) {
            return String.format(java.util.Locale.ROOT, "too little is known to score: %.0f%% of the evidence"
                    + " (at least %.0f%% needed)", 100 * s.known(), 100 * c.minComposite());
        }
        return "size unknown (no employment or firm count): ranked by gap only";
    }

    /** Rank by a descending measure, ties by id; clusters without it get none. */
    static Integer[] ranks(List<ClusterScore> scores, java.util.function.Function<ClusterScore, Double> measure) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            if (measure.apply(scores.get(i)) != null) {
                order.add(i);
            }
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> -measure.apply(scores.get(i)))
                .thenComparing(i -> scores.get(i).id()));
        Integer[] rank = new Integer[scores.size()];
        for (int r = 0; r < order.size(); r++) {
            rank[order.get(r)] = r + 1;
        }
        return rank;
    }

    /** The clusters by rank; then those ranked by gap only, by gap; then those too little is known of. */
    public List<Ranked> byRank() {
        List<Ranked> out = new ArrayList<>(ranked);
        out.sort(Comparator.comparing((Ranked r) -> r.rank() == null ? Integer.MAX_VALUE : r.rank())
                .thenComparing(r -> r.gapRank() == null ? Integer.MAX_VALUE : r.gapRank())
                .thenComparing(r -> r.score().id()));
        return out;
    }
}
