package org.clustergrid.render;

import java.awt.Color;

/** Okabe–Ito colours, distinguishable with the common colour-vision deficiencies, and a few neutrals. */
public final class Palette {
    private Palette() {}

    public static final Color BLACK = new Color(0x000000);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    public static final Color BLUISH_GREEN = new Color(0x009E73);
    public static final Color YELLOW = new Color(0xF0E442);
    public static final Color BLUE = new Color(0x0072B2);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    public static final Color GREY = new Color(0x999999);
    public static final Color DARK_GREY = new Color(0x444444);
    public static final Color WHITE = new Color(0xFFFFFF);

    /** The colour with an alpha of {@code alpha} (0–255). */
    public static Color alpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
