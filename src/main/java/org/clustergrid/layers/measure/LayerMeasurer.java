package org.clustergrid.layers.measure;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clustergrid.index.Nearest;
import org.clustergrid.layers.Attribute;
import org.clustergrid.layers.AttributeType;
import org.clustergrid.layers.ContextFeature;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.raster.CellCentres;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Measures places against context layers. Every layer (with each filter it is asked with) is read once, when this is
 * built, and indexed; a measurement then costs one index query. A raster layer is opened once, and each place reads
 * the cell or the window of cells around it. Distances are WGS84 geodesic metres, as the built-in
 * distance indicators measure them ({@link org.clustergrid.index.NearestIndex}). A place is judged by one point of
 * its footprint (the point, or a point inside the polygon) for the layer's extent and for the containing polygon;
 * distances are from the whole footprint. Thread-safe once built.
 */
public final class LayerMeasurer {
    /** Most features of one layer (after its filter) a run reads: beyond it the measures are refused, not guessed. */
    public static final int MAX_FEATURES = 250_000;
    /** Most raster cells one place's window around a circle may hold: beyond it the measure is refused. */
    public static final long MAX_CELLS = 4_000_000;

    private final Map<String, LayerReading> readings = new HashMap<>();
    private final Map<String, RasterReading> rasters = new HashMap<>();
    private final Map<Measure, Measurement.Gap> refused = new HashMap<>();

    public LayerMeasurer(LayerSource source, Collection<Measure> measures) {
        this(source, measures, MAX_FEATURES);
    }

    LayerMeasurer(LayerSource source, Collection<Measure> measures, int maxFeatures) {
        for (Measure m : measures) {
            if (m.kind().raster()) {
                rasters.computeIfAbsent(m.layer(), name -> RasterReading.open(source, name));
                continue;
            }
            LayerReading r = readings.computeIfAbsent(m.reading(),
                    k -> LayerReading.read(source, m.layer(), m.filterText(), m.filter(), maxFeatures));
            if (r.failure == null && m.attribute() != null) {
                attributeProblem(m, r.layer).ifPresent(why -> refused.put(m, new Measurement.Gap(
                        Measurement.Kind.UNUSABLE, why)));
            }
        }
    }

    private static Optional<String> attributeProblem(Measure m, ContextLayer layer) {
        Optional<Attribute> a = layer.attribute(m.attribute());
        if (a.isEmpty()) {
            return Optional.of("context layer '" + layer.name() + "' has no attribute '" + m.attribute() + "' (it has "
                    + String.join(", ", layer.attributes().stream().map(Attribute::name).toList()) + ")");
        }
        AttributeType t = a.get().type();
        boolean number = t == AttributeType.INTEGER || t == AttributeType.DOUBLE;
        if ((m.kind() == MeasureKind.SUM_WITHIN || m.kind() == MeasureKind.SUM_REACHABLE) && !number) {
            return Optional.of("attribute '" + m.attribute() + "' of context layer '" + layer.name() + "' is "
                    + t.name().toLowerCase(Locale.ROOT) + "; " + m.kind().id() + " needs a number");
        }
        if (m.kind() == MeasureKind.CONTAINING_VALUE && !number && t != AttributeType.BOOLEAN) {
            return Optional.of("attribute '" + m.attribute() + "' of context layer '" + layer.name() + "' is "
                    + t.name().toLowerCase(Locale.ROOT) + "; containing_value needs a number or a boolean");
        }
        return Optional.empty();
    }

    /**
     * The measure at a footprint (lon/lat); {@code m} must be one this measurer was built with. The {@code
     * _reachable} kinds need the road network: here they only say why they are unknown ({@link #unknownAt}); their
     * value is {@link #reached}, from the travel times the scoring finds.
     */
    public Measurement measure(Measure m, Geometry footprint) {
        if (m.kind().raster()) {
            return raster(m, footprint);
        }
        Measurement unknown = unknownAt(m, footprint);
        if (unknown != null) {
            return unknown;
        }
        LayerReading r = readings.get(m.reading());
        Point at = footprint instanceof Point p ? p : footprint.getInteriorPoint();
        return switch (m.kind()) {
            case NEAREST -> nearest(m, r, footprint);
            case COUNT_WITHIN, SUM_WITHIN -> within(m, r, footprint);
            case CONTAINING_VALUE -> containing(m, r, at);
            case RASTER_VALUE, RASTER_SUM_WITHIN, RASTER_MEAN_WITHIN, COUNT_REACHABLE, SUM_REACHABLE,
                    RASTER_SUM_REACHABLE ->
                    throw new IllegalArgumentException(m.kind().id() + " is not measured here");
        };
    }

