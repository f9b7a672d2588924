package org.clustergrid.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.clustergrid.network.RoadGraphTest.point;
import static org.clustergrid.network.RoadGraphTest.road;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Multi-source and bounded travel times on hand-made graphs. */
class TravelTimesTest {
    static final SpeedProfile SPEEDS = SpeedProfile.defaults();

    /** Triangle A(0,0) B(0.01,0) C(0,0.01): AB primary (fast), BC and CA residential; plus a separate piece. */
    static RoadGraph triangle() {
        return RoadGraph.build(List.of(
                road("ab", "primary", 0, 0, 0.01, 0),
                road("bc", "residential", 0.01, 0, 0, 0.01),
                road("ca", "residential", 0, 0.01, 0, 0),
                road("island", "primary", 1, 1, 1.01, 1)), SPEEDS);
    }

    @Test
    void triangleTakesTheFasterWayAndTheIslandIsUnreachable() {
        RoadGraph g = triangle();
        int a = 0, b = 1, c = 2;
        TravelTimes t = TravelTimes.fromNodes(g, new int[] {a});
        double ab = g.edgeSeconds(0), bc = g.edgeSeconds(1), ca = g.edgeSeconds(2);
        assertThat(t.seconds(a)).isZero();
        assertThat(t.seconds(b)).isCloseTo(ab, within(1e-9));
        assertThat(t.seconds(c)).isCloseTo(Math.min(ca, ab + bc), within(1e-9));
        assertThat(t.seconds(3)).isInfinite();
        assertThat(t.seconds(4)).isInfinite();
        assertThat(t.nearestSource(3)).isEqualTo(-1);
        assertThat(t.secondsTo(point(1.005, 1.0001))).isInfinite();
        assertThat(t.arrivalAt(g.snap(point(1.005, 1.0001))).reachable()).isFalse();
    }

    @Test
    void pointSourcesIncludeTheirOffRoadLegAndPartialEdge() {
        RoadGraph g = triangle();
        TravelTimes t = TravelTimes.fromSources(g, List.of(point(0.005, -0.001)));
        Snap s = g.snap(point(0.005, -0.001));
        assertThat(s.edge()).isEqualTo(0);
        double ab = g.edgeSeconds(0);
        assertThat(t.seconds(0)).isCloseTo(s.offRoadSeconds() + 0.5 * ab, within(1e-6));
        assertThat(t.seconds(1)).isCloseTo(s.offRoadSeconds() + 0.5 * ab, within(1e-6));
        // a target on the same edge goes straight along it, not via an end node
        Snap target = g.snap(point(0.006, 0.0005));
        double direct = s.offRoadSeconds() + 0.1 * ab + target.offRoadSeconds();
        assertThat(t.arrivalAt(target).seconds()).isCloseTo(direct, within(1e-6));
        assertThat(t.arrivalAt(target).source()).isZero();
    }

    @Test
    void eachNodeKnowsItsNearestSource() {
        RoadGraph g = RoadGraph.build(List.of(road("line", "primary", 0, 0, 0.01, 0, 0.02, 0, 0.03, 0, 0.04, 0)),
                SPEEDS);
        TravelTimes t = TravelTimes.fromNodes(g, new int[] {0, 4});
        assertThat(t.nearestSource(1)).isZero();
        assertThat(t.nearestSource(3)).isEqualTo(1);
        assertThat(t.seconds(3)).isCloseTo(g.edgeSeconds(3), within(1e-9));
        var arrival = t.arrivalAt(g.snap(point(0.035, 0.0001)));
        assertThat(arrival.source()).isEqualTo(1);
    }

    @Test
    void boundedSearchStopsAtTheCutoffAndResetsBetweenRuns() {
        RoadGraph g = RoadGraph.build(List.of(road("line", "primary", 0, 0, 0.01, 0, 0.02, 0, 0.03, 0, 0.04, 0)),
                SPEEDS);
        double hop = g.edgeSeconds(0);
        BoundedSearch search = new BoundedSearch(g);
        search.run(point(0, 0), 2.5 * hop);
        assertThat(search.reachedCount()).isEqualTo(3);
        assertThat(search.seconds(2)).isCloseTo(2 * hop, within(1e-3));
        assertThat(search.seconds(3)).isInfinite();
        assertThat(search.secondsTo(g.snap(point(0.035, 0)))).isInfinite();
        search.run(point(0.04, 0), 1.5 * hop);
        assertThat(search.reachedCount()).isEqualTo(2);
        assertThat(search.seconds(0)).isInfinite();
        assertThat(search.seconds(2)).isInfinite();
        assertThat(search.seconds(3)).isCloseTo(hop, within(1e-3));
        assertThat(search.secondsTo(g.snap(point(0.035, 0)))).isCloseTo(hop / 2, within(1e-3));
    }

    @Test
    void boundedSearchWithoutCutoffAgreesWithTheFullSearchOnARandomGrid() {
        Random rnd = new Random(7);
        List<org.clustergrid.model.Road> roads = new java.util.ArrayList<>();
        String[] classes = {"primary", "secondary", "residential", "track", "service"};
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 30; j++) {
                double x = i * 0.001, y = j * 0.001;
                if (rnd.nextInt(5) > 0) {
                    roads.add(road("h" + i + "_" + j, classes[rnd.nextInt(5)], x, y, x + 0.001, y));
                }
                if (rnd.nextInt(5) > 0) {
                    roads.add(road("v" + i + "_" + j, classes[rnd.nextInt(5)], x, y, x, y + 0.001));
                }
            }
        }
        RoadGraph g = RoadGraph.build(roads, SPEEDS);
        BoundedSearch search = new BoundedSearch(g);
        for (int k = 0; k < 5; k++) {
            var origin = point(rnd.nextDouble() * 0.03, rnd.nextDouble() * 0.03);
            TravelTimes full = TravelTimes.fromSources(g, List.of(origin));
            search.run(origin, Double.POSITIVE_INFINITY);
            for (int n = 0; n < g.nodeCount(); n++) {
                assertThat(search.seconds(n)).isEqualTo(full.seconds(n));
            }
            double cutoff = 120;
            search.run(origin, cutoff);
            for (int n = 0; n < g.nodeCount(); n++) {
                double expected = full.seconds(n) <= cutoff ? full.seconds(n) : Double.POSITIVE_INFINITY;
                assertThat(search.seconds(n)).isEqualTo(expected);
            }
        }
    }
}
