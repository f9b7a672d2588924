package org.clustergrid.dimension;

import java.util.ArrayList;
import java.util.List;

/**
 * A dimension a layer declares (WMS 1.3.0 Annex C): its axis, the attribute of a vector layer holding each
 * feature's value (null for a raster, whose cells are the values), the values it offers, its default (null: a request
 * must give a value), whether a request may ask for several values and ranges, and whether a value between the
 * offered ones is moved to the nearest of them instead of being refused.
 */
public record Dimension(Axis axis, String attribute, Extent extent, String defaultValue, boolean multipleValues,
        boolean nearestValue) {

    /** Checks a declaration: the values parse, and the default is among them. */
    public static Dimension of(Axis axis, String attribute, String values, String defaultValue, boolean multipleValues,
            boolean nearestValue) {
        Extent extent = Extent.parse(axis, values);
        String d = defaultValue == null || defaultValue.isBlank() ? null : defaultValue.strip();
        Dimension dim = new Dimension(axis, attribute, extent, d, multipleValues, nearestValue);
        if (d != null) {
            Selection s = dim.pick(d);
            if (s.warning() != null) {
                throw new DimensionException("the default " + axis.dimensionName() + " '" + d
                        + "' is not among the values " + extent.text());
            }
        }
        return dim;
    }

    /**
     * What a request's value (the ELEVATION or TIME parameter; null or empty when not given) picks.
     *
     * @throws DimensionException when no value is given and there is no default ({@link DimensionException#missing}),
     *     or the value is not offered (WMS InvalidDimensionValue)
     */
    public Selection select(String requested) {
        if (requested == null || requested.isBlank()) {
            if (defaultValue == null) {
                throw new DimensionException("the layer has a " + axis.dimensionName() + " dimension without a default:"
                        + " give " + axis.parameter() + " (one of " + extent.text() + ")", true);
            }
            Selection s = pick(defaultValue);
            return new Selection(axis, s.ranges(), "99 Default value used: " + axis.dimensionName() + "="
                    + defaultValue + " " + axis.warningUnits());
        }
        return pick(requested);
    }

    private Selection pick(String requested) {
        String name = axis.dimensionName();
        String[] items = requested.strip().split(",", -1);
        List<double[]> ranges = new ArrayList<>();
        List<String> snapped = new ArrayList<>();
        boolean moved = false;
        for (String raw : items) {
            String item = raw.strip();
            if (item.equalsIgnoreCase("current")) {
                throw new DimensionException(name + " 'current' is not offered: the layer declares " + extent.text());
            }
            String[] p = item.split("/", -1);
            if (p.length == 1) {
                double v = axis.value(p[0]);
                double used = v;
                if (!extent.contains(v)) {
                    if (!nearestValue) {
                        throw new DimensionException(name + " " + item + " is not offered; the layer declares "
                                + extent.text());
                    }
                    used = extent.nearest(v);
                    moved = true;
                }
                ranges.add(new double[] {used, used});
                snapped.add(axis.format(used));
            } else if (p.length == 2 || p.length == 3) {
                // a resolution in a request (min/max/res) asks for the same range
                double lo = axis.value(p[0]);
                double hi = axis.value(p[1]);
                if (lo > hi) {
                    throw new DimensionException(name + " range " + item + " ends before it starts");
                }
                if (!extent.overlaps(lo, hi)) {
                    throw new DimensionException(name + " range " + item + " holds none of the values the layer"
                            + " declares (" + extent.text() + ")");
                }
                ranges.add(new double[] {lo, hi});
                snapped.add(item);
            } else {
                throw new DimensionException(name + " '" + item + "' is neither a value nor a range min/max");
            }
        }
        if (!multipleValues && (ranges.size() > 1 || ranges.get(0)[0] != ranges.get(0)[1])) {
            throw new DimensionException("the layer takes a single " + name + " value, not a list or a range; got '"
                    + requested.strip() + "'");
        }
        String warning = moved ? "99 Nearest value used: " + name + "=" + String.join(",", snapped) + " "
                + axis.warningUnits() : null;
        return new Selection(axis, ranges, warning);
    }
}
