package org.clustergrid.portfolio;

import java.util.List;

/**
 * The portfolio objective as a budgeted coverage problem, for a solver: choose candidates (x ∈ {0, 1}, Σ cost·x ≤
 * budget) to maximise Σ over demands of weight × z, where a demand's z is at most its cap and at most the sum over
 * its slots of the gain of the one candidate each slot takes (a slot takes at most one chosen candidate). For a
 * portfolio a demand is a cluster's dimension (cap: its gap there; weight: its size, or 1, times the dimension's
 * weight share) and a slot is one of its indicators, each candidate offering the rise of the dimension score its result
 * alone gives. The maximal covering location problem is the case of one slot a demand whose gains equal its cap.
 */
record CoverageProblem(double[] cost, double budget, List<Demand> demands) {
    /** A demand and the slots that may fill it. */
    record Demand(double weight, double cap, List<Slot> slots) {}

    /** One way to fill a demand: at most one of these candidates counts, with its gain. */
    record Slot(int[] candidates, double[] gains) {}

    /** The objective for a set of chosen candidates: what a solver's answer is checked by. */
    double value(boolean[] chosen) {
        double total = 0;
        for (Demand d : demands) {
            double z = 0;
            for (Slot s : d.slots()) {
                double best = 0;
                for (int k = 0; k < s.candidates().length; k++) {
                    if (chosen[s.candidates()[k]]) {
                        best = Math.max(best, s.gains()[k]);
                    }
                }
                z += best;
            }
            total += d.weight() * Math.min(d.cap(), z);
        }
        return total;
    }

    /**
     * An upper bound on the optimum, the objective being submodular (Leskovec et al. 2007): the value of {@code
     * chosen} plus the best fractional filling of the whole budget with the other candidates' gains on top of it.
     */
    double bound(boolean[] chosen) {
        double[] gain = new double[cost.length];
        for (Demand d : demands) {
            double z = 0;
            double[] best = new double[d.slots().size()];
            for (int s = 0; s < best.length; s++) {
                CoverageProblem.Slot slot = d.slots().get(s);
                for (int k = 0; k < slot.candidates().length; k++) {
                    if (chosen[slot.candidates()[k]]) {
                        best[s] = Math.max(best[s], slot.gains()[k]);
                    }
                }
                z += best[s];
            }
            // each other candidate's rise of z here: over the best of every slot it offers in
            java.util.Map<Integer, Double> rise = new java.util.HashMap<>();
            for (int s = 0; s < best.length; s++) {
                CoverageProblem.Slot slot = d.slots().get(s);
                for (int k = 0; k < slot.candidates().length; k++) {
                    int j = slot.candidates()[k];
                    if (!chosen[j] && slot.gains()[k] > best[s]) {
                        rise.merge(j, slot.gains()[k] - best[s], Double::sum);
                    }
                }
            }
            double held = Math.min(d.cap(), z);
            for (java.util.Map.Entry<Integer, Double> r : rise.entrySet()) {
                gain[r.getKey()] += d.weight() * (Math.min(d.cap(), z + r.getValue()) - held);
            }
        }
        Integer[] order = new Integer[cost.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(ratio(gain[b], cost[b]), ratio(gain[a], cost[a])));
        double bound = value(chosen);
        double left = budget;
        for (int j : order) {
            if (chosen[j] || !(gain[j] > 0)) {
                continue;
            }
            if (cost[j] <= left) {
                bound += gain[j];
                left -= cost[j];
            } else {
                bound += gain[j] * left / cost[j];
                break;
            }
        }
        return bound;
    }

    private static double ratio(double gain, double cost) {
        return cost > 0 ? gain / cost : Double.POSITIVE_INFINITY;
    }
}