    /**
     * Why a measure is unknown at a footprint whatever lies around it — the layer absent or empty, unusable for the
     * measure, or not reaching the footprint's point (outside its extent or grid) — or null when it can be measured.
     */
    public Measurement unknownAt(Measure m, Geometry footprint) {
        if (m.kind().raster()) {
            return raster(m).unknownAt(m, footprint instanceof Point p ? p : footprint.getInteriorPoint());
        }
        LayerReading r = reading(m);
        if (r.failure != null) {
            return Measurement.unknown(r.failure.kind(), r.failure.message());
        }
        if (refused.containsKey(m)) {
            return Measurement.unknown(refused.get(m).kind(), refused.get(m).message());
        }
        Point at = footprint instanceof Point p ? p : footprint.getInteriorPoint();
        Envelope extent = r.layer.bbox();
        if (!extent.covers(at.getCoordinate())) {
            return Measurement.unknown(Measurement.Kind.OUTSIDE_EXTENT, "outside the extent of context layer '"
                    + m.layer() + "': its features elsewhere say nothing here");
        }
        return null;
    }

    /**
     * The features a vector measure looks at (those passing its filter), in the store's order: what a {@code
     * _reachable} measure snaps to the road network once a run. Empty when the layer cannot be read.
     */
    public List<ContextFeature> features(Measure m) {
        LayerReading r = reading(m);
        return r.failure != null ? List.of() : r.features;
    }

    private LayerReading reading(Measure m) {
        LayerReading r = m.kind().raster() ? null : readings.get(m.reading());
        if (r == null) {
            throw new IllegalArgumentException("not a vector measure of this run: " + m);
        }
        return r;
    }

    /** A feature reached over the road network from a place, and when. */
    public record Reached(ContextFeature feature, double seconds) {}

