package org.clustergrid.ogc.wms;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.clustergrid.filter.Literals;
import org.clustergrid.render.FeatureLayer;
import org.clustergrid.render.ImageFormat;
import org.clustergrid.render.MapLayer;
import org.clustergrid.render.Style;
import org.clustergrid.render.StyleRegistry;
import org.clustergrid.render.Surface;
import org.clustergrid.render.Viewport;
import org.clustergrid.render.sld.Sld;

/**
 * The map part of GetMap and GetFeatureInfo, checked: layers with their styles, CRS, box in the CRS's axis order
 * turned into x/y, size, format and background.
 *
 * @param drawn the store layers' styles, the surfaces and the context layers, bottom first, those with dimensions
 *     showing what ELEVATION and TIME pick
 * @param warnings the Warning headers of dimension values the server chose ({@link MapDimensions})
 */
record MapRequest(WmsVersion version, List<WmsLayer> layers, List<MapLayer> drawn, WmsCrs crs, Viewport viewport,
        ImageFormat format, boolean transparent, Color bgColor, ExceptionFormat exceptions, List<String> warnings) {
    static final int MAX_SIZE = 4096;
    static final int LAYER_LIMIT = 16;

    /** The style drawn for each store layer of {@code layer} (the first, if LAYERS names a layer twice). */
    List<Style> stylesOf(WmsLayer layer) {
        List<Style> out = new ArrayList<>();
        for (MapLayer d : drawn) {
            if (d instanceof Style s && layer.layers().contains(s.layer())
                    && out.stream().noneMatch(o -> o.layer() == s.layer())) {
                out.add(s);
            }
        }
        return out;
    }

    /** The surfaces drawn for {@code layer}. */
    List<Surface> surfacesOf(WmsLayer layer) {
        List<Surface> out = new ArrayList<>();
        for (MapLayer d : drawn) {
            if (d instanceof Surface s && layer.surfaces().contains(s.name()) && !out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The context layers drawn for {@code layer}. */
    List<FeatureLayer> featureLayersOf(WmsLayer layer) {
        List<FeatureLayer> out = new ArrayList<>();
        for (MapLayer d : drawn) {
            if (d instanceof FeatureLayer f && layer.features().contains(f.name()) && !out.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    /** The background, or null for a transparent image. */
    Color background() {
        return transparent && format.supportsTransparency() ? null : bgColor;
    }

    static MapRequest parse(WmsParams p, WmsVersion v, StyleRegistry registry, boolean needFormat) {
        ExceptionFormat exceptions = ExceptionFormat.parse(p.get("EXCEPTIONS"), v);
        Sld sld = SldRequests.body(p, v);
        // with SLD_BODY, LAYERS may be left out: the SLD's layers are drawn (WMS SLD profile)
        String layerNames = sld == null || p.nonEmpty("LAYERS") != null ? p.required("LAYERS", v)
                : String.join(",", sld.layers().stream().map(l -> l.name() == null ? "" : l.name()).toList());
        List<WmsLayer> layers = new ArrayList<>();
        for (String name : layerNames.split(",", -1)) {
            layers.add(WmsLayer.byName(name, registry).orElseThrow(() -> new WmsException(
                    ExceptionCode.LayerNotDefined, "no layer '" + name + "'; layers are " + WmsLayer.ROOT + ", "
                            + String.join(", ", WmsLayer.children(registry).stream().map(WmsLayer::name).toList()),
                    "LAYERS", v)));
        }
        if (layers.size() > LAYER_LIMIT) {
            throw WmsException.invalid("LAYERS", "at most " + LAYER_LIMIT + " layers per request", v);
        }
        List<Boolean> viaGroup = new ArrayList<>();
        List<MapLayer> styled = styles(p.get("STYLES"), layers, registry, v, sld, viaGroup);
        String crsParam = v == WmsVersion.V1_3_0 ? "CRS" : "SRS";
        String crsCode = p.required(crsParam, v);
        WmsCrs crs = WmsCrs.of(crsCode).filter(c -> List.of(WmsCrs.offered(v)).contains(c))
                .orElseThrow(() -> new WmsException(v == WmsVersion.V1_3_0 ? ExceptionCode.InvalidCRS
                        : ExceptionCode.InvalidSRS, crsParam + " " + crsCode + " is not offered; use one of "
                        + List.of(WmsCrs.offered(v)).stream().map(WmsCrs::code).toList(), crsParam, v));
        double[] box = bbox(p.required("BBOX", v), v);
        if (crs.yFirst(v)) {
            box = new double[] {box[1], box[0], box[3], box[2]};
        }
        checkExtent(box, crs, v);
        int width = size(p, "WIDTH", v);
        int height = size(p, "HEIGHT", v);
        ImageFormat format = ImageFormat.PNG;
        if (needFormat) {
            String f = p.required("FORMAT", v);
            format = ImageFormat.of(f).orElseThrow(() -> new WmsException(ExceptionCode.InvalidFormat,
                    "FORMAT " + f + " is not offered; use image/png, image/png8 or image/jpeg", "FORMAT", v));
        }
        Viewport viewport = new Viewport(crs.projection(), box[0], box[1], box[2], box[3], width, height);
        // after the other parameters, so a bad box or format is reported as such before a dimension
        MapDimensions dims = MapDimensions.apply(p, styled, viaGroup, v);
        return new MapRequest(v, layers, dims.drawn(), crs, viewport, format, transparent(p, v), bgColor(p, v),
                exceptions, dims.warnings());
    }

    /**
     * The layers as drawn, with their styles: from STYLES, or for the layers an SLD_BODY names, from the SLD.
     *
     * @param viaGroup filled alongside: whether each layer drawn is a part of a group LAYERS names
     */
    private static List<MapLayer> styles(String param, List<WmsLayer> layers, StyleRegistry registry, WmsVersion v,
            Sld sld, List<Boolean> viaGroup) {
        if (param == null && sld == null) {
            // mandatory (WMS 1.3.0 Table 8, 1.1.1 Table 5), though it may be empty: STYLES= asks for the defaults
            throw WmsException.missing("STYLES", v);
        }
        String[] names = param == null || param.isEmpty() ? new String[0] : param.split(",", -1);
        if (names.length != 0 && names.length != layers.size()) {
            throw WmsException.invalid("STYLES", "STYLES has " + names.length + " entries for " + layers.size()
                    + " layers; give one per layer (empty for the default) or none", v);
        }
        List<MapLayer> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            WmsLayer layer = layers.get(i);
            String asked = names.length == 0 ? "" : names[i];
            Sld.Layer fromSld = sld == null ? null : sld.layer(layer.name()).orElse(null);
            boolean group = layer.parts() > 1;
            if (fromSld != null && !fromSld.styles().isEmpty()) {
                out.add(SldRequests.styled(layer, fromSld, asked, registry, v));
                viaGroup.add(group);
                continue;
            }
            // a NamedStyle asks for one of the layer's own, as STYLES does
            String name = fromSld != null ? fromSld.namedStyle() : asked;
            // a surface has one look, its default; a context layer also its stored style
            if (!styleAllowed(layer, name, registry)) {
                throw new WmsException(ExceptionCode.StyleNotDefined, "layer " + layer.name() + " has no style '"
                        + name + "'", "STYLES", v);
            }
            for (String surface : layer.surfaces()) {
                registry.surface(surface).ifPresent(s -> {
                    out.add(s);
                    viaGroup.add(group);
                });
            }
            // context layers above the surfaces, beneath the store layers (see WmsLayer.group)
            for (String feature : layer.features()) {
                registry.featureLayer(feature).ifPresent(f -> {
                    FeatureLayer named = f.styleNames().contains(name) ? f.styledAs(name) : null;
                    out.add(named == null ? f : named);
                    viaGroup.add(group);
                });
            }
            for (var l : layer.layers()) {
                // "default" is declared by the root and inherited by every layer: each layer's own default
                String wanted = CapabilitiesWriter.ROOT_STYLES.contains(name) ? "" : name;
                out.add(registry.style(l, wanted).orElseThrow(() -> new WmsException(ExceptionCode.StyleNotDefined,
                        "layer " + layer.name() + " has no style '" + name + "'", "STYLES", v)));
                viaGroup.add(group);
            }
        }
        return out;
    }

    /**
     * Whether {@code style} may be asked of the layer: any of a store layer's styles; the default (empty or
     * "default") of a layer that draws surfaces or context layers, and a context layer's named styles (its stored
     * SLD's, its areas by their clusters' scores).
     */
    static boolean styleAllowed(WmsLayer layer, String style, StyleRegistry registry) {
        if ((layer.surfaces().isEmpty() && layer.features().isEmpty()) || style.isEmpty()
                || CapabilitiesWriter.ROOT_STYLES.contains(style)) {
            return true;
        }
        return layer.parts() == 1 && layer.features().size() == 1 && registry.featureLayer(layer.features().get(0))
                .map(f -> f.styleNames().contains(style)).orElse(false);
    }

    /**
     * Degrees a geographic box may reach on either axis. Boxes past ±180 (antimeridian) or ±90 (conformance tests ask
     * for such) draw what lies there, if anything; beyond this no map means anything.
     */
    static final double MAX_DEGREES = 1_000;
    /** Web Mercator metres a box may reach: the world is ±20,037,508 m wide, so about 25 world widths. */
    static final double MAX_METRES = 1e9;

    /** Refuses boxes no map could mean: ±1e308 would otherwise be projected and drawn. */
    static void checkExtent(double[] box, WmsCrs crs, WmsVersion v) {
        double max = crs == WmsCrs.EPSG_3857 ? MAX_METRES : MAX_DEGREES;
        for (double c : box) {
            if (Math.abs(c) > max) {
                throw WmsException.invalid("BBOX", "BBOX lies outside what a map in " + crs.code() + " can show: "
                        + "every value must be within ±" + (crs == WmsCrs.EPSG_3857 ? "1e9 m" : "1000°"), v);
            }
        }
    }

    static double[] bbox(String text, WmsVersion v) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw WmsException.invalid("BBOX", "BBOX must be four numbers minx,miny,maxx,maxy; got '"
                    + Literals.excerpt(text) + "'", v);
        }
        double[] b = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                b[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw WmsException.invalid("BBOX", "BBOX value '" + Literals.excerpt(parts[i]) + "' is not a number", v);
            }
            if (!Double.isFinite(b[i])) {
                throw WmsException.invalid("BBOX", "BBOX value '" + parts[i] + "' is not finite", v);
            }
        }
        if (b[0] >= b[2] || b[1] >= b[3]) {
            throw WmsException.invalid("BBOX", "BBOX minimum must be below maximum on both axes; got '"
                    + Literals.excerpt(text) + "'", v);
        }
        return b;
    }

    static int size(WmsParams p, String name, WmsVersion v) {
        String text = p.required(name, v);
        int n;
        try {
            n = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw WmsException.invalid(name, name + " '" + text + "' is not a whole number", v);
        }
        if (n < 1 || n > MAX_SIZE) {
            throw WmsException.invalid(name, name + " must be between 1 and " + MAX_SIZE + "; got " + n, v);
        }
        return n;
    }

    static boolean transparent(WmsParams p, WmsVersion v) {
        String t = p.nonEmpty("TRANSPARENT");
        if (t == null || t.equalsIgnoreCase("FALSE")) {
            return false;
        }
        if (t.equalsIgnoreCase("TRUE")) {
            return true;
        }
        throw WmsException.invalid("TRANSPARENT", "TRANSPARENT must be TRUE or FALSE; got '" + t + "'", v);
    }

    static Color bgColor(WmsParams p, WmsVersion v) {
        String c = p.nonEmpty("BGCOLOR");
        if (c == null) {
            return Color.WHITE;
        }
        if (!c.matches("0[xX][0-9a-fA-F]{6}")) {
            throw WmsException.invalid("BGCOLOR", "BGCOLOR must be 0xRRGGBB; got '" + c + "'", v);
        }
        return new Color(Integer.parseInt(c.substring(2), 16));
    }
}
