package org.clustergrid.ingest.osm;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * The geometries one OSM element can offer to the layers that want it: a way is a line for a road and an area for
 * a substation. Derived shapes are built once, on first use, and problems with them are reported once.
 */
final class ElementShape {
    private final String location;
    private final Geometry raw;
    private final ProblemSink problems;
    private Geometry area;
    private boolean areaDone;
    private Point point;

    /**
     * @param raw a Point (node), LineString (way), Polygon/MultiPolygon (multipolygon relation) or MultiLineString
     *     (relation of lines)
     */
    ElementShape(String location, Geometry raw, ProblemSink problems) {
        this.location = location;
        this.raw = raw;
        this.problems = problems;
    }

    String location() {
        return location;
    }

    /** Whether the element is a way whose ends meet, with at least 3 distinct nodes: a ring that may be an area. */
    boolean closedWay() {
        return raw instanceof LineString line && line.isClosed() && line.getNumPoints() >= 4;
    }

    /** The element as a line or lines, or null for nodes and areas. */
    Geometry linear() {
        return raw instanceof Lineal ? raw : null;
    }

    /** The element as a valid area: a closed way of at least 3 distinct nodes, or a multipolygon; else null. */
    Geometry area() {
        if (!areaDone) {
            areaDone = true;
            area = buildArea();
        }
        return area;
    }

    private Geometry buildArea() {
        Geometry a;
        if (raw instanceof Polygonal) {
            a = raw;
        } else if (raw instanceof LineString line && line.isClosed() && line.getNumPoints() >= 4) {
            a = raw.getFactory().createPolygon(line.getCoordinateSequence());
        } else {
            return null;
        }
        if (!a.isValid()) {
            Geometry fixed = GeometryFixer.fix(a);
            if (fixed.isEmpty() || !(fixed instanceof Polygonal)) {
                problems.warning(location, null, "area geometry is invalid and cannot be repaired; left out");
                return null;
            }
            problems.warning(location, null, "area geometry was invalid (e.g. self-intersecting) and was repaired");
            a = fixed;
        }
        return a;
    }

    /** The element as a point: the node itself, else a point inside its area (or on its line). */
    Point point() {
        if (point == null) {
            if (raw instanceof Point p) {
                point = p;
            } else {
                Geometry a = area();
                point = (a != null ? a : raw).getInteriorPoint();
            }
        }
        return point;
    }

    /** The area if the element has one, else its point: for features drawn either way (industrial areas, crafts). */
    Geometry areaOrPoint() {
        Geometry a = area();
        return a != null ? a : point();
    }
}
