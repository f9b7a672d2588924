package org.clustergrid.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.clustergrid.model.Cluster;
import org.clustergrid.scoring.ClusterScore;
import org.clustergrid.scoring.IndicatorResult;
import org.clustergrid.scoring.LayerResult;
import org.clustergrid.scoring.Missing;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.scoring.Weights;

/**
 * Scores the data before and after a scenario under one profile and one set of weights, and says what changed. The
 * "after" run is incremental: on an engine derived from the one the "before" run was made on ({@link
 * ScoringEngine#derive}), scoring only the clusters the scenario can affect. The full re-score ({@link #rescored}),
 * a new engine built on the data with the scenario applied and every cluster scored, is what it must equal.
 */
public final class ScenarioEvaluator {
    private ScenarioEvaluator() {}

    /**
     * @param engine the engine {@code before} was run on
     * @param before the run on the data as they are
     */
    public static ScenarioEvaluation evaluate(String scenario, ScenarioApplier.Applied applied, ScoringRun before,
            ScoringEngine engine, Weights weights) {
        ScoringEngine derived = engine.derive(applied.data(), applied.changes());
        // under the weights of the run before, the clusters the scenario cannot affect keep their scores of it
        ScoringRun after = weights.equals(before.weights()) ? ScoringRun.after(before, derived)
                : ScoringRun.run(derived, weights);
        return compare(scenario, applied, before, after);
    }

    /** The run on the data with the scenario applied, scoring only the clusters it can affect. */
    public static ScoringRun after(ScenarioApplier.Applied applied, ScoringEngine engine, Weights weights) {
        return ScoringRun.run(engine.derive(applied.data(), applied.changes()), weights);
    }

    /** The run on the data with the scenario applied, by a new engine scoring every cluster: the reference. */
    public static ScoringRun rescored(ScenarioApplier.Applied applied, Function<ScoringData, ScoringEngine> engines,
            Weights weights) {
        return ScoringRun.run(engines.apply(applied.data()), weights);
    }

    /** What changed from one run to the other, the second on the data with the scenario applied. */
    public static ScenarioEvaluation compare(String scenario, ScenarioApplier.Applied applied, ScoringRun before,
            ScoringRun after) {
        List<ScenarioEvaluation.ClusterChange> clusters = new ArrayList<>();
        int changed = 0;
        int lifted = 0;
        double gapClosed = 0;
        double priorityGain = 0;
        long firms = 0;
        long workers = 0;
        for (int i = 0; i < before.ranked().size(); i++) {
            ScoringRun.Ranked b = before.ranked().get(i);
            ScoringRun.Ranked a = after.ranked().get(i);
            if (!b.score().id().equals(a.score().id())) {
                throw new IllegalStateException("the runs list other clusters: " + b.score().id() + ", "
                        + a.score().id());
            }
            ScenarioEvaluation.ClusterChange c = new ScenarioEvaluation.ClusterChange(b.score().id(),
                    b.score().name(), b.score().size(), side(b), side(a), indicatorChanges(b.score(), a.score()));
            clusters.add(c);
            if (!c.changed()) {
                continue;
            }
            changed++;
            Double gb = b.score().gap();
            Double ga = a.score().gap();
            if (gb != null && ga != null) {
                gapClosed += gb - ga;
                if (gb > 0 && ga == 0) {
                    lifted++;
                }
                if (ga < gb) {
                    Cluster cl = (Cluster) applied.data().clusters().get(i).feature();
                    firms += cl.firms() == null ? 0 : cl.firms();
                    workers += cl.employment() == null ? 0 : cl.employment();
                }
            }
            if (b.score().priority() != null && a.score().priority() != null) {
                priorityGain += b.score().priority() - a.score().priority();
            }
        }
        double cost = applied.totalCost();
        return new ScenarioEvaluation(scenario, applied.currency(), applied.priced(),
                new ScenarioEvaluation.Summary(changed, gapClosed, priorityGain, lifted, firms, workers, cost,
                        cost > 0 ? priorityGain / cost : null, madeKnown(clusters)), clusters);
    }

    /**
     * A warning per indicator that was unknown for want of any feature of its kind in the data (no MV line at all)
     * and that the scenario's planned features made known: those clusters' scores move because a measurement now
     * exists, not only because of what the intervention brings them.
     */
    private static List<String> madeKnown(List<ScenarioEvaluation.ClusterChange> clusters) {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        for (ScenarioEvaluation.ClusterChange c : clusters) {
            for (ScenarioEvaluation.IndicatorChange i : c.indicators()) {
                if (Missing.Reason.EMPTY_LAYER.id().equals(i.missingBefore()) && i.after() != null) {
                    counts.merge(i.id(), 1, Integer::sum);
                }
            }
        }
        List<String> out = new ArrayList<>();
        counts.forEach((id, n) -> out.add(id + ": the data hold none of its kind, so it was unknown; the scenario's"
                + " planned features alone make it known for " + n + " cluster" + (n == 1 ? "" : "s") + ", whose"
                + " scores move with the new measurement, not only with what the intervention brings them (import"
                + " the existing network to compare like with like)"));
        return out;
    }

    private static ScenarioEvaluation.Side side(ScoringRun.Ranked r) {
        ClusterScore s = r.score();
        return new ScenarioEvaluation.Side(s.composite(), s.gap(), s.priority(), r.rank(), s.dimensions());
    }

    private static List<ScenarioEvaluation.IndicatorChange> indicatorChanges(ClusterScore b, ClusterScore a) {
        List<ScenarioEvaluation.IndicatorChange> out = new ArrayList<>();
        b.indicators().forEach((i, rb) -> {
            IndicatorResult ra = a.indicators().get(i);
            add(out, i.id(), rb.value(), ra.value(), rb.score(), ra.score(), rb.missing(), ra.missing());
        });
        for (int k = 0; k < b.layerIndicators().size(); k++) {
            LayerResult rb = b.layerIndicators().get(k);
            LayerResult ra = a.layerIndicators().get(k);
            add(out, rb.indicator().id(), rb.value(), ra.value(), rb.score(), ra.score(), rb.missing(), ra.missing());
        }
        return out;
    }

    private static void add(List<ScenarioEvaluation.IndicatorChange> out, String id, Double vb, Double va, Double sb,
            Double sa, Missing mb, Missing ma) {
        String why = mb == null ? null : mb.reason().id();
        String whyAfter = ma == null ? null : ma.reason().id();
        if (!Objects.equals(vb, va) || !Objects.equals(sb, sa) || !Objects.equals(why, whyAfter)) {
            out.add(new ScenarioEvaluation.IndicatorChange(id, vb, va, sb, sa, why, whyAfter));
        }
    }
}
