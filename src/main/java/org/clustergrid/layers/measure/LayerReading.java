package org.clustergrid.layers.measure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.clustergrid.filter.Condition;
import org.clustergrid.index.NearestIndex;
import org.clustergrid.layers.ContextFeature;
import org.clustergrid.layers.ContextLayer;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * One layer read once for a run, with one filter: its features indexed for geodesic nearest and within-distance
 * queries (the index the built-in distance indicators use) and its polygons for point-in-polygon; or why it could
 * not be read. Immutable once built, so any number of threads may measure at once.
 */
final class LayerReading {
    final ContextLayer layer;
    final Measurement.Gap failure;
    final NearestIndex<ContextFeature> index;
    /** The features read, in the store's order. */
    final List<ContextFeature> features;
    private final STRtree polygons;

    private record Area(ContextFeature feature, PreparedGeometry geometry) {}

    private LayerReading(ContextLayer layer, Measurement.Gap failure, List<ContextFeature> features) {
        this.layer = layer;
        this.failure = failure;
        this.features = List.copyOf(features);
        this.index = NearestIndex.build(features, ContextFeature::geometry);
        this.polygons = new STRtree();
        for (ContextFeature f : features) {
            if (f.geometry() instanceof Polygonal && !f.geometry().isEmpty()) {
                polygons.insert(f.geometry().getEnvelopeInternal(),
                        new Area(f, PreparedGeometryFactory.prepare(f.geometry())));
            }
        }
        polygons.build(); // now: a lazily built STRtree is not safe for concurrent queries
    }

    private static LayerReading failed(ContextLayer layer, Measurement.Kind kind, String message) {
        return new LayerReading(layer, new Measurement.Gap(kind, message), List.of());
    }

    /** Reads the layer's features that pass the filter, refusing more than {@code limit} of them. */
    static LayerReading read(LayerSource source, String name, String filterText, Condition filter, int limit) {
        ContextLayer layer = source.layer(name).orElse(null);
        if (layer == null && source.raster(name).isPresent()) {
            return failed(null, Measurement.Kind.UNUSABLE, "'" + name + "' is a raster layer: "
                    + MeasureKind.listed(false) + " read a vector layer's features (a raster's cells are read by "
                    + MeasureKind.listed(true) + ")");
        }
        if (layer == null) {
            return failed(null, Measurement.Kind.NO_FEATURES, "no context layer '" + name + "' in the store");
        }
        if (layer.featureCount() == 0 || layer.bbox() == null) {
            return failed(layer, Measurement.Kind.NO_FEATURES, "context layer '" + name + "' has no feature");
        }
        List<ContextFeature> features;
        try {
            features = source.features(layer, filter, limit + 1);
        } catch (IllegalArgumentException e) {
            return failed(layer, Measurement.Kind.UNUSABLE, "context layer '" + name + "' cannot answer the filter '"
                    + filterText + "': " + e.getMessage());
        }
        if (features.size() > limit) {
            return failed(layer, Measurement.Kind.UNUSABLE, String.format(Locale.ROOT, "context layer '%s'%s has more"
                    + " than %,d features, the most a scoring run reads of one layer; filter it, or import a part",
                    name, filter == null ? "" : " (filtered by '" + filterText + "')", limit));
        }
        return new LayerReading(layer, null, features);
    }

    /** The polygons covering the point (their boundary included), lowest fid first. */
    List<ContextFeature> containing(Point p) {
        List<ContextFeature> out = new ArrayList<>();
        for (Object o : polygons.query(p.getEnvelopeInternal())) {
            Area a = (Area) o;
            if (a.geometry().covers(p)) {
                out.add(a.feature());
            }
        }
        out.sort(Comparator.comparingLong(ContextFeature::fid));
        return out;
    }

    boolean hasPolygons() {
        return polygons.size() > 0;
    }
}
