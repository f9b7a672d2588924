package org.clustergrid.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.Layer;
import org.clustergrid.model.Typology;
import org.clustergrid.model.Typology.ClusterType;
import org.clustergrid.store.StoredFeature;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/** The renderer on hand-made features: placement across the antimeridian, near the poles, legends. */
class MapRendererTest {
    static final GeometryFactory GF = new GeometryFactory();

    static StoredFeature cluster(String id, double lon, double lat) {
        return new StoredFeature("test", new Cluster(null, id, id, null, null,
                new Typology(ClusterType.HIGH_TECH_KNOWLEDGE, null), null, 50_000, Set.of(),
                GF.createPoint(new Coordinate(lon, lat)), null, Map.of()));
    }

    /** A source that answers like the store: the features whose point lies in the asked box. */
    static FeatureSource source(List<StoredFeature> all, List<Envelope> asked) {
        return (layer, box) -> {
            asked.add(box);
            List<StoredFeature> out = new ArrayList<>();
            for (StoredFeature f : all) {
                if (f.feature().layer() == layer && box.intersects(f.feature().geometry().getEnvelopeInternal())) {
                    out.add(f);
                }
            }
            return out;
        };
    }

    static boolean isBlue(int rgb) {
        return (rgb & 0xFF) > 150 && ((rgb >> 16) & 0xFF) < 80;
    }

    @Test
    void featuresOnBothSidesOfTheAntimeridianAreDrawnSideBySide() {
        List<StoredFeature> all = List.of(cluster("east", 179.5, 0), cluster("west", -179.5, 0));
        List<Envelope> asked = new ArrayList<>();
        Viewport v = new Viewport(Projection.LON_LAT, 170, -10, 190, 10, 200, 200);
        BufferedImage img = new MapRenderer().render(new MapSpec(v, List.of(new ClusterStyle()), Color.WHITE, false,
                null), source(all, asked));
        assertThat(asked).hasSize(2);
        assertThat(isBlue(img.getRGB(95, 100))).isTrue(); // 179.5 E
        assertThat(isBlue(img.getRGB(105, 100))).isTrue(); // 179.5 W, just east of the line
        assertThat(img.getRGB(150, 100) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void symbolsKeepTheirPixelSizeAtEveryScaleAndPolesDoNotBreakMercator() {
        List<StoredFeature> all = List.of(cluster("c", 10, 10), cluster("pole", 0, 90));
        for (double half : new double[] {0.01, 1, 20}) {
            Viewport v = new Viewport(Projection.LON_LAT, 10 - half, 10 - half, 10 + half, 10 + half, 101, 101);
            BufferedImage img = new MapRenderer().render(new MapSpec(v, List.of(new ClusterStyle()), Color.WHITE,
                    false, null), source(all, new ArrayList<>()));
            int blue = 0;
            for (int x = 0; x < 101; x++) {
                blue += isBlue(img.getRGB(x, 50)) ? 1 : 0;
            }
            assertThat(blue).as("half-width %s", half).isBetween(17, 24); // the 23 px circle for ≥ 20,000 workers
        }
        double w = Projection.WEB_MERCATOR.worldWidth() / 2;
        Viewport world = new Viewport(Projection.WEB_MERCATOR, -w, -w, w, w, 256, 256);
        BufferedImage img = new MapRenderer().render(new MapSpec(world, List.of(new ClusterStyle()), null, true, null),
                source(all, new ArrayList<>()));
        assertThat(img.getRGB(128, 1) >>> 24).isPositive(); // the pole sits at the top edge
    }

    @Test
    void legendsShowEveryItem() {
        BufferedImage legend = new LegendRenderer().render(List.of(new PowerStyle()), 20, 20, Color.WHITE);
        assertThat(legend.getHeight()).isGreaterThan(new PowerStyle().legend().size() * 20);
    }
}
