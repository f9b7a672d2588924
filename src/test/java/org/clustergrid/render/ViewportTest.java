package org.clustergrid.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Projection formulas and the world copies a view spans. */
class ViewportTest {
    @Test
    void webMercatorMatchesTheKnownValues() {
        Projection m = Projection.WEB_MERCATOR;
        assertThat(m.x(180)).isCloseTo(20037508.342789244, within(1e-6));
        assertThat(m.y(Projection.MAX_MERCATOR_LAT)).isCloseTo(20037508.342789244, within(1e-3));
        assertThat(m.lat(m.y(45))).isCloseTo(45, within(1e-12));
        assertThat(m.y(90)).isFinite(); // the pole is drawn at the edge of the square world
    }

    @Test
    void scaleDenominatorsAreTheOgcOnes() {
        double w = Projection.WEB_MERCATOR.x(180);
        // zoom 0 of the web map tile grid: 559,082,264.03 (OGC WMTS 1.0, Annex E.4 GoogleMapsCompatible)
        assertThat(new Viewport(Projection.WEB_MERCATOR, -w, -w, w, w, 256, 256).scaleDenominator())
                .isCloseTo(559_082_264.03, within(0.01));
        // a degree taken as its length on the equator, whatever the latitude (WMTS GoogleCRS84Quad, zoom 0)
        assertThat(new Viewport(Projection.LON_LAT, -180, -90, 180, 90, 256, 128).scaleDenominator())
                .isCloseTo(559_082_264.03, within(0.01));
        assertThat(new Viewport(Projection.LON_LAT, -180, 60, 180, 90, 256, 21).scaleDenominator())
                .isCloseTo(559_082_264.03, within(0.01));
    }

    @Test
    void aViewAcrossTheAntimeridianFetchesBothSides() {
        Viewport v = new Viewport(Projection.LON_LAT, 170, -10, 190, 10, 200, 200);
        List<Viewport.WorldCopy> copies = v.worldCopies(0);
        assertThat(copies).hasSize(2);
        assertThat(copies.get(0).query().getMinX()).isEqualTo(170);
        assertThat(copies.get(0).query().getMaxX()).isEqualTo(180);
        assertThat(copies.get(1).query().getMinX()).isEqualTo(-180);
        assertThat(copies.get(1).query().getMaxX()).isEqualTo(-170);
        // lon -175 lies 5 degrees east of the antimeridian: pixel 150 of 200
        assertThat(v.px(-175, copies.get(1).offsetX())).isCloseTo(150, within(1e-9));
    }

    @Test
    void aViewPastThePoleIsClamped() {
        Viewport v = new Viewport(Projection.LON_LAT, -180, 60, 180, 120, 100, 100);
        List<Viewport.WorldCopy> copies = v.worldCopies(0);
        assertThat(copies).hasSize(1);
        assertThat(copies.get(0).query().getMaxY()).isEqualTo(90);
        assertThat(new Viewport(Projection.LON_LAT, 0, 95, 10, 120, 10, 10).worldCopies(0)).isEmpty();
    }
}
