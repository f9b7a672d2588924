package org.clustergrid.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.clustergrid.model.Layer;
import org.clustergrid.model.Road;
import org.clustergrid.testing.PokharaLayers;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A graph built with roads added after the real Pokhara roads, against the graph before: the edges matched as kept
 * are the same chains, timed the same; every snap carried over is the very snap the graph with the roads added gives.
 */
class JoinedRoadsTest {
    private static final GeometryFactory GF = new GeometryFactory();

    @Test
    void keptEdgesAreTheSameChainsAndCarriedSnapsThoseOfTheJoinedGraph() throws Exception {
        List<Road> roads = PokharaLayers.read().get(Layer.ROADS).stream().map(f -> (Road) f.feature()).toList();
        RoadGraph was = RoadGraph.build(roads, SpeedProfile.defaults());
        Random random = new Random(3);
        List<Road> added = new ArrayList<>(links(roads, random));
        added.add(fragmentJoined(was)); // a fragment joined to the network: its points' ways in change
        List<Road> all = new ArrayList<>(roads);
        all.addAll(added);
        RoadGraph now = RoadGraph.build(all, SpeedProfile.defaults());
        JoinedRoads joined = now.joinedFrom(was);
        assertThat(joined).isNotNull();
        // the graph made from the one before with the roads added is the graph built anew
        RoadGraph made = was.withRoads(Map.of(), added, roads.size());
        assertThat(made.segmentCount()).isEqualTo(now.segmentCount());
        assertThat(made.nodeCount()).isEqualTo(now.nodeCount());
        assertThat(made.edgeCount()).isEqualTo(now.edgeCount());
        for (int e = 0; e < now.edgeCount(); e++) {
            assertThat(made.edgeSeconds(e)).isEqualTo(now.edgeSeconds(e));
            assertThat(made.nodeLon(made.edgeSource(e))).isEqualTo(now.nodeLon(now.edgeSource(e)));
            assertThat(made.nodeLat(made.edgeTarget(e))).isEqualTo(now.nodeLat(now.edgeTarget(e)));
            assertThat(made.edgeRoadId(e)).isEqualTo(now.edgeRoadId(e));
        }

        int kept = 0;
        for (int e = 0; e < was.edgeCount(); e++) {
            int k = joined.keptEdge(e);
            if (k < 0) {
                continue;
            }
            kept++;
            assertThat(now.edgeSeconds(k)).isEqualTo(was.edgeSeconds(e));
            assertThat(now.edgeMetres(k)).isEqualTo(was.edgeMetres(e));
            assertThat(now.nodeLon(now.edgeSource(k))).isEqualTo(was.nodeLon(was.edgeSource(e)));
            assertThat(now.nodeLat(now.edgeTarget(k))).isEqualTo(was.nodeLat(was.edgeTarget(e)));
            assertThat(now.edgeForward(k)).isEqualTo(was.edgeForward(e));
            assertThat(now.edgeBackward(k)).isEqualTo(was.edgeBackward(e));
        }
        // the links split or continue a few chains; every other edge is kept
        assertThat(kept).isLessThan(was.edgeCount()).isGreaterThan(was.edgeCount() - 30);
        assertThat(joined.changedEdges().cardinality()).isEqualTo(now.edgeCount() - kept);

        Envelope box = new Envelope();
        roads.forEach(r -> box.expandToInclude(r.geometry().getEnvelopeInternal()));
        box.expandBy(0.3); // points beyond the roads too, some past the off-road limit of none
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            points.add(new double[] {box.getMinX() + random.nextDouble() * box.getWidth(),
                box.getMinY() + random.nextDouble() * box.getHeight()});
        }
        for (Road link : added) { // and points close to the links, which they now join by
            for (Coordinate c : link.geometry().getCoordinates()) {
                for (int i = 0; i < 150; i++) {
                    points.add(new double[] {c.x + (random.nextDouble() - 0.5) * 0.02,
                        c.y + (random.nextDouble() - 0.5) * 0.02});
                }
            }
        }
        int moved = 0;
        for (double[] p : points) {
            Snap before = snap(was, p);
            Snap carried = joined.carry(before);
            Snap fresh = snap(now, p);
            assertThat(describe(carried)).as("%s %s", p[0], p[1]).isEqualTo(describe(fresh));
            assertThat(describe(snap(made, p))).isEqualTo(describe(fresh));
            if (before.onNetwork() && fresh.onNetwork() && joined.keptEdge(before.edge()) != fresh.edge()) {
                moved++;
            }
        }
        assertThat(moved).as("points that join by a link or a changed chain now").isGreaterThan(50);
    }

    @Test
    void aFragmentJoinedToTheNetworkBecomesTheWayInOfAPointNearAnotherFragment() {
        // a point 100 m from one fragment, 300 m from another and 1 km from the network
        // (a spur makes the network's vertex the new road joins a junction already: the network's edges stay as they
        // are, kept)
        List<Road> roads = List.of(RoadGraphTest.road("main", "primary", 84.00, 28.00, 84.03, 28.00, 84.20, 28.00),
                RoadGraphTest.road("spur", "primary", 84.03, 28.00, 84.03, 27.99),
                RoadGraphTest.road("near", "track", 84.049, 28.0099, 84.051, 28.0099),
                RoadGraphTest.road("farther", "track", 84.03, 28.0063, 84.07, 28.0063));
        RoadGraph was = RoadGraph.build(roads, SpeedProfile.defaults());
        double[] p = {84.05, 28.009};
        Snap before = snap(was, p);
        assertThat(before.onFragment()).isTrue();
        assertThat(before.network().offRoadMetres()).isCloseTo(1000, org.assertj.core.api.Assertions.within(5.0));
        // a new road joins the farther fragment to the network, 2 km west of the point
        List<Road> all = new ArrayList<>(roads);
        all.add(link("link", new Coordinate(84.03, 28.0063), new Coordinate(84.03, 28.00)));
        RoadGraph now = RoadGraph.build(all, SpeedProfile.defaults());
        Snap fresh = snap(now, p);
        assertThat(fresh.network().offRoadMetres()).isCloseTo(300, org.assertj.core.api.Assertions.within(5.0));
        assertThat(describe(now.joinedFrom(was).carry(before))).isEqualTo(describe(fresh));
    }

    @Test
    void nothingCarriesOverWhenTheRoadsBeforeAreNotTheFirst() throws Exception {
        List<Road> roads = PokharaLayers.read().get(Layer.ROADS).stream().map(f -> (Road) f.feature()).toList();
        RoadGraph was = RoadGraph.build(roads, SpeedProfile.defaults());
        List<Road> first = new ArrayList<>(links(roads, new Random(4)));
        first.addAll(roads);
        assertThat(RoadGraph.build(first, SpeedProfile.defaults()).joinedFrom(was)).isNull();
        assertThat(RoadGraph.build(roads.subList(1, roads.size()), SpeedProfile.defaults()).joinedFrom(was))
                .isNull();
    }

    /**
     * Three new roads: from a vertex midway along a road to a point 800 m off (a chain split), on from a road's last
     * vertex (a chain continued or a junction made), and between vertices of two roads.
     */
    private static List<Road> links(List<Road> roads, Random random) {
        Coordinate[] a = roads.get(random.nextInt(roads.size())).geometry().getCoordinates();
        Coordinate[] b = roads.get(random.nextInt(roads.size())).geometry().getCoordinates();
        Coordinate[] c = roads.get(random.nextInt(roads.size())).geometry().getCoordinates();
        Coordinate mid = a[a.length / 2];
        Coordinate end = b[b.length - 1];
        return List.of(link("link-1", mid, new Coordinate(mid.x + 0.006, mid.y + 0.004)),
                link("link-2", end, new Coordinate(end.x - 0.004, end.y + 0.003)),
                link("link-3", b[0], c[c.length / 2]));
    }

    /**
     * A new road from a node of the first fragment (a piece of road not joined to the main network) to the nearest
     * node of the network.
     */
    private static Road fragmentJoined(RoadGraph g) {
        int from = -1;
        for (int e = 0; e < g.edgeCount() && from < 0; e++) {
            if (g.onFragment(e)) {
                from = g.edgeSource(e);
            }
        }
        assertThat(from).as("a fragment in the extract").isNotNegative();
        int to = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int e = 0; e < g.edgeCount(); e++) {
            int n = g.edgeSource(e);
            double d = Math.hypot(g.nodeLon(n) - g.nodeLon(from), g.nodeLat(n) - g.nodeLat(from));
            if (!g.onFragment(e) && d < best) {
                best = d;
                to = n;
            }
        }
        return link("link-fragment", new Coordinate(g.nodeLon(from), g.nodeLat(from)),
                new Coordinate(g.nodeLon(to), g.nodeLat(to)));
    }

    private static Road link(String id, Coordinate... line) {
        return new Road(id, "tertiary", null, Road.Paving.PAVED, true, true, null, null,
                GF.createLineString(line), Map.of());
    }

    private static Snap snap(RoadGraph g, double[] p) {
        Snap s = g.snap(p[0], p[1]);
        return s != null ? s : Snap.offNetwork(p[0], p[1]);
    }

    /** Everything a snap says, the entry into the main network too. */
    private static String describe(Snap s) {
        return s == null ? "null" : s.onNetwork() ? s.edge() + " " + s.fraction() + " " + s.offRoadMetres() + " "
                + s.offRoadSeconds() + " " + s.footLon() + " " + s.footLat() + " " + s.componentMetres() + " "
                + s.onFragment() + " [" + describe(s.network()) + "]" : "off " + s.lon() + " " + s.lat();
    }
}
