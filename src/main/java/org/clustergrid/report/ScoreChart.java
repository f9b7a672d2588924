package org.clustergrid.report;

import java.util.Locale;
import org.clustergrid.scoring.Dimension;

/**
 * The cluster's dimension scores and composite against its peers' median and its target, as an SVG bar chart: one
 * bar per dimension on 0–100, a diamond at the peers' median, a dashed mark at the target, the percentile at the
 * right. Vector in the browser and in the PDF alike.
 */
final class ScoreChart {
    private static final int LABEL_W = 78;
    private static final int BAR_W = 220;
    private static final int ROW_H = 26;
    private static final int TOP = 8;
    private static final int WIDTH = LABEL_W + BAR_W + 62;
    private static final String FONT = "font-family=\"DejaVu Sans Condensed, sans-serif\"";

    private ScoreChart() {}

    static String svg(PeerComparison peers, java.util.Map<Dimension, Double> targets) {
        int rows = Dimension.values().length + 1;
        int axisY = TOP + rows * ROW_H + 4;
        int height = axisY + 40;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%d\""
                + " height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Scores against the median of the"
                + " peers\">", WIDTH, height, WIDTH, height));
        int row = 0;
        for (Dimension d : Dimension.values()) {
            row(s, row++, Labels.dimension(d), Labels.colour(d), peers.dimensions().get(d), targets.get(d));
        }
        row(s, row, "Composite", "#444444", peers.composite(), null);
        for (int t = 0; t <= 100; t += 25) {
            double x = x(t);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#bbbbbb\""
                    + " stroke-width=\"0.6\"/>", x, TOP, x, axisY));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"8\" text-anchor=\"middle\""
                    + " fill=\"#555555\" %s>%d</text>", x, axisY + 10, FONT, t));
        }
        legend(s, axisY + 26);
        return s.append("</svg>").toString();
    }

    private static void row(StringBuilder s, int row, String label, String colour, PeerComparison.Stat stat,
            Double target) {
        double y = TOP + row * ROW_H;
        double mid = y + ROW_H / 2.0;
        s.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%.1f\" font-size=\"9\" fill=\"#222222\" %s>%s</text>",
                mid + 3, FONT, Xhtml.escape(label)));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"12\" fill=\"#eeeeee\"/>",
                LABEL_W, mid - 6, BAR_W));
        if (stat.value() != null) {
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"12\""
                    + " fill=\"%s\"/>", LABEL_W, mid - 6, BAR_W * clamp(stat.value()) / 100, colour));
        } else {
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"8\" fill=\"#777777\""
                    + " font-style=\"italic\" %s>not scored</text>", LABEL_W + 4, mid + 3, FONT));
        }
        if (target != null) {
            double x = x(target);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
                    + " stroke=\"#c0392b\" stroke-width=\"1.6\" stroke-dasharray=\"3,2\"/>", x, mid - 9, x, mid + 9));
        }
        if (stat.median() != null) {
            double x = x(stat.median());
            s.append(String.format(Locale.ROOT, "<path d=\"M %.1f %.1f l 5 5 l -5 5 l -5 -5 z\" fill=\"#ffffff\""
                    + " stroke=\"#111111\" stroke-width=\"1.3\"/>", x, mid - 5));
        }
        String right = stat.percentile() == null ? "" : "P" + stat.percentile();
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"9\" fill=\"#222222\" %s>%s</text>",
                LABEL_W + BAR_W + 8, mid + 3, FONT, right));
    }

    private static void legend(StringBuilder s, int y) {
        s.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"%d\" width=\"10\" height=\"8\" fill=\"#888888\"/>"
                + "<text x=\"14\" y=\"%d\" font-size=\"8\" fill=\"#333333\" %s>this cluster</text>", y - 7, y, FONT));
        s.append(String.format(Locale.ROOT, "<path d=\"M 78 %d l 4 4 l -4 4 l -4 -4 z\" fill=\"#ffffff\""
                + " stroke=\"#111111\" stroke-width=\"1.2\"/><text x=\"86\" y=\"%d\" font-size=\"8\" fill=\"#333333\""
                + " %s>median of peers</text>", y - 8, y, FONT));
        s.append(String.format(Locale.ROOT, "<line x1=\"168\" y1=\"%d\" x2=\"168\" y2=\"%d\" stroke=\"#c0392b\""
                + " stroke-width=\"1.6\" stroke-dasharray=\"3,2\"/><text x=\"174\" y=\"%d\" font-size=\"8\""
                + " fill=\"#333333\" %s>target</text>", y - 9, y + 1, y, FONT));
        s.append(String.format(Locale.ROOT, "<text x=\"214\" y=\"%d\" font-size=\"8\" fill=\"#333333\" %s>"
                + "P = percentile among peers</text>", y, FONT));
    }

    private static double x(double score) {
        return LABEL_W + BAR_W * clamp(score) / 100;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(100, v));
    }
}
