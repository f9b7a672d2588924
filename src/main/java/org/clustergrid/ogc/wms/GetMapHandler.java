package org.clustergrid.ogc.wms;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.clustergrid.model.Layer;
import org.clustergrid.render.FeatureLayer;
import org.clustergrid.render.ImageEncoder;
import org.clustergrid.render.ImageFormat;
import org.clustergrid.render.MapLayer;
import org.clustergrid.render.MapRenderer;
import org.clustergrid.render.MapSpec;
import org.clustergrid.render.StyleRegistry;
import org.clustergrid.render.Surface;
import org.clustergrid.render.Viewport;
import org.locationtech.jts.geom.Envelope;

/** GetMap: the request checked ({@link MapRequest}), its layers drawn and encoded, with the dimensions' warnings. */
final class GetMapHandler {
    private final MapData data;
    private final StyleRegistry styles;
    private final MapRenderer renderer = new MapRenderer();

    GetMapHandler(MapData data, StyleRegistry styles) {
        this.data = data;
        this.styles = styles;
    }

    WmsResponse map(WmsParams p) {
        WmsVersion v = WmsVersion.exact(p.get("VERSION"));
        MapRequest m = MapRequest.parse(p, v, styles, true);
        // a box that does not overlap a layer's advertised extent gets empty content for it (WMS 1.3.0, 7.3.3.6),
        // even where the symbols of features on the extent's edge would reach into it
        Map<Layer, Envelope> extents = data.extents();
        List<Envelope> view = m.viewport().worldCopies(0).stream().map(Viewport.WorldCopy::query).toList();
        List<MapLayer> drawn = m.drawn().stream().filter(l -> l instanceof Surface s ? overlaps(s.extent(), view)
                : l instanceof FeatureLayer f ? overlaps(f.extent(), view) : true).toList(); // store layers: as fetched
        MapSpec spec = new MapSpec(m.viewport(), drawn, m.background(), true, data.attributions());
        BufferedImage image = renderer.render(spec, (layer, lonLat) -> overlaps(extents.get(layer), view)
                ? data.features(layer, lonLat) : List.of());
        return new WmsResponse(contentType(m.format(), p.get("FORMAT")),
                ImageEncoder.encode(image, m.format(), m.bgColor()), 200, m.warnings());
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
}
