package org.clustergrid.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clustergrid.ingest.geojson.GeoJsonFeatureReader;
import org.clustergrid.layers.ContextFeature;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.layers.GeometryKind;
import org.clustergrid.regions.RegionNames;
import org.clustergrid.store.ContextLayerStore;
import org.clustergrid.store.FeatureQuery;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Finds a {@link RegionQuery} in the store: the layer's areas, a drawn box or polygon, a country, or every cluster.
 * Input that cannot be a region is an {@link IllegalArgumentException} naming the parameter; a layer or area the
 * store lacks is an {@link UnknownRegionException}.
 */
public final class RegionScopes {
    /** Most areas a layer may have to be a region or its breakdown, as for /api/regions. */
    public static final int MAX_AREAS = 20_000;
    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);

    private RegionScopes() {}

    /** @param maxVertices most vertices of a drawn polygon */
    public static RegionReportRequest resolve(ContextLayerStore layers, RegionQuery q, int maxVertices) {
        int chosen = (blank(q.layer()) ? 0 : 1) + (blank(q.bbox()) ? 0 : 1) + (blank(q.area()) ? 0 : 1)
                + (blank(q.country()) ? 0 : 1);
        if (chosen > 1) {
            throw new IllegalArgumentException("choose the region by one of layer, bbox, area or country, not "
                    + chosen);
        }
        if (!blank(q.feature()) && blank(q.layer())) {
            throw new IllegalArgumentException("feature needs layer: the polygon layer the area is a feature of");
        }
        RegionScope scope;
        RegionBreakdown by = blank(q.by()) ? null : breakdown(layers, q.by().strip());
        if (!blank(q.layer())) {
            RegionBreakdown all = breakdown(layers, q.layer().strip());
            if (blank(q.feature())) {
                scope = RegionScope.areas(all.label(), "every area of layer " + all.layer(), all.areas());
                by = by == null ? all : by;
            } else {
                ContextFeature f = feature(all, q.feature().strip());
                Object name = all.nameAttribute() == null ? null : f.attributes().get(all.nameAttribute());
                scope = RegionScope.areas(all.label() + ": " + (name == null ? "area " + f.fid() : name),
                        "area " + f.fid() + " of layer " + all.layer(), List.of(f));
            }
        } else if (!blank(q.bbox())) {
            Envelope e = bbox(q.bbox());
            scope = RegionScope.area("Box " + q.bbox().strip(), "the clusters within longitude " + e.getMinX() + " to "
                    + e.getMaxX() + " and latitude " + e.getMinY() + " to " + e.getMaxY(), GF.toGeometry(e));
        } else if (!blank(q.area())) {
            Geometry drawn = area(q.area(), maxVertices);
            scope = RegionScope.area("Drawn area", "the clusters inside a drawn polygon of " + drawn.getNumPoints()
                    + " vertices", drawn);
        } else if (!blank(q.country())) {
            scope = RegionScope.country(q.country());
        } else {
            scope = RegionScope.all();
        }
        return new RegionReportRequest(scope, by, q.top());
    }

    /** Every area of a polygon layer, named by its usual name attribute. */
    static RegionBreakdown breakdown(ContextLayerStore layers, String name) {
        ContextLayer layer = layers.layer(name).orElseThrow(() -> new UnknownRegionException("no layer '"
                + excerpt(name) + "' of your own; import one with 'import layer FILE --as NAME' (see"
                + " /api/context-layers)"));
        if (layer.geometryKind() != GeometryKind.POLYGON && layer.geometryKind() != GeometryKind.MIXED) {
            throw new IllegalArgumentException("layer " + name + " holds " + layer.geometryKind().name()
                    .toLowerCase(Locale.ROOT) + "s; a region needs polygons");
        }
        if (layer.featureCount() > MAX_AREAS) {
            throw new IllegalArgumentException("layer " + name + " has " + layer.featureCount()
                    + " features; a region layer may have at most " + MAX_AREAS);
        }
        List<ContextFeature> areas = new ArrayList<>();
        for (ContextFeature f : layers.features(layer, new FeatureQuery(null, 0, MAX_AREAS))) {
            if (f.geometry() instanceof Polygonal) {
                areas.add(f);
            }
        }
        return new RegionBreakdown(layer.name(), layer.title(), RegionNames.attribute(layer), areas);
    }

    /** An area by its number in the layer, else by its name (any case). */
    private static ContextFeature feature(RegionBreakdown layer, String id) {
        for (ContextFeature f : layer.areas()) {
            if (Long.toString(f.fid()).equals(id)) {
                return f;
            }
        }
        List<ContextFeature> named = new ArrayList<>();
        for (ContextFeature f : layer.areas()) {
            Object n = layer.nameAttribute() == null ? null : f.attributes().get(layer.nameAttribute());
            if (n != null && n.toString().strip().equalsIgnoreCase(id)) {
                named.add(f);
            }
        }
        if (named.size() == 1) {
            return named.get(0);
        }
        throw new UnknownRegionException(named.isEmpty() ? "layer " + layer.layer() + " has no area '" + excerpt(id)
                + "' (by number, or by its " + (layer.nameAttribute() == null ? "name" : layer.nameAttribute()) + ")"
                : "layer " + layer.layer() + " has " + named.size() + " areas named '" + excerpt(id)
                        + "'; give its number instead");
    }

    /** {@code minLon,minLat,maxLon,maxLat} in range, min below max. */
    public static Envelope bbox(String v) {
        String[] p = v.split(",");
        if (p.length != 4) {
            throw new IllegalArgumentException("bbox must be minLon,minLat,maxLon,maxLat, not '" + excerpt(v) + "'");
        }
        double[] n = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                n[i] = Double.parseDouble(p[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bbox: '" + excerpt(p[i]) + "' is not a number");
            }
        }
        if (!(Math.abs(n[0]) <= 180 && Math.abs(n[2]) <= 180 && Math.abs(n[1]) <= 90 && Math.abs(n[3]) <= 90)) {
            throw new IllegalArgumentException("bbox lies outside longitude/latitude range");
        }
        if (!(n[0] < n[2] && n[1] < n[3])) {
            throw new IllegalArgumentException("bbox: the minimum must lie below the maximum");
        }
        return new Envelope(n[0], n[2], n[1], n[3]);
    }

    /** A polygon as GeoJSON (a geometry or Feature) or WKT, valid and in longitude/latitude range. */
    public static Geometry area(String text, int maxVertices) {
        String t = text.strip();
        Geometry g;
        if (t.startsWith("{")) {
            g = GeoJsonFeatureReader.parseGeometry(t, maxVertices, 100);
        } else {
            try {
                g = new WKTReader(GF).read(t);
            } catch (ParseException e) {
                throw new IllegalArgumentException("area is neither GeoJSON nor WKT: " + excerpt(e.getMessage()));
            }
            if (g.getNumPoints() > maxVertices) {
                throw new IllegalArgumentException("area has " + g.getNumPoints() + " vertices, more than "
                        + maxVertices);
            }
        }
        if (!(g instanceof Polygonal) || g.isEmpty()) {
            throw new IllegalArgumentException("area must be a polygon or multipolygon, not a "
                    + g.getGeometryType());
        }
        Envelope e = g.getEnvelopeInternal();
        if (!(e.getMinX() >= -180 && e.getMaxX() <= 180 && e.getMinY() >= -90 && e.getMaxY() <= 90)) {
            throw new IllegalArgumentException("area lies outside longitude/latitude range");
        }
        if (!g.isValid()) {
            g = org.locationtech.jts.geom.util.GeometryFixer.fix(g);
        }
        return g;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** At most 80 characters of a value, for messages. */
    static String excerpt(String s) {
        String t = s == null ? "" : s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }
}
