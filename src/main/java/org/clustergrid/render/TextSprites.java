package org.clustergrid.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Haloed text drawn once into a small image and then copied onto every map that shows it. Stroking a halo around
 * glyph outlines costs more than the roads of a whole map, and the same few texts (the attribution, place and road
 * names) come back on map after map; copying a sprite costs a fraction of that. Text is placed on whole pixels so one
 * sprite serves every position.
 */
final class TextSprites {
    private static final Color TEXT = new Color(0x1A1A1A);
    private static final Color HALO = new Color(255, 255, 255, 220);
    private static final float HALO_WIDTH = 3f;
    /** Sprites kept; a label's is about 7 KB (100 × 18 pixels), so the cache stays under about 15 MB. */
    private static final int CAPACITY = 2048;

    private record Key(String text, Font font) {}

    /** A drawn text: its image and where the text's baseline origin lies inside it. */
    private record Sprite(BufferedImage image, int originX, int originY) {}

    private static final Map<Key, Sprite> SPRITES = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Sprite> eldest) {
            return size() > CAPACITY;
        }
    };

    private TextSprites() {}

    /** Draws {@code text} in {@code font} with a white halo, its baseline origin at the pixel nearest (x, y). */
    static void draw(Graphics2D g, String text, Font font, double x, double y) {
        Sprite s = sprite(new Key(text, font));
        g.drawImage(s.image(), (int) Math.round(x) - s.originX(), (int) Math.round(y) - s.originY(), null);
    }

    private static Sprite sprite(Key key) {
        synchronized (SPRITES) {
            Sprite s = SPRITES.get(key);
            if (s != null) {
                return s;
            }
        }
        Sprite s = render(key);
        synchronized (SPRITES) {
            SPRITES.putIfAbsent(key, s);
        }
        return s;
    }

    private static Sprite render(Key key) {
        TextLayout layout = new TextLayout(key.text(), key.font(), renderContext());
        Rectangle2D bounds = layout.getBounds();
        int margin = (int) Math.ceil(HALO_WIDTH / 2) + 1;
        int originX = margin - (int) Math.floor(bounds.getMinX());
        int originY = margin - (int) Math.floor(bounds.getMinY());
        int w = Math.max(1, (int) Math.ceil(bounds.getMaxX()) + originX + margin);
        int h = Math.max(1, (int) Math.ceil(bounds.getMaxY()) + originY + margin);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        try {
            MapRenderer.setUp(g);
            Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(originX, originY));
            g.setColor(HALO);
            g.setStroke(new BasicStroke(HALO_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(outline);
            g.setColor(TEXT);
            g.fill(outline);
        } finally {
            g.dispose();
        }
        return new Sprite(image, originX, originY);
    }

    /** The context maps measure text in (antialiased, fractional metrics), so sprites match their layouts. */
    private static FontRenderContext renderContext() {
        return new FontRenderContext(null, true, true);
    }
}
