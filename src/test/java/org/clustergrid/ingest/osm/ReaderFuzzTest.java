package org.clustergrid.ingest.osm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.clustergrid.ingest.ImportFailedException;
import org.clustergrid.ingest.ImportRequest;
import org.clustergrid.ingest.Importer;
import org.clustergrid.ingest.SourceKind;
import org.clustergrid.ingest.mapping.Mapping;
import org.clustergrid.ingest.shapefile.TestShapefile;
import org.clustergrid.model.Layer;
import org.clustergrid.store.DatasetInfo;
import org.clustergrid.store.FeatureQuery;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoreFactory;
import org.clustergrid.store.StoreSettings;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Every reader (CSV, GeoJSON, Shapefile, OSM PBF, GeoPackage, FlatGeobuf) fed seeded mutations of small real files — bytes flipped, cut
 * short, inserted, a stretch repeated — through the importer into a store: each case either imports or fails with an
 * {@link ImportFailedException} and leaves the store exactly as it was; none crashes, none hangs (each bounded). In
 * this package to build the PBF sample with {@link PbfFixture}.
 */
class ReaderFuzzTest {
    static final int CASES = 120;
    static final DatasetInfo DATASET = new DatasetInfo("fuzz", "Fuzz", "test", "CC0", "test", false);
    static final GeometryFactory GF = new GeometryFactory();
    /** PMGSY rural roads (the GeoPackage and FlatGeobuf samples) as roads. */
    static final Mapping PMGSY_ROADS = new Mapping(null, null, List.of(new Mapping.Rule(Layer.ROADS, null, null,
            Map.of("class", "RoadCatego", "name", "RoadName"), Map.of())), "pmgsy-roads");

    @TempDir
    Path dir;

    record Sample(String name, SourceKind kind, Mapping mapping, byte[] bytes) {}

