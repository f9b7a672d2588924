package org.clustergrid.portfolio;

import java.util.List;
import org.clustergrid.scenario.ScenarioEvaluation;

/**
 * The projects a budget buys, best value for money first.
 *
 * @param picks in the order chosen, each with the gain it added to those before it
 * @param gain the objective's value ({@link PortfolioModel}) for the picks: their priority gain, or gap closed
 * @param bound an upper bound on the best portfolio's gain: equal to {@code gain} when proven optimal;
 *     null when the objective may not be submodular (a project makes an unknown indicator known)
 * @param method how the picks were found: "every subset" or "exact (SCIP)" (optimal), "SCIP, best found in 20 s",
 *     "greedy", or "best single project"
 * @param curve the cost-effectiveness curve: every candidate with a gain, in the greedy's order without a budget,
 *     with the cumulative cost and gain
 * @param evaluated the picks evaluated together as one scenario (what the model leaves out shows here); null when
 *     they cannot be applied together
 */
public record Portfolio(Objective objective, double budget, String currency, int candidates, List<Pick> picks, double cost, double gain,
        Double bound, String method, List<Step> curve, ScenarioEvaluation evaluated, List<String> warnings) {

    /**
     * A project chosen, with what it adds to the projects chosen before it.
     *
     * @param stability the share of selections under perturbed dimension weights that choose it too
     * @param clusters the clusters it adds to, each with its share of {@code gain}, largest first
     */
    public record Pick(Candidate candidate, double gain, double cumulativeCost, double cumulativeGain,
            double stability, List<ClusterGain> clusters) {}

    /** A cluster a pick helps, by its Cluster Grid ID, and what the pick adds there to the picks before it. */
    public record ClusterGain(String clusterGridId, double gain) {}

    /** A point of the cost-effectiveness curve. */
    public record Step(String candidate, double cumulativeCost, double cumulativeGain) {}

    /** The same measure of the picks evaluated together; null without that evaluation. */
    public Double evaluatedGain() {
        return evaluated == null ? null : objective == Objective.PRIORITY ? evaluated.summary().priorityGain()
                : evaluated.summary().gapClosed();
    }

    /** How far the gain may lie below the best possible, as a share of the bound; null without a bound. */
    public Double optimalityGap() {
        return bound == null ? null : bound <= 0 ? 0.0 : (bound - gain) / bound;
    }
}
