package org.clustergrid.portfolio;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clustergrid.scoring.ClusterScore;
import org.clustergrid.scoring.Dimension;
import org.clustergrid.scoring.Indicator;
import org.clustergrid.scoring.IndicatorResult;
import org.clustergrid.scoring.LayerResult;
import org.clustergrid.scoring.ScoringProfile;

/**
 * A submodular objective at least the portfolio objective on every set of candidates, for a bound where candidates
 * make unknown indicators known (the objective may then not be submodular, and too many candidates reach a cluster to
 * solve it exactly). Per cluster with a gap G before, over the dimensions D scored before (weights w_d summing to W):
 * <ul>
 *   <li>a dimension's score rises by at most Σ over its indicators of (w_k / W_known) × the rise of the indicator's
 *       score — where an indicator known before rises from its own score, and one made known from the dimension's
 *       score before (and counts only above it): the weighted mean over more known indicators, all at least as high
 *       as before, is at most that;</li>
 *   <li>the gap closed is then at most Σ_D (w_d / W) × min(gap_d, that rise), as for a submodular objective, plus,
 *       when a candidate makes a dimension scored that was not, (1 − W / W_all) × G: the gap's mean then spreads over
 *       the new dimensions' weight too (W_all: W plus every dimension a candidate may make scored).</li>
 * </ul>
 * The sum of the dimensions' gaps after is at least W / W_all of their mean over D alone, which is where the second
 * term comes from. The result is a {@link CoverageProblem}: maxima over candidates per indicator, summed and capped,
 * so its own greedy bound holds and bounds the portfolio's optimum.
 */
final class Relaxation {
    private Relaxation() {}

    static CoverageProblem of(PortfolioModel model, double[] costs, double budget) {
        ScoringProfile profile = model.profile();
        List<Effect> effects = model.effects();
        // cluster → slot key ("dimension/indicator", or "appear") → offers {candidate, gain}
        Map<Integer, Map<String, List<double[]>>> offers = new TreeMap<>();
        Map<Integer, java.util.EnumSet<Dimension>> appearing = new TreeMap<>();
        for (int j = 0; j < effects.size(); j++) {
            Effect e = effects.get(j);
            for (int k = 0; k < e.clusters().length; k++) {
                int c = e.clusters()[k];
                ClusterScore was = model.scoreBefore(c);
                if (model.objective().of(was) == null) {
                    continue; // counts for nothing
                }
                for (Map.Entry<Indicator, IndicatorResult> r : e.indicators().get(k).entrySet()) {
                    Indicator i = r.getKey();
                    offer(offers, appearing, c, j, was, i.dimension(), i.id(), profile.indicators().get(i).weight(),
                            r.getValue().score(), was.indicators().get(i).score(), knownWeight(was, profile,
                                    i.dimension()));
                }
                List<LayerResult> layers = e.layers().get(k);
                for (int l = 0; layers != null && l < layers.size(); l++) {
                    LayerResult now = layers.get(l);
                    offer(offers, appearing, c, j, was, now.indicator().dimension(), "layer " + l,
                            now.indicator().weight(), now.score(), was.layerIndicators().get(l).score(),
                            knownWeight(was, profile, now.indicator().dimension()));
                }
            }
        }
        List<CoverageProblem.Demand> demands = new ArrayList<>();
        offers.forEach((c, bySlot) -> {
            ClusterScore was = model.scoreBefore(c);
            double factor = model.objective() == Objective.PRIORITY ? was.size() : 1;
            double scored = was.gaps().keySet().stream().mapToDouble(model.weights()::of).sum();
            double all = scored + appearing.getOrDefault(c, java.util.EnumSet.noneOf(Dimension.class)).stream()
                    .mapToDouble(model.weights()::of).sum();
            Map<Dimension, List<CoverageProblem.Slot>> byDimension = new EnumMap<>(Dimension.class);
            bySlot.forEach((key, list) -> {
                if (!key.equals("appear")) {
                    byDimension.computeIfAbsent(Dimension.valueOf(key.substring(0, key.indexOf('/'))),
                            x -> new ArrayList<>()).add(slot(list));
                }
            });
            byDimension.forEach((d, slots) -> demands.add(new CoverageProblem.Demand(
                    factor * model.weights().of(d) / scored, was.gaps().get(d), slots)));
            List<double[]> appear = bySlot.get("appear");
            if (appear != null && all > scored) {
                double spread = (1 - scored / all) * was.gap();
                appear.forEach(o -> o[1] = spread);
                demands.add(new CoverageProblem.Demand(factor, spread, List.of(slot(appear))));
            }
        });
        return new CoverageProblem(costs, budget, demands);
    }

    /** What one candidate's result for one indicator may add at a cluster (see the class). */
    private static void offer(Map<Integer, Map<String, List<double[]>>> offers,
            Map<Integer, java.util.EnumSet<Dimension>> appearing, int c, int j, ClusterScore was, Dimension d,
            String indicator, double weight, Double offered, Double held, double knownWeight) {
        if (weight <= 0 || !PortfolioModel.better(offered, held)) {
            return;
        }
        Double gap = was.gaps().get(d);
        if (gap == null) { // a dimension not scored before, which this may make scored
            appearing.computeIfAbsent(c, x -> java.util.EnumSet.noneOf(Dimension.class)).add(d);
            add(offers, c, "appear", j, 0);
            return;
        }
        double from = held != null ? held : was.dimensions().get(d);
        double rise = weight / knownWeight * (offered - from);
        if (gap > 0 && rise > 0) {
            add(offers, c, d.name() + "/" + indicator, j, rise);
        }
    }

    private static void add(Map<Integer, Map<String, List<double[]>>> offers, int c, String slot, int j,
            double gain) {
        List<double[]> list = offers.computeIfAbsent(c, x -> new TreeMap<>()).computeIfAbsent(slot,
                x -> new ArrayList<>());
        // one offer a candidate per slot, the higher; candidates come in order, so a repeat is the last offer
        double[] last = list.isEmpty() ? null : list.get(list.size() - 1);
        if (last != null && last[0] == j) {
            last[1] = Math.max(last[1], gain);
        } else {
            list.add(new double[] {j, gain});
        }
    }

    /** The weight of a dimension's indicators known before (built-in and layer ones). */
    private static double knownWeight(ClusterScore was, ScoringProfile profile, Dimension d) {
        double w = 0;
        for (IndicatorResult r : was.indicators().values()) {
            if (r.indicator().dimension() == d && r.known()) {
                w += profile.indicators().get(r.indicator()).weight();
            }
        }
        for (LayerResult r : was.layerIndicators()) {
            if (r.indicator().dimension() == d && r.known()) {
                w += r.indicator().weight();
            }
        }
        return w;
    }

    private static CoverageProblem.Slot slot(List<double[]> offers) {
        return new CoverageProblem.Slot(offers.stream().mapToInt(o -> (int) o[0]).toArray(),
                offers.stream().mapToDouble(o -> o[1]).toArray());
    }
}
