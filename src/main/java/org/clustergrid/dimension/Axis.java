package org.clustergrid.dimension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The two dimensions WMS 1.3.0 Annex C defines, each on a line of numbers: elevation in metres (units CRS:88) and
 * time as milliseconds since 1970 (ISO 8601 text).
 */
public enum Axis {
    ELEVATION("elevation", "CRS:88", "m", "EPSG:5030"),
    TIME("time", "ISO8601", null, "ISO8601");

    private final String name;
    private final String units;
    private final String unitSymbol;
    private final String units111;

    Axis(String name, String units, String unitSymbol, String units111) {
        this.name = name;
        this.units = units;
        this.unitSymbol = unitSymbol;
        this.units111 = units111;
    }

    /** The dimension's name in capabilities; its request parameter is this in upper case. */
    public String dimensionName() {
        return name;
    }

    public String parameter() {
        return name.toUpperCase(Locale.ROOT);
    }

    /** The units of WMS 1.3.0 capabilities. */
    public String units() {
        return units;
    }

    /** Null for none. */
    public String unitSymbol() {
        return unitSymbol;
    }

    /** The units of WMS 1.1.1 capabilities, which predate CRS:88 (EPSG:5030 is the WGS 84 ellipsoid's heights). */
    public String units111() {
        return units111;
    }

    /** What a warning header puts after the values: the unit symbol, or for time the units. */
    String warningUnits() {
        return unitSymbol != null ? unitSymbol : units;
    }

    public static Axis byName(String name) {
        for (Axis a : values()) {
            if (a.name.equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new DimensionException("no dimension '" + name + "'; use elevation or time");
    }

    /** A value as text: a number of metres, or an ISO 8601 date or date-time (UTC unless it says otherwise). */
    public double value(String text) {
        String t = text.strip();
        if (this == ELEVATION) {
            try {
                double d = Double.parseDouble(t);
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new DimensionException("elevation '" + t + "' is not a number");
        }
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(t).toInstant().toEpochMilli();
            }
            return java.time.LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new DimensionException("time '" + t + "' is not an ISO 8601 date or date-time"
                    + " (e.g. 2000-01-01T00:00:05Z)");
        }
    }

    /** A feature's attribute value on this axis: a number, an ISO text, a date or an instant; null when it is none. */
    public Double valueOf(Object attribute) {
        if (attribute == null) {
            return null;
        }
        if (this == ELEVATION && attribute instanceof Number n) {
            return n.doubleValue();
        }
        if (this == TIME && attribute instanceof Instant i) {
            return (double) i.toEpochMilli();
        }
        if (this == TIME && attribute instanceof LocalDate d) {
            return (double) d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        if (attribute instanceof String s && !s.isBlank()) {
            try {
                return value(s);
            } catch (DimensionException e) {
                return null;
            }
        }
        return null;
    }

    /** A value as capabilities and warnings print it: {@code 490}, {@code 2000-01-01T00:00:05Z}. */
    public String format(double v) {
        if (this == ELEVATION) {
            return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }
        return Instant.ofEpochMilli((long) v).toString();
    }

    /** The step of an interval: metres above 0, or an ISO 8601 period ({@code PT5S}, {@code P1D}, {@code P1M}). */
    Step step(String text) {
        String t = text.strip();
        if (this == ELEVATION) {
            double d = value(t);
            if (!(d > 0)) {
                throw new DimensionException("the resolution of an elevation interval must be above 0; got '" + t + "'");
            }
            return new Step(d, null);
        }
        try {
            String upper = t.toUpperCase(Locale.ROOT);
            int at = upper.indexOf('T');
            Period p = at < 0 ? Period.parse(upper) : at == 1 ? Period.ZERO : Period.parse(upper.substring(0, at));
            Duration d = at < 0 ? Duration.ZERO : Duration.parse("P" + upper.substring(at));
            if (p.isNegative() || d.isNegative() || (p.isZero() && d.isZero())) {
                throw new DimensionException("the period of a time interval must be above 0; got '" + t + "'");
            }
            // days, hours … have a fixed length in UTC; months and years do not
            if (p.getYears() == 0 && p.getMonths() == 0) {
                return new Step(d.plusDays(p.getDays()).toMillis(), null);
            }
            if (!d.isZero()) {
                throw new DimensionException("a period of months or years cannot also have hours, minutes or"
                        + " seconds; got '" + t + "'");
            }
            return new Step(0, p.normalized());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new DimensionException("'" + t + "' is not an ISO 8601 period (e.g. PT5S, P1D, P1M)");
        }
    }

    /** An interval's step: a fixed length, or a calendar period (months, years) stepped in UTC. */
    record Step(double length, Period calendar) {
        double next(double v) {
            if (calendar == null) {
                return v + length;
            }
            return Instant.ofEpochMilli((long) v).atOffset(ZoneOffset.UTC).plus(calendar).toInstant().toEpochMilli();
        }
    }
}
