package org.clustergrid.scoring;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.clustergrid.ingest.ImportRequest;
import org.clustergrid.ingest.Importer;
import org.clustergrid.ingest.SourceKind;
import org.clustergrid.ingest.geonames.GeoNamesReader;
import org.clustergrid.ingest.mapping.Mapping;
import org.clustergrid.store.DatasetInfo;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.testing.SharedData;

/**
 * The store users really have: the Pokhara OSM extract (with its industrial areas and crafts as clusters), the
 * literature clusters on four continents, GeoNames towns of their countries and the PMGSY facility register of Punjab
 * (Ludhiana's state), each imported by the import command's own code.
 */
public final class MultiRegionStore {
    /** The literature clusters' countries: every cluster has GeoNames towns around it. */
    static final Set<String> COUNTRIES = Set.of("NP", "IN", "PK", "BR", "MX", "NG", "KE", "PE", "ID", "GH");

    private MultiRegionStore() {}

    public static void fill(SpatialStore store) throws Exception {
        fill(store, SharedData.pokharaPbf());
    }

    /** As {@link #fill(SpatialStore)}, with another copy of the Pokhara extract (e.g. one with changes applied). */
    public static void fill(SpatialStore store, Path pokhara) throws Exception {
        Importer importer = new Importer(store);
        importer.run(new ImportRequest(SourceKind.OSM, List.of(new ImportRequest.Source(pokhara, null)),
                info("pokhara"), null, true, false));
        Path literature = SharedData.require("clusters-literature/clusters_literature_geonames.csv");
        importer.run(new ImportRequest(SourceKind.CLUSTERS,
                List.of(new ImportRequest.Source(literature, Mapping.read(Path.of("gis-data/mappings/clusters-literature.yaml")))),
                info("literature"), null, false, false));
        Path geonames = SharedData.require("geonames/cities500.txt.gz");
        importer.run(new ImportRequest(SourceKind.GEONAMES, List.of(new ImportRequest.Source(geonames, null)),
                info("geonames"), new GeoNamesReader.Filter(COUNTRIES, 0), false, false));
        Path punjab = SharedData.require("india-pmgsy/Facilities/Punjab.zip");
        importer.run(new ImportRequest(SourceKind.LAYER,
                List.of(new ImportRequest.Source(punjab, Mapping.read(Path.of("gis-data/mappings/pmgsy-facilities.yaml")))),
                info("pmgsy-punjab"), null, false, false));
    }

    private static DatasetInfo info(String id) {
        return new DatasetInfo(id, id, "../shared/gis", "various", "see ../shared/gis/README.md", false);
    }
}
