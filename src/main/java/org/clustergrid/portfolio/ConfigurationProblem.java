package org.clustergrid.portfolio;

import java.util.List;

/**
 * The portfolio objective in a form a solver can take whatever its shape, submodular or not: choose candidates (x ∈
 * {0, 1}, Σ cost·x ≤ budget) to maximise Σ over clusters of the cluster's value under the set of its candidates
 * chosen, each cluster's value given for every subset of the candidates that reach it. Exact where a candidate making
 * an unknown indicator known breaks the coverage form ({@link CoverageProblem}), at a size exponential in the
 * candidates reaching one cluster: made only while those are few.
 */
record ConfigurationProblem(double[] cost, double budget, List<Choices> clusters) {
    /**
     * One cluster: the candidates that reach it, and its value under each subset of them — {@code values[mask]},
     * where bit k of the mask stands for {@code candidates[k]} chosen; {@code values[0]} is 0.
     */
    record Choices(int[] candidates, double[] values) {}

    /** The objective for a set of chosen candidates: what a solver's answer is checked by. */
    double value(boolean[] chosen) {
        double total = 0;
        for (Choices c : clusters) {
            int mask = 0;
            for (int k = 0; k < c.candidates().length; k++) {
                if (chosen[c.candidates()[k]]) {
                    mask |= 1 << k;
                }
            }
            total += c.values()[mask];
        }
        return total;
    }
}
