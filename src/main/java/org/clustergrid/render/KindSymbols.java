package org.clustergrid.render;

import java.awt.Color;
import java.util.List;
import org.clustergrid.layers.GeometryKind;
import org.clustergrid.render.Symbol.Fill;
import org.clustergrid.render.Symbol.Line;
import org.clustergrid.render.Symbol.Marker;
import org.locationtech.jts.geom.Geometry;

/**
 * The look of a layer that has no style of its own, by geometry: GeoServer's defaults (point.sld, line.sld,
 * polygon.sld), so a layer looks as users of other map servers expect: grey circles, thin blue lines, grey areas.
 */
public final class KindSymbols {
    public static final Marker POINT = new Marker(Symbol.MarkerShape.CIRCLE, 8, new Color(0x888888),
            new Color(0x333333), 1);
    public static final Line LINE = Line.solid(new Color(0x0000FF), 1.5f);
    public static final Fill POLYGON = new Fill(new Color(0xAAAAAA), Color.BLACK, 1);

    private KindSymbols() {}

    /** The symbol of one geometry by its own dimension, so each feature of a mixed layer is drawn as what it is. */
    public static Symbol of(Geometry g) {
        return switch (g.getDimension()) {
            case 0 -> POINT;
            case 1 -> LINE;
            default -> POLYGON;
        };
    }

    /** The legend rows of a layer of this kind: one row, or a row per geometry for a mixed layer. */
    public static List<LegendItem> legend(GeometryKind kind) {
        return switch (kind) {
            case POINT -> List.of(new LegendItem("Points", POINT));
            case LINE -> List.of(new LegendItem("Lines", LINE));
            case POLYGON -> List.of(new LegendItem("Areas", POLYGON));
            case MIXED -> List.of(new LegendItem("Areas", POLYGON), new LegendItem("Lines", LINE),
                    new LegendItem("Points", POINT));
        };
    }
}
