package org.clustergrid.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.ingest.context.ContextLayerImporter;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.store.ContextLayerFeed;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.testing.SharedData;
import org.clustergrid.testing.TestStore;
import org.h2gis.functions.factory.H2GISFunctions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKBReader;

/**
 * End to end on real data: the PMGSY habitations of Sikkim (2,000-odd points with their population) imported as a
 * context layer, a profile counting and summing them around clusters, each value checked against a count made apart
 * from the server — the shapefile read by H2GIS's own reader, distances by GeographicLib.
 */
class ContextLayerScoringTest {
    static final String PROFILE = """
            layer_indicators:
              habitations_5km:
                kind: count_within
                layer: habitations
                radius_m: 5000
                dimension: markets
                weight: 1
                curve: [[0, 0], [50, 100]]
              population_5km:
                kind: sum_within
                layer: habitations
                attribute: TOT_POPULA
                radius_m: 5000
                dimension: markets
                weight: 1
                curve: [[0, 0], [20000, 100]]
              large_habitations_10km:
                kind: count_within
                layer: habitations
                filter: "TOT_POPULA >= 1000"
                radius_m: 10000
                dimension: markets
                weight: 1
                curve: [[0, 0], [10, 100]]
              nearest_habitation:
                kind: nearest
                layer: habitations
                dimension: markets
                weight: 1
                curve: [[500, 100], [5000, 0]]
            """;
    /** District towns of Sikkim, and Siliguri in West Bengal, south of the layer's extent. */
    static final double[][] TOWNS = {{88.6138, 27.3314}, {88.3640, 27.1667}, {88.5330, 27.5080}, {88.2750, 27.2890},
        {88.4300, 26.7100}};

    @TempDir
    Path dir;

    record Habitation(double lon, double lat, Long population) {}

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void countsAndSumsAgreeWithACountMadeApart(String kind) throws Exception {
        Path zip = SharedData.require("india-pmgsy/Habitation/Sikkim.zip");
        List<Habitation> apart = readApart(zip);
        try (TestStore t = TestStore.of(kind, dir)) {
            var imported = new ContextLayerImporter(t.store(), ImportLimits.DEFAULT).run(new ContextLayerImporter.Request(
                    List.of(zip), null, "habitations", "PMGSY habitations, Sikkim", "PMGSY", "GODL-India",
                    "Ministry of Rural Development, PMGSY Rural Connectivity Datasets", null, null));
            assertThat(imported.layer().featureCount()).isEqualTo(apart.size());
            ScoringProfile p = LayerIndicatorsTest.profile(PROFILE);
            List<StoredFeature> clusters = new ArrayList<>();
            for (int i = 0; i < TOWNS.length; i++) {
                clusters.add(UnknownIsNotZeroTest.cluster("t" + i, TOWNS[i][0], TOWNS[i][1]));
            }
            ScoringData data = new ScoringData(1, clusters, List.of(), List.of(), List.of(), List.of());
            ScoringEngine engine = ScoringEngine.build(data, p, SpeedProfile.defaults(),
                    new ContextLayerFeed(t.store().contextLayers(), t.store().rasterLayers(),
                    new org.clustergrid.store.RasterFileCache(t.store().rasterLayers(), dir.resolve("raster-cache"))));
            for (int i = 0; i < TOWNS.length - 1; i++) {
                List<LayerResult> r = engine.scoreCluster(clusters.get(i), p.dimensionWeights()).layerIndicators();
                Point at = (Point) clusters.get(i).feature().geometry();
                int count = 0;
                int large = 0;
                long population = 0;
                double nearest = Double.POSITIVE_INFINITY;
                for (Habitation h : apart) {
                    double m = net.sf.geographiclib.Geodesic.WGS84.Inverse(at.getY(), at.getX(), h.lat, h.lon).s12;
                    nearest = Math.min(nearest, m);
                    if (m <= 5000) {
                        count++;
                        population += h.population == null ? 0 : h.population;
                    }
                    if (m <= 10000 && h.population != null && h.population >= 1000) {
                        large++;
                    }
                }
                System.out.printf(Locale.ROOT, "%s %s: %d habitations (%d people) within 5 km, %d of 1,000+ within"
                        + " 10 km, nearest %.1f m%n", kind, clusters.get(i).feature().id(), count, population, large,
                        nearest);
                assertThat(count).isPositive();
                assertThat(r.get(0).value()).isEqualTo((double) count);
                assertThat(r.get(1).value()).isEqualTo((double) population);
                assertThat(r.get(2).value()).isEqualTo((double) large);
                assertThat(r.get(3).value()).isCloseTo(nearest, within(1e-6));
                assertThat(r.get(3).evidence().layer()).isEqualTo("habitations");
                assertThat(r.get(0).details()).containsEntry("count", count).containsEntry("radius_m", 5000.0);
            }
            // Siliguri lies south of every habitation of Sikkim: unknown, not 0
            for (LayerResult r : engine.scoreCluster(clusters.get(TOWNS.length - 1), p.dimensionWeights())
                    .layerIndicators()) {
                assertThat(r.value()).isNull();
                assertThat(r.missing().reason()).isEqualTo(Missing.Reason.OUTSIDE_COVERAGE);
                assertThat(r.missing().message()).contains("'habitations'");
            }
        }
    }

    /** The shapefile as H2GIS's own reader sees it: every point with its population. */
    List<Habitation> readApart(Path zip) throws Exception {
        Path shp = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path out = dir.resolve("apart").resolve(e.getName());
                Files.createDirectories(out.getParent());
                Files.copy(in, out);
                if (e.getName().endsWith(".shp")) {
                    shp = out;
                }
            }
        }
        List<Habitation> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:habitations_apart");
                Statement s = c.createStatement()) {
            H2GISFunctions.load(c);
            s.execute("CALL SHPRead('" + shp + "', 'HAB')");
            WKBReader wkb = new WKBReader();
            try (ResultSet rs = s.executeQuery("SELECT ST_AsBinary(THE_GEOM), TOT_POPULA FROM HAB")) {
                while (rs.next()) {
                    Point p = (Point) wkb.read(rs.getBytes(1));
                    long pop = rs.getLong(2);
                    out.add(new Habitation(p.getX(), p.getY(), rs.wasNull() ? null : pop));
                }
            }
        }
        return out;
    }
}
