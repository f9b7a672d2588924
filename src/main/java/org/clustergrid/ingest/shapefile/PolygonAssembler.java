package org.clustergrid.ingest.shapefile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Turns the rings of a shapefile polygon record into polygons. Shapefiles mark outer rings clockwise and holes
 * counter-clockwise, with no link from a hole to its shell: each hole goes to the smallest shell containing it. Files
 * whose orientation cannot be trusted (no clockwise ring, or a hole inside no shell) are assembled by nesting alone.
 */
final class PolygonAssembler {
    private PolygonAssembler() {}

    private static final class Ring {
        final Coordinate[] coords;
        final Envelope envelope;
        final double area;
        final List<Ring> holes = new ArrayList<>();
        Ring parent;
        boolean shell;

        Ring(Coordinate[] coords) {
            this.coords = coords;
            this.envelope = new Envelope();
            for (Coordinate c : coords) {
                envelope.expandToInclude(c);
            }
            this.area = Math.abs(Area.ofRingSigned(coords));
        }

        /** Whether the other ring lies inside this one, judged by its first vertex not on this ring's boundary. */
        boolean contains(Ring other) {
            if (!envelope.covers(other.envelope)) {
                return false;
            }
            for (Coordinate c : other.coords) {
                int loc = RayCrossingCounter.locatePointInRing(c, coords);
                if (loc != Location.BOUNDARY) {
                    return loc == Location.INTERIOR;
                }
            }
            return true; // all vertices on this ring's boundary: a duplicate ring, treat as nested
        }
    }

    /** The ring closed if needed, or null when it has fewer than 4 points once closed (it cannot enclose anything). */
    static Coordinate[] closedRing(Coordinate[] cs) {
        if (cs.length == 0) {
            return null;
        }
        Coordinate[] ring = cs;
        if (!cs[0].equals2D(cs[cs.length - 1])) {
            ring = Arrays.copyOf(cs, cs.length + 1);
            ring[cs.length] = cs[0].copy();
        }
        return ring.length >= 4 ? ring : null;
    }

    static Geometry assemble(List<Coordinate[]> ringCoords, GeometryFactory factory) {
        if (ringCoords.isEmpty()) {
            return factory.createPolygon();
        }
        if (ringCoords.size() == 1) {
            return factory.createPolygon(ringCoords.get(0));
        }
        List<Ring> rings = new ArrayList<>(ringCoords.size());
        for (Coordinate[] cs : ringCoords) {
            rings.add(new Ring(cs));
        }
        List<Ring> shells = byOrientation(rings);
        if (shells == null) {
            shells = byNesting(rings);
        }
        Polygon[] polygons = new Polygon[shells.size()];
        for (int i = 0; i < polygons.length; i++) {
            Ring s = shells.get(i);
            LinearRing[] holes = new LinearRing[s.holes.size()];
            for (int k = 0; k < holes.length; k++) {
                holes[k] = factory.createLinearRing(s.holes.get(k).coords);
            }
            polygons[i] = factory.createPolygon(factory.createLinearRing(s.coords), holes);
        }
        return polygons.length == 1 ? polygons[0] : factory.createMultiPolygon(polygons);
    }

    /** Shells are the clockwise rings; null when that does not give every hole a shell. */
    private static List<Ring> byOrientation(List<Ring> rings) {
        List<Ring> shells = new ArrayList<>();
        List<Ring> holes = new ArrayList<>();
        for (Ring r : rings) {
            (Orientation.isCCW(r.coords) ? holes : shells).add(r);
        }
        if (shells.isEmpty()) {
            return null;
        }
        for (Ring hole : holes) {
            Ring best = null;
            for (Ring shell : shells) {
                if ((best == null || shell.area < best.area) && shell.contains(hole)) {
                    best = shell;
                }
            }
            if (best == null) {
                shells.forEach(s -> s.holes.clear());
                return null;
            }
            best.holes.add(hole);
        }
        return shells;
    }

    /** Ignores orientation: a ring inside an even number of rings is a shell, else a hole of its smallest container. */
    private static List<Ring> byNesting(List<Ring> rings) {
        List<Ring> sorted = new ArrayList<>(rings);
        sorted.sort(Comparator.comparingDouble((Ring r) -> r.area).reversed());
        List<Ring> shells = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Ring r = sorted.get(i);
            for (int j = i - 1; j >= 0 && r.parent == null; j--) {
                if (sorted.get(j).contains(r)) {
                    r.parent = sorted.get(j);
                }
            }
            r.shell = r.parent == null || !r.parent.shell;
            if (r.shell) {
                shells.add(r);
            } else {
                r.parent.holes.add(r);
            }
        }
        return shells;
    }
}
