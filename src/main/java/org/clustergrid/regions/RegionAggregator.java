package org.clustergrid.regions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.layers.ContextFeature;
import org.clustergrid.scoring.ClusterScore;
import org.clustergrid.scoring.Dimension;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Puts each cluster in the regions whose polygon covers it (a point on a shared border counts in both; a footprint
 * counts by a point inside it) and sums each region up. Regions that are not polygons are left out.
 */
public final class RegionAggregator {
    private RegionAggregator() {}

    /** The summaries in region order, and the clusters no region holds. */
    public record Result(List<RegionSummary> regions, List<RegionCluster> outside) {}

    /**
     * @param nameAttribute the regions' attribute holding their name, or null
     * @param top how many of each region's highest-priority clusters to list
     */
    public static Result aggregate(List<ContextFeature> regions, String nameAttribute, List<RegionCluster> clusters,
            int top) {
        STRtree index = new STRtree();
        List<PreparedGeometry> prepared = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            Geometry g = regions.get(i).geometry();
            prepared.add(g instanceof Polygonal ? PreparedGeometryFactory.prepare(g) : null);
            if (g instanceof Polygonal) {
                index.insert(g.getEnvelopeInternal(), i);
            }
        }
        List<List<RegionCluster>> members = new ArrayList<>();
        regions.forEach(r -> members.add(new ArrayList<>()));
        List<RegionCluster> outside = new ArrayList<>();
        for (RegionCluster c : clusters) {
            Point p = c.location().getDimension() == 0 ? c.location().getCentroid() : c.location().getInteriorPoint();
            boolean in = false;
            for (Object o : index.query(p.getEnvelopeInternal())) {
                int i = (Integer) o;
                if (prepared.get(i).covers(p)) {
                    members.get(i).add(c);
                    in = true;
                }
            }
            if (!in) {
                outside.add(c);
            }
        }
        List<RegionSummary> out = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            if (prepared.get(i) != null) {
                out.add(summary(regions.get(i), nameAttribute, members.get(i), top));
            }
        }
        return new Result(out, outside);
    }

    /**
     * Clusters chosen some other way (a drawn area, a country, every cluster) summed up as one region named
     * {@code name}, as {@link #aggregate} sums up each polygon's.
     */
    public static RegionSummary summary(String name, List<RegionCluster> in, int top) {
        return summary(new ContextFeature(0, null, Map.of("name", name)), "name", in, top);
    }

    static RegionSummary summary(ContextFeature region, String nameAttribute, List<RegionCluster> in, int top) {
        long firms = 0;
        long employment = 0;
        int firmsKnown = 0;
        int employmentKnown = 0;
        List<Double> composite = new ArrayList<>();
        List<Double> gap = new ArrayList<>();
        Map<Dimension, List<Double>> dims = new EnumMap<>(Dimension.class);
        Map<Dimension, int[]> shortOf = new EnumMap<>(Dimension.class);
        for (RegionCluster c : in) {
            if (c.firms() != null) {
                firms += c.firms();
                firmsKnown++;
            }
            if (c.employment() != null) {
                employment += c.employment();
                employmentKnown++;
            }
            ClusterScore s = c.score();
            if (s == null) {
                continue;
            }
            if (s.composite() != null) {
                composite.add(s.composite());
            }
            if (s.gap() != null) {
                gap.add(s.gap());
            }
            for (Dimension d : Dimension.values()) {
                Double v = s.dimensions().get(d);
                if (v != null) {
                    dims.computeIfAbsent(d, k -> new ArrayList<>()).add(v);
                    Double g = s.gaps().get(d);
                    int[] counts = shortOf.computeIfAbsent(d, k -> new int[2]);
                    counts[1]++;
                    if (g != null && g > 0) {
                        counts[0]++;
                    }
                }
            }
        }
        Map<Dimension, Stats> dimensions = new EnumMap<>(Dimension.class);
        Map<Dimension, Double> gapShare = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            dimensions.put(d, Stats.of(values(dims.getOrDefault(d, List.of()))));
            int[] counts = shortOf.get(d);
            gapShare.put(d, counts == null ? null : (double) counts[0] / counts[1]);
        }
        List<RegionSummary.Top> best = in.stream().filter(c -> c.rank() != null)
                .sorted(Comparator.comparingInt(RegionCluster::rank)).limit(top)
                .map(c -> new RegionSummary.Top(c.id(), c.name(), c.rank(), c.score().priority(),
                        c.score().composite(), c.score().gap())).toList();
        Object name = nameAttribute == null ? null : region.attributes().get(nameAttribute);
        return new RegionSummary(region.fid(), name == null ? null : name.toString(),
                new LinkedHashMap<>(region.attributes()), in.size(), composite.size(), firms, firmsKnown, employment,
                employmentKnown, Stats.of(values(composite)), Stats.of(values(gap)), dimensions, gapShare, best);
    }

    private static double[] values(List<Double> list) {
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
