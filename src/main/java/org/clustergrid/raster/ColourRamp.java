package org.clustergrid.raster;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Colours for values: stops of a value and a colour, linearly interpolated between, values beyond the ends taking
 * the end colours (as an SLD ColorMap of type ramp does). Written as text
 * {@code "0:#ffffcc, 100:#41b6c4, 1000:#253494"}; a colour may carry an alpha ({@code #rrggbbaa}).
 */
public record ColourRamp(List<Stop> stops) {
    /** Viridis at five points: ordered in lightness, readable with the common colour-vision deficiencies. */
    private static final int[] VIRIDIS = {0x440154, 0x3B528B, 0x21918C, 0x5EC962, 0xFDE725};
    static final int MAX_STOPS = 64;

    public record Stop(double value, Color colour) {}

    public ColourRamp {
        stops = List.copyOf(stops);
        if (stops.size() < 2) {
            throw new RasterException("a colour ramp needs at least two stops");
        }
    }

    /** Viridis from {@code min} to {@code max} (a flat raster gets a one-unit span). */
    public static ColourRamp defaultFor(double min, double max) {
        double span = max > min ? max - min : 1;
        List<Stop> stops = new ArrayList<>();
        for (int i = 0; i < VIRIDIS.length; i++) {
            stops.add(new Stop(min + span * i / (VIRIDIS.length - 1), new Color(VIRIDIS[i])));
        }
        return new ColourRamp(stops);
    }

    /** Reads {@code value:#colour} stops separated by commas, values strictly increasing. */
    public static ColourRamp parse(String text) {
        String[] parts = text.split(",");
        if (parts.length > MAX_STOPS) {
            throw new RasterException("a colour ramp has at most " + MAX_STOPS + " stops, not " + parts.length);
        }
        List<Stop> stops = new ArrayList<>();
        for (String part : parts) {
            String p = part.strip();
            int colon = p.lastIndexOf(':');
            if (colon <= 0) {
                throw new RasterException("colour ramp stop '" + p + "' is not value:#colour (e.g. 100:#41b6c4)");
            }
            double value;
            try {
                value = Double.parseDouble(p.substring(0, colon).strip());
            } catch (NumberFormatException e) {
                throw new RasterException("colour ramp stop '" + p + "' has no number before the colon");
            }
            if (!Double.isFinite(value) || (!stops.isEmpty() && value <= stops.get(stops.size() - 1).value())) {
                throw new RasterException("colour ramp stop '" + p + "': values must be finite and increasing");
            }
            stops.add(new Stop(value, colour(p.substring(colon + 1).strip(), p)));
        }
        return new ColourRamp(stops);
    }

    private static Color colour(String hex, String stop) {
        if (!hex.matches("#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?")) {
            throw new RasterException("colour ramp stop '" + stop + "' has no colour #rrggbb or #rrggbbaa");
        }
        int rgb = Integer.parseInt(hex.substring(1, 7), 16);
        int alpha = hex.length() == 9 ? Integer.parseInt(hex.substring(7), 16) : 255;
        return new Color((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, alpha);
    }

    /** The ARGB colour of a value. */
    public int argb(double value) {
        Stop first = stops.get(0);
        if (value <= first.value()) {
            return first.colour().getRGB();
        }
        for (int i = 1; i < stops.size(); i++) {
            Stop b = stops.get(i);
            if (value <= b.value()) {
                Stop a = stops.get(i - 1);
                double t = (value - a.value()) / (b.value() - a.value());
                return mix(a.colour(), b.colour(), t);
            }
        }
        return stops.get(stops.size() - 1).colour().getRGB();
    }

    private static int mix(Color a, Color b, double t) {
        int alpha = (int) Math.round(a.getAlpha() + (b.getAlpha() - a.getAlpha()) * t);
        int r = (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t);
        int g = (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t);
        int bl = (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t);
        return (alpha << 24) | (r << 16) | (g << 8) | bl;
    }

    /** The ramp as text, as {@link #parse} reads it. */
    public String text() {
        List<String> parts = new ArrayList<>();
        for (Stop s : stops) {
            Color c = s.colour();
            String hex = String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
            if (c.getAlpha() != 255) {
                hex += String.format(Locale.ROOT, "%02x", c.getAlpha());
            }
            parts.add(number(s.value()) + ":" + hex);
        }
        return String.join(", ", parts);
    }

    /** A value as a legend shows it: whole numbers without decimals, others to four significant digits. */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
