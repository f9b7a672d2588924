package org.clustergrid.report;

import java.util.List;
import java.util.Map;
import org.clustergrid.regions.RegionSummary;
import org.clustergrid.regions.Stats;
import org.clustergrid.scoring.Dimension;
import org.clustergrid.scoring.Missing;
import org.clustergrid.scoring.ScoringRun;

/**
 * A regional priority report's content before it is laid out ({@link RegionalReportHtml}): the region's clusters
 * summed up, per dimension, by sub-region and by data coverage, its highest priorities, maps and a chart.
 *
 * @param members the region's clusters in the order of the run's ranking (priority, then gap, then those not scored)
 * @param byId every cluster of the run by Cluster Grid ID
 * @param top the first {@code request.top()} scored members
 * @param subRegions one summary per sub-region, empty without a breakdown
 * @param outsideSubRegions members no sub-region holds
 */
record RegionalContent(RegionReportRequest request, List<ScoringRun.Ranked> members,
        Map<String, ScoringRun.Ranked> byId, RegionSummary summary, List<DimensionFacts> dimensions,
        Coverage coverage, List<ScoringRun.Ranked> top, List<RegionSummary> subRegions, int outsideSubRegions,
        RegionMap.Drawn compositeMap, RegionMap.Drawn priorityMap, String chart, int runClusters,
        Provenance provenance) {

    /**
     * One dimension over the region's clusters.
     *
     * @param score its scores' spread over the clusters that have one; null when none has
     * @param gapShare the share of those short of their target; null when none has a score
     * @param medianGap the median gap of those with a score; null when none has
     * @param meanKnown the mean share of the dimension's indicator weight that is known
     * @param worst the largest gaps, largest first
     */
    record DimensionFacts(Dimension dimension, int clusters, Stats score, Double gapShare, Double medianGap,
            double meanKnown, List<Worst> worst) {
        int scored() {
            return score == null ? 0 : score.n();
        }
    }

    /** A cluster with one of a dimension's largest gaps. */
    record Worst(String id, String name, double gap, double score, Double target) {}

    /**
     * How much of the evidence is known over the region.
     *
     * @param meanKnown the mean share of all evidence known per cluster
     * @param notScored the clusters without a composite score, each with why
     * @param sizeUnknown scored clusters with neither employment nor firms: ranked by gap only
     */
    record Coverage(double meanKnown, List<IndicatorCoverage> indicators, List<ScoringRun.Ranked> notScored,
            int sizeUnknown) {}

    /** One indicator over the region's clusters: measured, measured as "none reachable", and unknown by reason. */
    record IndicatorCoverage(String title, Dimension dimension, int measured, int unreachable,
            Map<Missing.Reason, Integer> unknown) {
        int unknownTotal() {
            return unknown.values().stream().mapToInt(Integer::intValue).sum();
        }
    }
}
