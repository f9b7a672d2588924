package org.clustergrid.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.util.List;

/** Draws legends: per style a title and one row per {@link LegendItem}, with the symbols the map uses. */
public final class LegendRenderer {
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final int PAD = 4;

    /** A legend of the layers, one block each; {@code symbolWidth} × {@code symbolHeight} pixels per sample. */
    public BufferedImage render(List<? extends MapLayer> layers, int symbolWidth, int symbolHeight, Color background) {
        // a style that reads changing data shows the classes of the data of this moment
        List<MapLayer> bound = layers.stream().map(l -> l instanceof Style s ? (MapLayer) s.resolved() : l).toList();
        FontRenderContext frc = new FontRenderContext(null, true, true);
        int rowH = Math.max(symbolHeight, 14) + 2;
        double width = 0;
        int height = PAD;
        for (MapLayer s : bound) {
            width = Math.max(width, new TextLayout(s.title(), TITLE, frc).getAdvance());
            height += 18;
            for (LegendItem item : s.legend()) {
                width = Math.max(width, symbolWidth + 6 + new TextLayout(item.label(), TEXT, frc).getAdvance());
                height += rowH;
            }
            height += PAD;
        }
        BufferedImage image = new BufferedImage((int) Math.ceil(width) + 2 * PAD, height,
                background == null ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            MapRenderer.setUp(g);
            if (background != null) {
                g.setColor(background);
                g.fillRect(0, 0, image.getWidth(), image.getHeight());
            }
            int y = PAD;
            for (MapLayer s : bound) {
                g.setFont(TITLE);
                g.setColor(Color.BLACK);
                g.drawString(s.title(), PAD, y + 13);
                y += 18;
                g.setFont(TEXT);
                for (LegendItem item : s.legend()) {
                    SymbolPainter.paintSample(g, item.symbol(), PAD, y + (rowH - symbolHeight) / 2.0, symbolWidth,
                            symbolHeight);
                    g.setColor(Color.BLACK);
                    g.drawString(item.label(), PAD + symbolWidth + 6, y + rowH / 2 + 4);
                    y += rowH;
                }
                y += PAD;
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
