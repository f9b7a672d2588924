package org.clustergrid.render;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Places labels without overlaps: candidates are taken by priority, each tries a few positions around its anchor,
 * and the first whose box hits no placed box (nor the image edge) wins; the rest are dropped.
 */
final class LabelPlacer {
    static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font BOLD = FONT.deriveFont(Font.BOLD);
    private static final double PAD = 2;

    private record Candidate(String text, double x, double y, double clearance, boolean bold, int priority) {}

    private final List<Candidate> candidates = new ArrayList<>();
    private final List<Rectangle2D> placed = new ArrayList<>();

    /** A label for a symbol at (x, y) that is {@code clearance} pixels wide; 0 to centre the label on the point. */
    void add(String text, double x, double y, double clearance, boolean bold, int priority) {
        if (text != null && !text.isBlank()) {
            candidates.add(new Candidate(text.strip(), x, y, clearance, bold, priority));
        }
    }

    /** Keeps labels off an area already used (a symbol, the attribution). */
    void block(Rectangle2D area) {
        placed.add(area);
    }

    void paint(Graphics2D g, int width, int height) {
        candidates.sort(Comparator.comparingInt(Candidate::priority).reversed());
        FontRenderContext frc = g.getFontRenderContext();
        for (Candidate c : candidates) {
            TextLayout layout = new TextLayout(c.text(), c.bold() ? BOLD : FONT, frc);
            Rectangle2D b = layout.getBounds();
            double w = b.getWidth();
            double h = layout.getAscent();
            double gap = c.clearance() / 2 + 3;
            double[][] positions = c.clearance() <= 0
                    ? new double[][] {{c.x() - w / 2, c.y() + h / 2}}
                    : new double[][] {
                        {c.x() + gap, c.y() + h / 2 - 1}, {c.x() - gap - w, c.y() + h / 2 - 1},
                        {c.x() - w / 2, c.y() - gap}, {c.x() - w / 2, c.y() + gap + h}};
            for (double[] p : positions) {
                Rectangle2D box = new Rectangle2D.Double(p[0] - PAD, p[1] - h - PAD, w + 2 * PAD, h + layout.getDescent() + 2 * PAD);
                if (box.getMinX() < 0 || box.getMinY() < 0 || box.getMaxX() > width || box.getMaxY() > height
                        || collides(box)) {
                    continue;
                }
                placed.add(box);
                TextSprites.draw(g, c.text(), c.bold() ? BOLD : FONT, p[0] - b.getX(), p[1]);
                break;
            }
        }
    }

    private boolean collides(Rectangle2D box) {
        for (Rectangle2D r : placed) {
            if (r.intersects(box)) {
                return true;
            }
        }
        return false;
    }
}
