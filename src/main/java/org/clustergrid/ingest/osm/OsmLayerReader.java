package org.clustergrid.ingest.osm;

import java.io.IOException;
import java.nio.file.Path;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.SourceSink;
import org.clustergrid.ingest.progress.ImportProgress;

/**
 * Reads the elements of an OpenStreetMap PBF file that a tag filter matches as source features, for a layer of
 * one's own (see {@link FilteredElements} for what each element becomes).
 */
public final class OsmLayerReader {
    private OsmLayerReader() {}

    /** Problems with the file as a whole are report errors; with single elements, warnings. */
    public static void read(Path pbf, OsmFilter filter, ImportReport report, SourceSink sink, ImportProgress progress)
            throws IOException {
        String name = pbf.getFileName().toString();
        FilteredElements[] made = new FilteredElements[1];
        OsmPbfReader.read(pbf, report, progress, problems -> made[0] = new FilteredElements(filter, name, problems,
                sink));
        if (made[0] != null && !report.hasErrors()) {
            made[0].finish(report);
        }
    }
}
