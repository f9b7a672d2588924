package org.clustergrid.render;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;

/**
 * Reduces an image to at most 256 colours for 8-bit PNG. Images with few colours keep them exactly; others are
 * binned to 4 bits per channel (alpha included), the 256 most frequent bins become the palette (each the mean of
 * its pixels), and every other bin maps to its nearest palette entry, computed once per bin.
 */
final class Png8Quantizer {
    private Png8Quantizer() {}

    static BufferedImage quantize(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        boolean alpha = image.getColorModel().hasAlpha();
        if (!alpha) {
            for (int i = 0; i < argb.length; i++) {
                argb[i] |= 0xFF000000;
            }
        }
        int[] count = new int[1 << 16];
        long[] sumA = new long[1 << 16];
        long[] sumR = new long[1 << 16];
        long[] sumG = new long[1 << 16];
        long[] sumB = new long[1 << 16];
        for (int p : argb) {
            int bin = bin(p);
            count[bin]++;
            sumA[bin] += p >>> 24;
            sumR[bin] += (p >> 16) & 0xFF;
            sumG[bin] += (p >> 8) & 0xFF;
            sumB[bin] += p & 0xFF;
        }
        int[] bins = topBins(count, 256);
        int n = bins.length;
        byte[] a = new byte[n];
        byte[] r = new byte[n];
        byte[] g = new byte[n];
        byte[] b = new byte[n];
        int[] pa = new int[n];
        int[] pr = new int[n];
        int[] pg = new int[n];
        int[] pb = new int[n];
        short[] lookup = new short[1 << 16];
        java.util.Arrays.fill(lookup, (short) -1);
        for (int i = 0; i < n; i++) {
            int bin = bins[i];
            int c = count[bin];
            pa[i] = (int) (sumA[bin] / c);
            pr[i] = (int) (sumR[bin] / c);
            pg[i] = (int) (sumG[bin] / c);
            pb[i] = (int) (sumB[bin] / c);
            if (pa[i] < 8) { // fully transparent pixels keep no colour, so a single entry serves them all
                pa[i] = 0;
            }
            a[i] = (byte) pa[i];
            r[i] = (byte) pr[i];
            g[i] = (byte) pg[i];
            b[i] = (byte) pb[i];
            lookup[bin] = (short) i;
        }
        IndexColorModel model = alpha ? new IndexColorModel(8, n, r, g, b, a) : new IndexColorModel(8, n, r, g, b);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, model);
        byte[] data = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < argb.length; i++) {
            int bin = bin(argb[i]);
            int idx = lookup[bin];
            if (idx < 0) {
                idx = nearest(argb[i], pa, pr, pg, pb);
                lookup[bin] = (short) idx;
            }
            data[i] = (byte) idx;
        }
        return out;
    }

    private static int bin(int p) {
        return ((p >>> 28) << 12) | (((p >> 20) & 0xF) << 8) | (((p >> 12) & 0xF) << 4) | ((p >> 4) & 0xF);
    }

    /** Indices of the {@code max} most frequent non-empty bins. */
    private static int[] topBins(int[] count, int max) {
        int used = 0;
        for (int c : count) {
            if (c > 0) {
                used++;
            }
        }
        long[] keyed = new long[used];
        int k = 0;
        for (int i = 0; i < count.length; i++) {
            if (count[i] > 0) {
                keyed[k++] = ((long) count[i] << 16) | i;
            }
        }
        java.util.Arrays.sort(keyed);
        int n = Math.min(max, used);
        int[] bins = new int[Math.max(n, 1)];
        for (int i = 0; i < n; i++) {
            bins[i] = (int) (keyed[used - 1 - i] & 0xFFFF);
        }
        return bins;
    }

    private static int nearest(int p, int[] pa, int[] pr, int[] pg, int[] pb) {
        int a = p >>> 24;
        int r = (p >> 16) & 0xFF;
        int g = (p >> 8) & 0xFF;
        int b = p & 0xFF;
        int best = 0;
        long bestD = Long.MAX_VALUE;
        for (int i = 0; i < pa.length; i++) {
            long da = a - pa[i];
            long dr = r - pr[i];
            long dg = g - pg[i];
            long db = b - pb[i];
            long d = 2 * da * da + dr * dr + dg * dg + db * db;
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }
}
