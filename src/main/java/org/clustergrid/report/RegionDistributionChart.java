package org.clustergrid.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.clustergrid.regions.Stats;
import org.clustergrid.scoring.Dimension;
import org.clustergrid.scoring.ScoringRun;

/**
 * How the region's clusters score in each dimension and overall, as SVG small multiples: a histogram of the scores
 * in bands of ten on one common count scale (so the panels compare), a box of the quartiles with whiskers to the
 * extremes beneath it, and how many clusters have the score and how many do not (unknown, not counted as 0).
 */
final class RegionDistributionChart {
    static final int BINS = 10;
    private static final int PANEL_W = 128;
    private static final int GAP = 14;
    private static final int BARS_TOP = 18;
    private static final int BARS_H = 78;
    private static final int HEIGHT = 154;
    private static final String FONT = "font-family=\"DejaVu Sans Condensed, sans-serif\"";

    private RegionDistributionChart() {}

    static String svg(List<ScoringRun.Ranked> members) {
        List<String> titles = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            titles.add(Labels.dimension(d));
            colours.add(Labels.colour(d));
            values.add(members.stream().map(r -> r.score().dimensions().get(d)).filter(v -> v != null)
                    .mapToDouble(Double::doubleValue).toArray());
        }
        titles.add("Composite");
        colours.add("#444444");
        values.add(members.stream().map(r -> r.score().composite()).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).toArray());
        int[][] counts = new int[values.size()][];
        int most = 1;
        for (int p = 0; p < values.size(); p++) {
            counts[p] = bins(values.get(p));
            most = Math.max(most, Arrays.stream(counts[p]).max().orElse(0));
        }
        int width = values.size() * (PANEL_W + GAP) - GAP + 8; // room for the last axis label
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"distribution\""
                + " width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Distribution of the"
                + " region's scores per dimension\">", width, HEIGHT, width, HEIGHT));
        for (int p = 0; p < values.size(); p++) {
            panel(s, p * (PANEL_W + GAP), titles.get(p), colours.get(p), counts[p], most, values.get(p),
                    members.size());
        }
        return s.append("</svg>").toString();
    }

    /** Counts per band of ten; 100 falls in the last band. */
    static int[] bins(double[] values) {
        int[] c = new int[BINS];
        for (double v : values) {
            c[Math.max(0, Math.min(BINS - 1, (int) Math.floor(v / (100.0 / BINS))))]++;
        }
        return c;
    }

    private static void panel(StringBuilder s, int x0, String title, String colour, int[] counts, int most,
            double[] values, int clusters) {
        s.append(text(x0, 11, 9, "#222222", "bold", title));
        double barW = (double) PANEL_W / BINS;
        int base = BARS_TOP + BARS_H;
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f4f2ec\"/>",
                x0, BARS_TOP, PANEL_W, BARS_H));
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] == 0) {
                continue;
            }
            double h = (double) BARS_H * counts[b] / most;
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
                    + " fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"0.6\"/>", x0 + b * barW, base - h, barW, h,
                    colour));
        }
        for (int t = 0; t <= 100; t += 50) {
            double x = x0 + PANEL_W * t / 100.0;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#888888\""
                    + " stroke-width=\"0.6\"/>", x, base, x, base + 3));
            s.append(text(x, base + 11, 7.5, "#555555", "middle", Integer.toString(t)));
        }
        Stats st = Stats.of(values);
        int boxY = base + 17;
        if (st != null) {
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333333\""
                    + " stroke-width=\"0.8\"/>", x(x0, st.min()), boxY + 5, x(x0, st.max()), boxY + 5));
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"10\" fill=\"#ffffff\""
                    + " stroke=\"#333333\" stroke-width=\"0.8\"/>", x(x0, st.p25()), boxY,
                    Math.max(0.8, x(x0, st.p75()) - x(x0, st.p25()))));
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c0392b\""
                    + " stroke-width=\"1.8\"/>", x(x0, st.median()), boxY - 1, x(x0, st.median()), boxY + 11));
        }
        String n = st == null ? "no cluster has this score" : "median " + Plain.score(st.median()) + " · n = "
                + st.n();
        s.append(text(x0, boxY + 24, 7.5, "#222222", null, n));
        int unknown = clusters - (st == null ? 0 : st.n());
        if (unknown > 0) {
            s.append(text(x0, boxY + 34, 7.5, "#a04000", null, unknown + " unknown (not scored)"));
        }
    }

    private static double x(int x0, double score) {
        return x0 + PANEL_W * Math.max(0, Math.min(100, score)) / 100;
    }

    private static String text(double x, double y, double size, String fill, String extra, String content) {
        String anchor = "middle".equals(extra) ? " text-anchor=\"middle\"" : "";
        String weight = "bold".equals(extra) ? " font-weight=\"bold\"" : "";
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\" fill=\"%s\"%s%s %s>%s</text>",
                x, y, size, fill, anchor, weight, FONT, Xhtml.escape(content));
    }
}
