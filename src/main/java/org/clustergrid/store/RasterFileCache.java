package org.clustergrid.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.clustergrid.raster.RasterLayer;
import org.clustergrid.raster.RasterException;

/**
 * The GeoTIFFs of the raster layers on this server's disk, where the reader needs them: the store's copy written
 * once to {@code <data-dir>/raster-cache/<raster number>-<import time>.tif} (a new import has a new number and
 * time, so a file there is never stale, even for a store made anew), or a referenced file where it lies. Copies no
 * layer uses any more are removed. One per server: the map layers and scoring read through the same one.
 */
public final class RasterFileCache {
    private final RasterLayerStore rasters;
    private final Path dir;

    /** @param dir where the store's copies are written ({@code <data-dir>/raster-cache}) */
    public RasterFileCache(RasterLayerStore rasters, Path dir) {
        this.rasters = rasters;
        this.dir = dir;
    }

    /** The layer's GeoTIFF on disk, copied from the store first if need be. */
    public synchronized Path path(RasterLayer layer) {
        if (layer.referenced()) {
            Path p = Path.of(layer.path());
            if (!Files.isReadable(p)) {
                throw new RasterException("the file of raster layer '" + layer.name() + "' is gone: " + p);
            }
            return p;
        }
        Path file = dir.resolve(fileName(layer));
        if (Files.exists(file)) {
            return file;
        }
        try {
            Files.createDirectories(dir);
            Path part = dir.resolve(fileName(layer) + ".part");
            try (OutputStream out = Files.newOutputStream(part)) {
                rasters.copyTo(layer, out);
            }
            return Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the raster cache in " + dir, e);
        }
    }

    private static String fileName(RasterLayer layer) {
        return layer.rasterNo() + "-" + layer.importedAt().toEpochMilli() + ".tif";
    }

    /** Removes the copies (and half-written ones) of rasters that are no longer the layers'. */
    public synchronized void keepOnly(List<RasterLayer> layers) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Set<String> kept = layers.stream().map(RasterFileCache::fileName).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                if (!kept.contains(f.getFileName().toString())) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(RasterFileCache.class).warn("cannot tidy the raster cache {}: {}", dir,
                    e.toString());
        }
    }
}
