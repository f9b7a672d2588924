package org.clustergrid.report;

import java.util.List;
import java.util.Set;
import org.clustergrid.model.Dataset;
import org.clustergrid.model.Identification;
import org.clustergrid.model.MarketScope;
import org.clustergrid.model.Typology;
import org.clustergrid.scoring.Dimension;
import org.clustergrid.scoring.ScoringRun;

/**
 * Everything the profile of one cluster shows — the Cluster Grid's identification and intervention grids on paper —
 * taken from one scoring run; {@link ClusterProfileHtml} lays it out.
 *
 * @param ranked the cluster's score, rank, gap rank and rank stability in the run
 * @param gaps the indicators falling short of target, the largest share of the weighted gap first
 * @param unknown the indicators that could not be measured, with the reason
 */
public record ClusterProfile(Identity identity, ScoringRun.Ranked ranked, Standing standing,
        List<DimensionBlock> dimensions, PeerComparison peers, List<GapItem> gaps, List<IndicatorRow> unknown,
        CandidateProjects candidates, ClusterMap.Drawn map, Provenance provenance) {

    /**
     * The register's facts about the cluster and where it is.
     *
     * @param nearestPlace the nearest named market or settlement and how far, null when the data have none
     * @param areas the administrative areas that cover it, empty when none is known
     * @param dataset the data set the cluster comes from, null when the store no longer lists it
     * @param evidenceDatasets the data sets of the features behind its indicators
     * @param grid the rest of the register's Identification grid: status, age, product markets, institutions, contact
     */
    public record Identity(String id, String name, String sector, String products, Typology typology, Integer firms,
            Integer employment, Set<MarketScope> markets, double lon, double lat, String nearestPlace,
            List<String> areas, String source, Dataset dataset, List<Dataset> evidenceDatasets,
            Identification grid) {}

    /** How many clusters the run has, how many are ranked by priority and how many by gap only. */
    public record Standing(int clusters, int byPriority, int byGap) {}

    /** A dimension's score, target, gap, how much of it is known, its weight, and its indicators. */
    public record DimensionBlock(Dimension dimension, Double score, Double target, Double gap, double known,
            double weight, List<IndicatorRow> rows) {}

    /**
     * A shortfall to close.
     *
     * @param points its share of the weighted gap: dimension weight × the indicator's share of the known weight of
     *     its dimension × (target − score)
     */
    public record GapItem(IndicatorRow row, double points, String statement, String intervention) {}
}
