package org.clustergrid.ogc.wms;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.clustergrid.app.ClusterGridProperties;
import org.clustergrid.cache.VersionedCache;
import org.clustergrid.model.Dataset;
import org.clustergrid.model.Layer;
import org.clustergrid.render.FeatureLayer;
import org.clustergrid.render.HitTester;
import org.clustergrid.render.ImageEncoder;
import org.clustergrid.render.ImageFormat;
import org.clustergrid.render.LegendRenderer;
import org.clustergrid.render.MapLayer;
import org.clustergrid.render.MapRenderer;
import org.clustergrid.render.MapSpec;
import org.clustergrid.render.MessageImage;
import org.clustergrid.render.Style;
import org.clustergrid.render.StyleRegistry;
import org.clustergrid.render.Surface;
import org.clustergrid.render.Viewport;
import org.clustergrid.store.DataStateSource;
import org.clustergrid.store.LayerStats;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoreUnavailableException;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Service;

/** The WMS operations: GetCapabilities, GetMap, GetFeatureInfo and GetLegendGraphic, and their exceptions. */
@Service
class WmsService {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WmsService.class);
    /** A map draws at most this many features per layer and world copy; beyond, the store's order decides. */
    static final int MAX_FEATURES = 500_000;
    static final double INFO_TOLERANCE_PX = 5;
    static final int MAX_FEATURE_COUNT = 1000;

    private final SpatialStore store;
    private final StyleRegistry styles;
    private final DataStateSource states;
    private final LayerMemory memory;
    private final VersionedCache<String, WmsResponse> maps;
    private final MapRenderer renderer = new MapRenderer();
    private final LegendRenderer legends = new LegendRenderer();
    private final Map<List<MapLayer>, Dimension> legendSizes = new ConcurrentHashMap<>();

    WmsService(SpatialStore store, StyleRegistry styles, DataStateSource states, ClusterGridProperties properties) {
        this.store = store;
        this.styles = styles;
        this.states = states;
        this.memory = new LayerMemory(store, states, properties.wms().memoryMegabytes() * 1024L * 1024L);
        // tiled clients (Leaflet, QGIS, OpenLayers) ask for the same grid of maps again and again
        this.maps = new VersionedCache<>(properties.wms().cacheMegabytes() * 1024L * 1024L,
                r -> r.body().length + r.contentType().length());
    }

    WmsResponse handle(WmsParams p, String baseUrl) {
        try {
            return dispatch(p, baseUrl);
        } catch (WmsException e) {
            return error(e, p);
        } catch (RuntimeException e) {
            String down = StoreUnavailableException.reason(e);
            if (down != null) {
                return unavailable(down, WmsVersion.forErrors(p.get("VERSION")));
            }
            // clients read errors only as exception reports, so a failure of ours is one too, without a code
            LOG.error("WMS request failed", e);
            return error(new WmsException(null, "internal error: " + e.getMessage(), null,
                    WmsVersion.forErrors(p.get("VERSION"))), p);
        }
    }

    private WmsResponse dispatch(WmsParams p, String baseUrl) {
        WmsVersion errors = WmsVersion.forErrors(p.get("VERSION"));
        String request = p.required("REQUEST", errors);
        String service = p.nonEmpty("SERVICE");
        if (service != null && !service.equals("WMS")) {
            throw WmsException.invalid("SERVICE", "SERVICE must be WMS; got '" + service + "'", errors);
        }
        // operation names are matched ignoring case: several clients send e.g. getcapabilities
        return switch (request.toLowerCase(java.util.Locale.ROOT)) {
            case "getcapabilities", "capabilities" -> capabilities(p, baseUrl);
            case "getmap", "map" -> maps.get(p.canonical(), states.current().version(), () -> map(p));
            case "getfeatureinfo" -> featureInfo(p);
            case "getlegendgraphic" -> legend(p);
            default -> throw new WmsException(ExceptionCode.OperationNotSupported, "REQUEST " + request
                    + " is not supported; use GetCapabilities, GetMap, GetFeatureInfo or GetLegendGraphic",
                    "REQUEST", errors);
        };
    }

    private WmsResponse capabilities(WmsParams p, String baseUrl) {
        WmsVersion v = WmsVersion.negotiate(p.has("VERSION") ? p.get("VERSION") : p.get("WMTVER"));
        if (p.nonEmpty("SERVICE") == null) {
            throw WmsException.missing("SERVICE", v);
        }
        long current = store.dataVersion();
        String asked = p.nonEmpty("UPDATESEQUENCE");
        if (asked != null) {
            long n;
            try {
                n = Long.parseLong(asked.strip());
            } catch (NumberFormatException e) {
                throw new WmsException(ExceptionCode.InvalidUpdateSequence, "UPDATESEQUENCE '" + asked
                        + "' is not a sequence number of this server (current: " + current + ")", "UPDATESEQUENCE", v);
            }
            if (n == current) {
                throw new WmsException(ExceptionCode.CurrentUpdateSequence, "capabilities are unchanged since "
                        + "update sequence " + current, "UPDATESEQUENCE", v);
            }
            if (n > current) {
                throw new WmsException(ExceptionCode.InvalidUpdateSequence, "UPDATESEQUENCE " + n
                        + " is later than the current " + current, "UPDATESEQUENCE", v);
            }
        }
        var content = new CapabilitiesWriter.Content(baseUrl, current, extents(),
                Attributions.byLayer(store.datasets()), styles, this::legendSize);
        return new WmsResponse(CapabilitiesWriter.contentType(v), CapabilitiesWriter.write(content, v));
    }

    private Dimension legendSize(List<? extends MapLayer> s) {
        // keyed by the resolved styles: a score style's legend changes with the run (priority quintiles)
        List<MapLayer> bound = s.stream().map(l -> l instanceof Style st ? (MapLayer) st.resolved() : l).toList();
        if (legendSizes.size() > 1000) {
            legendSizes.clear(); // context layers come and go, each import a new key
        }
        return legendSizes.computeIfAbsent(bound, k -> {
            BufferedImage img = legends.render(k, 20, 20, null);
            return new Dimension(img.getWidth(), img.getHeight());
        });
    }

    private WmsResponse map(WmsParams p) {
        WmsVersion v = WmsVersion.exact(p.get("VERSION"));
        MapRequest m = MapRequest.parse(p, v, styles, true);
        // a box that does not overlap a layer's advertised extent gets empty content for it (WMS 1.3.0, 7.3.3.6),
        // even where the symbols of features on the extent's edge would reach into it
        Map<Layer, Envelope> extents = extents();
        List<Envelope> view = m.viewport().worldCopies(0).stream().map(Viewport.WorldCopy::query).toList();
        List<MapLayer> drawn = m.drawn().stream().filter(l -> l instanceof Surface s ? overlaps(s.extent(), view)
                : l instanceof FeatureLayer f ? overlaps(f.extent(), view) : true).toList(); // store layers: as fetched
        MapSpec spec = new MapSpec(m.viewport(), drawn, m.background(), true, attributions());
        BufferedImage image = renderer.render(spec, (layer, lonLat) -> overlaps(extents.get(layer), view)
                ? features(layer, lonLat) : List.of());
        return new WmsResponse(contentType(m.format(), p.get("FORMAT")),
                ImageEncoder.encode(image, m.format(), m.bgColor()));
    }

    /**
     * The Content-Type of an image: the format as the client named it, which clients and test suites compare with
     * what they asked for (8-bit PNG is asked as image/png8 or image/png; mode=8bit).
     */
    static String contentType(ImageFormat format, String requested) {
        return format == ImageFormat.PNG8 && requested != null ? requested.strip() : format.contentType();
    }

    /** Whether the areas overlap: share more than an edge, unless the extent itself is a line or a point. */
    static boolean overlaps(Envelope extent, List<Envelope> view) {
        if (extent == null) {
            return false;
        }
        for (Envelope e : view) {
            Envelope i = e.intersection(extent);
            if (!i.isNull() && (i.getWidth() > 0 || extent.getWidth() == 0)
                    && (i.getHeight() > 0 || extent.getHeight() == 0)) {
                return true;
            }
        }
        return false;
    }

    /** Each layer's extent (absent when empty). */
    private Map<Layer, Envelope> extents() {
        return dataInfo().extents();
    }

    private List<StoredFeature> features(Layer layer, Envelope lonLat) {
        return memory.features(layer, lonLat, MAX_FEATURES);
    }

    /** Attribution texts by dataset. */
    private Function<String, String> attributions() {
        return dataInfo().attributions()::get;
    }

    /** What every map needs of the data beside its features, read again only when the data version moves. */
    private record DataInfo(long version, Map<Layer, Envelope> extents, Map<String, String> attributions) {}

    private volatile DataInfo dataInfo;

    private DataInfo dataInfo() {
        long version = states.current().version();
        DataInfo cached = dataInfo;
        if (cached == null || cached.version() != version) {
            Map<Layer, Envelope> extents = new EnumMap<>(Layer.class);
            for (Layer l : Layer.values()) {
                LayerStats s = store.stats(l);
                if (s.extent() != null) {
                    extents.put(l, s.extent());
                }
            }
            Map<String, String> attributions = new HashMap<>();
            for (Dataset d : store.datasets()) {
                String text = Attributions.onMap(d);
                if (text != null) {
                    attributions.put(d.id(), text);
                }
            }
            cached = new DataInfo(version, java.util.Collections.unmodifiableMap(extents), Map.copyOf(attributions));
            dataInfo = cached;
        }
        return cached;
    }

    private WmsResponse featureInfo(WmsParams p) {
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
                writer.write(found));
    }

    /** The surface's cell under the pixel's centre (the cell holds the point, so no tolerance is needed). */
    private static java.util.Optional<Surface.Cell> cellAt(Viewport v, Surface surface, int i, int j) {
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
            List<StoredFeature> candidates = features(style.layer(), copy.query());
            hits.addAll(HitTester.hits(viewport, style, candidates, copy.offsetX(), i, j, INFO_TOLERANCE_PX));
        }
        hits.sort(java.util.Comparator.comparingDouble(HitTester.Hit::distancePx));
        return hits.stream().limit(count).map(h -> FeatureInfoWriter.Found.of(layer, h.feature())).toList();
    }

    /** A context layer's features under the pixel, nearest first, found as a store layer's are. */
    private static List<FeatureInfoWriter.Found> hits(Viewport viewport, FeatureLayer layer, int i, int j, int count) {
        List<HitTester.ItemHit> hits = new ArrayList<>();
        for (Viewport.WorldCopy copy : HitTester.searchAreas(viewport, i, j, INFO_TOLERANCE_PX + 16)) {
            hits.addAll(HitTester.itemHits(viewport, layer.items(copy.query(), viewport.scaleDenominator()),
                    copy.offsetX(), i, j,
                    INFO_TOLERANCE_PX));
        }
        hits.sort(java.util.Comparator.comparingDouble(HitTester.ItemHit::distancePx));
        // a feature drawn in parts (a geometry collection of several kinds) is found once, by its nearest part
        Map<String, FeatureInfoWriter.Found> byId = new java.util.LinkedHashMap<>();
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

    private WmsResponse legend(WmsParams p) {
        WmsVersion v = WmsVersion.V1_3_0;
        String name = p.required("LAYER", v);
        WmsLayer layer = WmsLayer.byName(name, styles).orElseThrow(() -> new WmsException(
                ExceptionCode.LayerNotDefined, "no layer '" + name + "'", "LAYER", v));
        String asked = p.get("STYLE") == null ? "" : p.get("STYLE");
        List<MapLayer> chosen = new ArrayList<>();
        // a legend of the style an SLD_BODY gives the layer, as GetMap would draw it
        var fromSld = java.util.Optional.ofNullable(SldRequests.body(p, v)).flatMap(sld -> sld.layer(name));
        if (fromSld.isPresent() && !fromSld.get().styles().isEmpty()) {
            chosen.add(SldRequests.styled(layer, fromSld.get(), asked, styles, v));
            return legendImage(p, chosen, v);
        }
        // a NamedStyle asks for one of the layer's own, as STYLE does
        String styleName = fromSld.map(org.clustergrid.render.sld.Sld.Layer::namedStyle).orElse(asked);
        for (Layer l : layer.legendOrder()) {
            String wanted = CapabilitiesWriter.ROOT_STYLES.contains(styleName) ? "" : styleName;
            chosen.add(styles.style(l, wanted).orElseThrow(() -> new WmsException(ExceptionCode.StyleNotDefined,
                    "layer " + name + " has no style '" + styleName + "'", "STYLE", v)));
        }
        if (!MapRequest.styleAllowed(layer, styleName, styles)) {
            throw new WmsException(ExceptionCode.StyleNotDefined, "layer " + name + " has no style '" + styleName
                    + "'", "STYLE", v);
        }
        // top of the map first: store layers, context layers, surfaces
        layer.featuresTopFirst().forEach(f -> styles.featureLayer(f).ifPresent(chosen::add));
        layer.surfaces().forEach(s -> styles.surface(s).ifPresent(chosen::add));
        return legendImage(p, chosen, v);
    }

    private WmsResponse legendImage(WmsParams p, List<MapLayer> chosen, WmsVersion v) {
        String f = p.nonEmpty("FORMAT") == null ? "image/png" : p.get("FORMAT");
        ImageFormat format = ImageFormat.of(f).orElseThrow(() -> new WmsException(ExceptionCode.InvalidFormat,
                "FORMAT " + f + " is not offered for legends", "FORMAT", v));
        int w = legendSymbolSize(p, "WIDTH", v);
        int h = legendSymbolSize(p, "HEIGHT", v);
        Color background = MapRequest.transparent(p, v) && format.supportsTransparency() ? null
                : MapRequest.bgColor(p, v);
        BufferedImage image = legends.render(chosen, w, h, background);
        return new WmsResponse(contentType(format, f), ImageEncoder.encode(image, format, background));
    }

    private static int legendSymbolSize(WmsParams p, String name, WmsVersion v) {
        String text = p.nonEmpty(name);
        if (text == null) {
            return 20;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 8 && n <= 128) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw WmsException.invalid(name, name + " of a legend symbol must be 8 to 128 pixels; got '" + text + "'", v);
    }

    /** XML by default; for GetMap with EXCEPTIONS=INIMAGE or BLANK an image of the asked size and format. */
    /** The store is down: an exception report (no code fits; WMS has none for it) with status 503. */
    static WmsResponse unavailable(String reason, WmsVersion version) {
        WmsException e = new WmsException(null, "service unavailable: " + reason, null, version);
        return new WmsResponse(ExceptionReport.contentType(version), ExceptionReport.xml(e), 503);
    }

    private WmsResponse error(WmsException e, WmsParams p) {
        String request = p.get("REQUEST");
        ExceptionFormat how;
        try {
            how = ExceptionFormat.parse(p.get("EXCEPTIONS"), e.version());
        } catch (WmsException bad) {
            how = ExceptionFormat.XML;
        }
        if (how == ExceptionFormat.XML || request == null || !request.equalsIgnoreCase("GetMap")) {
            return new WmsResponse(ExceptionReport.contentType(e.version()), ExceptionReport.xml(e));
        }
        ImageFormat format = ImageFormat.of(p.get("FORMAT")).orElse(ImageFormat.PNG);
        int width = lenientSize(p.get("WIDTH"));
        int height = lenientSize(p.get("HEIGHT"));
        Color bg;
        boolean transparent;
        try {
            bg = MapRequest.bgColor(p, e.version());
            transparent = MapRequest.transparent(p, e.version());
        } catch (WmsException bad) {
            bg = Color.WHITE;
            transparent = false;
        }
        Color background = transparent && format.supportsTransparency() ? null : bg;
        String text = how != ExceptionFormat.INIMAGE ? null
                : e.code() == null ? e.getMessage() : e.code().name() + ": " + e.getMessage();
        BufferedImage image = MessageImage.render(width, height, background, text);
        return new WmsResponse(contentType(format, p.get("FORMAT")), ImageEncoder.encode(image, format, bg));
    }

    private static int lenientSize(String text) {
        try {
            int n = Integer.parseInt(text.strip());
            return n >= 1 && n <= MapRequest.MAX_SIZE ? n : 256;
        } catch (RuntimeException e) {
            return 256;
        }
    }
}