    /**
     * A {@code _reachable} measure's value from the features reached within its travel time (in any order): their
     * number, or the sum of the attribute over those reporting it; the evidence is the quickest reached (the lowest
     * fid on a tie) with its time. None reached is a measured 0; all reached lacking the attribute is {@code
     * not_reported}.
     *
     * @param from the place the times are from (the evidence line's start)
     */
    public static Measurement reached(Measure m, List<Reached> reached, Coordinate from) {
        if (!m.kind().needsMinutes()) {
            throw new IllegalArgumentException(m.kind().id() + " is not measured over the road network");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("count", reached.size());
        details.put("minutes", m.minutes());
        double value = reached.size();
        if (m.kind() == MeasureKind.SUM_REACHABLE) {
            double sum = 0;
            int unreported = 0;
            for (Reached x : reached) {
                if (x.feature().attributes().get(m.attribute()) instanceof Number v) {
                    sum += v.doubleValue();
                } else {
                    unreported++;
                }
            }
            if (!reached.isEmpty() && unreported == reached.size()) {
                return Measurement.unknown(Measurement.Kind.NOT_REPORTED, "none of the " + reached.size()
                        + " features of context layer '" + m.layer() + "' reached within " + minutes(m.minutes())
                        + " reports '" + m.attribute() + "'");
            }
            if (unreported > 0) {
                details.put("not_reported", unreported);
            }
            value = sum;
        }
        if (reached.isEmpty()) {
            return new Measurement(value, null, null, null, null, details, null); // none reached: a measured 0
        }
        Reached first = reached.get(0);
        for (Reached x : reached) {
            if (x.seconds() < first.seconds()
                    || x.seconds() == first.seconds() && x.feature().fid() < first.feature().fid()) {
                first = x;
            }
        }
        Point to = representative(first.feature().geometry());
        return new Measurement(value, ref(m, first.feature()), null, from, to.getCoordinate(), details, null,
                first.seconds());
    }

    /**
     * The point a feature is reached at over the road network: a point itself; a line's or an area's (or a
     * multi-point's) JTS interior point — inside an area, the vertex of a line nearest its centroid — as the built-in
     * finance points and markets are snapped.
     */
    public static Point representative(Geometry g) {
        return g instanceof Point p ? p : g.getInteriorPoint();
    }

    static String minutes(double m) {
        return (m == Math.rint(m) ? String.format(Locale.ROOT, "%.0f", m) : String.format(Locale.ROOT, "%s", m))
                + " min";
    }

    /** A raster measure, judged at the footprint's point (the point, or a point inside the polygon). */
    private Measurement raster(Measure m, Geometry footprint) {
        RasterReading r = raster(m);
        if (m.kind().needsMinutes()) {
            throw new IllegalArgumentException(m.kind().id() + " is not measured here");
        }
        if (r.failure != null) {
            return Measurement.unknown(r.failure.kind(), r.failure.message());
        }
        Point at = footprint instanceof Point p ? p : footprint.getInteriorPoint();
        return m.kind() == MeasureKind.RASTER_VALUE ? r.value(m, at) : r.within(m, at, MAX_CELLS);
    }

    private RasterReading raster(Measure m) {
        RasterReading r = rasters.get(m.layer());
        if (r == null) {
            throw new IllegalArgumentException("not a measure of this run: " + m);
        }
        return r;
    }

    /**
     * The cells of a raster measure's layer (but those of value 0) whose centres lie within a longitude/latitude
     * box: what a {@code raster_sum_reachable} measure snaps to the road network once a run. Empty when the layer
     * cannot be read.
     *
     * @throws CellCentres.TooManyCells when the box holds more than {@code maxCells} such cells
     */
    public CellCentres.Cells cells(Measure m, Envelope box, int maxCells) {
        RasterReading r = raster(m);
        return r.failure != null ? CellCentres.none() : r.cells(box, maxCells);
    }

    private static Measurement nearest(Measure m, LayerReading r, Geometry g) {
        Optional<Nearest<ContextFeature>> n = r.index.nearest(g);
        if (n.isEmpty()) {
            return Measurement.unknown(Measurement.Kind.NO_FEATURES, "no feature of context layer '" + m.layer() + "'"
                    + (m.filter() == null ? "" : " matches '" + m.filterText() + "'"));
        }
        return found(m, n.get(), g, n.get().metres(), Map.of());
    }

    private static Measurement within(Measure m, LayerReading r, Geometry g) {
        List<Nearest<ContextFeature>> near = r.index.within(g, m.radiusM());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("count", near.size());
        details.put("radius_m", m.radiusM());
        double value = near.size();
        if (m.kind() == MeasureKind.SUM_WITHIN) {
            double sum = 0;
            int unreported = 0;
            for (Nearest<ContextFeature> n : near) {
                if (n.item().attributes().get(m.attribute()) instanceof Number v) {
                    sum += v.doubleValue();
                } else {
                    unreported++;
                }
            }
            if (!near.isEmpty() && unreported == near.size()) {
                return Measurement.unknown(Measurement.Kind.NOT_REPORTED, "none of the " + near.size() + " features of"
                        + " context layer '" + m.layer() + "' within " + metres(m.radiusM()) + " reports '"
                        + m.attribute() + "'");
            }
            if (unreported > 0) {
                details.put("not_reported", unreported); // summed over the features that report it
            }
            value = sum;
        }
        if (near.isEmpty()) {
            return new Measurement(value, null, null, null, null, details, null); // none within: a measured 0
        }
        return found(m, near.get(0), g, value, details);
    }

    private static Measurement containing(Measure m, LayerReading r, Point at) {
        List<ContextFeature> in = r.containing(at);
        if (in.isEmpty()) {
            return Measurement.unknown(Measurement.Kind.NOT_CONTAINED, "no polygon of context layer '" + m.layer()
                    + "'" + (m.filter() == null ? "" : " matching '" + m.filterText() + "'") + " contains the place"
                    + (r.hasPolygons() ? "" : " (the layer has no polygon)"));
        }
        ContextFeature f = in.get(0); // on a shared border, the polygon of the lowest fid
        Object v = f.attributes().get(m.attribute());
        Double value = v instanceof Boolean b ? (b ? 1.0 : 0.0) : v instanceof Number n ? n.doubleValue() : null;
        Measurement.FeatureRef ref = ref(m, f);
        if (value == null) {
            return new Measurement(null, ref, 0.0, at.getCoordinate(), at.getCoordinate(), Map.of(),
                    new Measurement.Gap(Measurement.Kind.NOT_REPORTED, "polygon " + f.fid() + " of context layer '"
                            + m.layer() + "' has no value of '" + m.attribute() + "'"));
        }
        Map<String, Object> details = in.size() > 1 ? Map.of("polygons", in.size()) : Map.of();
        return new Measurement(value, ref, 0.0, at.getCoordinate(), at.getCoordinate(), details, null);
    }

    private static Measurement found(Measure m, Nearest<ContextFeature> n, Geometry from, double value,
            Map<String, Object> details) {
        return new Measurement(value, ref(m, n.item()), n.metres(), startTowards(from, n.closest()), n.closest(),
                details, null);
    }

    private static Measurement.FeatureRef ref(Measure m, ContextFeature f) {
        Object name = f.attributes().get("name");
        if (name == null) {
            name = f.attributes().get("NAME");
        }
        return new Measurement.FeatureRef(m.layer(), f.fid(), name instanceof String s ? s : null);
    }

    /** Where the evidence line starts: the point itself, or the footprint's point nearest to the feature. */
    private static Coordinate startTowards(Geometry from, Coordinate to) {
        if (from instanceof Point p) {
            return p.getCoordinate();
        }
        return new DistanceOp(from, from.getFactory().createPoint(to)).nearestPoints()[0];
    }

    private static String metres(double m) {
        return m >= 1000 && m % 100 == 0 ? String.format(Locale.ROOT, "%.1f km", m / 1000)
                : String.format(Locale.ROOT, "%.0f m", m);
    }
}
