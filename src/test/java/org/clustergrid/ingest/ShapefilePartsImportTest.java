package org.clustergrid.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.clustergrid.ingest.shapefile.TestShapefile;
import org.clustergrid.model.Layer;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoreFactory;
import org.clustergrid.store.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** A shapefile named part by part among the files of an import ({@code import clusters sites.*}). */
class ShapefilePartsImportTest {
    @TempDir
    Path dir;
    SpatialStore store;

    @BeforeEach
    void open() {
        store = StoreFactory.open(StoreSettings.h2gis(dir.resolve("store")));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Writes Sites.shp and its parts (mixed case, as some tools write them, and metadata); returns them all. */
    List<Path> parts() throws Exception {
        TestShapefile shp = new TestShapefile().field("source_id", 'C', 10, 0).field("name", 'C', 40, 0)
                .add(new GeometryFactory().createPoint(new Coordinate(77.3, 11.1)), "s1", "Bell metal")
                .add(new GeometryFactory().createPoint(new Coordinate(77.4, 11.2)), "s2", "Pottery");
        Path folder = Files.createDirectories(dir.resolve("in"));
        TestShapefile.writeLoose(folder, "Sites", shp.files(BadInputTest.WGS84_PRJ, "UTF-8"));
        Files.move(folder.resolve("Sites.dbf"), folder.resolve("SITES.DBF"));
        Files.writeString(folder.resolve("Sites.shp.xml"), "<metadata xml:lang=\"en\"/>\n"); // ArcGIS metadata
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

    ImportRequest clusters(List<Path> files) {
        return new ImportRequest(SourceKind.CLUSTERS, ImportRequest.sources(files, null), BadInputTest.DATASET, null,
                false, false);
    }

    @Test
    void allPartsOfOneShapefileAreReadOnceFromTheShp() throws Exception {
        List<Path> files = parts();
        assertThat(files).hasSize(6);
        Importer.Result r = new Importer(store).run(clusters(files));
        assertThat(r.report().problems()).isEmpty();
        assertThat(r.dataset().featureCounts()).containsEntry(Layer.CLUSTERS, 2);
    }

    @Test
    void partsWithoutTheirShpAreOneErrorNamingIt() throws Exception {
        List<Path> withoutShp = parts().stream().filter(p -> !p.toString().endsWith(".shp")).toList();
        var thrown = assertThatThrownBy(() -> new Importer(store).run(clusters(withoutShp)))
                .isInstanceOf(ImportFailedException.class);
        assertThat(((ImportFailedException) thrown.actual()).report().problems()).extracting(ImportProblem::toString)
                .containsExactly("ERROR: SITES.shp: missing: the shapefile's .shp (its geometries) was not given,"
                        + " only SITES.DBF, Sites.cpg, Sites.prj, Sites.shp.xml, Sites.shx; give SITES.shp with them,"
                        + " or all parts in one .zip");
        assertThat(store.datasets()).isEmpty();
    }
}
