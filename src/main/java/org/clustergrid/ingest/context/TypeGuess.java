package org.clustergrid.ingest.context;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.clustergrid.layers.AttributeType;

/**
 * The type of an attribute the file does not declare, read off all its values: the narrowest type every non-empty
 * value fits (integer, then number, boolean, date, date-time), else text. Text that only looks like a number is kept as
 * text where converting would change it: a code with leading zeros ({@code 007}) or more digits than a long holds.
 */
final class TypeGuess {
    private boolean any;
    private boolean integer = true;
    private boolean number = true;
    private boolean bool = true;
    private boolean date = true;
    private boolean dateTime = true;

    void see(Object v) {
        if (v == null || v instanceof String s && s.isBlank()) {
            return;
        }
        any = true;
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            none();
        } else if (v instanceof Boolean) {
            integer = number = date = dateTime = false;
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            integer &= AttributeValues.integer(v) != null;
            bool = date = dateTime = false;
        } else if (v instanceof Number n) {
            integer &= n instanceof BigDecimal b && isWhole(b);
            number &= AttributeValues.number(v) != null;
            bool = date = dateTime = false;
        } else if (v instanceof LocalDate) {
            integer = number = bool = dateTime = false;
        } else if (v instanceof Instant) {
            integer = number = bool = date = false;
        } else {
            String s = v.toString().trim();
            boolean keepsDigits = !(s.length() > 1 && s.charAt(0) == '0' && Character.isDigit(s.charAt(1)))
                    && !(s.length() > 2 && s.startsWith("-0") && Character.isDigit(s.charAt(2)));
            integer &= keepsDigits && AttributeValues.integer(s) != null;
            number &= keepsDigits && AttributeValues.number(s) != null && !s.endsWith("d") && !s.endsWith("f")
                    && !s.endsWith("D") && !s.endsWith("F");
            bool &= AttributeValues.bool(s) != null;
            date &= AttributeValues.date(s) != null;
            dateTime &= AttributeValues.dateTime(s) != null;
        }
    }

    private static boolean isWhole(BigDecimal b) {
        return b.stripTrailingZeros().scale() <= 0 && b.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0;
    }

    private void none() {
        integer = number = bool = date = dateTime = false;
    }

    AttributeType type() {
        if (!any) {
            return AttributeType.TEXT;
        }
        if (integer) {
            return AttributeType.INTEGER;
        }
        if (number) {
            return AttributeType.DOUBLE;
        }
        if (bool) {
            return AttributeType.BOOLEAN;
        }
        if (date) {
            return AttributeType.DATE;
        }
        return dateTime ? AttributeType.DATETIME : AttributeType.TEXT;
    }
}
