package org.clustergrid.surface;

import static org.assertj.core.api.Assertions.assertThat;

import org.clustergrid.geo.Geodesic;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** The hexagon grid: sizing from the extent, the cap, the margin, and finding cells by point and box. */
class HexGridTest {
    static final GeometryFactory GF = new GeometryFactory();
    /** The demo region's clusters, roughly. */
    static final Envelope DEMO = new Envelope(80.06, 80.6, 20.09, 20.48);

    @Test
    void aRegionGetsAsManyCellsAsTheCapAllowsWithRoundSides() {
        HexGrid g = HexGrid.covering(DEMO, HexGrid.MAX_CELLS);
        assertThat(g.size()).isLessThanOrEqualTo(HexGrid.MAX_CELLS).isGreaterThan(HexGrid.MAX_CELLS / 2);
        assertThat(g.sideMetres()).isGreaterThanOrEqualTo(HexGrid.MIN_SIDE_METRES);
        assertThat(g.sideMetres() % 10).as("two significant figures").isZero();
        // the margin: a tenth of the larger side (about 57 km here), so at least 5.7 km beyond the clusters
        Envelope e = g.extent();
        double marginLon = 0.1 * (DEMO.getWidth() * Math.cos(Math.toRadians(20.3))) / Math.cos(Math.toRadians(20.3));
        assertThat(e.getMinX()).isLessThan(DEMO.getMinX() - marginLon * 0.99);
        assertThat(e.getMaxX()).isGreaterThan(DEMO.getMaxX() + marginLon * 0.99);
        assertThat(e.getMinY()).isLessThan(DEMO.getMinY() - 0.05);
        assertThat(e.getMaxY()).isGreaterThan(DEMO.getMaxY() + 0.05);
    }

    @Test
    void aSubcontinentStaysWithinTheCapAndASingleSiteAtTheMinimumSide() {
        HexGrid india = HexGrid.covering(new Envelope(68, 97.5, 6.5, 35.5), HexGrid.MAX_CELLS);
        assertThat(india.size()).isLessThanOrEqualTo(HexGrid.MAX_CELLS).isGreaterThan(HexGrid.MAX_CELLS / 2);
        assertThat(india.sideMetres()).isGreaterThan(10_000);
        HexGrid site = HexGrid.covering(new Envelope(80.3, 80.3, 20.3, 20.3), HexGrid.MAX_CELLS);
        assertThat(site.sideMetres()).isEqualTo(HexGrid.MIN_SIDE_METRES);
        // a 5 km margin each way around a point: about 10 km across
        Envelope e = site.extent();
        double widthKm = e.getWidth() * Geodesic.A * Math.PI / 180 * Math.cos(Math.toRadians(20.3)) / 1000;
        assertThat(widthKm).as("plus up to two cells at the edges").isBetween(10.0, 11.5);
    }

    @Test
    void roundsUpToTwoSignificantFigures() {
        assertThat(HexGrid.roundUp(287)).isEqualTo(290);
        assertThat(HexGrid.roundUp(1234)).isEqualTo(1300);
        assertThat(HexGrid.roundUp(250)).isEqualTo(250);
    }

    @Test
    void everyPointBelongsToTheCellWhosePolygonHoldsIt() {
        HexGrid g = HexGrid.covering(DEMO, 2_000);
        for (int cell : new int[] {0, 1, g.cols(), g.cols() + 1, g.size() / 2, g.size() - 1}) {
            Polygon hex = g.polygon(cell);
            assertThat(g.at(g.centreLon(cell), g.centreLat(cell))).isEqualTo(cell);
            // points just inside each corner
            Coordinate c = new Coordinate(g.centreLon(cell), g.centreLat(cell));
            for (int k = 0; k < 6; k++) {
                Coordinate corner = hex.getCoordinates()[k];
                Coordinate inside = new Coordinate(c.x + 0.95 * (corner.x - c.x), c.y + 0.95 * (corner.y - c.y));
                assertThat(hex.contains(GF.createPoint(inside))).isTrue();
                assertThat(g.at(inside.x, inside.y)).as("cell %d corner %d", cell, k).isEqualTo(cell);
            }
        }
        // neighbours share edges: the polygons of cells 0 and 1 touch without overlapping
        assertThat(g.polygon(0).intersection(g.polygon(1)).getArea()).isLessThan(1e-12);
        assertThat(g.polygon(0).distance(g.polygon(1))).isLessThan(1e-9);
        assertThat(g.at(DEMO.getMinX() - 5, DEMO.getMinY())).as("far outside").isEqualTo(-1);
    }

    @Test
    void aBoxFindsEveryCellReachingIntoIt() {
        HexGrid g = HexGrid.covering(DEMO, 2_000);
        Envelope box = new Envelope(80.2, 80.3, 20.2, 20.25);
        java.util.Set<Integer> found = new java.util.HashSet<>();
        for (int i : g.within(box)) {
            found.add(i);
        }
        for (int i = 0; i < g.size(); i++) {
            if (g.polygon(i).getEnvelopeInternal().intersects(box)) {
                assertThat(found).as("cell %s", g.id(i)).contains(i);
            }
        }
        assertThat(g.within(new Envelope(-10, -9, 0, 1))).isEmpty();
        assertThat(g.within(new Envelope(-180, 180, -85, 85))).hasSize(g.size());
    }
}
