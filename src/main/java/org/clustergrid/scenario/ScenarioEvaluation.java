package org.clustergrid.scenario;

import java.util.List;
import java.util.Map;
import org.clustergrid.scoring.Dimension;

/**
 * What a scenario changes: per cluster, every indicator, dimension score, gap and priority before and after; and the
 * summary a budget holder reads. The gain is the <b>priority-weighted gap closed</b>: Σ over clusters of size × (gap
 * before − gap after), i.e. the fall in priority (gap × employment, else firms), counted over the clusters with a
 * priority both before and after.
 *
 * @param priced the interventions, each with its cost and how it was priced
 * @param clusters every cluster, in the data's order
 */
public record ScenarioEvaluation(String scenario, String currency, List<ScenarioApplier.Priced> priced,
        Summary summary, List<ClusterChange> clusters) {

    /**
     * @param clustersChanged clusters with any indicator, score, gap or priority changed
     * @param gapClosed Σ (gap before − gap after), unweighted, over clusters with a gap both before and after
     * @param priorityGain the priority-weighted gap closed (see above)
     * @param liftedToTarget clusters with a gap before that meet every target after (gap 0)
     * @param firmsReached firms of the clusters whose gap fell
     * @param workersReached employment of the clusters whose gap fell
     * @param gainPerCost priority gain per unit of cost; null when nothing was spent
     * @param warnings what a reader must know to read the figures, e.g. an indicator the data could not measure
     *     at all (none of its kind) that the scenario's planned features alone made known
     */
    public record Summary(int clustersChanged, double gapClosed, double priorityGain, int liftedToTarget,
            long firmsReached, long workersReached, double totalCost, Double gainPerCost, List<String> warnings) {}

    /** One cluster before and after; indicators listed only where their value, score or missing reason changed. */
    public record ClusterChange(String id, String name, Integer size, Side before, Side after,
            List<IndicatorChange> indicators) {
        public boolean changed() {
            return !indicators.isEmpty() || !before.equals(after);
        }
    }

    /** A cluster's standing on one side of the change. */
    public record Side(Double composite, Double gap, Double priority, Integer rank, Map<Dimension, Double> dimensions) {}

    /** An indicator before and after: value and score, or why it is unknown. */
    public record IndicatorChange(String id, Double before, Double after, Double scoreBefore, Double scoreAfter,
            String missingBefore, String missingAfter) {}
}
