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
}
