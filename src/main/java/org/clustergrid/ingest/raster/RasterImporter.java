package org.clustergrid.ingest.raster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.clustergrid.ingest.ImportFailedException;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.layers.LayerName;
import org.clustergrid.raster.ColourRamp;
import org.clustergrid.raster.ElevationRange;
import org.clustergrid.raster.GeoTiffGrid;
import org.clustergrid.raster.RasterException;
import org.clustergrid.raster.RasterLayer;
import org.clustergrid.raster.Window;
import org.clustergrid.store.SpatialStore;

/**
 * Imports a single-band GeoTIFF as a raster layer: reads it through (its CRS, box and the range of its values),
 * then stores its bytes and its row in one transaction, or, for a file the server keeps where it is, only the row.
 * A file that cannot be used changes nothing.
 */
public final class RasterImporter {
    private final SpatialStore store;

    public RasterImporter(SpatialStore store) {
        this.store = store;
    }

    /**
     * @param crs the CRS of a file that declares none (e.g. {@code EPSG:4326}); null otherwise
     * @param ramp the colour ramp ({@link ColourRamp#parse}); null for viridis over the values' range
     * @param elevation a WMS elevation dimension over the values ({@link ElevationRange}); null for none
     * @param reference keep the file where it is and read it there, rather than copying it into the store
     */
    public record Request(Path file, String name, String title, String crs, String ramp, String elevation,
            boolean reference, String source, String licence, String attribution) {}

    public record Result(RasterLayer layer, Duration took) {}

    /** True when the file starts as a TIFF or BigTIFF does. */
    public static boolean isTiff(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(4);
            return b.length == 4 && ((b[0] == 'I' && b[1] == 'I' && (b[2] == 42 || b[2] == 43) && b[3] == 0)
                    || (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && (b[3] == 42 || b[3] == 43)));
        } catch (IOException e) {
            return false;
        }
    }

    /** @throws ImportFailedException when the file or an option cannot be used; the store is unchanged */
    public synchronized Result run(Request r) throws IOException {
        long start = System.nanoTime();
        String name = LayerName.check(r.name());
        String shown = r.file().getFileName().toString();
        if (store.contextLayers().layer(name).isPresent()) {
            throw failed(shown, "a vector layer named '" + name + "' exists; delete it first or choose another name");
        }
        RasterLayer layer;
        try {
            if (r.ramp() != null) {
                ColourRamp.parse(r.ramp());
            }
            if (r.elevation() != null) {
                ElevationRange.parse(r.elevation());
            }
            GeoTiffGrid grid = GeoTiffGrid.open(r.file(), r.crs());
            Window.Stats stats = grid.readAll().stats();
            if (stats.valid() == 0) {
                throw new RasterException(shown + " has no cell with a value (every cell is no data)");
            }
            String title = r.title() == null || r.title().isBlank() ? name : r.title();
            Path path = r.reference() ? r.file().toAbsolutePath().normalize() : null;
            layer = new RasterLayer(name, title, 0, path == null ? null : path.toString(), r.crs(), grid.width(),
                    grid.height(), grid.lonLatBox(), stats.min(), stats.max(), grid.noData(), r.ramp(), r.elevation(),
                    r.source() == null ? shown : r.source(), r.licence(), r.attribution(), shown,
                    r.reference() ? Files.size(r.file()) : 0, Instant.now());
        } catch (RasterException e) {
            throw failed(shown, e.getMessage());
        }
        RasterLayer stored;
        if (r.reference()) {
            stored = store.rasterLayers().replace(layer, InputStream.nullInputStream());
        } else {
            try (InputStream in = Files.newInputStream(r.file())) {
                stored = store.rasterLayers().replace(layer, in);
            }
        }
        return new Result(stored, Duration.ofNanos(System.nanoTime() - start));
    }

    private static ImportFailedException failed(String file, String message) {
        ImportReport report = new ImportReport(false);
        report.error(file, null, null, message);
        return new ImportFailedException(report);
    }
}
