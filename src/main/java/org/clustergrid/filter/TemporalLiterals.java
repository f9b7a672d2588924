package org.clustergrid.filter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The instants CQL2 writes as text: a date {@code 2020-12-31}, a timestamp in UTC {@code 2020-12-31T10:00:00Z}
 * (fractions of a second allowed), and {@code ..} for an open end of an interval.
 */
final class TemporalLiterals {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    private TemporalLiterals() {}

    static Operand.Date date(String text) {
        if (DATE.matcher(text).matches()) {
            try {
                return new Operand.Date(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new FilterSyntaxException("DATE('" + Literals.excerpt(text) + "') is not a date; write one such as"
                + " DATE('2020-12-31')");
    }

    static Operand.Timestamp timestamp(String text) {
        if (TIMESTAMP.matcher(text).matches()) {
            try {
                return new Operand.Timestamp(Instant.parse(text));
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new FilterSyntaxException("TIMESTAMP('" + Literals.excerpt(text) + "') is not a timestamp in UTC; write"
                + " one such as TIMESTAMP('2020-12-31T10:00:00Z')");
    }

    /** A bound of an interval written as text: a date, a timestamp or {@code ..}. */
    static Operand bound(String text) {
        if (text.equals("..")) {
            return new Operand.Unbounded();
        }
        if (DATE.matcher(text).matches()) {
            return date(text);
        }
        if (TIMESTAMP.matcher(text).matches()) {
            return timestamp(text);
        }
        throw new FilterSyntaxException("'" + Literals.excerpt(text) + "' is not a bound of an INTERVAL: write a date"
                + " ('2020-12-31'), a timestamp in UTC ('2020-12-31T10:00:00Z') or '..' for an open end");
    }
}
