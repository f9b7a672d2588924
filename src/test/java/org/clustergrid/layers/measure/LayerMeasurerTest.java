package org.clustergrid.layers.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.clustergrid.layers.measure.TestLayers.METRES_PER_DEGREE_ON_EQUATOR;
import static org.clustergrid.layers.measure.TestLayers.box;
import static org.clustergrid.layers.measure.TestLayers.pt;

import java.util.List;
import org.clustergrid.filter.Cql2Text;
import org.clustergrid.layers.GeometryKind;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** Each measure on the hand-built layers of {@link TestLayers}, the expected values worked out apart from the index. */
class LayerMeasurerTest {
    static final double DEG = METRES_PER_DEGREE_ON_EQUATOR;
    static final Measure NEAREST = new Measure(MeasureKind.NEAREST, "health_posts", null, null, null, null);
    static final Measure NEAREST_PROTECTED = new Measure(MeasureKind.NEAREST, "health_posts", "protected = true",
            Cql2Text.parse("protected = true"), null, null);
    static final Measure COUNT_2KM = new Measure(MeasureKind.COUNT_WITHIN, "health_posts", null, null, null, 2000.0);
    static final Measure BEDS_2KM = new Measure(MeasureKind.SUM_WITHIN, "health_posts", null, null, "beds", 2000.0);
    static final Measure BEDS_5KM = new Measure(MeasureKind.SUM_WITHIN, "health_posts", null, null, "beds", 5000.0);
    static final Measure POVERTY = new Measure(MeasureKind.CONTAINING_VALUE, "districts", null, null, "poverty", null);
    static final Measure FLOODED = new Measure(MeasureKind.CONTAINING_VALUE, "districts", null, null, "flooded", null);
    static final Measure NEAREST_DISTRICT = new Measure(MeasureKind.NEAREST, "districts", null, null, null, null);

    final TestLayers layers = TestLayers.standard();
    final LayerMeasurer m = new LayerMeasurer(layers, List.of(NEAREST, NEAREST_PROTECTED, COUNT_2KM, BEDS_2KM,
            BEDS_5KM, POVERTY, FLOODED, NEAREST_DISTRICT));

