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
}
