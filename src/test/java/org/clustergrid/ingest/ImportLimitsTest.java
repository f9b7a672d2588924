package org.clustergrid.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.clustergrid.ingest.shapefile.TestShapefile;
import org.clustergrid.model.Layer;
import org.clustergrid.store.DatasetInfo;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoreFactory;
import org.clustergrid.store.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Zip and gzip bombs, endless lines and a CSV of a million columns end in an import error naming the file, the limit
 * and its setting, quickly and with nothing written.
 */
class ImportLimitsTest {
    static final DatasetInfo DATASET = new DatasetInfo("limits", "Limits", "test", "CC0", "test", false);

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

    List<String> failing(ImportLimits limits, SourceKind kind, Path file) {
        long version = store.dataVersion();
        long start = System.nanoTime();
        var thrown = assertThatThrownBy(() -> new Importer(store, limits).run(new ImportRequest(kind,
                List.of(new ImportRequest.Source(file, null)), DATASET, null, false, false)))
                .isInstanceOf(ImportFailedException.class);
        assertThat((System.nanoTime() - start) / 1e9).as("refused quickly").isLessThan(10);
        assertThat(store.dataVersion()).isEqualTo(version);
        assertThat(store.stats(Layer.CLUSTERS).count()).isZero();
        return ((ImportFailedException) thrown.actual()).report().problems().stream().map(ImportProblem::toString)
                .toList();
    }

    /** A zipped shapefile whose .dbf carries 64 MB of padding: about 64 KB compressed, 1,000 times expanded. */
    @Test
    void aZipBombIsRefusedNamingTheMemberAndTheLimit() throws Exception {
        TestShapefile shp = new TestShapefile().field("source_id", 'C', 10, 0);
        shp.add(new GeometryFactory().createPoint(new Coordinate(80, 20)), "c1");
        Map<String, byte[]> files = new java.util.LinkedHashMap<>(shp.files(null, null));
        Path zip = dir.resolve("bomb.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (var f : files.entrySet()) {
                z.putNextEntry(new ZipEntry("c." + f.getKey()));
                z.write(f.getValue());
                if (f.getKey().equals("dbf")) {
                    z.write(new byte[64 << 20]);
                }
                z.closeEntry();
            }
        }
        assertThat(Files.size(zip)).isLessThan(1 << 20);
        assertThat(failing(ImportLimits.DEFAULT, SourceKind.CLUSTERS, zip)).singleElement().asString()
                .contains("bomb.zip!c.dbf expands more than 200 times", "clustergrid.limits.import.expansion-ratio");
        ImportLimits small = new ImportLimits(1 << 20, 100_000, 1_000_000, 1_000);
        assertThat(failing(small, SourceKind.CLUSTERS, zip)).singleElement().asString()
                .contains("bomb.zip!c.dbf expands to more than 1048576 bytes", "clustergrid.limits.import.expanded-bytes");
    }

    @Test
    void aGzipBombOfGeoNamesIsRefused() throws Exception {
        Path gz = dir.resolve("cities.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            byte[] line = ("1\tTown\tTown\t\t20.0\t80.0\tP\tPPL\tIN\t\t\t\t\t\t5000\t\t\t\t2020-01-01\n")
                    .getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < (40 << 20) / line.length; i++) {
                out.write(line);
            }
        }
        // the repeated line compresses about 500 times: refused once 16 MB have come out
        List<String> p = failing(ImportLimits.DEFAULT, SourceKind.GEONAMES, gz);
        assertThat(p).anySatisfy(m -> assertThat(m).contains("cities.txt.gz expands more than 200 times",
                "clustergrid.limits.import.expansion-ratio"));
    }

    @Test
    void anEndlessLineIsRefused() throws Exception {
        Path csv = dir.resolve("long.csv");
        Files.writeString(csv, "source_id,name,lat,lon\nc1," + "x".repeat(2_000_000) + ",20,80\n");
        assertThat(failing(ImportLimits.DEFAULT, SourceKind.CLUSTERS, csv)).singleElement().asString()
                .contains("line 2 is longer than 1000000 characters", "clustergrid.limits.import.line-characters");
    }

    @Test
    void aCsvOfAMillionColumnsIsRefused() throws Exception {
        StringBuilder header = new StringBuilder("source_id,lat,lon");
        StringBuilder row = new StringBuilder("c1,20,80");
        for (int i = 0; i < 1_000_000; i++) {
            header.append(",a").append(i);
            row.append(",");
        }
        Path csv = dir.resolve("wide.csv");
        Files.writeString(csv, header + "\n" + row + "\n");
        // by default the header line is already too long
        assertThat(failing(ImportLimits.DEFAULT, SourceKind.CLUSTERS, csv)).singleElement().asString()
                .contains("line 1 is longer than", "clustergrid.limits.import.line-characters");
        ImportLimits longLines = new ImportLimits(4L << 30, 200, 20_000_000, 1_000);
        assertThat(failing(longLines, SourceKind.CLUSTERS, csv)).singleElement().asString()
                .contains("wide.csv", "has 1000003 fields, more than the limit of 1000",
                        "clustergrid.limits.import.attributes");
    }

    @Test
    void geoJsonFeaturesWithTooManyPropertiesAreRefused() throws Exception {
        StringBuilder props = new StringBuilder("\"source_id\": \"c1\"");
        for (int i = 0; i < 1_500; i++) {
            props.append(", \"p").append(i).append("\": 1");
        }
        Path json = dir.resolve("wide.geojson");
        Files.writeString(json, "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
                + "\"geometry\": {\"type\": \"Point\", \"coordinates\": [80, 20]}, \"properties\": {" + props + "}}]}");
        assertThat(failing(ImportLimits.DEFAULT, SourceKind.CLUSTERS, json)).singleElement().asString()
                .contains("has 1501 attributes, more than the limit of 1000", "clustergrid.limits.import.attributes");
    }
}
