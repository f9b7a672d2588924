package org.clustergrid.raster;

import java.time.Instant;
import org.locationtech.jts.geom.Envelope;

/**
 * A user's own raster layer as the store keeps it: a single-band GeoTIFF, either held by the store
 * ({@code path} null, its bytes under {@code rasterNo}) or referenced where it lies on the server's disk.
 *
 * @param crs the CRS given at import for a file that declares none (e.g. {@code EPSG:4326}); null: the file's own
 * @param bbox the longitude/latitude box the grid covers
 * @param minValue the least valid value (no-data cells left out)
 * @param noData the value marking cells without data, or null
 * @param ramp the colour ramp as text ({@link ColourRamp#parse}); null for the default over min–max
 * @param elevation the values of an elevation dimension the layer declares (WMS), as text; null for none
 */
public record RasterLayer(String name, String title, long rasterNo, String path, String crs, int width, int height,
        Envelope bbox, double minValue, double maxValue, Double noData, String ramp, String elevation, String source,
        String licence, String attribution, String file, long bytes, Instant importedAt) {

    /** The ramp the layer is drawn with. */
    public ColourRamp colourRamp() {
        return ramp == null ? ColourRamp.defaultFor(minValue, maxValue) : ColourRamp.parse(ramp);
    }

    public boolean referenced() {
        return path != null;
    }
}
