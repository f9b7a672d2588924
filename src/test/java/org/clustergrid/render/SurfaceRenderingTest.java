package org.clustergrid.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** A surface is laid over the map at its opacity, with no seam where neighbouring cells meet. */
class SurfaceRenderingTest {
    static final GeometryFactory GF = new GeometryFactory();

    static Polygon square(double x0, double y0, double x1, double y1) {
        return GF.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y0),
            new Coordinate(x1, y1), new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }

    /** Two cells of one colour side by side, their shared edge off the pixel grid. */
    record TwoCells(Color colour) implements Surface {
        @Override
        public String name() {
            return "two";
        }

        @Override
        public String title() {
            return "Two cells";
        }

        @Override
        public String description() {
            return "";
        }

        @Override
        public List<String> keywords() {
            return List.of();
        }

        @Override
        public Envelope extent() {
            return new Envelope(0, 10, 0, 10);
        }

        @Override
        public float opacity() {
            return 0.5f;
        }

        @Override
        public List<Cell> cells(Envelope lonLat) {
            return List.of(new Cell("a", square(0, 0, 4.33, 10), colour, Map.of()),
                    new Cell("b", square(4.33, 0, 10, 10), colour, Map.of()));
        }

        @Override
        public Optional<Cell> cellAt(double lon, double lat) {
            return Optional.empty();
        }

        @Override
        public List<String> sourceDatasets() {
            return List.of("roads-source");
        }

        @Override
        public List<LegendItem> legend() {
            return List.of();
        }
    }

    @Test
    void cellsAreHalfTransparentAndSeamless() {
        Viewport v = new Viewport(Projection.LON_LAT, 0, 0, 10, 10, 100, 100);
        Color blue = new Color(0x2C7FB8);
        BufferedImage img = new MapRenderer().render(new MapSpec(v, List.of(new TwoCells(blue)), Color.WHITE, true,
                id -> id.equals("roads-source") ? "© road makers" : null), (layer, box) -> List.of());
        int expectedRed = Math.round(0x2C * 0.5f + 255 * 0.5f);
        // every pixel of the top rows across the shared edge at x = 43.3 px: one colour, no lighter or darker line
        for (int x = 0; x < 100; x++) {
            int rgb = img.getRGB(x, 10);
            assertThat(Math.abs(((rgb >> 16) & 0xFF) - expectedRed)).as("x = %d", x).isLessThanOrEqualTo(1);
            assertThat(rgb).isEqualTo(img.getRGB(20, 10));
        }
        // the attribution of the datasets the surface comes from is on the map
        boolean text = false;
        for (int x = 50; x < 100; x++) {
            text |= img.getRGB(x, 96) != img.getRGB(20, 10);
        }
        assertThat(text).isTrue();
    }
}
