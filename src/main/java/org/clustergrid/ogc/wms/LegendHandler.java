package org.clustergrid.ogc.wms;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clustergrid.model.Layer;
import org.clustergrid.render.ImageEncoder;
import org.clustergrid.render.ImageFormat;
import org.clustergrid.render.LegendRenderer;
import org.clustergrid.render.FeatureLayer;
import org.clustergrid.render.MapLayer;
import org.clustergrid.render.StyleRegistry;
import org.clustergrid.render.sld.Sld;

/** GetLegendGraphic (SLD profile): a layer's legend in a style of its own, a named one, or one an SLD_BODY gives. */
final class LegendHandler {
    private final StyleRegistry styles;
    private final LegendRenderer legends;

    LegendHandler(StyleRegistry styles, LegendRenderer legends) {
        this.styles = styles;
        this.legends = legends;
    }

    WmsResponse legend(WmsParams p) {
        WmsVersion v = WmsVersion.V1_3_0;
        String name = p.required("LAYER", v);
        WmsLayer layer = WmsLayer.byName(name, styles).orElseThrow(() -> new WmsException(
                ExceptionCode.LayerNotDefined, "no layer '" + name + "'", "LAYER", v));
        String asked = p.get("STYLE") == null ? "" : p.get("STYLE");
        List<MapLayer> chosen = new ArrayList<>();
        // a legend of the style an SLD_BODY gives the layer, as GetMap would draw it
        var fromSld = Optional.ofNullable(SldRequests.body(p, v)).flatMap(sld -> sld.layer(name));
        if (fromSld.isPresent() && !fromSld.get().styles().isEmpty()) {
            chosen.add(SldRequests.styled(layer, fromSld.get(), asked, styles, v));
            return legendImage(p, chosen, v);
        }
        // a NamedStyle asks for one of the layer's own, as STYLE does
        String styleName = fromSld.map(Sld.Layer::namedStyle).orElse(asked);
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
        layer.featuresTopFirst().forEach(f -> styles.featureLayer(f).ifPresent(fl -> {
            FeatureLayer named = fl.styleNames().contains(styleName) ? fl.styledAs(styleName) : null;
            chosen.add(named == null ? fl : named);
        }));
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
        return new WmsResponse(GetMapHandler.contentType(format, f), ImageEncoder.encode(image, format, background));
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
}
