package org.clustergrid.ingest.shapefile;

import java.io.IOException;
import java.io.InputStream;

/**
 * The member files of one shapefile, loose on disk or inside a ZIP archive.
 *
 * @param label the name used in problem reports ({@code Roads.zip!roads.shp} or {@code roads.shp})
 * @param dbf null when the archive or folder has no .dbf
 * @param shxRecords the record count the .shx index implies, -1 when there is no .shx
 * @param prj the .prj text, null when absent
 * @param cpg the .cpg text, null when absent
 */
record ShapefileParts(
        String label, Opener shp, Opener dbf, long shxRecords, String prjName, String prj, String cpg) {

    /** Opens a member afresh; the caller closes the stream. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    /** The .shx is a 100-byte header followed by 8 bytes per record. */
    static long shxRecords(long shxBytes) {
        return shxBytes < 100 ? -1 : (shxBytes - 100) / 8;
    }
}
