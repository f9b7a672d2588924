package org.clustergrid.render;

import org.clustergrid.model.FinancePoint.FinanceType;
import org.clustergrid.model.Market.MarketKind;
import org.clustergrid.render.Symbol.Line;
import org.clustergrid.render.Symbol.Marker;

/**
 * The look of planned features (a scenario's, not built): each in the colours its layer's style gives what it would
 * become, lines dashed, markers larger, lighter and outlined dashed, so planned and built never look alike.
 */
public final class PlannedSymbols {
    /** Longer than an unpaved road's 5/3 dash, so a planned track still reads as planned. */
    static final float[] LINE_DASH = {10f, 6f};
    static final float[] OUTLINE_DASH = {3f, 2f};
    /** Thin lines dashed are hard to see; planned ones are drawn at least this wide. */
    static final float MIN_LINE_WIDTH = 2.5f;

    private PlannedSymbols() {}

    /** A new or upgraded road of that class (OSM {@code highway}), without the casing, which would fill the gaps. */
    public static Line road(String roadClass) {
        return dashed(RoadStyle.line(RoadStyle.rank(roadClass), false));
    }

    public static Line powerLine(Integer voltageKv) {
        return dashed(PowerStyle.lineFor(voltageKv == null ? null : voltageKv * 1000));
    }

    public static Marker substation() {
        return dashed(PowerStyle.SUBSTATION);
    }

    public static Marker finance(FinanceType type) {
        return dashed(FinanceStyle.marker(type));
    }

    public static Marker market(MarketKind kind, Long population) {
        return dashed(MarketStyle.marker(kind, population));
    }

    private static Line dashed(Line built) {
        return new Line(built.color(), Math.max(MIN_LINE_WIDTH, built.width()), LINE_DASH, null, 0);
    }

    private static Marker dashed(Marker built) {
        return new Marker(built.shape(), built.size() + 4, Palette.alpha(built.fill(), 150),
                built.stroke().equals(Palette.WHITE) ? Palette.DARK_GREY : built.stroke(),
                Math.max(1.6f, built.strokeWidth()), OUTLINE_DASH);
    }
}
