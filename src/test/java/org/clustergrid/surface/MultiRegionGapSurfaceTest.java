package org.clustergrid.surface;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clustergrid.geo.Geodesic;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.Layer;
import org.clustergrid.model.Market;
import org.clustergrid.model.Market.MarketKind;
import org.clustergrid.model.Typology;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.render.Surface;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.scoring.ScoringProfile;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.surface.Regions.Region;
import org.clustergrid.testing.DefaultProfile;
import org.clustergrid.testing.PokharaLayers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Clusters on two continents: the real Pokhara extract (roads, markets and its 41 OSM clusters) plus literature
 * clusters in India and Brazil with their towns as markets but no roads. Each region gets hexagons of its own size,
 * the cells a map computes are bounded, and where no road reaches the cells are no data.
 */
class MultiRegionGapSurfaceTest {
    static final GeometryFactory GF = new GeometryFactory();
    /** Lakeside, Pokhara: on the roads, a few km from the city centre. */
    static final double[] LAKESIDE = {83.96, 28.21};
    static ScoringEngine engine;
    static int pokharaClusters;

    /** Once for the class, from each test: without the shared data each test skips with the reason. */
    @BeforeEach
    void build() throws Exception {
        if (engine != null) {
            return;
        }
        Map<Layer, List<StoredFeature>> pokhara = PokharaLayers.read();
        List<StoredFeature> clusters = new ArrayList<>(pokhara.get(Layer.CLUSTERS));
        List<StoredFeature> markets = new ArrayList<>(pokhara.get(Layer.MARKETS));
        List<StoredFeature> roads = pokhara.get(Layer.ROADS), power = pokhara.get(Layer.POWER),
                finance = pokhara.get(Layer.FINANCE);
        pokharaClusters = clusters.size();
        // the literature register's anchor towns (GeoNames centres): Tiruppur and Coimbatore lie 40 km apart
        Object[][] far = {{"tiruppur", 77.35456, 11.11541, 963_173L}, {"coimbatore", 76.96612, 11.00555, 2_136_916L},
            {"agra", 78.01667, 27.18333, 1_430_055L}, {"novo_hamburgo", -51.13056, -29.67833, 253_841L}};
        for (Object[] t : far) {
            var point = GF.createPoint(new Coordinate((double) t[1], (double) t[2]));
            clusters.add(new StoredFeature("literature", new Cluster("CG-LIT-" + t[0], (String) t[0], (String) t[0],
                    null, null, Typology.UNKNOWN, null, null, Set.of(), point, "test", Map.of())));
            markets.add(new StoredFeature("geonames", new Market("gn-" + t[0], MarketKind.CITY, (String) t[0],
                    (Long) t[3], point, Map.of())));
        }
        ScoringProfile profile = DefaultProfile.read();
        engine = ScoringEngine.build(new ScoringData(1, clusters, roads, power, finance, markets), profile,
                SpeedProfile.defaults());
    }

    static Region regionHolding(GapSurface s, double lon, double lat) {
        return s.regionAt(lon, lat).orElseThrow(() -> new AssertionError("no region at " + lon + " " + lat));
    }

    @Test
    void eachRegionHasHexagonsSizedToItsOwnExtent() {
        GapSurface s = GapSurface.of(engine, Runnable::run);
        // Pokhara; Coimbatore with Tiruppur; Agra; Novo Hamburgo
        assertThat(s.regions()).hasSize(4);
        Region pokhara = regionHolding(s, LAKESIDE[0], LAKESIDE[1]);
        assertThat(pokhara.clusterCount()).isEqualTo(pokharaClusters);
        assertThat(pokhara.grid().sideMetres()).as("a city's hexagons").isBetween(HexGrid.MIN_SIDE_METRES, 2_000.0);
        Envelope e = pokhara.grid().extent();
        double widthKm = Geodesic.fastDistance(e.getMinX(), LAKESIDE[1], e.getMaxX(), LAKESIDE[1]) / 1000;
        assertThat(widthKm).as("the grid stays around the city").isLessThan(100);
        assertThat(regionHolding(s, 77.2, 11.06).clusterCount()).as("Coimbatore and Tiruppur").isEqualTo(2);
        for (Region r : s.regions()) {
            assertThat(r.grid().size()).isLessThanOrEqualTo(HexGrid.MAX_CELLS);
            assertThat(r.grid().sideMetres()).as(r.id()).isLessThan(2_000);
            for (Region other : s.regions()) {
                assertThat(r == other || !r.grid().extent().intersects(other.grid().extent())).isTrue();
            }
        }
        // where one grid over all the clusters, as before, had hexagons tens of km a side
        Envelope all = new Envelope();
        engine.data().clusters().forEach(c -> all.expandToInclude(c.feature().geometry().getEnvelopeInternal()));
        assertThat(HexGrid.covering(all, HexGrid.MAX_CELLS).sideMetres()).isGreaterThan(50_000);
    }

