package org.clustergrid.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngWriterTest {
    private static BufferedImage drawn(int type, int w, int h) {
        BufferedImage image = new BufferedImage(w, h, type);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Random random = new Random(5);
        for (int i = 0; i < 60; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 40 + random.nextInt(216)));
            g.setStroke(new BasicStroke(0.5f + random.nextFloat() * 5));
            g.drawLine(random.nextInt(w), random.nextInt(h), random.nextInt(w), random.nextInt(h));
        }
        g.dispose();
        return image;
    }

    private static BufferedImage roundTrip(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngWriter.write(image, out);
        return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void readsBackPixelForPixelWithAndWithoutAlpha() throws Exception {
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB}) {
            BufferedImage image = drawn(type, 257, 131);
            BufferedImage back = roundTrip(image);
            assertThat(back.getWidth()).isEqualTo(257);
            assertThat(back.getHeight()).isEqualTo(131);
            assertThat(back.getColorModel().hasAlpha()).isEqualTo(type == BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    assertThat(back.getRGB(x, y)).as(x + "," + y).isEqualTo(image.getRGB(x, y));
                }
            }
        }
    }

    @Test
    void leavesOtherImagesToImageIo() {
        assertThat(PngWriter.supports(new BufferedImage(4, 4, BufferedImage.TYPE_3BYTE_BGR))).isFalse();
        assertThat(PngWriter.supports(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB).getSubimage(2, 2, 4, 4)))
                .isFalse();
        assertThat(PngWriter.supports(new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB))).isTrue();
    }
}
