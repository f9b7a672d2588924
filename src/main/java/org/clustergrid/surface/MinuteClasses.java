package org.clustergrid.surface;

import java.awt.Color;

/**
 * Classes of travel time to the nearest regional market: under 15, 15–30, 30–60, 60–120 and 120 minutes or more
 * (a break belongs to the class above), and "no data" where no time is known: no imported road within reach of the
 * place, or none a regional market reaches over the roads. That is not a time (the place may well have roads the
 * store lacks), so it is no class of the scale. Breaks double from a quarter hour, the steps at which a daily trip to
 * market changes in kind (walkable, an easy return trip, half a day, a day). Colours are ColorBrewer YlGnBu
 * (sequential, safe for the common colour-vision deficiencies, and apart from the clusters' YlOrRd drawn on top);
 * darker = farther. No data is a neutral grey.
 */
public final class MinuteClasses {
    private MinuteClasses() {}

    /** Upper bounds of the first four classes, in minutes. */
    public static final double[] BREAKS = {15, 30, 60, 120};
    public static final Color[] COLOURS = {new Color(0xFFFFCC), new Color(0xA1DAB4), new Color(0x41B6C4),
        new Color(0x2C7FB8), new Color(0x253494)};
    public static final Color NO_DATA = new Color(0x969696);
    public static final String[] LABELS = {"< 15 min", "15 – 30 min", "30 – 60 min", "60 – 120 min", "≥ 120 min"};
    public static final String NO_DATA_LABEL = "no data: not reached over the imported roads";

    /** The class (0 = nearest … 4 = farthest) of a time, or -1 for no data (NaN or infinite). */
    public static int of(double minutes) {
        if (!Double.isFinite(minutes)) {
            return -1;
        }
        for (int i = 0; i < BREAKS.length; i++) {
            if (minutes < BREAKS[i]) {
                return i;
            }
        }
        return BREAKS.length;
    }

    public static Color colour(double minutes) {
        int k = of(minutes);
        return k < 0 ? NO_DATA : COLOURS[k];
    }

    public static String label(double minutes) {
        int k = of(minutes);
        return k < 0 ? NO_DATA_LABEL : LABELS[k];
    }
}