    @Test
    void mutatedFilesImportOrFailCleanlyAndLeaveTheStoreAsItWas() throws Exception {
        List<Sample> samples = List.of(
                new Sample("clusters.csv", SourceKind.CLUSTERS, null, csv()),
                new Sample("clusters.geojson", SourceKind.CLUSTERS, null,
                        Files.readAllBytes(Path.of("gis-data/demo/clusters.geojson"))),
                new Sample("roads.geojson", SourceKind.LAYER, Mapping.identity(Layer.ROADS),
                        Files.readAllBytes(Path.of("gis-data/demo/roads.geojson"))),
                new Sample("clusters.zip", SourceKind.CLUSTERS, null, shapefileZip()),
                new Sample("region.osm.pbf", SourceKind.OSM, null, pbf()),
                new Sample("roads.gpkg", SourceKind.LAYER, PMGSY_ROADS,
                        Files.readAllBytes(Path.of("src/test/resources/import-formats/ladakh-roads-utm44.gpkg"))),
                new Sample("roads.fgb", SourceKind.LAYER, PMGSY_ROADS,
                        Files.readAllBytes(Path.of("src/test/resources/import-formats/ladakh-roads-3857.fgb"))));
        Map<String, int[]> outcomes = new TreeMap<>(); // imported, refused
        List<String> crashes = new ArrayList<>();
        long start = System.nanoTime();
        try (SpatialStore store = StoreFactory.open(StoreSettings.h2gis(dir.resolve("store")))) {
            Importer importer = new Importer(store);
            for (Sample s : samples) {
                importer.run(request(s, write(s.name(), s.bytes()))); // the unmutated sample imports
                int[] counts = outcomes.computeIfAbsent(s.name(), k -> new int[2]);
                SplittableRandom random = new SplittableRandom(s.name().hashCode());
                for (int i = 0; i < CASES; i++) {
                    byte[] mutated = mutate(s.bytes(), random);
                    Object before = snapshot(store);
                    Path file = write(i + "-" + s.name(), mutated);
                    try {
                        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                                () -> importer.run(request(s, file)));
                        counts[0]++;
                    } catch (ImportFailedException e) {
                        counts[1]++;
                        if (!snapshot(store).equals(before)) {
                            crashes.add(s.name() + " case " + i + ": a failed import changed the store");
                        }
                    } catch (Throwable e) {
                        crashes.add(s.name() + " case " + i + ": " + e);
                    }
                    Files.delete(file);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        outcomes.forEach((name, c) -> System.out.printf("fuzz %-18s %d cases: %d imported, %d refused with an import "
                + "error%n", name, CASES, c[0], c[1]));
        System.out.printf("fuzz: %d cases in %.1f s, %d crashes%n", CASES * samples.size(), seconds, crashes.size());
        assertThat(crashes).isEmpty();
        assertThat(outcomes.values().stream().mapToInt(c -> c[1]).sum()).as("most mutations are refused")
                .isGreaterThan(CASES);
    }

    /** One of: flip bytes, cut short, insert random bytes, repeat a stretch; sometimes two at once. */
    static byte[] mutate(byte[] b, SplittableRandom random) {
        byte[] out = b.clone();
        int rounds = 1 + random.nextInt(2);
        for (int r = 0; r < rounds; r++) {
            int at = random.nextInt(Math.max(1, out.length));
            switch (random.nextInt(4)) {
                case 0 -> {
                    for (int k = 1 + random.nextInt(8); k > 0; k--) {
                        out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                case 1 -> out = Arrays.copyOf(out, at);
                case 2 -> {
                    byte[] noise = new byte[1 + random.nextInt(64)];
                    random.nextBytes(noise);
                    out = splice(out, at, noise);
                }
                default -> out = splice(out, at, Arrays.copyOfRange(out, at, Math.min(out.length,
                        at + 1 + random.nextInt(256))));
            }
            if (out.length == 0) {
                break;
            }
        }
        return out;
    }

    static byte[] splice(byte[] b, int at, byte[] insert) {
        byte[] out = new byte[b.length + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at, out, at + insert.length, b.length - at);
        return out;
    }

    static Object snapshot(SpatialStore store) {
        Map<Layer, Long> counts = new TreeMap<>();
        for (Layer l : Layer.values()) {
            counts.put(l, store.stats(l).count());
        }
        List<String> ids = store.query(Layer.CLUSTERS, FeatureQuery.all()).features().stream()
                .map(f -> f.layerId()).toList();
        return List.of(counts, store.dataVersion(), ids, store.datasets().toString());
    }

    Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    static ImportRequest request(Sample s, Path file) {
        return new ImportRequest(s.kind(), List.of(new ImportRequest.Source(file, s.mapping())), DATASET, null,
                false, false);
    }

    static byte[] csv() {
        StringBuilder b = new StringBuilder("source_id,name,lat,lon,firms,employment,typology,markets_served\n");
        for (int i = 0; i < 20; i++) {
            b.append("c").append(i).append(",Cluster ").append(i).append(',').append(20 + i * 0.01).append(',')
                    .append(80 + i * 0.01).append(',').append(10 + i).append(',').append(100 * i)
                    .append(",dynamic_export,local;global\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] shapefileZip() throws Exception {
        TestShapefile shp = new TestShapefile().field("source_id", 'C', 10, 0).field("name", 'C', 40, 0)
                .field("firms", 'N', 10, 0);
        for (int i = 0; i < 20; i++) {
            shp.add(GF.createPoint(new Coordinate(80 + i * 0.01, 20 + i * 0.01)), "s" + i, "Cluster " + i,
                    String.valueOf(10 + i));
        }
        Path zip = TestShapefile.writeZip(dir.resolve("sample.zip"), "", "clusters", shp.files(
                "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137,298.257223563]],"
                        + "PRIMEM[\"Greenwich\",0],UNIT[\"Degree\",0.0174532925199433]]", "UTF-8"));
        return Files.readAllBytes(zip);
    }

    byte[] pbf() throws Exception {
        PbfFixture f = new PbfFixture();
        for (int i = 1; i <= 30; i++) {
            f.node(i, 80 + i * 0.001, 20 + (i % 5) * 0.001);
        }
        f.node(100, 80.01, 20.01, "amenity", "bank", "name", "Bank");
        f.node(101, 80.02, 20.02, "place", "town", "name", "Town", "population", "12000");
        f.way(200, PbfFixture.refs(1, 2, 3, 4, 5, 6), "highway", "primary", "surface", "asphalt");
        f.way(201, PbfFixture.refs(7, 8, 9, 10, 11, 12), "highway", "track");
        f.way(202, PbfFixture.refs(13, 14, 15, 16, 13), "landuse", "industrial", "name", "Estate");
        f.way(203, PbfFixture.refs(20, 21, 22, 23), "power", "line", "voltage", "11000");
        f.relation(300, List.of(PbfFixture.member('w', 202, "outer")), "type", "multipolygon", "landuse", "industrial");
        Path p = dir.resolve("sample.osm.pbf");
        f.write(p);
        return Files.readAllBytes(p);
    }

}
