package org.clustergrid.store;

import org.locationtech.jts.geom.Envelope;

/**
 * A tile of the WebMercatorQuad grid in the XYZ scheme (row 0 at the top, as Leaflet and MapLibre count).
 *
 * @param z zoom level, 0 to {@link #MAX_ZOOM}
 */
public record TileKey(int z, int x, int y) {
    /** Deepest zoom served; at z22 a tile unit is under 1 cm, so deeper tiles add nothing. */
    public static final int MAX_ZOOM = 22;

    public TileKey {
        if (z < 0 || z > MAX_ZOOM) {
            throw new IllegalArgumentException("zoom must be between 0 and " + MAX_ZOOM + ", was " + z);
        }
        long n = 1L << z;
        if (x < 0 || x >= n || y < 0 || y >= n) {
            throw new IllegalArgumentException("at zoom " + z + " x and y must be between 0 and " + (n - 1)
                    + ", were " + x + " and " + y);
        }
    }

    /** The tile's square in EPSG:3857 metres, exactly as PostGIS's {@code ST_TileEnvelope(z, x, y)}. */
    public Envelope mercator() {
        double size = 2 * WebMercator.HALF_WORLD / (1L << z);
        double minX = -WebMercator.HALF_WORLD + x * size;
        double maxY = WebMercator.HALF_WORLD - y * size;
        return new Envelope(minX, minX + size, maxY - size, maxY);
    }

    /** The tile grown by {@code pixels} of a {@code extent}-unit tile on every side, in EPSG:3857 metres. */
    public Envelope mercator(double pixels, int extent) {
        Envelope e = mercator();
        e.expandBy(e.getWidth() / extent * pixels);
        return e;
    }
}
