package org.clustergrid.raster;

import java.util.ArrayList;
import java.util.List;

/**
 * The elevation dimension a raster layer of elevations declares for WMS (1.3.0 Annex C): the values a map may ask
 * for, as an interval {@code min/max/resolution} or a list {@code 500,490,480}, in metres. A map asking for
 * elevations shows only the cells whose value is among them.
 *
 * @param values the listed values; empty for an interval
 */
public record ElevationRange(String text, double min, double max, double resolution, List<Double> values) {

    public ElevationRange {
        values = List.copyOf(values);
    }

    /** Reads a declaration; the message says what is wrong with it. */
    public static ElevationRange parse(String text) {
        String t = text.strip();
        String[] interval = t.split("/");
        if (interval.length == 3) {
            double min = number(interval[0], t);
            double max = number(interval[1], t);
            double res = number(interval[2], t);
            if (!(min < max) || !(res > 0)) {
                throw new RasterException("elevation '" + t + "': an interval is min/max/resolution with min < max and"
                        + " a resolution above 0 (e.g. 0/425/1)");
            }
            return new ElevationRange(t, min, max, res, List.of());
        }
        List<Double> values = new ArrayList<>();
        for (String v : t.split(",")) {
            values.add(number(v, t));
        }
        if (values.isEmpty()) {
            throw new RasterException("elevation is empty");
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return new ElevationRange(t, min, max, 0, values);
    }

    private static double number(String s, String whole) {
        try {
            double d = Double.parseDouble(s.strip());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RasterException("elevation '" + whole + "' is neither min/max/resolution (e.g. 0/425/1) nor a list"
                + " of numbers (e.g. 500,490,480): '" + s.strip() + "' is not a number");
    }
}
