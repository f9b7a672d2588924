package org.clustergrid.report;

import java.util.Locale;

/**
 * Values in a planner's units: metres as m or km, seconds as minutes or hours, shares as percentages, flags as yes or
 * no. Every figure of a report goes through here, so a test can format a run's number as the report does.
 */
public final class Plain {
    private Plain() {}

    /** A value in the unit an indicator gives it in ({@code m}, {@code s}, {@code share}, …); "—" for null. */
    public static String value(String unit, Double v) {
        if (v == null || v.isNaN()) {
            return "—";
        }
        return switch (unit) {
            case "m" -> metres(v);
            case "s" -> duration(v);
            case "share" -> percent(v);
            case "flag" -> v >= 0.5 ? "yes" : "no";
            case "count" -> String.format(Locale.ROOT, "%,.0f", v);
            case "km/km²" -> String.format(Locale.ROOT, "%.2f km/km²", v);
            case "h/day" -> String.format(Locale.ROOT, "%s h/day", decimal(v, 1));
            case "per 10,000" -> String.format(Locale.ROOT, "%.2f per 10,000 workers", v);
            case "people" -> String.format(Locale.ROOT, "%,.0f people", v);
            case "v" -> String.format(Locale.ROOT, "%,.0f V", v);
            default -> decimal(v, 2) + (unit.isBlank() ? "" : " " + unit);
        };
    }

    /** A distance: metres below 1 km (to the 10 m), km with one decimal below 100 km, whole km beyond. */
    public static String metres(double m) {
        if (m < 1000) {
            return String.format(Locale.ROOT, "%.0f m", Math.round(m / 10.0) * 10.0);
        }
        double km = m / 1000;
        return km < 100 ? String.format(Locale.ROOT, "%.1f km", km) : String.format(Locale.ROOT, "%,.0f km", km);
    }

    /** A travel time: whole minutes below an hour, hours and minutes beyond. */
    public static String duration(double seconds) {
        long min = Math.round(seconds / 60);
        if (min < 60) {
            return min + " min";
        }
        return String.format(Locale.ROOT, "%d h %02d min", min / 60, min % 60);
    }

    /** A share 0–1 as a whole percentage. */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /** A score or gap on 0–100, to one decimal; "—" for null. */
    public static String score(Double v) {
        return v == null || v.isNaN() ? "—" : String.format(Locale.ROOT, "%.1f", v);
    }

    /** A whole number with thousands separators; "—" for null. */
    public static String count(Number n) {
        return n == null ? "—" : String.format(Locale.ROOT, "%,d", n.longValue());
    }

    /** An amount of money in a currency, whole units. */
    public static String money(double amount, String currency) {
        return String.format(Locale.ROOT, "%,.0f %s", amount, currency);
    }

    /** Up to {@code decimals} decimals, trailing zeros dropped. */
    static String decimal(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%,." + decimals + "f", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
