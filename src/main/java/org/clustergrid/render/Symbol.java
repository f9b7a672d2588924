package org.clustergrid.render;

import java.awt.BasicStroke;
import java.awt.Color;

/** How one feature is drawn; sizes are in pixels, whatever the scale. */
public sealed interface Symbol permits Symbol.Marker, Symbol.Line, Symbol.Fill {

    /** A point symbol: a shape of {@code size} pixels across, its outline dashed by {@code dash} (null: solid). */
    record Marker(MarkerShape shape, float size, Color fill, Color stroke, float strokeWidth, float[] dash)
            implements Symbol {
        /** A marker with a solid outline. */
        public Marker(MarkerShape shape, float size, Color fill, Color stroke, float strokeWidth) {
            this(shape, size, fill, stroke, strokeWidth, null);
        }

        public BasicStroke outline() {
            return dash == null ? new BasicStroke(strokeWidth)
                    : new BasicStroke(strokeWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f);
        }
    }

    /**
     * A line of {@code width} pixels; {@code dash} null for solid; an optional {@code casing} drawn wider below
     * all lines of the layer so crossings join cleanly.
     */
    record Line(Color color, float width, float[] dash, Color casing, float casingWidth) implements Symbol {
        static final float BEVEL_UP_TO_PX = 6f;

        public static Line solid(Color color, float width) {
            return new Line(color, width, null, null, 0);
        }

        public BasicStroke stroke() {
            return new BasicStroke(width, dash == null ? BasicStroke.CAP_ROUND : BasicStroke.CAP_BUTT, join(width),
                    10f, dash, 0f);
        }

        /**
         * Round joins where they show; on lines up to {@value #BEVEL_UP_TO_PX} pixels a bevel differs from a round
         * join by under a pixel at a right angle, and costs the rasteriser a fraction of the arc it approximates.
         */
        static int join(float width) {
            return width <= BEVEL_UP_TO_PX ? BasicStroke.JOIN_BEVEL : BasicStroke.JOIN_ROUND;
        }

        /** Drawn alike: the same colour, width and dash (arrays compared by content). */
        public boolean sameLine(Line other) {
            return color.equals(other.color) && width == other.width && java.util.Arrays.equals(dash, other.dash);
        }

        public boolean sameCasing(Line other) {
            return java.util.Objects.equals(casing, other.casing) && casingWidth == other.casingWidth;
        }

        public BasicStroke casingStroke() {
            return new BasicStroke(casingWidth, BasicStroke.CAP_ROUND, join(casingWidth));
        }
    }

    /** An area: filled, with an outline of {@code strokeWidth} pixels (0 for none). */
    record Fill(Color fill, Color stroke, float strokeWidth) implements Symbol {}

    /** Shapes of point markers. */
    enum MarkerShape {
        CIRCLE,
        SQUARE,
        TRIANGLE,
        DIAMOND,
        STAR
    }
}
