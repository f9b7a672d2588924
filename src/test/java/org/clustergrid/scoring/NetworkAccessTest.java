package org.clustergrid.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.osm.OsmImportOptions;
import org.clustergrid.ingest.osm.OsmPbfReader;
import org.clustergrid.model.FinancePoint;
import org.clustergrid.model.LayerFeature;
import org.clustergrid.model.Market;
import org.clustergrid.model.Road;
import org.clustergrid.network.RoadGraph;
import org.clustergrid.network.Snap;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.store.StoredFeature;
import org.clustergrid.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/** The network figures the scoring reads: direction of the searches, on-foot legs, off-network points. */
class NetworkAccessTest {
    static final GeometryFactory GF = new GeometryFactory();

    static StoredFeature stored(LayerFeature f) {
        return new StoredFeature("test", f);
    }

    static Point point(double lon, double lat) {
        return GF.createPoint(new Coordinate(lon, lat));
    }

    /**
     * The market potential searched inward from every market (one-way streets reversed) equals the one searched
     * outward from each place, on the real Pokhara network and its one-way streets, for places on and beside roads.
     */
    @Test
    void potentialsFromTheMarketsEqualThoseFromEachPlace() throws Exception {
        List<StoredFeature> roads = new ArrayList<>(), finance = new ArrayList<>(), markets = new ArrayList<>();
        OsmPbfReader.read(SharedData.pokharaPbf(), OsmImportOptions.defaults(), new ImportReport(), f -> {
            switch (f.layer()) {
                case ROADS -> roads.add(stored(f));
                case FINANCE -> finance.add(stored(f));
                case MARKETS -> markets.add(stored(f));
                default -> { }
            }
        });
        Parameters p = ProfileTest.defaultProfile().parameters();
        // the profile's 4 hours, within which every market of the extract reaches every place, and 10 minutes
        for (Parameters parameters : List.of(p, withGravityCutoff(p, 600))) {
            NetworkAccess network = new NetworkAccess(new ScoringData(1, List.of(), roads, List.of(), finance,
                    markets), parameters, SpeedProfile.defaults());
            potentialsFromTheMarketsEqualThoseFromEachPlace(network, roads, parameters.gravityCutoffSeconds() < 3600);
        }
    }

    private void potentialsFromTheMarketsEqualThoseFromEachPlace(NetworkAccess network, List<StoredFeature> roads,
            boolean someMarketsOutOfReach) {
        List<Snap> places = new ArrayList<>();
        for (int k = 0; k < roads.size(); k += 25) {
            Coordinate c = ((LineString) roads.get(k).feature().geometry()).getCoordinateN(0);
            places.add(network.snap(point(c.x + 0.003, c.y - 0.002)));
        }
        places.add(network.snap(point(84.6, 28.3))); // 45 km east of the extract: a walk, then the roads
        Snap[] snaps = places.toArray(Snap[]::new);
        MarketPotentials fromMarkets = MarketPotentials.of(network, snaps);
        int reached = 0;
        for (int i = 0; i < snaps.length; i++) {
            NetworkAccess.Reach fromPlace = network.reach(snaps[i], true);
            assertThat(fromMarkets.potential()[i]).as("place %d", i)
                    .isCloseTo(fromPlace.marketPotential(), within(1e-9 * (1 + fromPlace.marketPotential())));
            assertThat(fromMarkets.markets()[i]).isEqualTo(fromPlace.marketsReached());
            reached += fromPlace.marketsReached() > 0 ? 1 : 0;
        }
        assertThat(reached).isGreaterThan(someMarketsOutOfReach ? snaps.length / 10 : snaps.length / 2);
        // a few places, fewer than the markets: the markets that cannot reach them are skipped, and every sum is
        // still the one the search of every market gives, to the bit
        java.util.Random random = new java.util.Random(3);
        int populated = network.populated.size();
        assertThat(snaps.length).isGreaterThan(populated); // the sums above searched every market
        int skipped = 0;
        for (int round = 0; round < 20; round++) {
            int k = 1 + random.nextInt(Math.min(12, populated - 1));
            int[] picked = random.ints(k, 0, snaps.length).toArray();
            Snap[] few = java.util.Arrays.stream(picked).mapToObj(i -> snaps[i]).toArray(Snap[]::new);
            MarketPotentials some = MarketPotentials.of(network, few);
            for (int i = 0; i < k; i++) {
                assertThat(some.potential()[i]).as("place %d", picked[i])
                        .isEqualTo(fromMarkets.potential()[picked[i]]);
                assertThat(some.markets()[i]).isEqualTo(fromMarkets.markets()[picked[i]]);
            }
            boolean[] may = MarketPotentials.mayReach(network, few, network.parameters.gravityCutoffSeconds());
            for (boolean m : may) {
                skipped += m ? 0 : 1;
            }
        }
        assertThat(skipped > 0).as("markets skipped").isEqualTo(someMarketsOutOfReach);
    }

