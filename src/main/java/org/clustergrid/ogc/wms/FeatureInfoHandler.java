package org.clustergrid.ogc.wms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clustergrid.render.FeatureLayer;
import org.clustergrid.render.HitTester;
import org.clustergrid.render.Style;
import org.clustergrid.render.StyleRegistry;
import org.clustergrid.render.Surface;
import org.clustergrid.render.Viewport;
import org.clustergrid.store.StoredFeature;

/**
 * GetFeatureInfo: what the map of the request draws under the pixel I/J (X/Y in 1.1.1), nearest first, at most
 * FEATURE_COUNT per layer asked for, in the INFO_FORMAT asked for.
 */
final class FeatureInfoHandler {
    static final double INFO_TOLERANCE_PX = 5;
    static final int MAX_FEATURE_COUNT = 1000;

    private final MapData data;
    private final StyleRegistry styles;

    FeatureInfoHandler(MapData data, StyleRegistry styles) {
        this.data = data;
        this.styles = styles;
    }

    WmsResponse featureInfo(WmsParams p) {
        WmsVersion v = WmsVersion.exact(p.get("VERSION"));
        MapRequest m = MapRequest.parse(p, v, styles, false);
        List<WmsLayer> queried = new ArrayList<>();
        for (String name : p.required("QUERY_LAYERS", v).split(",", -1)) {
            WmsLayer l = WmsLayer.byName(name, styles).filter(m.layers()::contains).orElseThrow(() -> new WmsException(
                    ExceptionCode.LayerNotDefined, "QUERY_LAYERS names '" + name + "', which is not in LAYERS",
                    "QUERY_LAYERS", v));
            if (!l.queryable()) {
                throw new WmsException(ExceptionCode.LayerNotQueryable, "layer " + name + " is not queryable;"
                        + " query its sublayers", "QUERY_LAYERS", v);
            }
            queried.add(l);
        }
        String infoFormat = v == WmsVersion.V1_3_0 ? p.required("INFO_FORMAT", v)
                : (p.nonEmpty("INFO_FORMAT") == null ? "text/plain" : p.get("INFO_FORMAT"));
        FeatureInfoWriter writer = FeatureInfoWriter.of(infoFormat).orElseThrow(() -> new WmsException(
                ExceptionCode.InvalidFormat, "INFO_FORMAT " + infoFormat + " is not offered; use "
                        + CapabilitiesWriter.INFO_FORMATS, "INFO_FORMAT", v));
        int i = point(p, v == WmsVersion.V1_3_0 ? "I" : "X", m.viewport().width(), v);
        int j = point(p, v == WmsVersion.V1_3_0 ? "J" : "Y", m.viewport().height(), v);
        int count = featureCount(p, v);
        List<FeatureInfoWriter.Found> found = new ArrayList<>();
        for (WmsLayer l : queried) {
            // FEATURE_COUNT bounds the features of each layer asked for; a group's come from its parts, topmost
            // first, each found under the part's name so the client sees where it lies
            List<FeatureInfoWriter.Found> inLayer = new ArrayList<>();
            for (WmsLayer part : l.queriedParts(styles)) {
                for (Surface surface : m.surfacesOf(part)) {
                    cellAt(m.viewport(), surface, i, j).ifPresent(c -> inLayer.add(
                            FeatureInfoWriter.Found.of(part.name(), c)));
                }
                for (Style style : m.stylesOf(part)) {
                    inLayer.addAll(hits(m.viewport(), style, i, j, count, part.name()));
                }
                for (FeatureLayer features : m.featureLayersOf(part)) {
                    inLayer.addAll(hits(m.viewport(), features, i, j, count));
                }
            }
            found.addAll(inLayer.subList(0, Math.min(count, inLayer.size())));
        }
        return new WmsResponse(writer.mimeType() + (writer == FeatureInfoWriter.JSON ? "" : "; charset=UTF-8"),
                writer.write(found), 200, m.warnings());
    }

    /** The surface's cell under the pixel's centre (the cell holds the point, so no tolerance is needed). */
    private static Optional<Surface.Cell> cellAt(Viewport v, Surface surface, int i, int j) {
        double lon = v.projection().lon(v.xAt(i + 0.5));
        double lat = v.projection().lat(v.yAt(j + 0.5));
        // a map across the antimeridian: the point in the world copy that holds it
        lon = lon - 360 * Math.floor((lon + 180) / 360);
        return surface.cellAt(lon, lat);
    }

    private List<FeatureInfoWriter.Found> hits(Viewport viewport, Style style, int i, int j, int count, String layer) {
        // the search box also reaches the largest marker's edge; exact hit testing then decides
        double searchPx = INFO_TOLERANCE_PX + 16;
        List<HitTester.Hit> hits = new ArrayList<>();
        for (Viewport.WorldCopy copy : HitTester.searchAreas(viewport, i, j, searchPx)) {
            List<StoredFeature> candidates = data.features(style.layer(), copy.query());
            hits.addAll(HitTester.hits(viewport, style, candidates, copy.offsetX(), i, j, INFO_TOLERANCE_PX));
        }
        hits.sort(Comparator.comparingDouble(HitTester.Hit::distancePx));
        return hits.stream().limit(count).map(h -> FeatureInfoWriter.Found.of(layer, h.feature())).toList();
    }

    /** A context layer's features under the pixel, nearest first, found as a store layer's are. */
    private static List<FeatureInfoWriter.Found> hits(Viewport viewport, FeatureLayer layer, int i, int j, int count) {
        List<HitTester.ItemHit> hits = new ArrayList<>();
        for (Viewport.WorldCopy copy : HitTester.searchAreas(viewport, i, j, INFO_TOLERANCE_PX + 16)) {
            hits.addAll(HitTester.itemHits(viewport, layer.items(copy.query(), viewport.scaleDenominator()),
                    copy.offsetX(), i, j, INFO_TOLERANCE_PX));
        }
        hits.sort(Comparator.comparingDouble(HitTester.ItemHit::distancePx));
        // a feature drawn in parts (a geometry collection of several kinds) is found once, by its nearest part
        Map<String, FeatureInfoWriter.Found> byId = new LinkedHashMap<>();
        hits.forEach(h -> byId.putIfAbsent(h.item().id(), FeatureInfoWriter.Found.of(layer.name(), h.item())));
        return byId.values().stream().limit(count).toList();
    }

    private static int point(WmsParams p, String name, int size, WmsVersion v) {
        String text = p.required(name, v);
        int n;
        try {
            n = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new WmsException(ExceptionCode.InvalidPoint, name + " '" + text + "' is not a whole number", name, v);
        }
        if (n < 0 || n >= size) {
            throw new WmsException(ExceptionCode.InvalidPoint, name + " " + n + " is outside the map (0 to "
                    + (size - 1) + ")", name, v);
        }
        return n;
    }

    private static int featureCount(WmsParams p, WmsVersion v) {
        String text = p.nonEmpty("FEATURE_COUNT");
        if (text == null) {
            return 1;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1) {
                return Math.min(n, MAX_FEATURE_COUNT);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw WmsException.invalid("FEATURE_COUNT", "FEATURE_COUNT must be a positive whole number; got '" + text + "'", v);
    }
}
