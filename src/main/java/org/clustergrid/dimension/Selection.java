package org.clustergrid.dimension;

import java.util.List;

/**
 * What a request picks of a dimension: values and inclusive ranges on its axis, and the warning the response carries
 * when the server chose them (a default, a nearest value), e.g. {@code 99 Nearest value used: elevation=490 m}.
 *
 * @param ranges pairs {@code [lo, hi]}; a single value has lo = hi
 * @param warning the HTTP Warning header's value, or null
 */
public record Selection(Axis axis, List<double[]> ranges, String warning) {
    public Selection {
        ranges = List.copyOf(ranges);
    }

    public boolean matches(double v) {
        for (double[] r : ranges) {
            if (v >= r[0] && v <= r[1]) {
                return true;
            }
        }
        return false;
    }

    /** Whether a feature's attribute value ({@link Axis#valueOf}) is picked; a feature without one never is. */
    public boolean matchesAttribute(Object attribute) {
        Double v = axis.valueOf(attribute);
        return v != null && matches(v);
    }
}
