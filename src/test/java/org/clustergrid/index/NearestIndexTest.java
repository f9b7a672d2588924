package org.clustergrid.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.clustergrid.geo.Geodesic;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTReader;

/** Small cases with known answers, and a brute-force check of the tree search; the PostGIS check is separate. */
class NearestIndexTest {
    static final GeometryFactory GF = new GeometryFactory();

    static Geometry wkt(String s) throws Exception {
        return new WKTReader(GF).read(s);
    }

    static Point point(double x, double y) {
        return GF.createPoint(new Coordinate(x, y));
    }

    @Test
    void karneyDistanceOfKnownPairs() {
        // one degree of latitude at the equator and of longitude along it on WGS84
        assertThat(Geodesic.distance(0, 0, 0, 1)).isCloseTo(110574.389, within(0.001));
        assertThat(Geodesic.distance(0, 0, 1, 0)).isCloseTo(111319.491, within(0.001));
        // nearly antipodal points, where Vincenty fails to converge
        assertThat(Geodesic.distance(0, 0, 179.5, 0.5)).isCloseTo(19936288.579, within(0.001));
    }

    @Test
    void sphericalWithinIsTheGreatCircleDistanceAndFindsTheSameItems() {
        Random random = new Random(11);
        List<Geometry> points = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            points.add(point(84 + random.nextDouble() * 0.4, 28 + random.nextDouble() * 0.4));
        }
        NearestIndex<Geometry> index = NearestIndex.build(points, g -> g);
        Geometry q = point(84.2, 28.2);
        List<Nearest<Geometry>> sphere = index.within(q, 10_000, false);
        List<Nearest<Geometry>> ellipsoid = index.within(q, 10_000);
        for (Nearest<Geometry> n : sphere) {
            Coordinate c = n.item().getCoordinate();
            assertThat(n.metres()).isCloseTo(Geodesic.sphereDistance(84.2, 28.2, c.x, c.y), within(1e-6));
            assertThat(n.metres()).isCloseTo(Geodesic.distance(84.2, 28.2, c.x, c.y), within(n.metres() * 0.005));
        }
        // the two differ only for items within 0.5 % of the radius from its edge
        assertThat(Math.abs(sphere.size() - ellipsoid.size())).isLessThanOrEqualTo(
                (int) ellipsoid.stream().filter(n -> n.metres() > 9_950).count() + 2);
        assertThat(sphere.size()).isGreaterThan(300);
    }

    @Test
    void emptyIndexFindsNothing() {
        NearestIndex<String> index = NearestIndex.build(List.of(), s -> null);
        assertThat(index.isEmpty()).isTrue();
        assertThat(index.nearest(point(84, 28))).isEmpty();
        assertThat(index.within(point(84, 28), 1000)).isEmpty();
        assertThat(index.lineLengthWithin(point(84, 28), 1000)).isZero();
    }

    @Test
    void pointOnMeridianLineAndInsidePolygon() throws Exception {
        Geometry line = wkt("LINESTRING (84 28, 84 29)");
        Geometry square = wkt("POLYGON ((85 28, 85.1 28, 85.1 28.1, 85 28.1, 85 28))");
        NearestIndex<Geometry> index = NearestIndex.build(List.of(line, square), g -> g);
        Nearest<Geometry> n = index.nearest(point(84.01, 28.5)).orElseThrow();
        assertThat(n.item()).isSameAs(line);
        assertThat(n.metres()).isCloseTo(Geodesic.distance(84.01, 28.5, n.closest().x, n.closest().y), within(1e-6));
        assertThat(n.closest().x).isCloseTo(84, within(1e-9));
        assertThat(n.metres()).isCloseTo(979.04, within(0.01)); // 0.01° of longitude at 28.5° N on WGS84

        Nearest<Geometry> inside = index.nearest(point(85.05, 28.05)).orElseThrow();
        assertThat(inside.item()).isSameAs(square);
        assertThat(inside.metres()).isZero();
        assertThat(index.nearest(wkt("POLYGON ((84.5 28.5, 84.6 28.5, 84.6 28.6, 84.5 28.5))")).orElseThrow().item())
                .isSameAs(line);
    }

    @Test
    void lengthWithinAFullyCoveredLineIsItsLength() throws Exception {
        Geometry line = wkt("LINESTRING (84 28, 84.001 28.001, 84.002 28)");
        NearestIndex<Geometry> index = NearestIndex.build(List.of(line), g -> g);
        double full = Geodesic.distance(84, 28, 84.001, 28.001) + Geodesic.distance(84.001, 28.001, 84.002, 28);
        // measured in the tangent plane up to 20 km: within 10 ppm of the geodesic length
        assertThat(index.lineLengthWithin(point(84.001, 28), 1000)).isCloseTo(full, within(full * 1e-5));
        // a straight east-west line through the centre: the inside part is about the diameter
        NearestIndex<Geometry> eastWest = NearestIndex.build(List.of(wkt("LINESTRING (83.9 28, 84.1 28)")), g -> g);
        assertThat(eastWest.lineLengthWithin(point(84, 28), 2000)).isCloseTo(4000, within(1.0));
    }

    @Test
    void treeSearchEqualsBruteForceAndIsThreadSafe() {
        Random random = new Random(7);
        List<Geometry> lines = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            double x = 84 + random.nextDouble();
            double y = 28 + random.nextDouble();
            lines.add(GF.createLineString(new Coordinate[] {new Coordinate(x, y),
                new Coordinate(x + random.nextGaussian() * 0.01, y + random.nextGaussian() * 0.01),
                new Coordinate(x + random.nextGaussian() * 0.01, y + random.nextGaussian() * 0.01)}));
        }
        NearestIndex<Geometry> index = NearestIndex.build(lines, g -> g);
        List<Point> queries = IntStream.range(0, 300)
                .mapToObj(i -> point(83.9 + random.nextDouble() * 1.2, 27.9 + random.nextDouble() * 1.2)).toList();
        List<NearestIndex<Geometry>> single = lines.stream().map(l -> NearestIndex.build(List.of(l), g -> g)).toList();
        List<Double> parallel = queries.parallelStream().map(q -> index.nearest(q).orElseThrow().metres()).toList();
        for (int i = 0; i < queries.size(); i++) {
            Point q = queries.get(i);
            double brute = Double.POSITIVE_INFINITY;
            for (NearestIndex<Geometry> one : single) {
                brute = Math.min(brute, one.nearest(q).orElseThrow().metres());
            }
            assertThat(parallel.get(i)).isEqualTo(brute);
            List<Nearest<Geometry>> near = index.within(q, 3000);
            assertThat(near).allMatch(n -> n.metres() <= 3000);
            assertThat(near.isEmpty() || near.get(0).metres() == brute).isTrue();
        }
    }

    @Test
    void nearestWithinARadiusIsTheNearestWhenThatNearElseNothing() throws Exception {
        Random random = new Random(11);
        List<Geometry> items = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            double x = 84 + random.nextDouble() * 0.5;
            double y = 28 + random.nextDouble() * 0.5;
            items.add(i % 5 == 0 ? point(x, y) : GF.createLineString(new Coordinate[] {new Coordinate(x, y),
                new Coordinate(x + random.nextGaussian() * 0.02, y + random.nextGaussian() * 0.02)}));
        }
        items.add(wkt("POLYGON ((84.6 28.6, 84.7 28.6, 84.7 28.7, 84.6 28.7, 84.6 28.6))"));
        NearestIndex<Geometry> index = NearestIndex.build(items, g -> g);
        NearestIndex<Geometry> plus = NearestIndex.build(items.subList(0, 200), g -> g)
                .plus(items.subList(200, items.size()), g -> g);
        int within = 0;
        for (int i = 0; i < 500; i++) {
            Geometry q = i % 4 == 0 ? wkt(String.format(java.util.Locale.ROOT,
                    "POLYGON ((%1$f %2$f, %3$f %2$f, %3$f %4$f, %1$f %2$f))", 83.9 + random.nextDouble() * 0.9,
                    27.9 + random.nextDouble() * 0.9, 83.9 + random.nextDouble() * 0.9 + 0.005,
                    27.9 + random.nextDouble() * 0.9 + 0.005)).convexHull()
                    : point(83.9 + random.nextDouble() * 0.9, 27.9 + random.nextDouble() * 0.9);
            Nearest<Geometry> nearest = index.nearest(q).orElseThrow();
            double radius = random.nextDouble() * 8000;
            for (NearestIndex<Geometry> ix : List.of(index, plus)) {
                java.util.Optional<Nearest<Geometry>> bounded = ix.nearest(q, radius);
                if (nearest.metres() <= radius) {
                    assertThat(bounded).isPresent();
                    assertThat(bounded.get().item()).isSameAs(nearest.item());
                    assertThat(bounded.get().metres()).isEqualTo(nearest.metres());
                } else {
                    assertThat(bounded).isEmpty();
                }
            }
            within += nearest.metres() <= radius ? 1 : 0;
        }
        assertThat(within).as("both outcomes tried").isBetween(50, 450);
    }

    @Test
    void forEachWithinFindsWhatSphericalWithinFindsAtTheSameMetres() throws Exception {
        Random random = new Random(5);
        List<Geometry> points = new ArrayList<>();
        List<Geometry> mixed = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            double x = 84 + random.nextDouble() * 0.5;
            double y = 28 + random.nextDouble() * 0.5;
            points.add(point(x, y));
            mixed.add(switch (i % 3) {
                case 0 -> point(x, y);
                case 1 -> GF.createLineString(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + 0.01, y),
                    new Coordinate(x + 0.01, y + 0.01)});
                default -> wkt("POLYGON ((" + x + " " + y + ", " + (x + 0.02) + " " + y + ", " + (x + 0.02) + " "
                        + (y + 0.02) + ", " + x + " " + y + "))");
            });
        }
        List<Geometry> queries = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            double x = 84 + random.nextDouble() * 0.5;
            double y = 28 + random.nextDouble() * 0.5;
            queries.add(i % 2 == 0 ? point(x, y) : wkt("POLYGON ((" + x + " " + y + ", " + (x + 0.03) + " " + y
                    + ", " + (x + 0.03) + " " + (y + 0.03) + ", " + x + " " + (y + 0.03) + ", " + x + " " + y + "))"));
        }
        for (List<Geometry> items : List.of(points, mixed)) {
            NearestIndex<Geometry> index = NearestIndex.build(items, g -> g);
            for (Geometry q : queries) {
                Map<Geometry, Double> expected = new HashMap<>();
                index.within(q, 8_000, false).forEach(n -> expected.put(n.item(), n.metres()));
                Map<Geometry, Double> found = new HashMap<>();
                index.forEachWithin(q, 8_000, (item, metres) ->
                        assertThat(found.put(index.item(item), metres)).isNull());
                assertThat(found).isNotEmpty();
                if (q instanceof Point || items == points) {
                    assertThat(found).isEqualTo(expected);
                } else {
                    // a footprint's edges bulge beyond its box, so the best-first walk may meet a line or ring by a
                    // segment a few centimetres farther than its nearest; forEachWithin measures every one
                    assertThat(found.keySet()).isEqualTo(expected.keySet());
                    found.forEach((g, m) -> assertThat(m).isLessThanOrEqualTo(expected.get(g))
                            .isCloseTo(expected.get(g), within(0.1)));
                }
            }
        }
    }

    @Test
    void anIndexPlusItemsAnswersAsOneBuiltOverAll() throws Exception {
        Random random = new Random(5);
        List<Geometry> base = new ArrayList<>();
        List<Geometry> added = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            // points on a coarse lattice, so that many lie at the same distance from a query: ties to the first
            Geometry g = i % 3 == 0
                    ? wkt("LINESTRING (" + lattice(random) + ", " + lattice(random) + ")")
                    : point(84 + random.nextInt(40) * 0.01, 28 + random.nextInt(40) * 0.01);
            (i < 560 ? base : added).add(g);
        }
        added.add(base.get(7)); // the same geometry as an earlier item: the earlier one wins
        added.add(wkt("POLYGON ((84.1 28.1, 84.2 28.1, 84.2 28.2, 84.1 28.2, 84.1 28.1))"));
        List<Geometry> all = new ArrayList<>(base);
        all.addAll(added);
        NearestIndex<Geometry> built = NearestIndex.build(all, g -> g);
        NearestIndex<Geometry> plus = NearestIndex.build(base, g -> g).plus(added, g -> g);
        assertThat(plus.size()).isEqualTo(built.size());
        for (int q = 0; q < 300; q++) {
            double x = 84 + random.nextInt(80) * 0.005;
            double y = 28 + random.nextInt(80) * 0.005;
            // footprints too, which lines cross at 0 m along several of their segments
            Geometry at = q % 3 == 0 ? point(x, y) : wkt("POLYGON ((" + x + " " + y + ", " + (x + 0.02) + " " + y
                    + ", " + (x + 0.02) + " " + (y + 0.02) + ", " + x + " " + (y + 0.02) + ", " + x + " " + y + "))");
            assertThat(plus.nearest(at)).isEqualTo(built.nearest(at));
            assertThat(plus.within(at, 3_000)).isEqualTo(built.within(at, 3_000));
            Map<Integer, Double> a = new HashMap<>();
            Map<Integer, Double> b = new HashMap<>();
            plus.forEachWithin(at, 3_000, (item, m) -> a.put(item, m));
            built.forEachWithin(at, 3_000, (item, m) -> b.put(item, m));
            assertThat(a).isEqualTo(b);
            a.keySet().forEach(item -> assertThat(plus.item(item)).isSameAs(built.item(item)));
            // lengths within a radius too, to the bit: the same whole micrometres added in another order
            Point centre = point(x, y);
            assertThat(plus.lineLengthWithin(centre, 3_000)).isEqualTo(built.lineLengthWithin(centre, 3_000));
        }
    }

    @Test
    void aLengthWithinARadiusDoesNotDependOnTheTreesShape() throws Exception {
        Random random = new Random(9);
        List<Geometry> lines = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            lines.add(wkt("LINESTRING (" + (84 + random.nextDouble() * 0.3) + " " + (28 + random.nextDouble() * 0.3)
                    + ", " + (84 + random.nextDouble() * 0.3) + " " + (28 + random.nextDouble() * 0.3) + ")"));
        }
        NearestIndex<Geometry> index = NearestIndex.build(lines, g -> g);
        // one more line far away regroups the tree's nodes; within the radius nothing changed
        List<Geometry> more = new ArrayList<>(lines);
        more.add(wkt("LINESTRING (90 40, 90.1 40.1)"));
        NearestIndex<Geometry> regrouped = NearestIndex.build(more, g -> g);
        for (int q = 0; q < 200; q++) {
            Point at = point(84 + random.nextDouble() * 0.3, 28 + random.nextDouble() * 0.3);
            for (double radius : new double[] {2_000, 10_000, 25_000}) {
                assertThat(regrouped.lineLengthWithin(at, radius)).isEqualTo(index.lineLengthWithin(at, radius));
            }
        }
    }

    @Test
    void anIndexPlusItemsThatComeAmongItsOwnBreaksTiesInTheirOrder() throws Exception {
        Random random = new Random(8);
        List<Geometry> all = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            all.add(i % 2 == 0 ? wkt("LINESTRING (" + lattice(random) + ", " + lattice(random) + ")")
                    : point(84 + random.nextInt(40) * 0.01, 28 + random.nextInt(40) * 0.01));
        }
        // items are positions in the whole list; a tenth of them, spread through it, come later
        List<Integer> base = new ArrayList<>();
        List<Integer> added = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (random.nextInt(10) == 0 ? added : base).add(i);
        }
        NearestIndex<Integer> built = NearestIndex.build(IntStream.range(0, all.size()).boxed().toList(), all::get);
        NearestIndex<Integer> plus = NearestIndex.build(base, all::get).plus(added, all::get, i -> i);
        int ties = 0;
        for (int q = 0; q < 400; q++) {
            Geometry at = point(84 + random.nextInt(80) * 0.005, 28 + random.nextInt(80) * 0.005);
            assertThat(plus.nearest(at)).isEqualTo(built.nearest(at));
            List<Nearest<Integer>> within = built.within(at, 2_000);
            assertThat(plus.within(at, 2_000)).isEqualTo(within);
            for (int k = 1; k < within.size(); k++) {
                ties += within.get(k).metres() == within.get(k - 1).metres() ? 1 : 0;
            }
        }
        assertThat(ties).as("items at the same distance, where the order decides").isGreaterThan(20);
    }

    private static String lattice(Random random) {
        return (84 + random.nextInt(40) * 0.01) + " " + (28 + random.nextInt(40) * 0.01);
    }
}
