package org.clustergrid.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.clustergrid.geo.Geodesic;
import org.clustergrid.model.Road;
import org.clustergrid.model.Road.Paving;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/** Hand-made graphs: what merges, what is routable, how long and how slow edges are, where points snap. */
class RoadGraphTest {
    static final GeometryFactory GF = new GeometryFactory();
    static final SpeedProfile SPEEDS = SpeedProfile.defaults();

    static Road road(String id, String cls, Paving paving, boolean motorable, double... lonLat) {
        Coordinate[] cs = new Coordinate[lonLat.length / 2];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = new Coordinate(lonLat[2 * i], lonLat[2 * i + 1]);
        }
        return new Road(id, cls, null, paving, false, motorable, null, null, GF.createLineString(cs), Map.of());
    }

    static Road road(String id, String cls, double... lonLat) {
        return road(id, cls, Paving.PAVED, true, lonLat);
    }

    static Point point(double lon, double lat) {
        return GF.createPoint(new Coordinate(lon, lat));
    }

    static int nodeAt(RoadGraph g, double lon, double lat) {
        for (int n = 0; n < g.nodeCount(); n++) {
            if (g.nodeLon(n) == lon && g.nodeLat(n) == lat) {
                return n;
            }
        }
        throw new AssertionError("no node at " + lon + " " + lat);
    }

    @Test
    void geodesicLengthsMatchTheEllipsoid() {
        // WGS84 reference values: one degree along the equator (a·π/180) and along a meridian from 0 to 1° N
        assertThat(Geodesic.fastDistance(0, 0, 1, 0)).isCloseTo(111_319.4908, within(1e-3));
        assertThat(Geodesic.fastDistance(0, 0, 0, 1)).isCloseTo(110_574.3886, within(1e-3));
        // the tangent-plane shortcut for short spans agrees with the exact geodesic at Pokhara's latitude
        for (double d : new double[] {0.0001, 0.001, 0.01, 0.099}) {
            double plane = Geodesic.fastDistance(83.9, 28.2, 83.9 + d, 28.2 + d / 2);
            double exact = Geodesic.distance(83.9, 28.2, 83.9 + d, 28.2 + d / 2);
            assertThat(plane / exact - 1).as("span %s°", d).isCloseTo(0, within(1e-6));
        }
    }

    @Test
    void sharedVerticesJoinAndCrossingsWithoutOneDoNot() {
        RoadGraph g = RoadGraph.build(List.of(
                road("a", "primary", 0, 0, 0.01, 0, 0.02, 0),
                road("b", "primary", 0.01, -0.01, 0.01, 0), // ends on a's middle vertex: joined
                road("c", "primary", 0.015, -0.01, 0.015, 0.01)), // crosses a between vertices: a bridge, not joined
                SPEEDS);
        assertThat(g.nodeCount()).isEqualTo(3 + 1 + 2);
        assertThat(g.edgeCount()).isEqualTo(2 + 1 + 1);
        assertThat(g.segmentCount()).isEqualTo(4);
        TravelTimes t = TravelTimes.fromNodes(g, new int[] {nodeAt(g, 0, 0)});
        assertThat(t.seconds(nodeAt(g, 0.01, -0.01))).isFinite(); // b's far end, through the shared vertex
        assertThat(t.seconds(nodeAt(g, 0.015, -0.01))).isInfinite();
        assertThat(t.seconds(nodeAt(g, 0.015, 0.01))).isInfinite();
        assertThat(g.edgeRoadId(2)).isEqualTo("b");
    }

    @Test
    void chainsOfSegmentsBecomeOneEdgeBetweenJunctions() {
        // a road of 4 segments, and another joining it end to end at a different speed: one edge, two nodes
        RoadGraph g = RoadGraph.build(List.of(
                road("fast", "primary", 0, 0, 0.001, 0.001, 0.002, 0, 0.003, 0.001, 0.004, 0),
                road("slow", "track", 0.004, 0, 0.005, 0)), SPEEDS);
        assertThat(g.segmentCount()).isEqualTo(5);
        assertThat(g.nodeCount()).isEqualTo(2);
        assertThat(g.edgeCount()).isEqualTo(1);
        double fast = 0;
        for (int i = 0; i < 4; i++) {
            fast += Geodesic.fastDistance(i * 0.001, i % 2 * 0.001, (i + 1) * 0.001, (i + 1) % 2 * 0.001);
        }
        double slow = Geodesic.fastDistance(0.004, 0, 0.005, 0);
        assertThat(g.edgeMetres(0)).isCloseTo(fast + slow, within(1e-6));
        assertThat(g.edgeSeconds(0)).isCloseTo(fast / (40 / 3.6) + slow / (15 / 3.6), within(1e-6));
        // the fraction along the edge is a share of its time: the track's middle is well past the middle
        Snap mid = g.snap(point(0.0045, 0));
        double expected = (fast / (40 / 3.6) + slow / 2 / (15 / 3.6)) / g.edgeSeconds(0);
        assertThat(mid.fraction()).isCloseTo(expected, within(1e-9));
        assertThat(g.secondsToTarget(mid)).isCloseTo(slow / 2 / (15 / 3.6), within(1e-6));
    }

    @Test
    void onlyMotorableRoadsAreRouted() {
        RoadGraph g = RoadGraph.build(List.of(
                road("r", "residential", 0, 0, 0.01, 0),
                road("f", "footway", Paving.PAVED, false, 0.01, 0, 0.02, 0)), SPEEDS);
        assertThat(g.edgeCount()).isEqualTo(1);
    }

    @Test
    void secondsAreGeodesicLengthOverClassSpeedAndUnpavedIsSlower() {
        RoadGraph g = RoadGraph.build(List.of(
                road("paved", "secondary", Paving.PAVED, true, 0, 0, 0.01, 0),
                road("earth", "secondary", Paving.UNPAVED, true, 0, 1, 0.01, 1),
                road("unknown", "secondary", Paving.UNKNOWN, true, 0, 2, 0.01, 2),
                road("link", "trunk_link", Paving.PAVED, true, 0, 3, 0.01, 3)), SPEEDS);
        double metres = Geodesic.fastDistance(0, 0, 0.01, 0);
        assertThat(g.edgeMetres(0)).isCloseTo(1113.195, within(1e-3));
        assertThat(g.edgeSeconds(0)).isCloseTo(metres / (30 / 3.6), within(1e-9));
        assertThat(g.edgeSeconds(1) / g.edgeMetres(1)).isCloseTo(3.6 / (30 * 0.6), within(1e-12));
        assertThat(g.edgeSeconds(2) / g.edgeMetres(2)).isCloseTo(3.6 / 30, within(1e-12)); // unknown: not slowed
        assertThat(g.edgeSeconds(3) / g.edgeMetres(3)).isCloseTo(3.6 / 40, within(1e-12)); // a link as its parent
    }

    @Test
    void snapsOntoTheMiddleOfAnEdge() {
        RoadGraph g = RoadGraph.build(List.of(
                road("ab", "primary", 0, 0, 0.02, 0),
                road("far", "primary", 0, 0.05, 0.02, 0.05)), SPEEDS);
        Snap s = g.snap(point(0.005, 0.001));
        assertThat(s.edge()).isEqualTo(0);
        assertThat(s.fraction()).isCloseTo(0.25, within(1e-9));
        assertThat(s.footLon()).isCloseTo(0.005, within(1e-12));
        assertThat(s.footLat()).isCloseTo(0, within(1e-12));
        assertThat(s.offRoadMetres()).isCloseTo(Geodesic.fastDistance(0.005, 0.001, 0.005, 0), within(1e-6));
        assertThat(s.offRoadSeconds()).isCloseTo(s.offRoadMetres() / (5 / 3.6), within(1e-9));
        // a point kilometres away from every road is still snapped, to the nearest one
        assertThat(g.snap(point(0.01, 0.2)).edge()).isEqualTo(1);
        assertThat(g.snap(point(-0.3, -0.004)).fraction()).isZero();
    }

    @Test
    void emptyGraphSnapsToNothing() {
        RoadGraph g = RoadGraph.build(List.of(), SPEEDS);
        assertThat(g.snap(point(0, 0))).isNull();
        assertThat(TravelTimes.fromSources(g, List.of(point(0, 0))).secondsTo(point(1, 1))).isInfinite();
    }

    @Test
    void profileIsValidated() {
        assertThatThrownBy(() -> new SpeedProfile(Map.of("primary", -1.0), 20, 0.6, 5, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("primary");
        assertThatThrownBy(() -> new SpeedProfile(Map.of(), 20, 0, 5, true))
                .hasMessageContaining("unpavedFactor");
        assertThatThrownBy(() -> new SpeedProfile(Map.of(), 20, 0.6, Double.NaN, true))
                .hasMessageContaining("offRoadKmh");
        assertThat(SPEEDS.kmh("motorway_link", Paving.UNKNOWN)).isEqualTo(50);
        assertThat(SPEEDS.kmh("living_street", Paving.UNPAVED)).isEqualTo(12);
        assertThat(SPEEDS.kmh("Track", Paving.PAVED)).isEqualTo(15);
    }

    static Road tagged(String id, Map<String, Object> tags, double... lonLat) {
        Road r = road(id, "primary", lonLat);
        return new Road(id, "primary", null, Paving.PAVED, true, true, null, null, r.geometry(), tags);
    }

    static final double WALK = 5 / 3.6;
    static final double PRIMARY = 40 / 3.6;

    @Test
    void townNextToMainNetworkIsNotStrandedOnAFragment() {
        // a 22 km main road, and a 111 m stub of road 20 m from the town, joined to nothing
        RoadGraph g = RoadGraph.build(List.of(
                road("main", "primary", 0, 0, 0.2, 0),
                road("stub", "primary", 0.05, 0.0005, 0.051, 0.0005)), SPEEDS);
        Snap town = g.snap(point(0.0505, 0.00032));
        assertThat(town.onFragment()).isTrue();
        assertThat(town.componentMetres()).isCloseTo(111.3, within(0.1));
        assertThat(g.edgeRoadId(town.edge())).isEqualTo("stub");
        Snap main = town.network();
        assertThat(main).isNotNull();
        assertThat(main.onFragment()).isFalse();
        assertThat(g.edgeRoadId(main.edge())).isEqualTo("main");
        assertThat(main.offRoadMetres()).isCloseTo(Geodesic.fastDistance(0.0505, 0.00032, 0.0505, 0), within(1e-6));

        TravelTimes market = TravelTimes.fromSources(g, List.of(point(0.2, 0.0003)));
        double expected = main.offRoadSeconds() + Geodesic.fastDistance(0.0505, 0, 0.2, 0) / PRIMARY
                + Geodesic.fastDistance(0.2, 0, 0.2, 0.0003) / WALK;
        TravelTimes.Arrival a = market.arrivalAt(town);
        assertThat(a.reachable()).isTrue();
        assertThat(a.onFoot()).isFalse();
        assertThat(a.seconds()).isCloseTo(expected, within(1e-6));

        // a place on the fragment itself is still reached over it, quicker than walking straight there
        Snap onStub = g.snap(point(0.0509, 0.0006));
        TravelTimes.Arrival viaStub = TravelTimes.fromSnaps(g, new Snap[] {onStub}).arrivalAt(town);
        assertThat(viaStub.onFoot()).isFalse();
        assertThat(viaStub.seconds()).isCloseTo(g.secondsAlong(town, onStub), within(1e-9))
                .isLessThan(Geodesic.fastDistance(0.0505, 0.00032, 0.0509, 0.0006) / WALK);
        // a point on the main road is on no fragment and has no second entry
        assertThat(g.snap(point(0.1, 0.0001)).onFragment()).isFalse();
        assertThat(g.snap(point(0.1, 0.0001)).network()).isNull();
    }

    @Test
    void marketAcrossTheFieldIsReachedOnFoot() {
        RoadGraph g = RoadGraph.build(List.of(road("main", "primary", 0, 0, 0.2, 0)), SPEEDS);
        // 48.7 km north of the road, the market 33 m east across a field
        Snap cluster = g.snap(point(0.1, 0.44));
        assertThat(cluster.onNetwork()).isTrue();
        double walk = Geodesic.fastDistance(0.1, 0.44, 0.1003, 0.44) / WALK;
        TravelTimes.Arrival a = TravelTimes.fromSources(g, List.of(point(0.1003, 0.44))).arrivalAt(cluster);
        assertThat(a.onFoot()).isTrue();
        assertThat(a.source()).isZero();
        assertThat(a.seconds()).isCloseTo(walk, within(1e-9)).isLessThan(30);
        BoundedSearch search = new BoundedSearch(g);
        search.run(cluster, 3600);
        assertThat(search.secondsTo(g.snap(point(0.1003, 0.44)))).isCloseTo(walk, within(1e-9));

        // 55 km from the road: off the network, yet the market next door is a walk away
        assertThat(g.snap(point(0.1, 0.5))).isNull();
        Snap off = Snap.offNetwork(0.1, 0.5);
        TravelTimes.Arrival far = TravelTimes.fromSources(g, List.of(point(0.1003, 0.5))).arrivalAt(off);
        assertThat(far.onFoot()).isTrue();
        assertThat(far.seconds()).isCloseTo(Geodesic.fastDistance(0.1, 0.5, 0.1003, 0.5) / WALK, within(1e-9));
        // but not one beyond the off-road limit, and a road trip wins when it is quicker than walking
        assertThat(TravelTimes.fromSources(g, List.of(point(0.1, 0.001))).arrivalAt(off).reachable()).isFalse();
        Snap nearRoad = g.snap(point(0.01, 0.0001));
        TravelTimes.Arrival byRoad = TravelTimes.fromSources(g, List.of(point(0.03, 0.0001))).arrivalAt(nearRoad);
        assertThat(byRoad.onFoot()).isFalse();
    }

    @Test
    void oneWayStreetIsDrivenOnlyForwards() {
        // a one-way street from A (0, 0) to B (0.01, 0), and a two-way loop back from B to A three times as long
        Road loop = road("loop", "primary", 0.01, 0, 0.01, 0.01, 0, 0.01, 0, 0);
        List<List<Road>> sameStreet = List.of(
                List.of(tagged("yes", Map.of("oneway", "yes"), 0, 0, 0.01, 0), loop),
                List.of(tagged("true", Map.of("oneway", "true"), 0, 0, 0.01, 0), loop),
                List.of(tagged("minus", Map.of("oneway", "-1"), 0.01, 0, 0, 0), loop), // drawn B → A, driven A → B
                List.of(tagged("roundabout", Map.of("junction", "roundabout"), 0, 0, 0.01, 0), loop));
        double street = Geodesic.fastDistance(0.001, 0, 0.009, 0) / PRIMARY;
        double around = (Geodesic.fastDistance(0.009, 0, 0.01, 0) + Geodesic.fastDistance(0.01, 0, 0.01, 0.01)
                + Geodesic.fastDistance(0.01, 0.01, 0, 0.01) + Geodesic.fastDistance(0, 0.01, 0, 0)
                + Geodesic.fastDistance(0, 0, 0.001, 0)) / PRIMARY;
        double legs = 2 * Geodesic.fastDistance(0, 0, 0, 0.0001) / WALK;
        for (List<Road> roads : sameStreet) {
            RoadGraph g = RoadGraph.build(roads, SPEEDS);
            Snap nearA = g.snap(point(0.001, -0.0001)), nearB = g.snap(point(0.009, -0.0001));
            // to a market ahead along the street, and to one behind: round the loop
            assertThat(TravelTimes.fromSnaps(g, new Snap[] {nearB}).arrivalAt(nearA).seconds())
                    .as(roads.get(0).id()).isCloseTo(street + legs, within(1e-6));
            assertThat(TravelTimes.fromSnaps(g, new Snap[] {nearA}).arrivalAt(nearB).seconds())
                    .as(roads.get(0).id()).isCloseTo(around + legs, within(1e-6));
            // the same both ways in an outward search from the cluster
            BoundedSearch out = new BoundedSearch(g);
            out.run(nearA, 3600);
            assertThat(out.secondsTo(nearB)).isCloseTo(street + legs, within(1e-6));
            out.run(nearB, 3600);
            assertThat(out.secondsTo(nearA)).isCloseTo(around + legs, within(1e-6));
        }
        RoadGraph twoWay = RoadGraph.build(List.of(tagged("no", Map.of("oneway", "no"), 0, 0, 0.01, 0), loop), SPEEDS);
        Snap nearA = twoWay.snap(point(0.001, -0.0001)), nearB = twoWay.snap(point(0.009, -0.0001));
        assertThat(TravelTimes.fromSnaps(twoWay, new Snap[] {nearA}).arrivalAt(nearB).seconds())
                .isCloseTo(street + legs, within(1e-6));
    }

    @Test
    void oneWayAndTwoWayRoadsJoinedEndToEndAreSeparateEdges() {
        RoadGraph g = RoadGraph.build(List.of(
                tagged("one", Map.of("oneway", "yes"), 0, 0, 0.01, 0),
                road("two", "primary", 0.01, 0, 0.02, 0)), SPEEDS);
        assertThat(g.edgeCount()).isEqualTo(2);
        assertThat(g.edgeForward(0) != g.edgeBackward(0) || g.edgeForward(1) != g.edgeBackward(1)).isTrue();
        RoadGraph same = RoadGraph.build(List.of(
                tagged("one", Map.of("oneway", "yes"), 0, 0, 0.01, 0),
                tagged("more", Map.of("oneway", "-1"), 0.02, 0, 0.01, 0)), SPEEDS); // drawn back, driven on
        assertThat(same.edgeCount()).isEqualTo(1);
    }

    @Test
    void farPointsSnapInBoundedTime() {
        // a city of 61 × 61 streets 220 m apart, and a village 2° away that stretches the grid's extent
        List<Road> roads = new java.util.ArrayList<>();
        for (int i = 0; i <= 60; i++) {
            double[] ew = new double[122], ns = new double[122];
            for (int k = 0; k <= 60; k++) {
                ew[2 * k] = 0.002 * k;
                ew[2 * k + 1] = 0.002 * i;
                ns[2 * k] = 0.002 * i;
                ns[2 * k + 1] = 0.002 * k;
            }
            roads.add(road("ew" + i, "residential", ew));
            roads.add(road("ns" + i, "residential", ns));
        }
        roads.add(road("village", "residential", 2, 2, 2.01, 2.01));
        RoadGraph g = RoadGraph.build(roads, SPEEDS);
        java.util.Random random = new java.util.Random(5);
        int nearMax = 0, reachMax = 0, beyondMax = 0;
        for (int i = 0; i < 200; i++) {
            double lon = 0.12 * random.nextDouble(), lat = 0.12 * random.nextDouble();
            nearMax = Math.max(nearMax, g.snapWork(lon, lat));
            // 15–45 km east of the city: within reach, across empty country
            double farLon = 0.12 + 0.135 + 0.27 * random.nextDouble();
            reachMax = Math.max(reachMax, g.snapWork(farLon, lat));
            assertThat(g.snap(farLon, lat).offRoadMetres()).isCloseTo(bruteForceMetres(roads, farLon, lat), within(0.5));
            // in the middle of the extent, beyond reach of both
            double midLon = 0.8 + 0.4 * random.nextDouble(), midLat = 0.8 + 0.4 * random.nextDouble();
            assertThat(g.snap(midLon, midLat)).isNull();
            beyondMax = Math.max(beyondMax, g.snapWork(midLon, midLat));
        }
        System.out.printf("snap work (cells looked up + segments measured): near %d, 15-45 km off %d, beyond %d%n",
                nearMax, reachMax, beyondMax);
        assertThat(beyondMax).isEqualTo(1); // one bit of the reach mask
        // coarse cells are 8.9 km: a few rings of them, entering only the cells nearer than the best segment (measured
        // 343); rings of 250 m cells out to 45 km would look up some 100,000 cells
        assertThat(reachMax).isLessThan(600);
        assertThat(nearMax).isLessThan(400);
    }

    /** Distance to the nearest road over every segment, in the tangent plane at the point as the snap measures. */
    private static double bruteForceMetres(List<Road> roads, double lon, double lat) {
        double kx = Geodesic.metresPerDegreeLon(lat), ky = Geodesic.metresPerDegreeLat(lat), best = Double.MAX_VALUE;
        double bestLon = 0, bestLat = 0;
        for (Road r : roads) {
            Coordinate[] cs = r.geometry().getCoordinates();
            for (int k = 1; k < cs.length; k++) {
                double ax = (cs[k - 1].x - lon) * kx, ay = (cs[k - 1].y - lat) * ky;
                double dx = (cs[k].x - lon) * kx - ax, dy = (cs[k].y - lat) * ky - ay;
                double f = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)));
                double d = Math.hypot(ax + f * dx, ay + f * dy);
                if (d < best) {
                    best = d;
                    bestLon = cs[k - 1].x + f * (cs[k].x - cs[k - 1].x);
                    bestLat = cs[k - 1].y + f * (cs[k].y - cs[k - 1].y);
                }
            }
        }
        return Geodesic.fastDistance(lon, lat, bestLon, bestLat);
    }

    @Test
    void otherSpeedsGiveWhatABuildOfTheUpgradedRoadsGives() {
        // streets of several vertices (chains through degree-2 vertices), some one-way, some unpaved; a random third
        // of them paved: every time the derived graph holds equals, to the bit, what a build of the new roads gives
        java.util.Random rnd = new java.util.Random(5);
        java.util.List<Road> roads = new java.util.ArrayList<>();
        int n = 10;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = i / 100.0;
                double y = j / 100.0;
                Paving paving = rnd.nextBoolean() ? Paving.UNPAVED : Paving.PAVED;
                Map<String, Object> tags = rnd.nextInt(5) == 0 ? Map.of("oneway", "yes") : Map.of();
                if (i + 1 < n) {
                    roads.add(new Road("h" + i + "_" + j, "tertiary", null, paving, false, true, null, null,
                            GF.createLineString(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + 0.003, y
                                    + 0.001), new Coordinate(x + 0.007, y), new Coordinate((i + 1) / 100.0, y)}), tags));
                }
                if (j + 1 < n && rnd.nextInt(3) > 0) {
                    roads.add(road("v" + i + "_" + j, "track", paving, true, x, y, x + 0.002, y + 0.005, x,
                            (j + 1) / 100.0));
                }
            }
        }
        RoadGraph before = RoadGraph.build(roads, SPEEDS);
        Map<String, Double> speeds = new java.util.HashMap<>();
        java.util.List<Road> upgraded = new java.util.ArrayList<>();
        for (Road r : roads) {
            if (r.paving() == Paving.UNPAVED && rnd.nextInt(3) == 0) {
                Road paved = new Road(r.id(), r.roadClass(), "asphalt", Paving.PAVED, true, true, null, null,
                        r.geometry(), r.attributes());
                speeds.put(r.id(), SPEEDS.metresPerSecond(paved.roadClass(), paved.paving()));
                upgraded.add(paved);
            } else {
                upgraded.add(r);
            }
        }
        assertThat(speeds).hasSizeGreaterThan(10);
        RoadGraph derived = before.withSpeeds(speeds);
        RoadGraph built = RoadGraph.build(upgraded, SPEEDS);
        assertThat(derived.edgeCount()).isEqualTo(built.edgeCount());
        int changed = 0;
        for (int e = 0; e < built.edgeCount(); e++) {
            assertThat(derived.edgeSeconds(e)).as("edge %d", e).isEqualTo(built.edgeSeconds(e));
            changed += derived.edgeSeconds(e) != before.edgeSeconds(e) ? 1 : 0;
        }
        assertThat(changed).isPositive();
        for (int sg = 0; sg < built.segmentCount(); sg++) {
            assertThat(derived.fractionAlong(sg, 0.25)).as("segment %d", sg).isEqualTo(built.fractionAlong(sg, 0.25));
        }
        for (RoadGraph.Direction d : RoadGraph.Direction.values()) {
            assertThat(derived.arcs(d).seconds()).isEqualTo(built.arcs(d).seconds());
            assertThat(derived.arcs(d).targets()).isEqualTo(built.arcs(d).targets());
        }
        // and the travel times through them
        for (int k = 0; k < 50; k++) {
            Point from = point(rnd.nextDouble() * 0.09, rnd.nextDouble() * 0.09);
            Point to = point(rnd.nextDouble() * 0.09, rnd.nextDouble() * 0.09);
            BoundedSearch a = new BoundedSearch(derived);
            BoundedSearch b = new BoundedSearch(built);
            a.run(from, 7200);
            b.run(from, 7200);
            assertThat(a.secondsTo(derived.snap(to))).isEqualTo(b.secondsTo(built.snap(to)));
        }
    }
}
