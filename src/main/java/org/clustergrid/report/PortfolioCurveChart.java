package org.clustergrid.report;

import java.util.List;
import java.util.Locale;
import org.clustergrid.portfolio.Portfolio;

/**
 * The cost-effectiveness curve as SVG (a vector in the PDF): the cumulative gain of every candidate with a gain in
 * the greedy's order, against the cumulative cost, a dot a candidate; the budget as a dashed red line, the chosen
 * portfolio as a black diamond at its cost and gain (an exact choice may lie above the greedy's curve), and the bound
 * on the best possible gain, when there is one, as a dotted line.
 */
final class PortfolioCurveChart {
    static final int WIDTH = 520;
    static final int HEIGHT = 250;
    private static final int LEFT = 58;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 58;
    private static final String FONT = "font-family=\"DejaVu Sans Condensed, sans-serif\"";

    private PortfolioCurveChart() {}

    static String svg(Portfolio p) {
        List<Portfolio.Step> curve = p.curve();
        double maxCost = Math.max(p.budget(), curve.isEmpty() ? 0 : curve.get(curve.size() - 1).cumulativeCost());
        double maxGain = Math.max(p.gain(), curve.isEmpty() ? 0 : curve.get(curve.size() - 1).cumulativeGain());
        if (p.bound() != null) {
            maxGain = Math.max(maxGain, p.bound());
        }
        double xTop = nice(maxCost * 1.02);
        double yTop = nice(maxGain * 1.05);
        Frame f = new Frame(xTop, yTop);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"curve-chart\""
                + " width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Cost-effectiveness"
                + " curve: gain against budget\">", WIDTH, HEIGHT, WIDTH, HEIGHT));
        axes(s, f, p.currency(), p.objective().id());
        StringBuilder path = new StringBuilder(String.format(Locale.ROOT, "M %.1f %.1f", f.x(0), f.y(0)));
        for (Portfolio.Step step : curve) {
            path.append(String.format(Locale.ROOT, " L %.1f %.1f", f.x(step.cumulativeCost()),
                    f.y(step.cumulativeGain())));
        }
        s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#2c7fb8\" stroke-width=\"1.8\"/>");
        for (Portfolio.Step step : curve) {
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.9\" fill=\"#2c7fb8\"/>",
                    f.x(step.cumulativeCost()), f.y(step.cumulativeGain())));
        }
        if (p.bound() != null && p.bound() > p.gain() * (1 + 1e-9)) {
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#555555\""
                    + " stroke-width=\"1\" stroke-dasharray=\"1.5,2.5\"/>", LEFT, f.y(p.bound()), f.x(p.budget()),
                    f.y(p.bound())));
        }
        double bx = f.x(p.budget());
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c0392b\""
                + " stroke-width=\"1.6\" stroke-dasharray=\"4,3\"/>", bx, TOP, bx, HEIGHT - BOTTOM));
        String budget = "budget " + Plain.money(p.budget(), p.currency());
        boolean leftOfLine = bx > WIDTH - RIGHT - 120;
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"8.5\" fill=\"#c0392b\""
                + " text-anchor=\"%s\" %s>%s</text>", leftOfLine ? bx - 4 : bx + 4, TOP + 9,
                leftOfLine ? "end" : "start", FONT, Xhtml.escape(budget)));
        double px = f.x(p.cost());
        double py = f.y(p.gain());
        s.append(String.format(Locale.ROOT, "<path d=\"M %.1f %.1f l 5 5 l -5 5 l -5 -5 z\" fill=\"#111111\""
                + " stroke=\"#ffffff\" stroke-width=\"0.8\"/>", px, py - 5));
        legend(s, p.bound() != null && p.bound() > p.gain() * (1 + 1e-9));
        return s.append("</svg>").toString();
    }

    /** Where values land in the plot. */
    private record Frame(double xTop, double yTop) {
        double x(double cost) {
            return LEFT + (WIDTH - LEFT - RIGHT) * cost / xTop;
        }

        double y(double gain) {
            return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * gain / yTop;
        }
    }

    private static void axes(StringBuilder s, Frame f, String currency, String objective) {
        int bottom = HEIGHT - BOTTOM;
        for (int k = 0; k <= 4; k++) {
            double cost = f.xTop() * k / 4;
            double gain = f.yTop() * k / 4;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#dddddd\""
                    + " stroke-width=\"0.6\"/>", LEFT, f.y(gain), WIDTH - RIGHT, f.y(gain)));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"8\" text-anchor=\"end\""
                    + " fill=\"#555555\" %s>%s</text>", LEFT - 4, f.y(gain) + 3, FONT, Xhtml.escape(tick(gain))));
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999999\""
                    + " stroke-width=\"0.6\"/>", f.x(cost), bottom, f.x(cost), bottom + 3));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"8\" text-anchor=\"middle\""
                    + " fill=\"#555555\" %s>%s</text>", f.x(cost), bottom + 12, FONT, Xhtml.escape(tick(cost))));
        }
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333333\""
                + " stroke-width=\"0.8\"/>", LEFT, bottom, WIDTH - RIGHT, bottom));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333333\""
                + " stroke-width=\"0.8\"/>", LEFT, TOP, LEFT, bottom));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"8.5\" text-anchor=\"middle\""
                + " fill=\"#222222\" %s>cumulative cost (%s)</text>", (LEFT + WIDTH - RIGHT) / 2, bottom + 25, FONT,
                Xhtml.escape(currency)));
        s.append(String.format(Locale.ROOT, "<text x=\"11\" y=\"%d\" font-size=\"8.5\" text-anchor=\"middle\""
                + " fill=\"#222222\" transform=\"rotate(-90 11 %d)\" %s>cumulative %s gain</text>", (TOP + bottom) / 2,
                (TOP + bottom) / 2, FONT, Xhtml.escape(objective)));
    }

    private static void legend(StringBuilder s, boolean bound) {
        int y = HEIGHT - 10;
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#2c7fb8\""
                + " stroke-width=\"1.8\"/><text x=\"%d\" y=\"%d\" font-size=\"8\" fill=\"#333333\" %s>every candidate,"
                + " best value first</text>", LEFT, y - 3, LEFT + 16, y - 3, LEFT + 20, y, FONT));
        s.append(String.format(Locale.ROOT, "<path d=\"M %d %d l 4 4 l -4 4 l -4 -4 z\" fill=\"#111111\"/>"
                + "<text x=\"%d\" y=\"%d\" font-size=\"8\" fill=\"#333333\" %s>the portfolio chosen</text>",
                LEFT + 168, y - 7, LEFT + 176, y, FONT));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#c0392b\""
                + " stroke-width=\"1.6\" stroke-dasharray=\"4,3\"/><text x=\"%d\" y=\"%d\" font-size=\"8\""
                + " fill=\"#333333\" %s>budget</text>", LEFT + 268, y - 3, LEFT + 284, y - 3, LEFT + 288, y, FONT));
        if (bound) {
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555555\""
                    + " stroke-width=\"1\" stroke-dasharray=\"1.5,2.5\"/><text x=\"%d\" y=\"%d\" font-size=\"8\""
                    + " fill=\"#333333\" %s>bound on the best possible</text>", LEFT + 328, y - 3, LEFT + 344, y - 3,
                    LEFT + 348, y, FONT));
        }
    }

    /** The next round number (1, 2, 2.5 or 5 × a power of ten) at or above v; 1 for nothing. */
    static double nice(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 4, 5, 10}) {
            if (m * magnitude >= v) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** An axis value: thousands as k, millions as M. */
    static String tick(double v) {
        if (v >= 1e6) {
            return Plain.decimal(v / 1e6, 2) + "M";
        }
        if (v >= 1e4) {
            return Plain.decimal(v / 1e3, 1) + "k";
        }
        return Plain.decimal(v, v >= 10 ? 0 : 2);
    }
}
