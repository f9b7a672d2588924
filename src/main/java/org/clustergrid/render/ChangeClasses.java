package org.clustergrid.render;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.clustergrid.render.Symbol.Fill;
import org.clustergrid.render.Symbol.Marker;
import org.clustergrid.render.Symbol.MarkerShape;
import org.locationtech.jts.geom.Geometry;

/**
 * Clusters by how much a scenario lowers their gap, in gap points (0–100), the classes and colours of the web map's
 * change view (ColorBrewer Greens, darker = more closed; a rise in red, a loss). A gap unknown before or after is
 * "no data", never 0.
 */
public final class ChangeClasses {
    static final Color ROSE = new Color(0xD6604D);
    static final Color SAME = new Color(0xFFFFFF);
    static final Color[] FELL = {new Color(0xC7E9C0), new Color(0x74C476), new Color(0x31A354), new Color(0x006D2C)};
    /** The upper bounds of the first three classes of a fall; the last is open. */
    static final double[] FELL_BELOW = {2, 5, 10};
    static final String[] FELL_LABELS = {"fell by less than 2", "fell by 2 – 5", "fell by 5 – 10",
        "fell by 10 or more"};
    static final Color OUTLINE = Palette.DARK_GREY;
    static final float MARKER_SIZE = 12;

    private ChangeClasses() {}

    /** The fall rounded to hundredths, as the evaluation's rows show gaps; null when either gap is unknown. */
    public static Double fall(Double gapBefore, Double gapAfter) {
        return gapBefore == null || gapAfter == null ? null : Math.round((gapBefore - gapAfter) * 100) / 100.0;
    }

    public static Color colour(Double fall) {
        if (fall == null) {
            return ScoreClasses.NO_SCORE;
        }
        if (fall < 0) {
            return ROSE;
        }
        if (fall == 0) {
            return SAME;
        }
        for (int i = 0; i < FELL_BELOW.length; i++) {
            if (fall < FELL_BELOW[i]) {
                return FELL[i];
            }
        }
        return FELL[FELL.length - 1];
    }

    /** A cluster drawn in its class: its area filled, or a circle at its point. */
    public static Symbol symbol(Geometry footprint, Double fall) {
        Color c = colour(fall);
        return footprint.getDimension() == 2 ? new Fill(Palette.alpha(c, 200), OUTLINE, 1f)
                : new Marker(MarkerShape.CIRCLE, MARKER_SIZE, c, OUTLINE, 1f);
    }

    /** Largest fall first, then no change, a rise and no data; each as a circle, as most clusters are points. */
    public static List<LegendItem> legend() {
        List<LegendItem> out = new ArrayList<>();
        for (int i = FELL.length - 1; i >= 0; i--) {
            out.add(new LegendItem("gap " + FELL_LABELS[i], marker(FELL[i])));
        }
        out.add(new LegendItem("no change", marker(SAME)));
        out.add(new LegendItem("gap rose", marker(ROSE)));
        out.add(new LegendItem("gap unknown before or after (no data)", marker(ScoreClasses.NO_SCORE)));
        return out;
    }

    private static Marker marker(Color c) {
        return new Marker(MarkerShape.CIRCLE, MARKER_SIZE, c, OUTLINE, 1f);
    }
}
