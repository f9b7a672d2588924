package org.clustergrid.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clustergrid.model.Cluster;
import org.clustergrid.regions.RegionAggregator;
import org.clustergrid.regions.RegionCluster;
import org.clustergrid.regions.RegionSummary;
import org.clustergrid.regions.Stats;
import org.clustergrid.render.ScoreMeasure;
import org.clustergrid.scoring.ClusterScore;
import org.clustergrid.scoring.Dimension;
import org.clustergrid.scoring.IndicatorResult;
import org.clustergrid.scoring.LayerResult;
import org.clustergrid.scoring.Missing;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.store.StoredFeature;

/**
 * Gathers a {@link RegionalContent} from a report context: which clusters the region holds (placed as the regions
 * count them, {@link RegionAggregator}), their figures, the sub-regions, maps and chart. Unknown values stay unknown:
 * a cluster without a score or a size is counted apart with its reason, never as 0.
 */
final class RegionalContentBuilder {
    /** Largest gaps listed per dimension. */
    static final int WORST = 3;

    private RegionalContentBuilder() {}

    static RegionalContent build(ReportContext ctx, RegionReportRequest request) {
        ScoringRun run = ctx.run();
        List<ScoringRun.Ranked> order = run.byRank();
        Map<String, Integer> place = new HashMap<>();
        Map<String, ScoringRun.Ranked> byId = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            place.put(order.get(i).score().id(), i + 1);
            byId.put(order.get(i).score().id(), order.get(i));
        }
        List<RegionCluster> inside = members(ctx, request.scope(), place);
        if (inside.isEmpty()) {
            throw new EmptyRegionException(request.scope());
        }
        Set<String> ids = new HashSet<>();
        inside.forEach(c -> ids.add(c.id()));
        List<ScoringRun.Ranked> members = order.stream().filter(r -> ids.contains(r.score().id())).toList();
        RegionSummary summary = RegionAggregator.summary(request.scope().name(), inside, 1);
        List<RegionSummary> subRegions = List.of();
        int outsideSubRegions = 0;
        if (request.breakdown() != null) {
            RegionAggregator.Result r = RegionAggregator.aggregate(request.breakdown().areas(),
                    request.breakdown().nameAttribute(), inside, 1);
            // most need first, as the web map's table: the lowest median score on top, areas without one last
            subRegions = r.regions().stream().sorted(Comparator.comparing((RegionSummary a) -> a.composite() == null)
                    .thenComparingDouble(a -> a.composite() == null ? 0 : a.composite().median())
                    .thenComparing(a -> -a.clusters())).toList();
            outsideSubRegions = r.outside().size();
        }
        List<ScoringRun.Ranked> top = members.stream().filter(r -> r.score().scored()).limit(request.top()).toList();
        Provenance provenance = ctx.provenance();
        RegionMap maps = new RegionMap(ctx.data(), run, ids, request,
                id -> provenance.dataset(id).map(Provenance::attribution).orElse(null));
        return new RegionalContent(request, members, byId, summary, dimensions(members), coverage(members), top,
                subRegions, outsideSubRegions, maps.render(ScoreMeasure.COMPOSITE),
                maps.render(ScoreMeasure.PRIORITY), RegionDistributionChart.svg(members), run.ranked().size(),
                provenance);
    }

    /** The Cluster Grid IDs of the run's clusters inside the region, in the run's order. */
    static List<String> memberIds(ReportContext ctx, RegionScope scope) {
        return members(ctx, scope, Map.of()).stream().map(RegionCluster::id).toList();
    }

    /**
     * The run's clusters inside the region, each with its place in the run's ranking as its rank (so a region's
     * "top" follows the ranking the report lists: priority, then gap for clusters of unknown size).
     */
    private static List<RegionCluster> members(ReportContext ctx, RegionScope scope, Map<String, Integer> place) {
        List<RegionCluster> candidates = new ArrayList<>();
        List<StoredFeature> clusters = ctx.data().clusters();
        for (int i = 0; i < clusters.size(); i++) {
            String id = clusters.get(i).layerId();
            if (!scope.countryHolds(id)) {
                continue;
            }
            Cluster c = (Cluster) clusters.get(i).feature();
            ClusterScore s = ctx.run().ranked().get(i).score();
            candidates.add(new RegionCluster(id, c.name(), c.footprint(), c.firms(), c.employment(), s,
                    s.scored() ? place.get(id) : null));
        }
        if (scope.areas().isEmpty()) {
            return candidates;
        }
        Set<RegionCluster> outside = Collections.newSetFromMap(new IdentityHashMap<>());
        outside.addAll(RegionAggregator.aggregate(scope.areas(), null, candidates, 0).outside());
        return candidates.stream().filter(c -> !outside.contains(c)).toList();
    }

    private static List<RegionalContent.DimensionFacts> dimensions(List<ScoringRun.Ranked> members) {
        List<RegionalContent.DimensionFacts> out = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            List<Double> scores = new ArrayList<>();
            List<Double> gaps = new ArrayList<>();
            double known = 0;
            int shortOf = 0;
            List<RegionalContent.Worst> worst = new ArrayList<>();
            for (ScoringRun.Ranked r : members) {
                ClusterScore s = r.score();
                known += s.completeness().getOrDefault(d, 0.0);
                Double v = s.dimensions().get(d);
                if (v == null) {
                    continue;
                }
                scores.add(v);
                Double g = s.gaps().get(d);
                if (g != null) {
                    gaps.add(g);
                    if (g > 0) {
                        shortOf++;
                        worst.add(new RegionalContent.Worst(s.id(), s.name(), g, v, s.targets().get(d)));
                    }
                }
            }
            worst.sort(Comparator.comparingDouble((RegionalContent.Worst w) -> -w.gap())
                    .thenComparing(RegionalContent.Worst::id));
            Stats gapStats = Stats.of(gaps.stream().mapToDouble(Double::doubleValue).toArray());
            out.add(new RegionalContent.DimensionFacts(d, members.size(),
                    Stats.of(scores.stream().mapToDouble(Double::doubleValue).toArray()),
                    scores.isEmpty() ? null : (double) shortOf / scores.size(),
                    gapStats == null ? null : gapStats.median(),
                    known / members.size(), List.copyOf(worst.subList(0, Math.min(WORST, worst.size())))));
        }
        return out;
    }

    private static RegionalContent.Coverage coverage(List<ScoringRun.Ranked> members) {
        Map<String, RegionalContent.IndicatorCoverage> byIndicator = new LinkedHashMap<>();
        double known = 0;
        int sizeUnknown = 0;
        List<ScoringRun.Ranked> notScored = new ArrayList<>();
        for (ScoringRun.Ranked r : members) {
            ClusterScore s = r.score();
            known += s.known();
            if (!s.scored()) {
                notScored.add(r);
            } else if (s.size() == null) {
                sizeUnknown++;
            }
            for (IndicatorResult ir : s.indicators().values()) {
                count(byIndicator, ir.indicator().title(), ir.indicator().dimension(), ir.value() != null,
                        ir.known() && ir.value() == null, ir.missing());
            }
            for (LayerResult lr : s.layerIndicators()) {
                count(byIndicator, lr.indicator().title(), lr.indicator().dimension(), lr.value() != null,
                        lr.score() != null && lr.value() == null, lr.missing());
            }
        }
        return new RegionalContent.Coverage(known / members.size(), List.copyOf(byIndicator.values()), notScored,
                sizeUnknown);
    }

    private static void count(Map<String, RegionalContent.IndicatorCoverage> byIndicator, String title, Dimension d,
            boolean measured, boolean unreachable, Missing missing) {
        RegionalContent.IndicatorCoverage c = byIndicator.computeIfAbsent(title,
                t -> new RegionalContent.IndicatorCoverage(t, d, 0, 0, new EnumMap<>(Missing.Reason.class)));
        if (missing != null) {
            c.unknown().merge(missing.reason(), 1, Integer::sum);
        }
        byIndicator.put(title, new RegionalContent.IndicatorCoverage(title, d, c.measured() + (measured ? 1 : 0),
                c.unreachable() + (unreachable ? 1 : 0), c.unknown()));
    }
}
