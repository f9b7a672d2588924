package org.clustergrid.layers.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.clustergrid.layers.measure.TestLayers.pt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clustergrid.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The raster measures on the Pokhara test grid (40 × 30 cells of 250 m in UTM 44N, value = 100 × row + column, rows
 * 10–12 × columns 20–23 without data; see SOURCE.txt): cell values where GDAL reads them, and sums over the cells
 * whose centres GDAL places within the radius, by GeographicLib's distance — nothing of GeoTools, which the server
 * reads the grid and projects with.
 */
class RasterMeasurerTest {
    static final Path GRID = Path.of("src/test/resources/rasters/pokhara-utm44-grid.tif");
    static final Path CENTRES = Path.of("src/test/resources/rasters/pokhara-utm44-grid-centres.txt");

    static final Measure VALUE = new Measure(MeasureKind.RASTER_VALUE, "grid", null, null, null, null);
    static final Measure VALUE_OF_DISTRICTS = new Measure(MeasureKind.RASTER_VALUE, "districts", null, null, null,
            null);
    static final Measure VALUE_OF_NOTHING = new Measure(MeasureKind.RASTER_VALUE, "nothing", null, null, null, null);
    static final Measure NEAREST_CELL = new Measure(MeasureKind.NEAREST, "grid", null, null, null, null);

    static Measure sum(double radius) {
        return new Measure(MeasureKind.RASTER_SUM_WITHIN, "grid", null, null, null, radius);
    }

    static Measure mean(double radius) {
        return new Measure(MeasureKind.RASTER_MEAN_WITHIN, "grid", null, null, null, radius);
    }

    final TestLayers layers = layers();
    final LayerMeasurer m = new LayerMeasurer(layers, List.of(VALUE, VALUE_OF_DISTRICTS, VALUE_OF_NOTHING,
            NEAREST_CELL, sum(1000), sum(600), sum(300), sum(100), sum(300_000), mean(1000)));

    static TestLayers layers() {
        TestLayers t = TestLayers.standard();
        t.raster("grid", GRID, null);
        return t;
    }

    /** A cell position of the grid or beyond it, with its centre as GDAL places it. */
    record Centre(int column, int row, double lon, double lat) {
        boolean inGrid() {
            return column >= 0 && column < 40 && row >= 0 && row < 30;
        }

        boolean noData() {
            return row >= 10 && row <= 12 && column >= 20 && column <= 23;
        }
    }

    /** What the measure should find, counted apart: the sum, cells with data, without, and beyond the edge. */
    record Expected(double sum, int cells, int noData, int beyond) {}

