package org.clustergrid.regions;

import java.util.List;
import java.util.Map;
import org.clustergrid.scoring.Dimension;

/**
 * One region's clusters summed up.
 *
 * @param name the region's name (from the chosen attribute), or null
 * @param clusters clusters inside it; {@code scored} of them have a composite score
 * @param firms firms of the clusters that report them; {@code firmsKnown} clusters do
 * @param employment likewise for employment
 * @param dimensions each dimension's score over the clusters that have it
 * @param gapShare per dimension, the share of the clusters with that dimension's score that fall short of their
 *     target (gap above 0); null where none has it
 * @param top the highest-priority clusters, by rank
 */
public record RegionSummary(long fid, String name, Map<String, Object> attributes, int clusters, int scored,
        long firms, int firmsKnown, long employment, int employmentKnown, Stats composite, Stats gap,
        Map<Dimension, Stats> dimensions, Map<Dimension, Double> gapShare, List<Top> top) {

    /** A cluster among a region's highest priorities. */
    public record Top(String id, String name, Integer rank, Double priority, Double composite, Double gap) {}
}
