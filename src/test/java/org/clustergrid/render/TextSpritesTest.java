package org.clustergrid.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class TextSpritesTest {

    @Test
    void aSpriteLooksLikeTheTextDrawnInPlace() {
        BufferedImage direct = background();
        Graphics2D g = direct.createGraphics();
        MapRenderer.setUp(g);
        TextLayout layout = new TextLayout("Tiruppur Knitwear", LabelPlacer.BOLD, g.getFontRenderContext());
        Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(20, 40));
        g.setColor(new Color(255, 255, 255, 220));
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(outline);
        g.setColor(new Color(0x1A1A1A));
        g.fill(outline);
        g.dispose();

        BufferedImage sprite = background();
        Graphics2D s = sprite.createGraphics();
        MapRenderer.setUp(s);
        TextSprites.draw(s, "Tiruppur Knitwear", LabelPlacer.BOLD, 20.3, 39.8); // snapped to (20, 40)
        s.dispose();

        int differing = 0;
        int inked = 0;
        for (int y = 0; y < direct.getHeight(); y++) {
            for (int x = 0; x < direct.getWidth(); x++) {
                int a = direct.getRGB(x, y);
                int b = sprite.getRGB(x, y);
                if (a != 0xFF3366AA) {
                    inked++;
                }
                // compositing the halo and the text once instead of twice rounds differently by a level or two
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF));
                    assertTrue(d <= 3, "pixel " + x + "," + y + " differs by " + d);
                    differing += d > 0 ? 1 : 0;
                }
            }
        }
        assertTrue(inked > 300, "the text was drawn: " + inked + " pixels");
        assertTrue(differing < inked, differing + " channel values differ");
    }

    @Test
    void theSameTextIsDrawnAlikeWherever() {
        BufferedImage a = background();
        BufferedImage b = background();
        Graphics2D ga = a.createGraphics();
        Graphics2D gb = b.createGraphics();
        TextSprites.draw(ga, "© OpenStreetMap contributors", LabelPlacer.FONT, 10, 30);
        TextSprites.draw(gb, "© OpenStreetMap contributors", LabelPlacer.FONT, 15, 35);
        ga.dispose();
        gb.dispose();
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 190; x++) {
                assertEquals(a.getRGB(x, y), b.getRGB(x + 5, y + 5), "pixel " + x + "," + y);
            }
        }
    }

    private static BufferedImage background() {
        BufferedImage image = new BufferedImage(200, 70, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x3366AA));
        g.fillRect(0, 0, 200, 70);
        g.dispose();
        return image;
    }
}
