package org.clustergrid.store;

import java.nio.file.Path;
import java.util.List;
import org.clustergrid.ingest.ImportRequest;
import org.clustergrid.ingest.Importer;
import org.clustergrid.ingest.SourceKind;

/**
 * A process for {@link H2gisStoreCrashTest} to kill: {@code hold DIR} opens the embedded store and keeps it open
 * until its standard input closes, as the server does (other processes then reach the store over its TCP server);
 * {@code import DIR PBF clusters|plain} imports the OSM file as dataset {@code pokhara}, as the import command does.
 * It says {@code OPEN} once the store is open and {@code DONE} when the import has committed.
 */
public final class CrashChild {
    static final String SAYS = "crash-child: ";
    static final String DATASET = "pokhara";

    private CrashChild() {}

    public static void main(String[] args) throws Exception {
        try (SpatialStore store = StoreFactory.open(StoreSettings.h2gis(Path.of(args[1])))) {
            say("OPEN");
            if (args[0].equals("hold")) {
                System.in.transferTo(java.io.OutputStream.nullOutputStream());
            } else {
                new Importer(store).run(request(Path.of(args[2]), args[3].equals("clusters")));
                say("DONE");
            }
        }
    }

    static ImportRequest request(Path pbf, boolean clusters) {
        return new ImportRequest(SourceKind.OSM, List.of(new ImportRequest.Source(pbf, null)),
                new DatasetInfo(DATASET, "Pokhara", "OpenStreetMap", "ODbL 1.0", "© OpenStreetMap contributors", false),
                null, clusters, false);
    }

    private static void say(String what) {
        System.out.println(SAYS + what);
        System.out.flush();
    }
}
