package org.clustergrid.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** An image carrying an error message, for WMS's INIMAGE exceptions; BLANK uses it without the text. */
public final class MessageImage {
    private MessageImage() {}

    public static BufferedImage render(int width, int height, Color background, String message) {
        BufferedImage image = new BufferedImage(width, height,
                background == null ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            MapRenderer.setUp(g);
            if (background != null) {
                g.setColor(background);
                g.fillRect(0, 0, width, height);
            }
            if (message != null) {
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                g.setColor(new Color(0xB00020));
                int y = 16;
                for (String line : wrap(message, Math.max(10, (width - 8) / 7))) {
                    g.drawString(line, 4, y);
                    y += 15;
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static java.util.List<String> wrap(String text, int columns) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (line.length() > 0 && line.length() + word.length() + 1 > columns) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
