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

    /** An item of a {@link FeatureLayer} that was hit and how far from the pixel it is. */
    public record ItemHit(FeatureLayer.Item item, double distancePx) {}

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
        Geometry click = click(column, row);
        List<Hit> hits = new ArrayList<>();
        for (StoredFeature f : candidates) {
            double d = distance(f.feature().geometry(), bound.symbol(f.feature()), v, offsetX, click, tolerance);
            if (d >= 0) {
                hits.add(new Hit(f, d));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::distancePx));
        return hits;
    }

    /** Hits among a feature layer's items drawn in world copy {@code offsetX}, nearest first, as {@link #hits}. */
    public static List<ItemHit> itemHits(Viewport v, List<FeatureLayer.Item> candidates, double offsetX,
            double column, double row, double tolerance) {
        Geometry click = click(column, row);
        List<ItemHit> hits = new ArrayList<>();
        for (FeatureLayer.Item it : candidates) {
            double d = distance(it.geometry(), it.symbol(), v, offsetX, click, tolerance);
            if (d >= 0) {
                hits.add(new ItemHit(it, d));
            }
        }
        hits.sort(Comparator.comparingDouble(ItemHit::distancePx));
        return hits;
    }

    private static Geometry click(double column, double row) {
        return PIXELS.createPoint(new Coordinate(column + 0.5, row + 0.5));
    }

    /** Pixels from the click to what is drawn (0 inside an area), or -1 when out of reach or not drawn. */
    private static double distance(Geometry lonLat, Symbol symbol, Viewport v, double offsetX, Geometry click,
            double tolerance) {
        if (symbol == null) {
            return -1;
        }
        double d = toPixels(lonLat, v, offsetX).distance(click);
        double reach = tolerance + (symbol instanceof Symbol.Marker m ? m.size() / 2 : 0);
        return d <= reach ? d : -1;
    }

    private static Geometry toPixels(Geometry lonLat, Viewport v, double offsetX) {
        return PositionMap.copy(lonLat, (lon, lat) -> new double[] {v.px(lon, offsetX), v.py(lat)});
    }
}
