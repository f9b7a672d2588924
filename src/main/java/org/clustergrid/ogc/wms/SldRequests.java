package org.clustergrid.ogc.wms;

import org.clustergrid.render.FeatureLayer;
import org.clustergrid.render.StyleRegistry;
import org.clustergrid.render.sld.Sld;
import org.clustergrid.render.sld.SldException;
import org.clustergrid.render.sld.SldParser;
import org.clustergrid.render.sld.UserStyle;

/**
 * Styles sent with a request (the SLD profile of WMS): {@code SLD_BODY} holds the document itself. {@code SLD}, a URL
 * to fetch it from, is refused: fetching a URL a request names would let anyone make this server reach into the
 * network it stands in (SSRF).
 */
final class SldRequests {
    private SldRequests() {}

    /** The parsed SLD_BODY, or null when the request has none. */
    static Sld body(WmsParams p, WmsVersion v) {
        if (p.nonEmpty("SLD") != null) {
            throw WmsException.invalid("SLD", "SLD (a style read from a URL) is not supported: this server fetches"
                    + " no URL a request names; send the style document itself in SLD_BODY", v);
        }
        String body = p.nonEmpty("SLD_BODY");
        if (body == null) {
            return null;
        }
        try {
            return SldParser.parse(body);
        } catch (SldException e) {
            throw WmsException.invalid("SLD_BODY", "SLD_BODY refused: " + e.getMessage(), v);
        }
    }

    /**
     * The layer drawn with the SLD's user style for it ({@code wanted} picks one by name when it has several). Only
     * context layers take one; the built-in layers have their named styles.
     */
    static FeatureLayer styled(WmsLayer layer, Sld.Layer fromSld, String wanted, StyleRegistry registry,
            WmsVersion v) {
        UserStyle style = fromSld.style(wanted).orElseThrow();
        FeatureLayer styled = null;
        if (layer.parts() == 1 && layer.features().size() == 1) {
            styled = registry.featureLayer(layer.features().get(0)).map(f -> f.styled(style)).orElse(null);
        }
        if (styled == null) {
            throw new WmsException(ExceptionCode.StyleNotDefined, "SLD_BODY styles layer " + layer.name()
                    + ", which takes no user style: SLD_BODY styles the layers imported as their own; built-in"
                    + " layers are drawn in their named styles (STYLES)", "SLD_BODY", v);
        }
        return styled;
    }
}
