package org.clustergrid.render.sld;

/** How filter values compare: numerically when one side is a number and the other reads as one, else as text. */
final class Values {
    private Values() {}

    /** Negative, zero or positive as a is below, equal to or above b; null when either is missing. */
    static Integer compare(Object a, Object b, boolean matchCase) {
        if (a == null || b == null) {
            return null;
        }
        Double x = number(a);
        Double y = number(b);
        if (x != null && y != null && (a instanceof Number || b instanceof Number)) {
            return Double.compare(x, y);
        }
        String s = text(a);
        String t = text(b);
        return matchCase ? s.compareTo(t) : FilterReader.fold(s).compareTo(FilterReader.fold(t));
    }

    static Double number(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o instanceof String s) {
            try {
                double d = Double.parseDouble(s.strip());
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static String text(Object o) {
        if (o instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue()); // 5.0 reads as 5, as it was written
        }
        return o.toString();
    }
}