    static List<Centre> centres() throws IOException {
        List<Centre> out = new ArrayList<>();
        for (String line : Files.readAllLines(CENTRES)) {
            String[] f = line.trim().split("\\s+");
            out.add(new Centre(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3])));
        }
        return out;
    }

    static Expected expected(double lon, double lat, double radius) throws IOException {
        double sum = 0;
        int cells = 0;
        int noData = 0;
        int beyond = 0;
        for (Centre c : centres()) {
            double d = net.sf.geographiclib.Geodesic.WGS84.Inverse(lat, lon, c.lat, c.lon).s12;
            // GDAL's and GeoTools' projections agree to far less than this: the sets cannot differ by rounding
            assertThat(Math.abs(d - radius)).as("centre %d-%d on the circle", c.column, c.row).isGreaterThan(0.01);
            if (d > radius) {
                continue;
            }
            if (!c.inGrid()) {
                beyond++;
            } else if (c.noData()) {
                noData++;
            } else {
                sum += 100 * c.row + c.column;
                cells++;
            }
        }
        return new Expected(sum, cells, noData, beyond);
    }

    @Test
    void theCellHoldingThePlaceWithItsColumnAndRow() {
        // gdallocationinfo -wgs84 pokhara-utm44-grid.tif 83.97 28.22  → (13P,9L) 913
        Measurement a = m.measure(VALUE, pt(83.97, 28.22));
        assertThat(a.value()).isEqualTo(913.0);
        assertThat(a.feature().id()).isEqualTo("13-9");
        assertThat(a.feature().layer()).isEqualTo("grid");
        assertThat(a.details()).containsEntry("column", 13).containsEntry("row", 9);
        // gdallocationinfo -wgs84 pokhara-utm44-grid.tif 83.99 28.20  → (22P,18L) 1822
        assertThat(m.measure(VALUE, pt(83.99, 28.20)).value()).isEqualTo(1822.0);
        // gdallocationinfo -wgs84 pokhara-utm44-grid.tif 84.01 28.23  → (29P,4L) 429
        assertThat(m.measure(VALUE, pt(84.01, 28.23)).value()).isEqualTo(429.0);
    }

    @Test
    void aCellWithoutDataIsNotReportedAndOutsideTheGridIsOutsideCoverage() {
        // gdallocationinfo -wgs84 pokhara-utm44-grid.tif 83.9890 28.2149  → (21P,11L) -9999, the no-data value
        Measurement none = m.measure(VALUE, pt(83.9890, 28.2149));
        assertThat(none.value()).isNull();
        assertThat(none.gap().kind()).isEqualTo(Measurement.Kind.NOT_REPORTED);
        assertThat(none.gap().message()).contains("21-11").contains("'grid'").contains("no data");
        assertThat(none.feature().id()).isEqualTo("21-11");
        // gdallocationinfo -wgs84 pokhara-utm44-grid.tif 83.90 28.20  → (-14P,18L) "Location is off this file"
        for (Measure k : List.of(VALUE, sum(1000))) {
            Measurement out = m.measure(k, pt(83.90, 28.20));
            assertThat(out.gap().kind()).isEqualTo(Measurement.Kind.OUTSIDE_EXTENT);
            assertThat(out.gap().message()).contains("raster layer 'grid'");
        }
    }

    @Test
    void sumOfTheCellsWhoseCentresLieWithinTheRadius() throws IOException {
        Expected e = expected(83.99, 28.20, 1000);
        assertThat(e.cells()).isBetween(40, 60); // π (1000 / 250)² ≈ 50 cells
        assertThat(e.noData() + e.beyond()).isZero();
        Measurement s = m.measure(sum(1000), pt(83.99, 28.20));
        assertThat(s.value()).isEqualTo(e.sum());
        assertThat(s.details()).containsEntry("cells", (long) e.cells()).containsEntry("no_data", 0L)
                .containsEntry("beyond_edge", 0L).containsEntry("radius_m", 1000.0);
        System.out.printf("sum within 1 km of 83.99, 28.20: %.0f over %d cells%n", e.sum(), e.cells());
        Measurement mean = m.measure(mean(1000), pt(83.99, 28.20));
        assertThat(mean.value()).isCloseTo(e.sum() / e.cells(), within(1e-9));
        assertThat(mean.details()).containsEntry("sum", e.sum());
    }

    @Test
    void cellsWithoutDataAreLeftOutAndCounted() throws IOException {
        Expected e = expected(83.9890, 28.2149, 600);
        assertThat(e.noData()).isPositive();
        assertThat(e.cells()).isPositive();
        Measurement s = m.measure(sum(600), pt(83.9890, 28.2149));
        assertThat(s.value()).isEqualTo(e.sum());
        assertThat(s.details()).containsEntry("cells", (long) e.cells()).containsEntry("no_data", (long) e.noData());
        System.out.printf("sum within 600 m of 83.9890, 28.2149: %.0f over %d cells, %d without data%n", e.sum(),
                e.cells(), e.noData());
    }

    @Test
    void aCircleReachingPastTheEdgeSumsWhatLiesOnTheGrid() throws IOException {
        // gdallocationinfo -wgs84 pokhara-utm44-grid.tif 83.938 28.21  → (1P,14L) 1401, near the west edge
        Expected e = expected(83.938, 28.21, 1000);
        assertThat(e.beyond()).isPositive();
        Measurement s = m.measure(sum(1000), pt(83.938, 28.21));
        assertThat(s.value()).isEqualTo(e.sum());
        assertThat(s.details()).containsEntry("cells", (long) e.cells())
                .containsEntry("beyond_edge", (long) e.beyond());
        System.out.printf("sum within 1 km of 83.938, 28.21: %.0f over %d cells, %d beyond the edge%n", e.sum(),
                e.cells(), e.beyond());
    }

    @Test
    void everyCellWithoutDataIsNotReported() throws IOException {
        // echo "793375 3124625" | gdaltransform -s_srs EPSG:32644 -t_srs OGC:CRS84  → 83.9889988596101 28.2148700057195
        // (the centre of cell 21-11; cells 20-11, 22-11, 21-10 and 21-12 have theirs 250 m away, the next ones 354 m)
        Expected e = expected(83.9889988596101, 28.2148700057195, 300);
        assertThat(e.noData()).isEqualTo(5);
        assertThat(e.cells()).isZero();
        Measurement s = m.measure(sum(300), pt(83.9889988596101, 28.2148700057195));
        assertThat(s.value()).isNull();
        assertThat(s.gap().kind()).isEqualTo(Measurement.Kind.NOT_REPORTED);
        assertThat(s.gap().message()).contains("none of the 5 cells of raster layer 'grid' within 300 m has data");
    }

    @Test
    void aRadiusShortOfTheCellsOrTooLongIsRefused() {
        // echo "790000 3125000" | gdaltransform -s_srs EPSG:32644 -t_srs OGC:CRS84  → 83.9547440527275 28.2189973919747,
        // a corner of four cells, their centres 177 m away
        Measurement shortOne = m.measure(sum(100), pt(83.9547440527275, 28.2189973919747));
        assertThat(shortOne.gap().kind()).isEqualTo(Measurement.Kind.UNUSABLE);
        assertThat(shortOne.gap().message()).contains("no cell centre of raster layer 'grid' lies within 100 m");
        // 300 km over cells of 250 m: a window of some 2,400 × 2,400 cells
        Measurement longOne = m.measure(sum(300_000), pt(83.99, 28.20));
        assertThat(longOne.gap().kind()).isEqualTo(Measurement.Kind.UNUSABLE);
        assertThat(longOne.gap().message()).contains("raster layer 'grid'").contains("4,000,000");
    }

    @Test
    void aKindThatDoesNotFitTheLayerIsUnusableAndAMissingRasterIsEmpty() {
        Measurement vectorAsRaster = m.measure(VALUE_OF_DISTRICTS, pt(0.05, 0.05));
        assertThat(vectorAsRaster.gap().kind()).isEqualTo(Measurement.Kind.UNUSABLE);
        assertThat(vectorAsRaster.gap().message()).contains("'districts' is a vector layer, not a raster");
        Measurement rasterAsVector = m.measure(NEAREST_CELL, pt(83.99, 28.20));
        assertThat(rasterAsVector.gap().kind()).isEqualTo(Measurement.Kind.UNUSABLE);
        assertThat(rasterAsVector.gap().message()).contains("'grid' is a raster layer");
        Measurement none = m.measure(VALUE_OF_NOTHING, pt(83.99, 28.20));
        assertThat(none.gap().kind()).isEqualTo(Measurement.Kind.NO_FEATURES);
        assertThat(none.gap().message()).isEqualTo("no raster layer 'nothing' in the store");
    }

    @Test
    void eachRasterIsOpenedOncePerRun() {
        assertThat(layers.opens).isEqualTo(1);
    }

    @Test
    void aGridInLongitudeAndLatitudeSumsAsGdalReadsIt() throws IOException {
        // terrain.tif: 600 × 600 cells of 1/600° over -0.5..0.5, no CRS (EPSG:4326 given);
        // gdallocationinfo -geoloc -valonly terrain.tif 0.01 0.01  → 261 (306P,294L)
        TestLayers t = TestLayers.standard();
        t.raster("terrain", SharedData.require("../ogc-test-data/wms13/raster/terrain.tif"), "EPSG:4326");
        Measure value = new Measure(MeasureKind.RASTER_VALUE, "terrain", null, null, null, null);
        Measure mean = new Measure(MeasureKind.RASTER_MEAN_WITHIN, "terrain", null, null, null, 1000.0);
        LayerMeasurer tm = new LayerMeasurer(t, List.of(value, mean));
        Measurement v = tm.measure(value, pt(0.01, 0.01));
        assertThat(v.value()).isEqualTo(261.0);
        assertThat(v.feature().id()).isEqualTo("306-294");
        // the cells of columns 296-315, rows 284-303 as GDAL writes them (gdal_translate -of XYZ -srcwin 296 284 20 20)
        double sum = 0;
        int cells = 0;
        for (String line : Files.readAllLines(Path.of("src/test/resources/rasters/terrain-window-296-284.xyz"))) {
            String[] f = line.trim().split("\\s+");
            double d = net.sf.geographiclib.Geodesic.WGS84.Inverse(0.01, 0.01, Double.parseDouble(f[1]),
                    Double.parseDouble(f[0])).s12;
            if (d <= 1000) {
                sum += Double.parseDouble(f[2]);
                cells++;
            }
        }
        Measurement mm = tm.measure(mean, pt(0.01, 0.01));
        assertThat(mm.details()).containsEntry("cells", (long) cells);
        assertThat(mm.value()).isCloseTo(sum / cells, within(1e-9));
        System.out.printf("terrain mean within 1 km of 0.01, 0.01: %.3f over %d cells%n", sum / cells, cells);
    }
}
