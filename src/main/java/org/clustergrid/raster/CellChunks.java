package org.clustergrid.raster;

import it.geosolutions.imageioimpl.plugins.tiff.TIFFImageReaderSpi;
import java.awt.Rectangle;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * A GeoTIFF's cells decoded in square chunks, at full resolution or every 2nd, 4th … cell (the centre cell of each
 * 2ᵏ × 2ᵏ block, as nearest-neighbour resampling takes it), and kept in memory up to a byte budget shared by every
 * grid, least recently used first out. Maps of the same area then decode nothing: decoding a compressed TIFF (JAI
 * through GeoTools) took 16–28 ms a 256 × 256 map on the own-layers bench, MapServer answered in 7 ms with GDAL's
 * block cache.
 */
final class CellChunks {
    /** Cells a chunk side, at its level. */
    static final int SIDE = 512;
    private static final TIFFImageReaderSpi TIFF = new TIFFImageReaderSpi();
    private static volatile long budget = 128L << 20;
    private static final Map<Key, Raster> CACHE = new LinkedHashMap<>(64, 0.75f, true);
    private static long cached;

    private record Key(CellChunks grid, int level, int cx, int cy) {}

    private final Path file;
    private final int width;
    private final int height;

    CellChunks(Path file, int width, int height) {
        this.file = file;
        this.width = width;
        this.height = height;
    }

    /** Sets the memory the decoded chunks of every grid may take together (bytes). */
    static void budget(long bytes) {
        budget = Math.max(SIDE * SIDE * 8L, bytes);
    }

    /** Cells of the grid across at a level: every 2^level-th cell. */
    int width(int level) {
        return (width + (1 << level) - 1) >> level;
    }

    int height(int level) {
        return (height + (1 << level) - 1) >> level;
    }

    /**
     * The chunk holding level cells ({@code cx·SIDE}, {@code cy·SIDE}) onwards; its raster starts at (0, 0), band 0
     * the grid's values.
     */
    Raster chunk(int level, int cx, int cy) {
        Key key = new Key(this, level, cx, cy);
        synchronized (CACHE) {
            Raster r = CACHE.get(key);
            if (r != null) {
                return r;
            }
        }
        Raster r = decode(level, cx, cy);
        synchronized (CACHE) {
            if (CACHE.put(key, r) == null) {
                cached += bytes(r);
            }
            Iterator<Map.Entry<Key, Raster>> oldest = CACHE.entrySet().iterator();
            while (cached > budget && oldest.hasNext()) {
                Map.Entry<Key, Raster> e = oldest.next();
                if (e.getKey().equals(key)) {
                    continue;
                }
                cached -= bytes(e.getValue());
                oldest.remove();
            }
        }
        return r;
    }

    /** Forgets this grid's chunks (its layer is gone or replaced). */
    void forget() {
        synchronized (CACHE) {
            Iterator<Map.Entry<Key, Raster>> it = CACHE.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<Key, Raster> e = it.next();
                if (e.getKey().grid() == this) {
                    cached -= bytes(e.getValue());
                    it.remove();
                }
            }
        }
    }

    private Raster decode(int level, int cx, int cy) {
        int step = 1 << level;
        int x0 = cx * SIDE * step;
        int y0 = cy * SIDE * step;
        int w = Math.min(SIDE * step, width - x0);
        int h = Math.min(SIDE * step, height - y0);
        if (w <= 0 || h <= 0) {
            throw new RasterException("chunk " + cx + "," + cy + " of level " + level + " lies outside "
                    + file.getFileName());
        }
        ImageReader reader;
        try {
            reader = TIFF.createReaderInstance();
        } catch (IOException e) {
            throw new RasterException("no TIFF reader: " + e.getMessage(), e);
        }
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            reader.setInput(in, true, true);
            ImageReadParam p = reader.getDefaultReadParam();
            p.setSourceRegion(new Rectangle(x0, y0, w, h));
            // the centre cell of each block; at the far edge a block may be narrower than its centre
            p.setSourceSubsampling(step, step, Math.min(step / 2, w - 1), Math.min(step / 2, h - 1));
            p.setSourceBands(new int[] {0});
            return reader.read(0, p).getRaster(); // this reader offers no readRaster
        } catch (IOException | RuntimeException e) {
            throw new RasterException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    private static long bytes(Raster r) {
        return (long) r.getWidth() * r.getHeight() * r.getNumBands()
                * (java.awt.image.DataBuffer.getDataTypeSize(r.getDataBuffer().getDataType()) / 8);
    }
}
