package org.clustergrid.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class BboxTest {
    @Test
    void oneBoxOrNone() {
        assertThat(Bbox.parseWrapping(null)).isEmpty();
        assertThat(Bbox.parseWrapping(" ")).isEmpty();
        assertThat(Bbox.parseWrapping("80,20,80.6,20.5")).containsExactly(new Envelope(80, 80.6, 20, 20.5));
        // heights are read past, 2D data has none
        assertThat(Bbox.parseWrapping("80,20,-5,80.6,20.5,100")).containsExactly(new Envelope(80, 80.6, 20, 20.5));
        assertThat(Bbox.parse("80,20,80.6,20.5")).isEqualTo(new Envelope(80, 80.6, 20, 20.5));
    }

    @Test
    void acrossTheAntimeridianIsTwoBoxes() {
        assertThat(Bbox.parseWrapping("177,65,-177,70")).containsExactly(new Envelope(177, 180, 65, 70),
                new Envelope(-180, -177, 65, 70));
        // the single-box parser, for APIs that take one, still refuses it
        assertThatThrownBy(() -> Bbox.parse("177,65,-177,70")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("antimeridian");
    }

    @Test
    void badBoxes() {
        for (String bad : new String[] {"1,2,3", "1,2,3,4,5", "a,2,3,4", "0,10,1,5", "0,-91,1,0", "-181,0,0,1",
            "NaN,0,1,1"}) {
            assertThatThrownBy(() -> Bbox.parseWrapping(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
