package org.clustergrid.ingest.osm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Builds a (multi)polygon from a multipolygon relation's member ways: joins the ways end to end into closed rings,
 * then nests the rings by containment (even depth = outer, odd depth = hole), ignoring the member roles, which are
 * often wrong in real data.
 */
final class MultipolygonAssembler {
    private MultipolygonAssembler() {}

    /** A relation whose rings cannot be built. */
    static final class RingException extends Exception {
        RingException(String message) {
            super(message);
        }
    }

    /** @param ways the member ways' coordinates, in member order; each has at least 2 points */
    static Geometry assemble(List<Coordinate[]> ways, GeometryFactory gf) throws RingException {
        List<Polygon> rings = new ArrayList<>();
        for (Coordinate[] ring : joinRings(ways)) {
            rings.add(gf.createPolygon(gf.createLinearRing(ring)));
        }
        rings.sort(Comparator.comparingDouble(Geometry::getArea).reversed());
        int n = rings.size();
        int[] parent = new int[n];
        int[] depth = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = -1;
            // rings are sorted largest first, so the nearest earlier ring that covers this one is its direct parent
            for (int j = i - 1; j >= 0; j--) {
                if (rings.get(j).covers(rings.get(i))) {
                    parent[i] = j;
                    depth[i] = depth[j] + 1;
                    break;
                }
            }
        }
        List<Polygon> polygons = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (depth[i] % 2 != 0) {
                continue;
            }
            List<LinearRing> holes = new ArrayList<>();
            for (int k = i + 1; k < n; k++) {
                if (parent[k] == i) {
                    holes.add(rings.get(k).getExteriorRing());
                }
            }
            polygons.add(gf.createPolygon(rings.get(i).getExteriorRing(), holes.toArray(LinearRing[]::new)));
        }
        return polygons.size() == 1 ? polygons.get(0) : gf.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    /** Joins ways sharing end nodes into closed rings, reversing ways as needed. */
    static List<Coordinate[]> joinRings(List<Coordinate[]> ways) throws RingException {
        boolean[] used = new boolean[ways.size()];
        List<Coordinate[]> rings = new ArrayList<>();
        for (int i = 0; i < ways.size(); i++) {
            if (used[i]) {
                continue;
            }
            used[i] = true;
            CoordinateList ring = new CoordinateList(ways.get(i), false);
            while (!ring.getCoordinate(0).equals2D(ring.getCoordinate(ring.size() - 1))) {
                Coordinate end = ring.getCoordinate(ring.size() - 1);
                int next = -1;
                boolean reversed = false;
                for (int j = 0; j < ways.size() && next < 0; j++) {
                    if (used[j]) {
                        continue;
                    }
                    Coordinate[] w = ways.get(j);
                    if (w[0].equals2D(end)) {
                        next = j;
                    } else if (w[w.length - 1].equals2D(end)) {
                        next = j;
                        reversed = true;
                    }
                }
                if (next < 0) {
                    throw new RingException("ring cannot be closed: no member way continues it at " + end.x + " "
                            + end.y);
                }
                used[next] = true;
                Coordinate[] w = ways.get(next);
                if (reversed) {
                    w = w.clone();
                    Collections.reverse(Arrays.asList(w));
                }
                ring.add(w, false);
            }
            if (ring.size() < 4) {
                throw new RingException("ring has fewer than 3 distinct points");
            }
            rings.add(ring.toCoordinateArray());
        }
        if (rings.isEmpty()) {
            throw new RingException("no member ways");
        }
        return rings;
    }
}
