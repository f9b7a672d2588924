package org.clustergrid.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.clustergrid.network.RoadGraphTest.point;
import static org.clustergrid.network.RoadGraphTest.road;

import java.util.List;
import java.util.Random;
import org.clustergrid.geo.Geodesic;
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

    static double seconds(double kmh, double lon1, double lat1, double lon2, double lat2) {
        return Geodesic.fastDistance(lon1, lat1, lon2, lat2) / (kmh / 3.6);
    }

    static final double AB = seconds(40, 0, 0, 0.01, 0);
    static final double BC = seconds(20, 0.01, 0, 0, 0.01);
    static final double CA = seconds(20, 0, 0.01, 0, 0);

    @Test
    void triangleIsOneRingEdgeAndTheIslandIsUnreachable() {
        RoadGraph g = triangle();
        // A, B, C have two segments each: the ring is one edge, from and to a node made at its first vertex
        assertThat(g.segmentCount()).isEqualTo(4);
        assertThat(g.nodeCount()).isEqualTo(3);
        assertThat(g.edgeCount()).isEqualTo(2);
        TravelTimes t = TravelTimes.fromSources(g, List.of(point(0, 0)));
        assertThat(t.secondsTo(point(0, 0))).isZero();
        assertThat(t.secondsTo(point(0.01, 0))).isCloseTo(AB, within(1e-6));
        assertThat(t.secondsTo(point(0, 0.01))).isCloseTo(Math.min(CA, AB + BC), within(1e-6));
        assertThat(t.secondsTo(point(0.005, 0))).isCloseTo(AB / 2, within(1e-6));
        for (int n = 0; n < g.nodeCount(); n++) {
            boolean island = g.nodeLon(n) >= 1;
            assertThat(Double.isInfinite(t.seconds(n))).isEqualTo(island);
            assertThat(t.nearestSource(n)).isEqualTo(island ? -1 : 0);
        }
        assertThat(t.secondsTo(point(1.005, 1.0001))).isInfinite();
        assertThat(t.arrivalAt(g.snap(point(1.005, 1.0001))).reachable()).isFalse();
    }

    @Test
    void pointSourcesIncludeTheirOffRoadLegAndPartialEdge() {
        RoadGraph g = RoadGraph.build(List.of(
                road("ab", "primary", 0, 0, 0.01, 0),
                road("spur-a", "primary", 0, 0, -0.01, 0.001),
                road("spur-b", "primary", 0.01, 0, 0.02, 0.001)), SPEEDS);
        var source = point(0.005, -0.001);
        Snap s = g.snap(source);
        double off = s.offRoadSeconds();
        assertThat(off).isCloseTo(seconds(5, 0.005, -0.001, 0.005, 0), within(1e-6));
        TravelTimes t = TravelTimes.fromSources(g, List.of(source));
        assertThat(t.secondsTo(point(0, 0))).isCloseTo(off + AB / 2, within(1e-6));
        assertThat(t.secondsTo(point(0.01, 0))).isCloseTo(off + AB / 2, within(1e-6));
        // a target on the same edge goes straight along it, not via an end node
        Snap target = g.snap(point(0.006, 0.0005));
        double direct = off + 0.1 * AB + target.offRoadSeconds();
        assertThat(t.arrivalAt(target).seconds()).isCloseTo(direct, within(1e-6));
        assertThat(t.arrivalAt(target).source()).isZero();
    }

    @Test
    void eachPlaceKnowsItsNearestSource() {
        RoadGraph g = RoadGraph.build(List.of(road("line", "primary", 0, 0, 0.01, 0, 0.02, 0, 0.03, 0, 0.04, 0)),
                SPEEDS);
        assertThat(g.nodeCount()).isEqualTo(2);
        TravelTimes t = TravelTimes.fromSources(g, List.of(point(0, 0), point(0.04, 0)));
        assertThat(t.arrivalAt(g.snap(point(0.012, 0))).source()).isZero();
        var near = t.arrivalAt(g.snap(point(0.03, 0)));
        assertThat(near.source()).isEqualTo(1);
        assertThat(near.seconds()).isCloseTo(seconds(40, 0.03, 0, 0.04, 0), within(1e-6));
    }

    @Test
    void boundedSearchStopsAtTheCutoffAndResetsBetweenRuns() {
        // a comb: every vertex of the line is a junction, so each hop ends at a node
        RoadGraph g = RoadGraph.build(List.of(road("line", "primary", 0, 0, 0.01, 0, 0.02, 0, 0.03, 0, 0.04, 0),
                road("t1", "primary", 0.01, 0, 0.01, 0.01), road("t2", "primary", 0.02, 0, 0.02, 0.01),
                road("t3", "primary", 0.03, 0, 0.03, 0.01)), SPEEDS);
        double hop = seconds(40, 0, 0, 0.01, 0);
        BoundedSearch search = new BoundedSearch(g);
        search.run(point(0, 0), 2.5 * hop);
        assertThat(search.secondsTo(g.snap(point(0.02, 0)))).isCloseTo(2 * hop, within(1e-6));
        assertThat(search.secondsTo(g.snap(point(0.035, 0)))).isInfinite();
        int reached = search.reachedCount();
        for (int i = 0; i < reached; i++) {
            assertThat(search.seconds(search.reachedNode(i))).isLessThanOrEqualTo(2.5 * hop);
        }
        search.run(point(0.04, 0), 1.5 * hop);
        assertThat(search.secondsTo(g.snap(point(0, 0)))).isInfinite();
        assertThat(search.secondsTo(g.snap(point(0.02, 0)))).isInfinite();
        assertThat(search.secondsTo(g.snap(point(0.03, 0)))).isCloseTo(hop, within(1e-6));
        assertThat(search.secondsTo(g.snap(point(0.035, 0)))).isCloseTo(hop / 2, within(1e-6));
        assertThat(search.reachedCount()).isEqualTo(2);
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
