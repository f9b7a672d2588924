package org.clustergrid.portfolio;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.scoring.ClusterScore;
import org.clustergrid.scoring.Indicator;
import org.clustergrid.scoring.IndicatorResult;
import org.clustergrid.scoring.LayerResult;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.scoring.Weights;

/**
 * The objective a portfolio maximises, and its value as projects are added one by one. A portfolio S gives each
 * cluster, for each indicator, the best result any one project of S gives it alone (the higher score; a known value
 * over an unknown one), else its own; the cluster is then scored as the scoring does (dimensions, composite, gap,
 * priority = gap × size). The objective ({@link Objective}) is the <b>priority gain</b>, Σ over clusters with a
 * priority before and after of (priority before − priority after), as a scenario's evaluation defines it; or, where
 * sizes are unknown, the <b>gap closed</b>, Σ (gap before − gap after) over clusters with a gap before and after. Projects that serve one cluster
 * through different indicators add up (a road and a branch); two that improve the same indicator do not (the nearer
 * of two branches counts). Whatever else a set of projects does together — two upgrades along one route, E2SFCA
 * shares summed — the evaluation of the chosen portfolio as a scenario shows.
 *
 * <p>The gap closed in a dimension is the lesser of its gap and the rise of a weighted mean of per-indicator maxima:
 * monotone and submodular in S while no project makes an unknown indicator known (which changes the weights), so
 * the cost-effective greedy's guarantees and bounds hold then.
 */
final class PortfolioModel {
    private final ScoringEngine engine;
    private final ScoringRun before;
    private final List<Effect> effects;
    private final Objective objective;
    private final Weights weights;
    /** Each cluster's score before under {@link #weights}, when they are not the run's own. */
    private final Map<Integer, ClusterScore> reweighed;
    /** Each cluster's measure before under {@link #weights} (NaN for none), as far as asked for. */
    private final Map<Integer, Double> measureBefore;
    /** Per cluster touched by the portfolio so far: its best indicator results, layer results, and measure. */
    private final Map<Integer, Map<Indicator, IndicatorResult>> best = new HashMap<>();
    private final Map<Integer, List<LayerResult>> bestLayers = new HashMap<>();
    private final Map<Integer, Double> measure = new HashMap<>();
    private final List<Integer> chosen = new ArrayList<>();
    private double value;

    PortfolioModel(ScoringEngine engine, ScoringRun before, List<Effect> effects, Objective objective) {
        this(engine, before, effects, objective, before.weights(), new java.util.concurrent.ConcurrentHashMap<>(),
                new java.util.concurrent.ConcurrentHashMap<>());
    }

    private PortfolioModel(ScoringEngine engine, ScoringRun before, List<Effect> effects, Objective objective,
            Weights weights, Map<Integer, ClusterScore> reweighed, Map<Integer, Double> measureBefore) {
        this.engine = engine;
        this.before = before;
        this.effects = effects;
        this.objective = objective;
        this.weights = weights;
        this.reweighed = reweighed;
        this.measureBefore = measureBefore;
    }

    /** A model of no project, over the same effects. */
    PortfolioModel empty() {
        return new PortfolioModel(engine, before, effects, objective, weights, reweighed, measureBefore);
    }

    /** A model of no project under other weights of the dimensions (the indicators stay as they are). */
    PortfolioModel under(Weights other) {
        return new PortfolioModel(engine, before, effects, objective, other,
                new java.util.concurrent.ConcurrentHashMap<>(), new java.util.concurrent.ConcurrentHashMap<>());
    }

    /** A cluster's score before any project, under this model's weights. */
    private ClusterScore was(int c) {
        ClusterScore run = before.ranked().get(c).score();
        return weights.equals(before.weights()) ? run : reweighed.computeIfAbsent(c,
                k -> engine.scoreWith(k, run.indicators(), run.layerIndicators(), weights));
    }

