package org.clustergrid.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.osm.OsmImportOptions;
import org.clustergrid.ingest.osm.OsmPbfReader;
import org.clustergrid.model.Market;
import org.clustergrid.model.Road;
import org.clustergrid.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;

/**
 * What one-way streets change on the real Pokhara network: the time from every junction to its nearest market, with
 * the one-way tags as the OSM import keeps them and with every road two-way. Removing arcs can only lengthen trips,
 * and the extract's one-way streets must lengthen some.
 */
class OneWayEffectTest {

    /** The same roads with every one-way rule lifted ({@code oneway=no} overrides implied one-ways too). */
    static List<Road> twoWay(List<Road> roads) {
        List<Road> out = new ArrayList<>(roads.size());
        for (Road r : roads) {
            Map<String, Object> attributes = new HashMap<>(r.attributes());
            attributes.put("oneway", "no");
            out.add(new Road(r.id(), r.roadClass(), r.surface(), r.paving(), r.allSeason(), r.motorable(), r.name(),
                    r.ref(), r.geometry(), attributes));
        }
        return out;
    }

    @Test
    void oneWayStreetsLengthenSomeTripsToMarketAndShortenNone() throws Exception {
        List<Road> roads = new ArrayList<>();
        List<Point> markets = new ArrayList<>();
        OsmPbfReader.read(SharedData.pokharaPbf(), OsmImportOptions.defaults(), new ImportReport(), f -> {
            if (f instanceof Road r) {
                roads.add(r);
            } else if (f instanceof Market m) {
                markets.add(m.geometry());
            }
        });
        long tagged = roads.stream().filter(r -> RoadDirection.of(r) != RoadDirection.BOTH).count();
        RoadGraph directed = RoadGraph.build(roads, SpeedProfile.defaults());
        RoadGraph undirected = RoadGraph.build(twoWay(roads), SpeedProfile.defaults());
        TravelTimes withOneWays = TravelTimes.fromSources(directed, markets);
        TravelTimes without = TravelTimes.fromSources(undirected, markets);
        List<Double> change = new ArrayList<>();
        for (int n = 0; n < undirected.nodeCount(); n++) {
            double lon = undirected.nodeLon(n), lat = undirected.nodeLat(n);
            double a = withOneWays.arrivalAt(directed.snap(lon, lat)).seconds();
            double b = without.arrivalAt(undirected.snap(lon, lat)).seconds();
            if (Double.isFinite(a) && Double.isFinite(b) && b > 60) {
                assertThat(a).as("junction %s %s", lon, lat).isGreaterThanOrEqualTo(b * (1 - 1e-9));
                change.add(a / b - 1);
            }
        }
        double[] sorted = change.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double changed = Arrays.stream(sorted).filter(c -> c > 1e-9).count() / (double) sorted.length;
        System.out.printf("Pokhara: %d of %d roads one-way; %d junctions more than a minute from a market: %.1f %% take"
                + " longer, median change %+.2f %%, 90th percentile %+.2f %%, max %+.1f %%%n", tagged, roads.size(),
                sorted.length, 100 * changed, 100 * sorted[sorted.length / 2], 100 * sorted[sorted.length * 9 / 10],
                100 * sorted[sorted.length - 1]);
        assertThat(tagged).as("one-way roads in the extract").isGreaterThan(20);
        assertThat(sorted[sorted.length - 1]).as("largest lengthening").isGreaterThan(0.05);
    }
}
