package org.clustergrid.ogc.wms;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clustergrid.dimension.Axis;
import org.clustergrid.dimension.Dimension;
import org.clustergrid.dimension.DimensionException;
import org.clustergrid.dimension.Selection;
import org.clustergrid.render.FeatureLayer;
import org.clustergrid.render.MapLayer;
import org.clustergrid.render.Surface;

/**
 * The ELEVATION and TIME of a GetMap or GetFeatureInfo applied to the layers drawn that declare them (WMS 1.3.0
 * Annex C, 1.1.1 Annex C): each such layer shows what its values pick; layers without the dimension ignore the
 * parameter (C.3.5).
 *
 * @param warnings the Warning headers of the values the server chose (defaults, nearest values), each once
 */
record MapDimensions(List<MapLayer> drawn, List<String> warnings) {

    /**
     * @param viaGroup for each layer drawn, whether it is a part of a group (the root): the group declares no
     *     dimension, so a part's dimension without a value and without a default draws the part whole instead of
     *     refusing the map
     */
    static MapDimensions apply(WmsParams p, List<MapLayer> drawn, List<Boolean> viaGroup, WmsVersion v) {
        List<MapLayer> out = new ArrayList<>(drawn.size());
        Set<String> warnings = new LinkedHashSet<>();
        for (int i = 0; i < drawn.size(); i++) {
            MapLayer layer = drawn.get(i);
            List<Dimension> dimensions = layer.dimensions();
            if (dimensions.isEmpty()) {
                out.add(layer);
                continue;
            }
            Map<Axis, Selection> picked = new EnumMap<>(Axis.class);
            for (Dimension d : dimensions) {
                String param = d.axis().parameter();
                try {
                    Selection s = d.select(p.nonEmpty(param));
                    picked.put(d.axis(), s);
                    if (s.warning() != null) {
                        warnings.add(s.warning());
                    }
                } catch (DimensionException e) {
                    if (e.missing() && viaGroup.get(i)) {
                        continue;
                    }
                    throw new WmsException(e.missing() ? ExceptionCode.MissingDimensionValue
                            : ExceptionCode.InvalidDimensionValue, "layer " + name(layer) + ": " + e.getMessage(),
                            param, v);
                }
            }
            out.add(picked.isEmpty() ? layer : layer.selecting(picked));
        }
        return new MapDimensions(List.copyOf(out), List.copyOf(warnings));
    }

    private static String name(MapLayer l) {
        return l instanceof Surface s ? s.name() : l instanceof FeatureLayer f ? f.name() : l.title();
    }
}