    /**
     * This objective as a {@link CoverageProblem}, for a solver: one demand a cluster's dimension with a gap, one slot
     * an indicator (or layer indicator) of it, each candidate offering the rise of the dimension score its result
     * alone gives there. The same objective while no candidate makes an unknown indicator known (the dimension scores
     * are then linear in the indicator scores, with weights that do not move).
     */
    CoverageProblem coverage(double[] costs, double budget) {
        // cluster → dimension → slot key → (candidates, gains)
        Map<Integer, Map<org.clustergrid.scoring.Dimension, Map<String, List<double[]>>>> slots = new java.util.TreeMap<>();
        for (int j = 0; j < effects.size(); j++) {
            Effect e = effects.get(j);
            for (int k = 0; k < e.clusters().length; k++) {
                int c = e.clusters()[k];
                ClusterScore was = was(c);
                if (objective.of(was) == null) {
                    continue;
                }
                for (Map.Entry<Indicator, IndicatorResult> r : e.indicators().get(k).entrySet()) {
                    Map<Indicator, IndicatorResult> one = new EnumMap<>(was.indicators());
                    if (better(r.getValue().score(), one.get(r.getKey()).score())) {
                        one.put(r.getKey(), r.getValue());
                        offer(slots, c, j, r.getKey().id(), was, score(c, one, was.layerIndicators()));
                    }
                }
                List<LayerResult> layers = e.layers().get(k);
                for (int i = 0; layers != null && i < layers.size(); i++) {
                    if (better(layers.get(i).score(), was.layerIndicators().get(i).score())) {
                        List<LayerResult> one = new ArrayList<>(was.layerIndicators());
                        one.set(i, layers.get(i));
                        offer(slots, c, j, "layer " + i, was, score(c, was.indicators(), one));
                    }
                }
            }
        }
        List<CoverageProblem.Demand> demands = new ArrayList<>();
        slots.forEach((c, byDimension) -> {
            ClusterScore was = was(c);
            double total = was.gaps().keySet().stream().mapToDouble(weights::of).sum();
            double factor = objective == Objective.PRIORITY ? was.size() : 1;
            byDimension.forEach((d, bySlot) -> {
                List<CoverageProblem.Slot> list = new ArrayList<>();
                bySlot.values().forEach(offers -> list.add(new CoverageProblem.Slot(
                        offers.stream().mapToInt(o -> (int) o[0]).toArray(),
                        offers.stream().mapToDouble(o -> o[1]).toArray())));
                demands.add(new CoverageProblem.Demand(factor * weights.of(d) / total,
                        was.gaps().get(d), list));
            });
        });
        return new CoverageProblem(costs, budget, demands);
    }

    /**
     * This objective as a {@link ConfigurationProblem}: exact whether or not it is submodular. Each cluster with a
     * measure before gets its value (measure before − measure after) under every subset of the candidates that reach
     * it; empty when more than {@code perCluster} candidates reach one cluster or the subsets number more than {@code
     * most} in all, the form's size being exponential in the first.
     */
    java.util.Optional<ConfigurationProblem> configurations(double[] costs, double budget, int perCluster,
            long most) {
        Map<Integer, List<int[]>> reaching = new java.util.TreeMap<>(); // cluster → {candidate, position in effect}
        for (int j = 0; j < effects.size(); j++) {
            int[] clusters = effects.get(j).clusters();
            for (int k = 0; k < clusters.length; k++) {
                reaching.computeIfAbsent(clusters[k], x -> new ArrayList<>()).add(new int[] {j, k});
            }
        }
        long subsets = 0;
        for (List<int[]> r : reaching.values()) {
            subsets += 1L << Math.min(r.size(), 62);
            if (r.size() > perCluster || subsets > most) {
                return java.util.Optional.empty();
            }
        }
        List<ConfigurationProblem.Choices> out = new ArrayList<>();
        reaching.forEach((c, r) -> {
            Double was = before(c);
            if (was == null) {
                return; // counts for nothing, as in gain()
            }
            double[] values = new double[1 << r.size()];
            for (int mask = 1; mask < values.length; mask++) {
                Map<Indicator, IndicatorResult> indicators = new EnumMap<>(before.ranked().get(c).score()
                        .indicators());
                List<LayerResult> layers = before.ranked().get(c).score().layerIndicators();
                for (int k = 0; k < r.size(); k++) {
                    if ((mask & (1 << k)) != 0) {
                        Effect e = effects.get(r.get(k)[0]);
                        int at = r.get(k)[1];
                        e.indicators().get(at).forEach((i, result) -> {
                            if (better(result.score(), indicators.get(i).score())) {
                                indicators.put(i, result);
                            }
                        });
                        layers = bestOf(layers, e.layers().get(at));
                    }
                }
                Double now = measure(c, indicators, layers);
                values[mask] = now == null ? 0 : was - now;
            }
            out.add(new ConfigurationProblem.Choices(r.stream().mapToInt(x -> x[0]).toArray(), values));
        });
        return java.util.Optional.of(new ConfigurationProblem(costs, budget, out));
    }

    /** Records what candidate j's result for one indicator alone raises each dimension with a gap by. */
    private static void offer(Map<Integer, Map<org.clustergrid.scoring.Dimension, Map<String, List<double[]>>>> slots,
            int c, int j, String slot, ClusterScore was, ClusterScore with) {
        was.gaps().forEach((d, gap) -> {
            double rise = with.dimensions().getOrDefault(d, 0.0) - was.dimensions().getOrDefault(d, 0.0);
            if (gap > 0 && rise > 0) {
                slots.computeIfAbsent(c, x -> new java.util.EnumMap<>(org.clustergrid.scoring.Dimension.class))
                        .computeIfAbsent(d, x -> new java.util.TreeMap<>())
                        .computeIfAbsent(slot, x -> new ArrayList<>()).add(new double[] {j, rise});
            }
        });
    }

    /** The candidates' effects, by candidate. */
    List<Effect> effects() {
        return effects;
    }

    Objective objective() {
        return objective;
    }

    /** The dimensions' weights the model scores under. */
    Weights weights() {
        return weights;
    }

