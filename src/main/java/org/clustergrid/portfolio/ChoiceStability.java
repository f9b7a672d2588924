package org.clustergrid.portfolio;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.clustergrid.scoring.Cancellation;
import org.clustergrid.scoring.Dimension;
import org.clustergrid.scoring.Weights;

/**
 * How firm a portfolio is under other weights, as the ranking's stability asks it: the dimensions' weights perturbed
 * at random (each multiplied by a uniform factor in [1 − p, 1 + p], then renormalised), the projects chosen again the
 * same way (every subset for a few candidates, else the greedy against the best single project), and for each pick
 * the share of draws that choose it too. Seeded, so the same inputs give the same figures.
 */
final class ChoiceStability {
    /** Draws per portfolio: each is a selection of its own. */
    static final int DRAWS = 30;
    static final long SEED = 20_080_101L;

    private ChoiceStability() {}

    /** The share of draws choosing each of {@code picks}, in their order. */
    static double[] of(PortfolioModel model, double[] costs, double budget, List<Integer> picks, Weights weights,
            double perturbation) {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Weights> draws = new java.util.ArrayList<>();
        for (int k = 0; k < DRAWS; k++) {
            Map<Dimension, Double> w = new EnumMap<>(Dimension.class);
            for (Dimension d : Dimension.values()) {
                w.put(d, weights.of(d) * (1 + perturbation * (2 * random.nextDouble() - 1)));
            }
            draws.add(new Weights(w));
        }
        // the weights drawn in the seeded order, the choices made side by side (each draw is a selection of its own),
        // a core's worth at a time between two checks for cancellation
        List<List<Integer>> choices = new java.util.ArrayList<>();
        int step = Runtime.getRuntime().availableProcessors();
        for (int from = 0; from < DRAWS; from += step) {
            Cancellation.check();
            choices.addAll(draws.subList(from, Math.min(DRAWS, from + step)).parallelStream().map(w -> {
                PortfolioModel other = model.under(w);
                return costs.length <= PortfolioPlanner.EXHAUSTIVE_MAX
                        ? Selection.exhaustive(other, costs, budget).order()
                        : Selection.greedyOrBestSingle(other, costs, budget).order();
            }).toList());
        }
        int[] chosen = new int[picks.size()];
        for (List<Integer> again : choices) {
            for (int i = 0; i < picks.size(); i++) {
                if (again.contains(picks.get(i))) {
                    chosen[i]++;
                }
            }
        }
        double[] out = new double[picks.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (double) chosen[i] / DRAWS;
        }
        return out;
    }
}
