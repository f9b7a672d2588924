package org.clustergrid.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.ingest.context.ContextLayerImporter;
import org.clustergrid.ingest.osm.OsmFilter;
import org.clustergrid.model.Layer;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.store.ContextLayerFeed;
import org.clustergrid.store.RasterFileCache;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.testing.PokharaLayers;
import org.clustergrid.testing.SharedData;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the real Pokhara extract: its banks imported as a context layer of their own through the OSM filter
 * {@code amenity=bank} (nodes as points, buildings as polygons), counted by {@code count_reachable} within the
 * finance travel time, and checked against the built-in FINANCE_POINTS_REACHABLE of the same clusters when the
 * built-in finance layer holds the same elements (the finance points tagged {@code amenity=bank}): two ways of
 * reading, snapping and reaching the same points must give the same counts.
 */
class PokharaReachableBanksTest {
    static final String PROFILE = """
            layer_indicators:
              banks_30min:
                kind: count_reachable
                layer: banks
                minutes: 30
                dimension: finance
                weight: 1
                curve: [[0, 0], [10, 100]]
            """;

    @TempDir
    Path dir;

    /** The default profile with the finance travel time, and the layer indicator's minutes, set to {@code minutes}. */
    static ScoringProfile profile(int minutes) throws Exception {
        String yaml = java.nio.file.Files.readString(ProfileTest.DEFAULT);
        String financeTime = "finance_travel_s:          {value: 1800,";
        assertThat(yaml).contains(financeTime);
        yaml = yaml.replace(financeTime, "finance_travel_s:          {value: " + minutes * 60 + ",")
                + "\n" + PROFILE.replace("minutes: 30", "minutes: " + minutes);
        return ProfileReader.read("test.yaml", new java.io.ByteArrayInputStream(
                yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {5, 10, 30})
    void countReachableOverTheBanksLayerEqualsTheBuiltInCountOfTheSameBanks(int minutes) throws Exception {
        Map<Layer, List<StoredFeature>> pokhara = PokharaLayers.read();
        List<StoredFeature> banks = pokhara.get(Layer.FINANCE).stream()
                .filter(f -> "bank".equals(f.feature().attributes().get("amenity"))).toList();
        ScoringProfile p = profile(minutes);
        assertThat(p.parameters().financeTravelSeconds()).isEqualTo(minutes * 60.0);
        assertThat(p.layerIndicators().get(0).measure().minutes()).isEqualTo((double) minutes);
        try (TestStore t = TestStore.h2gis(dir.resolve("store"))) {
            var imported = new ContextLayerImporter(t.store(), ImportLimits.DEFAULT).run(new ContextLayerImporter.Request(
                    List.of(SharedData.pokharaPbf()), null, "banks", "Banks of Pokhara", "OpenStreetMap", "ODbL 1.0",
                    "© OpenStreetMap contributors", null, null, OsmFilter.parse("amenity=bank")));
            assertThat(imported.layer().featureCount()).isEqualTo(banks.size());
            ScoringData data = new ScoringData(1, pokhara.get(Layer.CLUSTERS), pokhara.get(Layer.ROADS),
                    pokhara.get(Layer.POWER), banks, pokhara.get(Layer.MARKETS));
            ScoringEngine engine = ScoringEngine.build(data, p, SpeedProfile.defaults(),
                    new ContextLayerFeed(t.store().contextLayers(), t.store().rasterLayers(),
                            new RasterFileCache(t.store().rasterLayers(), dir.resolve("raster-cache"))));
            int compared = 0;
            int outsideExtent = 0;
            double total = 0;
            for (StoredFeature c : data.clusters()) {
                ClusterScore s = engine.scoreCluster(c, p.dimensionWeights());
                IndicatorResult builtIn = s.indicators().get(Indicator.FINANCE_POINTS_REACHABLE);
                LayerResult layer = s.layerIndicators().get(0);
                if (layer.missing() != null) {
                    // the layer speaks only within the box around its banks; the built-in count has no such rule
                    assertThat(layer.missing().reason()).as(c.layerId()).isEqualTo(Missing.Reason.OUTSIDE_COVERAGE);
                    assertThat(layer.missing().message()).contains("extent of context layer 'banks'");
                    outsideExtent++;
                    continue;
                }
                assertThat(builtIn.value()).as(c.layerId()).isNotNull();
                assertThat(layer.value()).as(c.layerId()).isEqualTo(builtIn.value());
                if (layer.value() > 0) {
                    assertThat(layer.evidence().layer()).isEqualTo("banks");
                    assertThat(layer.evidence().seconds()).isBetween(0.0, minutes * 60.0);
                }
                compared++;
                total += layer.value();
            }
            System.out.printf(Locale.ROOT, "%d min: %d banks; %d clusters compared (%d outside the banks' extent), %.0f banks"
                    + " reached in all, %.1f a cluster%n", minutes, banks.size(), compared, outsideExtent, total,
                    total / compared);
            assertThat(compared).isGreaterThan(data.clusters().size() / 2);
            assertThat(total).isPositive();
        }
    }
}
