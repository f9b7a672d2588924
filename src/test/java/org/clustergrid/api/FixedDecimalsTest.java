package org.clustergrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FixedDecimalsTest {
    private static String format(double v, int decimals) {
        char[] out = new char[FixedDecimals.MAX_CHARS];
        int n = FixedDecimals.format(v, decimals, out);
        return n < 0 ? null : new String(out, 0, n);
    }

    @Test
    void printsWhatDoubleToStringPrintsForRoundedCoordinates() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            double v = (random.nextDouble() * 2 - 1) * (i % 2 == 0 ? 180 : 90);
            double rounded = Math.rint(v * 1e7) / 1e7;
            if (Math.abs(rounded) < 1e-3) {
                continue; // Double.toString switches to E notation there
            }
            assertEquals(Double.toString(rounded), format(v, 7), "value " + v);
        }
    }

    @Test
    void roundsHalfEvenAndDropsTrailingZeros() {
        assertEquals("84.0", format(84, 7));
        assertEquals("-0.5", format(-0.5, 7));
        assertEquals("0.0001", format(0.0001, 7));
        assertEquals("0.0", format(0.00000004, 7));
        assertEquals("1.0", format(0.99999999, 7));
        assertEquals("0.2", format(0.25, 1));
        assertEquals("-12345678.9", format(-12345678.9, 7));
    }

    @Test
    void leavesNumbersItCannotScaleToTheCaller() {
        assertEquals(null, format(Double.NaN, 7));
        assertEquals(null, format(Double.POSITIVE_INFINITY, 7));
        assertEquals(null, format(2e11, 7));
    }
}
