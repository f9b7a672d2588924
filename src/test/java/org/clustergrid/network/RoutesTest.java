package org.clustergrid.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.clustergrid.network.RoadGraphTest.point;
import static org.clustergrid.network.RoadGraphTest.road;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.clustergrid.model.Road;
import org.clustergrid.model.Road.Paving;
import org.junit.jupiter.api.Test;

/** Routes follow the quickest path, name the roads they run along, and take as long as the travel times say. */
class RoutesTest {
    private static final SpeedProfile SPEEDS = SpeedProfile.defaults();

    @Test
    void theRouteToTheNearestGoalRunsAlongTheRoadsBetween() {
        // a village on a track, the track joins a residential street, the street a paved primary road;
        // a footpath runs from the village straight to the primary, but at walking speed
        // (stubs make the joins junctions: a route is made of whole edges, junction to junction)
        List<Road> roads = List.of(
                road("track", "track", Paving.UNPAVED, true, 0, 0, 0.01, 0),
                road("street", "residential", Paving.UNPAVED, true, 0.01, 0, 0.02, 0),
                road("primary", "primary", Paving.PAVED, true, 0.02, 0, 0.02, 0.01, 0.02, 0.05),
                road("path", "footway", Paving.UNPAVED, true, 0, 0, 0, 0.01, 0.02, 0.01),
                road("far", "primary", Paving.PAVED, true, 1, 1, 1.1, 1),
                road("stub0", "residential", Paving.UNPAVED, true, 0, 0, -0.01, 0),
                road("stub1", "residential", Paving.UNPAVED, true, 0.01, 0, 0.01, -0.01),
                road("stub2", "residential", Paving.UNPAVED, true, 0.02, 0, 0.03, 0));
        RoadGraph g = RoadGraph.build(roads, SPEEDS);
        BitSet onPrimary = g.nodesOnRoads(r -> r == 2 || r == 4);
        Routes routes = new Routes(g);
        Routes.Route r = routes.toNearest(g.snap(point(0.001, 0.0001)), onPrimary, 3600).orElseThrow();
        assertThat(g.roadsAlong(r.edges())).containsExactly(0, 1);
        // its time is the travel time the searches give to the junction with the primary
        BoundedSearch search = new BoundedSearch(g);
        search.run(g.snap(point(0.001, 0.0001)), 3600);
        assertThat(r.seconds()).isCloseTo(search.seconds(RoadGraphTest.nodeAt(g, 0.02, 0)), within(1e-9));
        // nothing within the cutoff: no route
        assertThat(routes.toNearest(g.snap(point(0.001, 0.0001)), onPrimary, 10)).isEmpty();
        // off the network: no route
        assertThat(routes.toNearest(null, onPrimary, 3600)).isEmpty();
    }

    @Test
    void routesBetweenPointsTakeTheTravelTimeAndChainTheirEdges() {
        // a random grid of two-way and one-way streets; every route's edges join end to end from its start's edge to
        // its end's, and its time equals the one-to-many search's
        Random rnd = new Random(11);
        java.util.ArrayList<Road> roads = new java.util.ArrayList<>();
        int n = 12;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // i / 100.0, not i * 0.01: the same coordinate from either side, so the streets join
                double x = i / 100.0;
                double y = j / 100.0;
                if (i + 1 < n) {
                    roads.add(street("h" + i + "_" + j, rnd, x, y, (i + 1) / 100.0, y));
                }
                if (j + 1 < n) {
                    roads.add(street("v" + i + "_" + j, rnd, x, y, x, (j + 1) / 100.0));
                }
            }
        }
        RoadGraph g = RoadGraph.build(roads, SPEEDS);
        Routes routes = new Routes(g);
        BoundedSearch search = new BoundedSearch(g);
        int found = 0;
        int same = 0;
        for (int k = 0; k < 200; k++) {
            Snap from = g.snap(point(rnd.nextDouble() * 0.11, rnd.nextDouble() * 0.11));
            Snap to = g.snap(point(rnd.nextDouble() * 0.11, rnd.nextDouble() * 0.11));
            search.run(from, 3 * 3600);
            double expected = search.secondsTo(to);
            var route = routes.to(from, to, 3 * 3600);
            if (route.isEmpty()) {
                continue;
            }
            found++;
            Routes.Route r = route.get();
            // the search may also walk straight across: the route over the roads is never quicker than it
            assertThat(r.seconds()).isGreaterThanOrEqualTo(expected - 1e-9);
            if (Math.abs(r.seconds() - expected) < 1e-9) {
                same++;
            }
            int[] e = r.edges();
            assertThat(e[0]).isIn(Arrays.stream(from.entries()).map(Snap::edge).toArray());
            assertThat(e[e.length - 1]).isIn(Arrays.stream(to.entries()).map(Snap::edge).toArray());
            for (int i = 0; i + 1 < e.length; i++) {
                assertThat(shareANode(g, e[i], e[i + 1])).as("edges %d and %d join", e[i], e[i + 1]).isTrue();
            }
            double along = 0;
            for (int i = 1; i + 1 < e.length; i++) {
                along += g.edgeSeconds(e[i]);
            }
            assertThat(along).isLessThanOrEqualTo(r.seconds() + 1e-9);
        }
        assertThat(found).isGreaterThan(150);
        assertThat(same).isGreaterThan(found / 2);
    }

    private static Road street(String id, Random rnd, double x1, double y1, double x2, double y2) {
        Road r = road(id, rnd.nextInt(3) == 0 ? "track" : "residential", Paving.PAVED, true, x1, y1, x2, y2);
        if (rnd.nextInt(6) == 0) {
            return new Road(r.id(), r.roadClass(), r.surface(), r.paving(), r.allSeason(), r.motorable(), r.name(),
                    r.ref(), r.geometry(), Map.of("oneway", "yes"));
        }
        return r;
    }

    private static boolean shareANode(RoadGraph g, int a, int b) {
        return g.edgeSource(a) == g.edgeSource(b) || g.edgeSource(a) == g.edgeTarget(b)
                || g.edgeTarget(a) == g.edgeSource(b) || g.edgeTarget(a) == g.edgeTarget(b);
    }
}
