package org.clustergrid.filter;

import java.math.BigDecimal;

/**
 * Bounds on what a filter's literals may hold, so that a short literal cannot grow into a huge value: numbers stay
 * within a double's range (every numeric column compares as one; {@code 1e999999999} would otherwise be expanded
 * digit by digit), and texts quoted back in error messages are cut to an excerpt.
 */
public final class Literals {
    private static final BigDecimal MAX = new BigDecimal(Double.MAX_VALUE);
    private static final BigDecimal MIN = new BigDecimal(Double.MIN_NORMAL);
    private static final int EXCERPT = 60;

    private Literals() {}

    /** The number {@code text} states, or why it cannot be one. */
    static BigDecimal number(String text) {
        try {
            return checked(new BigDecimal(text), text);
        } catch (NumberFormatException | ArithmeticException e) { // an exponent beyond ±2^31
            throw outOfRange(text);
        }
    }

    /** {@code value} when a double holds it (to its precision), else why not; {@code text} names it. */
    static BigDecimal checked(BigDecimal value, String text) {
        if (value.signum() == 0) {
            return value;
        }
        BigDecimal magnitude = value.abs();
        // compared by exponent first, so a literal like 1e999999999 is never expanded
        long exponent = (long) value.precision() - value.scale() - 1;
        if (exponent > 308 || exponent < -308 || magnitude.compareTo(MAX) > 0 || magnitude.compareTo(MIN) < 0) {
            throw outOfRange(text);
        }
        return value;
    }

    private static FilterSyntaxException outOfRange(String text) {
        return new FilterSyntaxException("the number " + excerpt(text) + " is outside the range a filter may "
                + "compare (magnitudes from 2.2E-308 to 1.8E308, those of a double, and 0)");
    }

    /** {@code s} as quoted in a message: whole when short, else its start and its length. */
    public static String excerpt(String s) {
        return s.length() <= EXCERPT ? s : s.substring(0, EXCERPT - 3) + "... (" + s.length() + " characters)";
    }
}
