package org.clustergrid.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** The cells of the Pokhara test grid by their centres, against GDAL's conversion of the same centres. */
class CellCentresTest {
    static final Path GRID = Path.of("src/test/resources/rasters/pokhara-utm44-grid.tif");
    static final Path CENTRES = Path.of("src/test/resources/rasters/pokhara-utm44-grid-centres.txt");

    /** GDAL's centre (lon, lat) of each cell, by "column row". */
    private static Map<String, double[]> gdalCentres() throws Exception {
        Map<String, double[]> out = new HashMap<>();
        for (String line : Files.readAllLines(CENTRES)) {
            String[] f = line.trim().split("\\s+");
            out.put(f[0] + " " + f[1], new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3])});
        }
        return out;
    }

    @Test
    void everyCellButThoseOfValueZeroAtGdalsCentreWithItsValue() throws Exception {
        GeoTiffGrid grid = GeoTiffGrid.open(GRID, null);
        Map<String, double[]> gdal = gdalCentres();
        CellCentres.Cells all = CellCentres.within(grid, new Envelope(83, 85, 28, 29), 10_000);
        assertThat(all.size()).as("1,200 cells but the one of value 0 (column 0, row 0)").isEqualTo(1199);
        double sum = 0;
        int noData = 0;
        for (int i = 0; i < all.size(); i++) {
            int c = all.columns()[i];
            int r = all.rows()[i];
            double[] centre = gdal.get(c + " " + r);
            assertThat(all.lons()[i]).isCloseTo(centre[0], within(1e-9));
            assertThat(all.lats()[i]).isCloseTo(centre[1], within(1e-9));
            if (Double.isNaN(all.values()[i])) {
                assertThat(r).isBetween(10, 12);
                assertThat(c).isBetween(20, 23);
                noData++;
            } else {
                assertThat(all.values()[i]).isEqualTo(100.0 * r + c);
                sum += all.values()[i];
            }
        }
        assertThat(noData).isEqualTo(12);
        assertThat(sum).isEqualTo(1_749_942.0);
    }

    @Test
    void onlyTheCentresInsideTheBoxAndNoMoreThanAllowed() throws Exception {
        GeoTiffGrid grid = GeoTiffGrid.open(GRID, null);
        Envelope box = new Envelope(83.98, 84.00, 28.19, 28.21);
        CellCentres.Cells some = CellCentres.within(grid, box, 10_000);
        long expected = gdalCentres().entrySet().stream().filter(e -> {
            List<Integer> cr = List.of(e.getKey().split(" ")).stream().map(Integer::parseInt).toList();
            return cr.get(0) >= 0 && cr.get(0) < 40 && cr.get(1) >= 0 && cr.get(1) < 30
                    && box.covers(e.getValue()[0], e.getValue()[1]);
        }).count();
        assertThat(some.size()).isEqualTo((int) expected).isBetween(50, 200);
        assertThat(some.read()).isLessThan(400);
        assertThat(CellCentres.within(grid, new Envelope(80, 81, 28, 29), 10).size()).isZero();
        assertThatThrownBy(() -> CellCentres.within(grid, box, 10)).isInstanceOf(CellCentres.TooManyCells.class)
                .hasMessage("more than 10 cells with a value other than 0 lie within longitude 83.9800 to 84.0000,"
                        + " latitude 28.1900 to 28.2100");
    }
}
