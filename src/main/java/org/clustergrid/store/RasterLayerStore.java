package org.clustergrid.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import org.clustergrid.raster.RasterLayer;

/** The raster layers of a store: listed, replaced all-or-nothing with their file's bytes, read back, deleted. */
public interface RasterLayerStore {

    List<RasterLayer> layers();

    Optional<RasterLayer> layer(String name);

    /**
     * Creates the layer, or replaces one of the same name, in one transaction: the file's bytes (none for a layer
     * that references its file) and its row. A failure leaves the layer as it was.
     *
     * @return the layer as stored, with its raster number and import time
     */
    RasterLayer replace(RasterLayer layer, InputStream bytes) throws IOException;

    /** Writes the bytes the store holds for the layer. */
    void copyTo(RasterLayer layer, OutputStream out) throws IOException;

    /** False when there was no such layer. */
    boolean delete(String name);
}
