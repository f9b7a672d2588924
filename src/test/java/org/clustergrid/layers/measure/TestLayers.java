package org.clustergrid.layers.measure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.clustergrid.filter.Condition;
import org.clustergrid.filter.Cql2Text;
import org.clustergrid.layers.Attribute;
import org.clustergrid.layers.AttributeType;
import org.clustergrid.layers.ContextFeature;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.layers.GeometryKind;
import org.clustergrid.raster.GeoTiffGrid;
import org.clustergrid.raster.RasterLayer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Hand-built context layers near the equator, where a geodesic along the equator is exactly a·Δλ, so most expected
 * distances can be worked out by hand.
 *
 * <p>{@code health_posts} (points): 1 (0, 0) protected, 10 beds; 2 (0.025, 0) not protected, 20 beds; 3 (0.05, 0)
 * protected, beds unknown; 4 (0.05, 0.04) not protected, 5 beds.
 *
 * <p>{@code districts} (polygons): 1 the square 0–0.1 × 0–0.1, poverty 0.3, flooded; 2 the square 0.1–0.2 × 0–0.1
 * beside it, poverty 0.5, not flooded; 3 the square 0.3–0.4 × 0–0.1, nothing reported; a gap between 2 and 3.
 */
public final class TestLayers implements LayerSource {
    public static final GeometryFactory GF = new GeometryFactory();
    /** WGS84 semi-major axis: a degree along the equator is a·π/180 m. */
    public static final double METRES_PER_DEGREE_ON_EQUATOR = 6378137.0 * Math.PI / 180;

    private final Map<String, ContextLayer> layers = new HashMap<>();
    private final Map<String, List<ContextFeature>> features = new HashMap<>();
    /** The filters this source can answer: a store answers in SQL; here each is a predicate written by hand. */
    private final Map<Condition, Predicate<ContextFeature>> filters = new HashMap<>();
    private final Map<String, RasterLayer> rasters = new HashMap<>();
    public int reads;
    /** Raster grids opened. */
    public int opens;

    public static Point pt(double lon, double lat) {
        return GF.createPoint(new Coordinate(lon, lat));
    }

    public static Geometry box(double minLon, double minLat, double maxLon, double maxLat) {
        return GF.toGeometry(new Envelope(minLon, maxLon, minLat, maxLat));
    }

    public static TestLayers standard() {
        TestLayers t = new TestLayers();
        List<Attribute> posts = List.of(new Attribute("protected", AttributeType.BOOLEAN),
                new Attribute("beds", AttributeType.INTEGER), new Attribute("name", AttributeType.TEXT));
        t.add("health_posts", GeometryKind.POINT, posts, List.of(
                feature(1, pt(0, 0), "protected", true, "beds", 10L, "name", "Post one"),
                feature(2, pt(0.025, 0), "protected", false, "beds", 20L, "name", "Post two"),
                feature(3, pt(0.05, 0), "protected", true, "beds", null, "name", null),
                feature(4, pt(0.05, 0.04), "protected", false, "beds", 5L, "name", null)));
        List<Attribute> districts = List.of(new Attribute("poverty", AttributeType.DOUBLE),
                new Attribute("flooded", AttributeType.BOOLEAN), new Attribute("district", AttributeType.TEXT));
        t.add("districts", GeometryKind.POLYGON, districts, List.of(
                feature(1, box(0, 0, 0.1, 0.1), "poverty", 0.3, "flooded", true, "district", "One"),
                feature(2, box(0.1, 0, 0.2, 0.1), "poverty", 0.5, "flooded", false, "district", "Two"),
                feature(3, box(0.3, 0, 0.4, 0.1), "poverty", null, "flooded", null, "district", "Three")));
        t.filter("protected = true", f -> Boolean.TRUE.equals(f.attributes().get("protected")));
        return t;
    }

    static ContextFeature feature(long fid, Geometry g, Object... kv) {
        Map<String, Object> a = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            a.put((String) kv[i], kv[i + 1]);
        }
        return new ContextFeature(fid, g, a);
    }

    public void add(String name, GeometryKind kind, List<Attribute> attributes, List<ContextFeature> fs) {
        Envelope bbox = new Envelope();
        fs.forEach(f -> bbox.expandToInclude(f.geometry().getEnvelopeInternal()));
        layers.put(name, new ContextLayer(name, name, kind, attributes, fs.size(), fs.isEmpty() ? null : bbox, "test",
                "CC0", null, name + ".geojson", Instant.EPOCH, null));
        features.put(name, fs);
    }

    /** A raster layer read from a GeoTIFF; {@code crs} for a file that declares none. */
    public void raster(String name, java.nio.file.Path file, String crs) {
        GeoTiffGrid g = GeoTiffGrid.open(file, crs);
        rasters.put(name, new RasterLayer(name, name, rasters.size() + 1, file.toAbsolutePath().toString(), crs,
                g.width(), g.height(), g.lonLatBox(), 0, 1, g.noData(), null, null, "test", "CC0", null,
                file.getFileName().toString(), 0, Instant.EPOCH));
    }

    public void filter(String cql2, Predicate<ContextFeature> p) {
        filters.put(Cql2Text.parse(cql2), p);
    }

    @Override
    public Optional<ContextLayer> layer(String name) {
        return Optional.ofNullable(layers.get(name));
    }

    @Override
    public List<ContextFeature> features(ContextLayer layer, Condition filter, int limit) {
        reads++;
        Predicate<ContextFeature> p = filter == null ? f -> true : filters.get(filter);
        if (p == null) {
            throw new IllegalArgumentException("filter: layer " + layer.name() + " has no such property");
        }
        List<ContextFeature> out = new ArrayList<>();
        for (ContextFeature f : features.get(layer.name())) {
            if (p.test(f) && out.size() < limit) {
                out.add(f);
            }
        }
        return out;
    }

    @Override
    public Optional<RasterLayer> raster(String name) {
        return Optional.ofNullable(rasters.get(name));
    }

    @Override
    public GeoTiffGrid open(RasterLayer layer) {
        opens++;
        return GeoTiffGrid.open(java.nio.file.Path.of(layer.path()), layer.crs());
    }
}
