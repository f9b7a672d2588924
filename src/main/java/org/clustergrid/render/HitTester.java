package org.clustergrid.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.clustergrid.geo.PositionMap;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Finds the features under a pixel, in pixel space so the tolerance is the same at every scale and in every
 * projection: a feature hits when it lies within {@code tolerance} pixels of the pixel's centre (inside, for areas).
 */
public final class HitTester {
    private static final GeometryFactory PIXELS = new GeometryFactory();

    /** A feature that was hit and how far from the pixel it is. */
    public record Hit(StoredFeature feature, double distancePx) {}

    private HitTester() {}

    /** The longitude/latitude boxes (one per world copy) to fetch candidates from. */
    public static List<Viewport.WorldCopy> searchAreas(Viewport v, double column, double row, double tolerance) {
        double x0 = v.xAt(column + 0.5 - tolerance);
        double x1 = v.xAt(column + 0.5 + tolerance);
        double y0 = v.yAt(row + 0.5 + tolerance);
        double y1 = v.yAt(row + 0.5 - tolerance);
        Viewport small = new Viewport(v.projection(), x0, y0, x1, y1, 1, 1);
        return small.worldCopies(0);
    }

    /**
     * Hits among {@code candidates} drawn in world copy {@code offsetX} with {@code style}, nearest first; a marker
     * counts from its edge, not its centre, so a click anywhere on a large circle finds it.
     */
    public static List<Hit> hits(Viewport v, Style style, List<StoredFeature> candidates, double offsetX,
            double column, double row, double tolerance) {
        Style bound = style.resolved();
        Geometry click = PIXELS.createPoint(new Coordinate(column + 0.5, row + 0.5));
        List<Hit> hits = new ArrayList<>();
        for (StoredFeature f : candidates) {
            Geometry g = toPixels(f.feature().geometry(), v, offsetX);
            double d = g.distance(click);
            Symbol symbol = bound.symbol(f.feature());
            double reach = tolerance + (symbol instanceof Symbol.Marker m ? m.size() / 2 : 0);
            if (symbol != null && d <= reach) {
                hits.add(new Hit(f, d));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::distancePx));
        return hits;
    }

    private static Geometry toPixels(Geometry lonLat, Viewport v, double offsetX) {
        return PositionMap.copy(lonLat, (lon, lat) -> new double[] {v.px(lon, offsetX), v.py(lat)});
    }
}