    /** The parameters with another gravity cutoff. */
    static Parameters withGravityCutoff(Parameters p, double seconds) throws Exception {
        java.lang.reflect.RecordComponent[] cs = Parameters.class.getRecordComponents();
        Object[] args = new Object[cs.length];
        Class<?>[] types = new Class<?>[cs.length];
        for (int i = 0; i < cs.length; i++) {
            types[i] = cs[i].getType();
            args[i] = cs[i].getName().equals("gravityCutoffSeconds") ? seconds : cs[i].getAccessor().invoke(p);
        }
        return Parameters.class.getDeclaredConstructor(types).newInstance(args);
    }

    @Test
    void bankAcrossTheFieldCountsAndOffNetworkPlacesStillReachWhatIsAWalkAway() throws Exception {
        Road road = new Road("r", "primary", null, Road.Paving.PAVED, true, true, null, null,
                GF.createLineString(new Coordinate[] {new Coordinate(0, 0), new Coordinate(0.2, 0)}), Map.of());
        List<StoredFeature> finance = List.of(
                stored(new FinancePoint("near", FinancePoint.FinanceType.BANK, null, null, point(0.1005, 0.44), null)),
                stored(new FinancePoint("off", FinancePoint.FinanceType.ATM, null, null, point(0.1005, 0.6), null)));
        List<StoredFeature> markets = List.of(stored(new Market("m", Market.MarketKind.TOWN, "m", 20_000L,
                point(0.1, 0.6005), null)));
        Parameters p = ProfileTest.defaultProfile().parameters();
        NetworkAccess network = new NetworkAccess(new ScoringData(1, List.of(), List.of(stored(road)), List.of(),
                finance, markets), p, SpeedProfile.defaults());
        // 48.7 km from the road, the bank 55 m away: reached on foot within the finance time
        Snap nearRoad = network.snap(point(0.1, 0.44));
        assertThat(nearRoad.onNetwork()).isTrue();
        assertThat(network.reach(nearRoad, true).financeByType()).isEqualTo(Map.of("bank", 1));
        // 66 km from the road: off the network, yet the ATM and the town next door count
        Snap off = network.snap(point(0.1, 0.6));
        assertThat(off.onNetwork()).isFalse();
        NetworkAccess.Reach reach = network.reach(off, true);
        assertThat(reach.financeByType()).isEqualTo(Map.of("atm", 1));
        assertThat(reach.marketsReached()).isEqualTo(1);
        assertThat(MarketPotentials.of(network, new Snap[] {off}).markets()[0]).isEqualTo(1);
        MarketTier local = MarketTier.LOCAL;
        assertThat(network.arrival(local, off).onFoot()).isTrue();
        assertThat(network.arrival(local, off).seconds()).isLessThan(60);
        // off the network with nothing within a walk: no data, as before
        assertThat(network.arrival(local, network.snap(point(0.1, 1.5)))).isNull();
        // 17.8 km apart and no road between them: a walk within the off-road limit is all there is
        assertThat(network.arrival(local, nearRoad).onFoot()).isTrue();
        assertThat(network.arrival(local, nearRoad).seconds()).isCloseTo(
                org.clustergrid.geo.Geodesic.fastDistance(0.1, 0.44, 0.1, 0.6005) / (5 / 3.6), within(1e-6));
        assertThat(RoadGraph.DEFAULT_MAX_OFF_ROAD_METRES).isEqualTo(p.maxOffRoadM());
    }
}
