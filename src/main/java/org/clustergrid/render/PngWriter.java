package org.clustergrid.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes the renderer's 32-bit images (RGB, or RGBA when transparent) as truecolour PNG, in about half the time
 * ImageIO takes. Rows go unfiltered to zlib's fastest level: map images are mostly runs of one colour, which
 * deflate finds without filtering, so the files are within a few percent of ImageIO's while no per-row filter has
 * to be chosen and computed.
 */
final class PngWriter {
    private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};
    private static final byte COLOUR_RGB = 2;
    private static final byte COLOUR_RGBA = 6;
    /**
     * Compressors kept between maps: setting one up and ending it (zlib allocates and clears a few hundred kilobytes)
     * cost more than compressing a sparse map. A few suffice, since maps are drawn on about as many threads as cores.
     */
    private static final BlockingQueue<Deflater> DEFLATERS =
            new ArrayBlockingQueue<>(2 * Runtime.getRuntime().availableProcessors());

    private PngWriter() {}

    /** The image types written here: the renderer's own. */
    static boolean supports(BufferedImage image) {
        int type = image.getType();
        var raster = image.getRaster();
        // a whole image of its own, not a window into a larger one
        return (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
                && raster.getDataBuffer().getOffset() == 0 && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0;
    }

    static void write(BufferedImage image, OutputStream out) throws IOException {
        if (!supports(image)) {
            throw new IllegalArgumentException("PngWriter writes INT_RGB and INT_ARGB images, not type "
                    + image.getType());
        }
        boolean alpha = image.getType() == BufferedImage.TYPE_INT_ARGB;
        DataOutputStream data = new DataOutputStream(out);
        data.write(SIGNATURE);
        ByteArrayOutputStream header = new ByteArrayOutputStream(13);
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(image.getWidth());
        h.writeInt(image.getHeight());
        h.write(new byte[] {8, alpha ? COLOUR_RGBA : COLOUR_RGB, 0, 0, 0}); // 8 bits, deflate, no filter, no interlace
        chunk(data, "IHDR", header.toByteArray());
        chunk(data, "IDAT", scanlines(image, alpha));
        chunk(data, "IEND", new byte[0]);
        data.flush();
    }

    /** The rows, each with filter type 0 (None), compressed. */
    private static byte[] scanlines(BufferedImage image, boolean alpha) throws IOException {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int scan = ((java.awt.image.SinglePixelPackedSampleModel) image.getRaster().getSampleModel())
                .getScanlineStride();
        byte[] row = new byte[1 + w * (alpha ? 4 : 3)];
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(row.length * h / 6 + 64);
        Deflater deflater = DEFLATERS.poll();
        if (deflater == null) {
            deflater = new Deflater(Deflater.BEST_SPEED);
        }
        try (DeflaterOutputStream z = new DeflaterOutputStream(compressed, deflater, 32 * 1024)) {
            for (int y = 0; y < h; y++) {
                int o = 1; // row[0] = 0: no filter
                for (int x = 0, i = y * scan; x < w; x++, i++) {
                    int p = pixels[i];
                    row[o++] = (byte) (p >> 16);
                    row[o++] = (byte) (p >> 8);
                    row[o++] = (byte) p;
                    if (alpha) {
                        row[o++] = (byte) (p >>> 24);
                    }
                }
                z.write(row);
            }
        } finally {
            deflater.reset();
            if (!DEFLATERS.offer(deflater)) {
                deflater.end();
            }
        }
        return compressed.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
