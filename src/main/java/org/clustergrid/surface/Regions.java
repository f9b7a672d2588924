package org.clustergrid.surface;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Clusters grouped into regions, each of which gets its own {@link HexGrid} sized to its own extent, so a city's
 * clusters get city-sized hexagons however far away other clusters lie. Single linkage: two clusters whose
 * footprints' boxes lie within {@link #LINK_METRES} of each other share a region, and so does every chain of such
 * pairs. Then regions whose grids (clusters plus margin) would overlap are merged, until none do: each place has at
 * most one hexagon. Regions are ordered west to east, then south to north, and named {@code r0, r1, …}.
 *
 * <p>Single linkage can chain: clusters every 40 km across a country form one region, whose hexagons grow with its
 * extent (about 18 km a side for all of India at the grid's cell cap). Distances are taken on the equirectangular
 * plane at the pair's mean latitude (well under 1 % off at 50 km); regions do not wrap around the antimeridian.
 */
public final class Regions {
    /**
     * Clusters closer than this share a region: about an hour by rural road, within which clusters draw on the same
     * towns and markets, and equal to the farthest a point may lie from a road and still join the network. Farther
     * apart, the grid between them would be mostly land the clusters do not share.
     */
    public static final double LINK_METRES = 50_000;
    private static final double METRES_PER_DEGREE = Math.PI * 6_378_137 / 180;

    private Regions() {}

    /**
     * One region: its name, the box of its clusters' footprints, how many clusters it holds and its grid.
     *
     * @param index position in the list {@link #of} returns
     */
    public record Region(String id, int index, Envelope clusters, int clusterCount, HexGrid grid) {}

    /** The regions of clusters given by their footprints' longitude/latitude boxes; empty without clusters. */
    public static List<Region> of(List<Envelope> clusterBoxes) {
        // single linkage over the clusters
        UnionFind links = new UnionFind(clusterBoxes.size());
        join(clusterBoxes, LINK_METRES, links);
        List<Group> groups = groups(clusterBoxes, links, null);
        // then merge regions whose grids overlap, until none do (a merged region's grid is larger, so repeat)
        while (true) {
            List<Envelope> areas = groups.stream().map(g -> g.grid().extent()).toList();
            UnionFind overlaps = new UnionFind(groups.size());
            if (!join(areas, 0, overlaps)) {
                break;
            }
            groups = groups(areas, overlaps, groups);
        }
        groups.sort(Comparator.comparingDouble((Group g) -> g.box.getMinX()).thenComparingDouble(g -> g.box.getMinY()));
        List<Region> regions = new ArrayList<>(groups.size());
        for (Group g : groups) {
            regions.add(new Region("r" + regions.size(), regions.size(), g.box, g.count, g.grid()));
        }
        return List.copyOf(regions);
    }

    /** Clusters (or regions) merged so far: their box and how many clusters they hold. */
    private record Group(Envelope box, int count) {
        HexGrid grid() {
            return HexGrid.covering(box, HexGrid.MAX_CELLS);
        }
    }

    /**
     * Groups the members of each set: {@code from == null} when members are single clusters, else the groups the
     * members stand for (their boxes and counts add up).
     */
    private static List<Group> groups(List<Envelope> boxes, UnionFind sets, List<Group> from) {
        java.util.Map<Integer, Group> byRoot = new java.util.LinkedHashMap<>();
        for (int i = 0; i < boxes.size(); i++) {
            Group member = from == null ? new Group(boxes.get(i), 1) : from.get(i);
            byRoot.merge(sets.find(i), new Group(new Envelope(member.box), member.count), (a, b) -> {
                a.box.expandToInclude(b.box);
                return new Group(a.box, a.count + b.count);
            });
        }
        return new ArrayList<>(byRoot.values());
    }

    /**
     * Joins every pair of boxes at most {@code metres} apart (0: boxes that overlap, more than touching); whether
     * any pair of distinct sets was joined.
     */
    private static boolean join(List<Envelope> boxes, double metres, UnionFind sets) {
        STRtree tree = new STRtree();
        for (int i = 0; i < boxes.size(); i++) {
            tree.insert(boxes.get(i), i);
        }
        boolean joined = false;
        for (int i = 0; i < boxes.size(); i++) {
            Envelope a = boxes.get(i);
            double dLat = metres / METRES_PER_DEGREE;
            double maxAbsLat = Math.min(89, Math.max(Math.abs(a.getMinY()), Math.abs(a.getMaxY())) + dLat);
            double dLon = dLat / Math.cos(Math.toRadians(maxAbsLat));
            Envelope search = new Envelope(a.getMinX() - dLon, a.getMaxX() + dLon, a.getMinY() - dLat,
                    a.getMaxY() + dLat);
            for (Object o : tree.query(search)) {
                int j = (Integer) o;
                if (j > i && near(a, boxes.get(j), metres) && sets.union(i, j)) {
                    joined = true;
                }
            }
        }
        return joined;
    }

    /** Whether two boxes lie within {@code metres}; with 0, whether they share more than an edge. */
    static boolean near(Envelope a, Envelope b, double metres) {
        if (metres == 0) {
            Envelope shared = a.intersection(b);
            return !shared.isNull() && shared.getWidth() > 0 && shared.getHeight() > 0;
        }
        double gapLon = Math.max(0, Math.max(a.getMinX() - b.getMaxX(), b.getMinX() - a.getMaxX()));
        double gapLat = Math.max(0, Math.max(a.getMinY() - b.getMaxY(), b.getMinY() - a.getMaxY()));
        double midLat = (a.getMinY() + a.getMaxY() + b.getMinY() + b.getMaxY()) / 4;
        double dx = gapLon * METRES_PER_DEGREE * Math.cos(Math.toRadians(midLat));
        double dy = gapLat * METRES_PER_DEGREE;
        return dx * dx + dy * dy <= metres * metres;
    }

    /** Disjoint sets with path halving. */
    private static final class UnionFind {
        private final int[] parent;

        UnionFind(int n) {
            parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
        }

        int find(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        /** Whether the two were in different sets. */
        boolean union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra == rb) {
                return false;
            }
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
            return true;
        }
    }
}