    @Test
    void pokharaHasTimesAndRegionsWithoutRoadsAreNoData() {
        GapSurface s = GapSurface.of(engine, Runnable::run);
        GapSurfaceLayer layer = new GapSurfaceLayer(() -> s);
        Surface.Cell lakeside = layer.cellAt(LAKESIDE[0], LAKESIDE[1]).orElseThrow();
        assertThat((Double) lakeside.properties().get("minutes")).isBetween(0.0, 60.0);
        assertThat(lakeside.properties().get("nearest_market")).isNotNull();
        assertThat(lakeside.colour()).isNotEqualTo(MinuteClasses.NO_DATA);
        RegionTimes pokhara = s.times(regionHolding(s, LAKESIDE[0], LAKESIDE[1]));
        assertThat(pokhara.cellsWithTime()).isGreaterThan(pokhara.grid().size() / 2);
        // Coimbatore has a regional market but no imported road: no time anywhere, and said so
        RegionTimes coimbatore = s.times(regionHolding(s, 76.96612, 11.00555));
        assertThat(coimbatore.cellsWithTime()).isZero();
        Surface.Cell c = layer.cellAt(76.96612, 11.00555).orElseThrow();
        assertThat(c.properties().get("minutes")).isNull();
        assertThat(c.properties().get("class")).isEqualTo(MinuteClasses.NO_DATA_LABEL);
        assertThat(c.colour()).isEqualTo(MinuteClasses.NO_DATA);
        assertThat(layer.legend()).extracting(l -> l.label()).contains(MinuteClasses.NO_DATA_LABEL)
                .doesNotContain("off the road network");
        assertThat(layer.cellAt(0, 0)).as("between regions: no hexagon").isEmpty();
    }

    @Test
    void aMapComputesAtMostItsBudgetOfNewCellsAndTheRestInTheBackground() {
        List<Runnable> queued = new ArrayList<>();
        int budget = 2_000;
        GapSurface s = GapSurface.of(engine, queued::add, new GapSurface.Limits(budget, Integer.MAX_VALUE, Integer.MAX_VALUE));
        Envelope world = new Envelope(-180, 180, -85, 85);
        List<RegionTimes> first = s.within(world);
        int computed = first.stream().mapToInt(t -> t.grid().size()).sum();
        // the first region always (however large), then only what fits
        assertThat(first).isNotEmpty();
        assertThat(computed - first.get(0).grid().size()).isLessThanOrEqualTo(budget);
        assertThat(s.keptRegions()).isEqualTo(first.size());
        assertThat(first.size() + queued.size()).isEqualTo(s.regions().size());
        assertThat(queued).isNotEmpty();
        // asking again computes nothing already queued a second time, and the queue drains into kept regions
        s.within(world);
        queued.forEach(Runnable::run);
        assertThat(s.keptRegions()).isEqualTo(s.regions().size());
        assertThat(s.within(world)).hasSize(s.regions().size());
        // a map of Pokhara alone computes Pokhara only
        GapSurface fresh = GapSurface.of(engine, queued::add, new GapSurface.Limits(budget, Integer.MAX_VALUE, Integer.MAX_VALUE));
        assertThat(fresh.within(new Envelope(83.9, 84.0, 28.15, 28.25))).hasSize(1);
        assertThat(fresh.keptRegions()).isEqualTo(1);
    }

    @Test
    void aMapShowsAtMostItsCapOfCellsAndQueuesNothingPastIt() {
        List<Runnable> queued = new ArrayList<>();
        int cap = 3_000;
        GapSurface s = GapSurface.of(engine, queued::add, new GapSurface.Limits(Integer.MAX_VALUE, cap, Integer.MAX_VALUE));
        List<RegionTimes> shown = s.within(new Envelope(-180, 180, -85, 85));
        int cells = shown.stream().mapToInt(t -> t.grid().size()).sum();
        assertThat(shown.size()).isBetween(1, s.regions().size() - 1);
        assertThat(cells - shown.get(0).grid().size()).isLessThanOrEqualTo(cap);
        assertThat(queued).isEmpty();
        assertThat(s.keptRegions()).isEqualTo(shown.size());
        // a map of one region shows it whole
        assertThat(s.within(new Envelope(76.9, 77.0, 11.0, 11.1))).singleElement()
                .satisfies(t -> assertThat(t.region().clusterCount()).isEqualTo(2));
    }

    @Test
    void keptTimesAreCappedLeastRecentlyUsedFirstAndTheQueueAtHalfTheCap() {
        GapSurface.Limits limits = new GapSurface.Limits(1, Integer.MAX_VALUE, 4_000);
        GapSurface s = GapSurface.of(engine, task -> { }, limits);
        Region pokhara = regionHolding(s, LAKESIDE[0], LAKESIDE[1]);
        Region agra = regionHolding(s, 78.01667, 27.18333);
        Region novoHamburgo = regionHolding(s, -51.13056, -29.67833);
        assertThat(pokhara.grid().size() + agra.grid().size()).as("two fit").isLessThanOrEqualTo(4_000);
        assertThat(pokhara.grid().size() + agra.grid().size() + novoHamburgo.grid().size()).isGreaterThan(4_000);
        RegionTimes first = s.times(pokhara);
        RegionTimes agraTimes = s.times(agra);
        assertThat(s.times(pokhara)).as("kept, not recomputed").isSameAs(first);
        s.times(novoHamburgo);
        // Agra was used least recently: dropped, and computed anew when asked for again
        assertThat(s.keptRegions()).isEqualTo(2);
        assertThat(s.times(pokhara)).isSameAs(first);
        assertThat(s.times(agra)).isNotSameAs(agraTimes);
        // a world map computes one region (its budget is one cell) and queues others up to half the cap: the two
        // 700-hexagon regions, not the larger ones
        List<Runnable> queued = new ArrayList<>();
        GapSurface fresh = GapSurface.of(engine, queued::add, limits);
        fresh.within(new Envelope(-180, 180, -85, 85));
        assertThat(fresh.keptRegions()).isEqualTo(1);
        assertThat(queued).hasSize(2);
    }
}
