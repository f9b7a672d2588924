package org.clustergrid.ingest.shapefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clustergrid.ingest.ImportRequest;
import org.clustergrid.ingest.Importer;
import org.clustergrid.ingest.SourceKind;
import org.clustergrid.ingest.mapping.Mapping;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.Layer;
import org.clustergrid.model.Typology.ClusterType;
import org.clustergrid.store.DatasetInfo;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoreFactory;
import org.clustergrid.store.StoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/** A cluster register delivered as a zipped, projected (UTM 44N) Shapefile, imported end to end with a mapping. */
class ShapefileClusterImportTest {
    @TempDir
    Path dir;

    @Test
    void importsProjectedClusterFootprintsWithAMapping() throws Exception {
        GeometryFactory gf = new GeometryFactory();
        // (500000 m E, 1230000 m N) in UTM 44N is close to 81.0 E, 11.12 N
        var footprint = gf.createPolygon(new Coordinate[] {new Coordinate(500000, 1230000),
                new Coordinate(500000, 1232000), new Coordinate(502000, 1232000), new Coordinate(502000, 1230000),
                new Coordinate(500000, 1230000)});
        TestShapefile shp = new TestShapefile().field("CL_ID", 'C', 10, 0).field("CL_NAME", 'C', 40, 0)
                .field("KIND", 'C', 20, 0).field("WORKERS", 'N', 8, 0)
                .add(footprint, "k-1", "Knit town", "dynamic_export", "4200")
                .add(footprint.buffer(-100), "k-2", "Dye works", "low_tech_domestic", "350");
        Path zip = TestShapefile.writeZip(dir.resolve("clusters.zip"), "", "clusters",
                shp.files(ShapefileReaderTest.UTM44N_PRJ, null));
        Path mappingFile = dir.resolve("mapping.yaml");
        Files.writeString(mappingFile, """
                rules:
                  - layer: clusters
                    id: CL_ID
                    fields: {name: CL_NAME, typology: KIND, employment: WORKERS}
                """);

        try (SpatialStore store = StoreFactory.open(StoreSettings.h2gis(dir.resolve("store")))) {
            var result = new Importer(store).run(new ImportRequest(SourceKind.CLUSTERS,
                    List.of(new ImportRequest.Source(zip, Mapping.read(mappingFile))),
                    new DatasetInfo("register", null, null, null, null, false), null, false, false));
            assertThat(result.dataset().featureCounts()).containsEntry(Layer.CLUSTERS, 2);

            Cluster knit = (Cluster) store.feature(Layer.CLUSTERS, "register", "k-1").orElseThrow().feature();
            assertThat(knit.name()).isEqualTo("Knit town");
            assertThat(knit.typology().type()).isEqualTo(ClusterType.DYNAMIC_EXPORT);
            assertThat(knit.employment()).isEqualTo(4200);
            Point c = knit.footprint().getCentroid();
            assertThat(c.getX()).isBetween(81.0, 81.02);
            assertThat(c.getY()).isBetween(11.12, 11.14);
        }
    }
}
