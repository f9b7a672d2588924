package org.clustergrid.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

class CoverageCellsTest {
    static final GeometryFactory GF = new GeometryFactory();

    static Point pt(double lon, double lat) {
        return GF.createPoint(new Coordinate(lon, lat));
    }

    @Test
    void twoRegionsFarApartGetTwoAreasNotTheLandBetween() {
        Geometry area = CoverageCells.of(List.of(pt(83.98, 28.21), pt(84.0, 28.25), pt(75.85, 30.91)));
        assertThat(area.getNumGeometries()).isEqualTo(2);
        assertThat(area.covers(pt(84.2, 28.3))).as("20 km from Pokhara's features").isTrue();
        assertThat(area.covers(pt(80, 29.5))).as("between the regions").isFalse();
        assertThat(area.covers(pt(75.6, 31.1))).as("near Ludhiana").isTrue();
        // a point is covered within one cell of a feature's cell, never beyond two
        assertThat(area.covers(pt(84.0 + 2 * CoverageCells.CELL_DEGREES + 0.01, 28.21))).isFalse();
    }

    @Test
    void aLongRoadMarksEveryCellItCrosses() {
        Geometry road = GF.createLineString(new Coordinate[] {new Coordinate(70, 20), new Coordinate(75, 20.1)});
        Geometry area = CoverageCells.of(List.of(road));
        assertThat(area.covers(pt(72.5, 20.05))).isTrue();
        assertThat(area.getNumGeometries()).isEqualTo(1);
    }

    @Test
    void wrapsAtTheAntimeridianAndStopsAtThePoles() {
        Geometry area = CoverageCells.of(List.of(pt(179.9, 89.9)));
        assertThat(area.covers(pt(-179.9, 89.9))).isTrue();
        assertThat(area.getEnvelopeInternal().getMaxY()).isEqualTo(90.0);
        assertThat(new CoverageCells().area()).isNull();
    }
}