    /** Geodesic distance by GeographicLib itself, not through the index. */
    static double geodesic(double lon1, double lat1, double lon2, double lat2) {
        return net.sf.geographiclib.Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2).s12;
    }

    @Test
    void eachLayerAndFilterIsReadOncePerRun() {
        assertThat(layers.reads).isEqualTo(3); // posts, protected posts, districts
    }

    @Test
    void nearestFeatureWithItsFidAndDistance() {
        Measurement a = m.measure(NEAREST, pt(0.01, 0));
        assertThat(a.value()).isCloseTo(0.01 * DEG, within(1e-6)); // post 1, 1,113.195 m along the equator
        assertThat(a.feature().id()).isEqualTo("1");
        assertThat(a.feature().name()).isEqualTo("Post one");
        assertThat(a.metres()).isEqualTo(a.value());
        assertThat(a.to()).isEqualTo(new Coordinate(0, 0));
        // the filter keeps the protected posts: from 0.03 the nearest is post 3 at 0.02°, not post 2 at 0.005°
        assertThat(m.measure(NEAREST, pt(0.03, 0)).feature().id()).isEqualTo("2");
        Measurement p = m.measure(NEAREST_PROTECTED, pt(0.03, 0));
        assertThat(p.feature().id()).isEqualTo("3");
        assertThat(p.value()).isCloseTo(0.02 * DEG, within(1e-6));
    }

    @Test
    void aPolygonFootprintMeasuresFromItsNearestPoint() {
        Measurement a = m.measure(NEAREST, box(0.005, 0, 0.008, 0.002));
        assertThat(a.value()).isCloseTo(0.005 * DEG, within(1e-6));
        assertThat(a.from()).isEqualTo(new Coordinate(0.005, 0));
        assertThat(a.feature().id()).isEqualTo("1");
    }

    @Test
    void countAndSumWithinARadius() {
        // from 0.01: post 1 at 1,113 m and post 2 at 1,670 m within 2 km; post 3 at 4,453 m within 5 km, unreported
        Measurement count = m.measure(COUNT_2KM, pt(0.01, 0));
        assertThat(count.value()).isEqualTo(2.0);
        assertThat(count.details()).containsEntry("count", 2).containsEntry("radius_m", 2000.0);
        assertThat(count.feature().id()).isEqualTo("1"); // the nearest counted
        assertThat(m.measure(BEDS_2KM, pt(0.01, 0)).value()).isEqualTo(30.0);
        Measurement five = m.measure(BEDS_5KM, pt(0.01, 0));
        assertThat(geodesic(0.01, 0, 0.05, 0.04)).isGreaterThan(5000); // post 4 is out
        assertThat(five.value()).isEqualTo(30.0);
        assertThat(five.details()).containsEntry("count", 3).containsEntry("not_reported", 1);
    }

    @Test
    void nothingWithinIsAMeasuredZero() {
        // (0.0375, 0.02): posts at ≥ 2.3 km, inside the layer's extent
        assertThat(geodesic(0.0375, 0.02, 0.05, 0.04)).isGreaterThan(2000);
        assertThat(geodesic(0.0375, 0.02, 0.05, 0)).isGreaterThan(2000);
        assertThat(geodesic(0.0375, 0.02, 0.025, 0)).isGreaterThan(2000);
        Measurement c = m.measure(COUNT_2KM, pt(0.0375, 0.02));
        assertThat(c.measured()).isTrue();
        assertThat(c.value()).isZero();
        assertThat(c.feature()).isNull();
        assertThat(m.measure(BEDS_2KM, pt(0.0375, 0.02)).value()).isZero();
    }

    @Test
    void onTheEdgeOfTheExtentIsInsideAndAllUnreportedIsUnknown() {
        // (0.05, 0.01) lies on the east edge of the posts' extent; post 3 is 0.01° of latitude away, its beds unknown
        Measurement c = m.measure(COUNT_2KM, pt(0.05, 0.01));
        assertThat(c.value()).isEqualTo(1.0);
        assertThat(c.metres()).isCloseTo(geodesic(0.05, 0.01, 0.05, 0), within(1e-6));
        Measurement beds = m.measure(BEDS_2KM, pt(0.05, 0.01));
        assertThat(beds.value()).isNull();
        assertThat(beds.gap().kind()).isEqualTo(Measurement.Kind.NOT_REPORTED);
        assertThat(beds.gap().message()).contains("health_posts", "beds");
    }

    @Test
    void outsideTheExtentIsUnknownNamingTheLayer() {
        for (Measure x : List.of(NEAREST, COUNT_2KM, BEDS_2KM)) {
            Measurement o = m.measure(x, pt(0.06, 0)); // 0.01° east of the easternmost post
            assertThat(o.value()).isNull();
            assertThat(o.gap().kind()).isEqualTo(Measurement.Kind.OUTSIDE_EXTENT);
            assertThat(o.gap().message()).contains("'health_posts'");
        }
    }

    @Test
    void containingPolygonsValueNumbersAndBooleans() {
        Measurement p = m.measure(POVERTY, pt(0.05, 0.05));
        assertThat(p.value()).isEqualTo(0.3);
        assertThat(p.feature().id()).isEqualTo("1");
        assertThat(m.measure(FLOODED, pt(0.05, 0.05)).value()).isEqualTo(1.0);
        assertThat(m.measure(FLOODED, pt(0.15, 0.05)).value()).isEqualTo(0.0);
        // on the shared border: both cover it; the lowest fid answers and the count says so
        Measurement border = m.measure(POVERTY, pt(0.1, 0.05));
        assertThat(border.value()).isEqualTo(0.3);
        assertThat(border.details()).containsEntry("polygons", 2);
        // on the layer's outer edge (the top of district 2)
        assertThat(m.measure(POVERTY, pt(0.15, 0.1)).value()).isEqualTo(0.5);
        // a polygon footprint is judged by its interior point
        assertThat(m.measure(POVERTY, box(0.12, 0.02, 0.14, 0.04)).value()).isEqualTo(0.5);
    }

    @Test
    void noContainingPolygonIsUnknownNeverZero() {
        Measurement gap = m.measure(FLOODED, pt(0.25, 0.05)); // between districts 2 and 3, inside the extent
        assertThat(gap.value()).isNull();
        assertThat(gap.gap().kind()).isEqualTo(Measurement.Kind.NOT_CONTAINED);
        assertThat(gap.gap().message()).contains("'districts'");
        assertThat(m.measure(FLOODED, pt(0.5, 0.05)).gap().kind()).isEqualTo(Measurement.Kind.OUTSIDE_EXTENT);
        Measurement none = m.measure(POVERTY, pt(0.35, 0.05)); // district 3 reports nothing
        assertThat(none.gap().kind()).isEqualTo(Measurement.Kind.NOT_REPORTED);
        assertThat(none.feature().id()).isEqualTo("3");
    }

    @Test
    void distanceToPolygonsIsZeroInsideAndToTheEdgeOutside() {
        assertThat(m.measure(NEAREST_DISTRICT, pt(0.05, 0.05)).value()).isZero();
        Measurement gap = m.measure(NEAREST_DISTRICT, pt(0.25, 0.05));
        assertThat(gap.value()).isCloseTo(geodesic(0.25, 0.05, 0.2, 0.05), within(0.05));
        assertThat(gap.feature().id()).isIn("2", "3"); // 0.05° from both; the two edges tie within a millimetre
    }

    @Test
    void aLayerThatCannotAnswerSaysWhy() {
        Measure wells = new Measure(MeasureKind.NEAREST, "wells", null, null, null, null);
        Measure names = new Measure(MeasureKind.SUM_WITHIN, "health_posts", null, null, "name", 1000.0);
        Measure population = new Measure(MeasureKind.SUM_WITHIN, "health_posts", null, null, "population", 1000.0);
        Measure districtNames = new Measure(MeasureKind.CONTAINING_VALUE, "districts", null, null, "district", null);
        Measure unknownFilter = new Measure(MeasureKind.NEAREST, "health_posts", "staff > 2",
                Cql2Text.parse("staff > 2"), null, null);
        layers.add("empty", GeometryKind.POINT, List.of(), List.of());
        Measure empty = new Measure(MeasureKind.NEAREST, "empty", null, null, null, null);
        LayerMeasurer x = new LayerMeasurer(layers, List.of(wells, names, population, districtNames, unknownFilter,
                empty));
        assertThat(x.measure(wells, pt(0, 0)).gap()).isEqualTo(new Measurement.Gap(Measurement.Kind.NO_FEATURES,
                "no context layer 'wells' in the store"));
        assertThat(x.measure(names, pt(0, 0)).gap().message()).isEqualTo(
                "attribute 'name' of context layer 'health_posts' is text; sum_within needs a number");
        assertThat(x.measure(population, pt(0, 0)).gap().message()).isEqualTo(
                "context layer 'health_posts' has no attribute 'population' (it has protected, beds, name)");
        assertThat(x.measure(districtNames, pt(0.05, 0.05)).gap().message()).contains("needs a number or a boolean");
        assertThat(x.measure(unknownFilter, pt(0, 0)).gap().kind()).isEqualTo(Measurement.Kind.UNUSABLE);
        assertThat(x.measure(unknownFilter, pt(0, 0)).gap().message()).contains("'staff > 2'");
        assertThat(x.measure(empty, pt(0, 0)).gap().kind()).isEqualTo(Measurement.Kind.NO_FEATURES);
    }

    @Test
    void aLayerOverTheLimitIsRefusedUnlessItsFilterKeepsLess() {
        LayerMeasurer small = new LayerMeasurer(layers, List.of(NEAREST, NEAREST_PROTECTED), 3);
        Measurement all = small.measure(NEAREST, pt(0.01, 0));
        assertThat(all.gap().kind()).isEqualTo(Measurement.Kind.UNUSABLE);
        assertThat(all.gap().message()).contains("'health_posts'", "more than 3 features");
        assertThat(small.measure(NEAREST_PROTECTED, pt(0.01, 0)).value()).isCloseTo(0.01 * DEG, within(1e-6));
    }
}
