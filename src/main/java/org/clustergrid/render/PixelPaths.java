package org.clustergrid.render;

import java.awt.geom.Path2D;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Turns lines and polygons into pixel paths with plain loops over the coordinate sequences, dropping vertices
 * that fall within a fraction of a pixel of the previous one (invisible, and most of the cost at small scales).
 */
final class PixelPaths {
    private static final double MIN_STEP = 0.35;

    private PixelPaths() {}

    /** Appends the lines and ring outlines of {@code g} to {@code path}. */
    static void append(Path2D.Double path, Geometry g, Viewport v, double offsetX) {
        for (int i = 0, n = g.getNumGeometries(); i < n; i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof LineString ls) {
                sequence(path, ls.getCoordinateSequence(), v, offsetX, false);
            } else if (part instanceof Polygon p) {
                sequence(path, p.getExteriorRing().getCoordinateSequence(), v, offsetX, true);
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    sequence(path, p.getInteriorRingN(h).getCoordinateSequence(), v, offsetX, true);
                }
            } else if (part != g) {
                append(path, part, v, offsetX); // nested collections
            }
        }
    }

    private static void sequence(Path2D.Double path, CoordinateSequence cs, Viewport v, double offsetX,
            boolean close) {
        int n = cs.size();
        if (n == 0) {
            return;
        }
        double lastX = v.px(cs.getX(0), offsetX);
        double lastY = v.py(cs.getY(0));
        path.moveTo(lastX, lastY);
        int last = n - 1;
        for (int i = 1; i < n; i++) {
            double x = v.px(cs.getX(i), offsetX);
            double y = v.py(cs.getY(i));
            if (i == last || Math.abs(x - lastX) + Math.abs(y - lastY) >= MIN_STEP) {
                path.lineTo(x, y);
                lastX = x;
                lastY = y;
            }
        }
        if (close) {
            path.closePath();
        }
    }
}
