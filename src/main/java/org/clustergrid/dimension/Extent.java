package org.clustergrid.dimension;

import java.util.ArrayList;
import java.util.List;

/**
 * The values a dimension declares (WMS 1.3.0, C.2): a list of single values and intervals {@code min/max/resolution},
 * e.g. {@code 500,490,480}, {@code 0/425/1} or {@code 2000-01-01T00:00:00Z/2000-01-01T00:01:00Z/PT5S}. An interval
 * with a resolution holds the values on its grid; one without (min/max) every value between.
 */
public final class Extent {
    /** Steps walked at most to find a value of a calendar-stepped interval (months over 80 millennia). */
    private static final int MAX_STEPS = 1_000_000;

    /** A single value (min = max, no step) or an interval. */
    record Part(double min, double max, Axis.Step step) {
        boolean single() {
            return min == max && step == null;
        }
    }

    private final Axis axis;
    private final String text;
    private final List<Part> parts;

    private Extent(Axis axis, String text, List<Part> parts) {
        this.axis = axis;
        this.text = text;
        this.parts = List.copyOf(parts);
    }

    /** Reads a declaration; the message says what is wrong with it. */
    public static Extent parse(Axis axis, String text) {
        if (text == null || text.isBlank()) {
            throw new DimensionException("the " + axis.dimensionName() + " values are empty");
        }
        List<Part> parts = new ArrayList<>();
        for (String item : text.strip().split(",")) {
            String[] p = item.strip().split("/");
            if (p.length == 1) {
                double v = axis.value(p[0]);
                parts.add(new Part(v, v, null));
            } else if (p.length == 2 || p.length == 3) {
                double min = axis.value(p[0]);
                double max = axis.value(p[1]);
                if (!(min < max)) {
                    throw new DimensionException(axis.dimensionName() + " interval '" + item.strip()
                            + "': the start must come before the end");
                }
                parts.add(new Part(min, max, p.length == 3 ? axis.step(p[2]) : null));
            } else {
                throw new DimensionException("'" + item.strip() + "' is neither a value nor an interval min/max/resolution");
            }
        }
        return new Extent(axis, text.strip(), parts);
    }

    public Axis axis() {
        return axis;
    }

    /** The declaration as given. */
    public String text() {
        return text;
    }

    public double min() {
        return parts.stream().mapToDouble(Part::min).min().orElseThrow();
    }

    public double max() {
        return parts.stream().mapToDouble(Part::max).max().orElseThrow();
    }

    /** Whether the value is one the extent declares. */
    public boolean contains(double v) {
        return parts.stream().anyMatch(p -> v >= p.min() && v <= p.max() && nearestIn(p, v) == v);
    }

    /** Whether a range {@code [lo, hi]} reaches any declared value. */
    public boolean overlaps(double lo, double hi) {
        for (Part p : parts) {
            double from = Math.max(lo, p.min());
            double to = Math.min(hi, p.max());
            if (from > to) {
                continue;
            }
            if (p.step() == null) {
                return true;
            }
            // the first grid value at or after the range's start
            double first = nearestIn(p, from);
            if (first < from) {
                first = p.step().next(first);
            }
            if (first <= to) {
                return true;
            }
        }
        return false;
    }

    /** The declared value nearest to {@code v} (the lower of two as near). */
    public double nearest(double v) {
        double best = Double.NaN;
        for (Part p : parts) {
            double n = nearestIn(p, Math.min(Math.max(v, p.min()), p.max()));
            if (Double.isNaN(best) || Math.abs(n - v) < Math.abs(best - v)
                    || (Math.abs(n - v) == Math.abs(best - v) && n < best)) {
                best = n;
            }
        }
        return best;
    }

    /** The grid value of a part nearest to {@code v}, which lies within it. */
    private static double nearestIn(Part p, double v) {
        if (p.step() == null) {
            return v;
        }
        if (p.step().calendar() == null) {
            double len = p.step().length();
            double k = Math.round((v - p.min()) / len);
            double n = p.min() + k * len;
            if (n > p.max()) {
                n -= len;
            }
            // a value printed in the declaration (0.1 steps) should match what arithmetic makes of it
            return Math.abs(n - v) < len * 1e-9 ? v : n;
        }
        double below = p.min();
        for (int i = 0; i < MAX_STEPS; i++) {
            double next = p.step().next(below);
            if (next > v || next > p.max()) {
                return next <= p.max() && next - v < v - below ? next : below;
            }
            below = next;
        }
        throw new DimensionException("the interval is too finely stepped to look values up in");
    }

    @Override
    public String toString() {
        return text;
    }
}
