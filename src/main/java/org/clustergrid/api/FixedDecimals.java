package org.clustergrid.api;

/**
 * Writes a number rounded to a few decimals (half-even) as plain decimal text, trailing zeros dropped: what
 * {@code Double.toString} of the rounded value prints for coordinates, at a fraction of its cost on large pages.
 */
final class FixedDecimals {
    /** Room for the longest text {@link #format} writes. */
    static final int MAX_CHARS = 32;
    /** Beyond this magnitude the scaled value could overflow a long; such numbers are left to the caller. */
    private static final double LIMIT = 1e11;
    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private FixedDecimals() {}

    /**
     * Writes {@code v} rounded to {@code decimals} (1 to 8) into {@code out} from index 0.
     *
     * @return the number of chars written, or -1 when {@code v} is not finite or too large to scale exactly
     */
    static int format(double v, int decimals, char[] out) {
        if (!(Math.abs(v) < LIMIT)) {
            return -1;
        }
        long scale = POWERS[decimals];
        long n = (long) Math.rint(v * scale);
        int pos = 0;
        if (n < 0) {
            out[pos++] = '-';
            n = -n;
        }
        pos = digits(n / scale, out, pos);
        out[pos++] = '.';
        long fraction = n % scale;
        int kept = decimals;
        while (kept > 1 && fraction % 10 == 0) {
            fraction /= 10;
            kept--;
        }
        for (int i = pos + kept - 1; i >= pos; i--) {
            out[i] = (char) ('0' + fraction % 10);
            fraction /= 10;
        }
        return pos + kept;
    }

    private static int digits(long n, char[] out, int pos) {
        int length = 1;
        for (long rest = n / 10; rest > 0; rest /= 10) {
            length++;
        }
        for (int i = pos + length - 1; i >= pos; i--) {
            out[i] = (char) ('0' + n % 10);
            n /= 10;
        }
        return pos + length;
    }
}