    /** A cluster's score before any project under the model's weights. */
    ClusterScore scoreBefore(int c) {
        return was(c);
    }

    /** The model's scoring profile (the indicators' weights within their dimensions). */
    org.clustergrid.scoring.ScoringProfile profile() {
        return engine.profile();
    }

    /** A model of the same projects, to add others to without changing this one. */
    PortfolioModel copy() {
        PortfolioModel out = empty();
        out.best.putAll(best);
        out.bestLayers.putAll(bestLayers);
        out.measure.putAll(measure);
        out.chosen.addAll(chosen);
        out.value = value;
        return out;
    }

    double value() {
        return value;
    }

    /** How many candidates the model weighs. */
    int size() {
        return effects.size();
    }

    /** Whether no candidate makes an unknown indicator known: a gain then only falls as others are added. */
    boolean submodular() {
        return effects.stream().noneMatch(Effect::makesKnown);
    }

    List<Integer> chosen() {
        return List.copyOf(chosen);
    }

    /** The objective's rise if candidate {@code j} were added. */
    double gain(int j) {
        return gain(j, null);
    }

    /**
     * As {@link #gain(int)}, each cluster's part of it written to {@code byCluster} (by position in the candidate's
     * effect) when given.
     */
    double gain(int j, double[] byCluster) {
        Effect e = effects.get(j);
        double gain = 0;
        for (int k = 0; k < e.clusters().length; k++) {
            int c = e.clusters()[k];
            Double was = measureNow(c);
            Double now = measure(c, merged(c, e, k), mergedLayers(c, e, k));
            if (was != null && now != null && before(c) != null) {
                gain += was - now;
                if (byCluster != null) {
                    byCluster[k] = was - now;
                }
            }
        }
        return gain;
    }

    /** The clusters candidate {@code j}'s effect reaches, by position in the data's clusters. */
    int[] reached(int j) {
        return effects.get(j).clusters();
    }

    /** Adds candidate {@code j}; returns its marginal gain. */
    double add(int j) {
        double gain = gain(j);
        Effect e = effects.get(j);
        for (int k = 0; k < e.clusters().length; k++) {
            int c = e.clusters()[k];
            Map<Indicator, IndicatorResult> m = merged(c, e, k);
            List<LayerResult> l = mergedLayers(c, e, k);
            best.put(c, m);
            bestLayers.put(c, l);
            measure.put(c, measure(c, m, l));
        }
        chosen.add(j);
        value += gain;
        return gain;
    }

    private Double measureNow(int c) {
        return measure.containsKey(c) ? measure.get(c) : before(c);
    }

    /** The objective's measure of a cluster with these results: only its gap is aggregated. */
    private Double measure(int c, Map<Indicator, IndicatorResult> indicators, List<LayerResult> layers) {
        Double gap = engine.gapWith(c, indicators, layers, weights);
        return objective == Objective.PRIORITY ? org.clustergrid.scoring.Aggregation.priority(gap,
                before.ranked().get(c).score().size()) : gap;
    }

    /** A cluster's measure before any project under this model's weights, without scoring it whole; null for none. */
    private Double before(int c) {
        double m = measureBefore.computeIfAbsent(c, k -> {
            ClusterScore run = before.ranked().get(k).score();
            Double v = weights.equals(before.weights()) ? objective.of(run)
                    : measure(k, run.indicators(), run.layerIndicators());
            return v == null ? Double.NaN : v;
        });
        return Double.isNaN(m) ? null : m;
    }

    private ClusterScore score(int c, Map<Indicator, IndicatorResult> indicators, List<LayerResult> layers) {
        return engine.scoreWith(c, indicators, layers, weights);
    }

    private Map<Indicator, IndicatorResult> merged(int c, Effect e, int k) {
        Map<Indicator, IndicatorResult> out = new EnumMap<>(best.containsKey(c) ? best.get(c)
                : before.ranked().get(c).score().indicators());
        e.indicators().get(k).forEach((i, r) -> {
            if (better(r.score(), out.get(i).score())) {
                out.put(i, r);
            }
        });
        return out;
    }

    private List<LayerResult> mergedLayers(int c, Effect e, int k) {
        return bestOf(bestLayers.containsKey(c) ? bestLayers.get(c) : before.ranked().get(c).score().layerIndicators(),
                e.layers().get(k));
    }

    /** Each layer indicator's better of those held and those offered (null: none offered). */
    private static List<LayerResult> bestOf(List<LayerResult> now, List<LayerResult> offered) {
        if (offered == null) {
            return now;
        }
        List<LayerResult> out = new ArrayList<>(now);
        for (int i = 0; i < out.size(); i++) {
            if (better(offered.get(i).score(), out.get(i).score())) {
                out.set(i, offered.get(i));
            }
        }
        return out;
    }

    /** Whether a score offered beats the one held: higher, or known where none was. */
    static boolean better(Double offered, Double held) {
        return offered != null && (held == null || offered > held);
    }
}
