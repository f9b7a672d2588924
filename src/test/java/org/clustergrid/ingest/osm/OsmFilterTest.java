package org.clustergrid.ingest.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OsmFilterTest {
    @Test
    void everyTermMustMatchAndValuesAreAlternatives() {
        OsmFilter f = OsmFilter.parse("  boundary=administrative   admin_level=5,6 name=* ");
        assertThat(f.toString()).isEqualTo("boundary=administrative admin_level=5,6 name=*");
        assertThat(f.matches(Map.of("boundary", "administrative", "admin_level", "5", "name", "Kaski"))).isTrue();
        assertThat(f.matches(Map.of("boundary", "administrative", "admin_level", "6", "name", ""))).isTrue();
        assertThat(f.matches(Map.of("boundary", "administrative", "admin_level", "7", "name", "x"))).isFalse();
        assertThat(f.matches(Map.of("boundary", "administrative", "admin_level", "5"))).isFalse();
        assertThat(f.matches(Map.of("boundary", "Administrative", "admin_level", "5", "name", "x"))).isFalse();
        assertThat(OsmFilter.parse("name:en=*").matches(Map.of("name:en", "Pokhara"))).isTrue();
        assertThat(OsmFilter.parse("building=*").matches(Map.of())).isFalse();
    }

    @Test
    void aTermThatCannotBeReadIsNamed() {
        for (String[] bad : new String[][] {{"amenity=bank landuse", "'landuse'"}, {"=bank", "'=bank'"},
                {"amenity=", "'amenity='"}, {"a=b=c", "'a=b=c'"}, {"amenity=bank,", "'amenity=bank,'"},
                {"amenity=bank,*", "'amenity=bank,*'"}, {"a*=b", "'a*=b'"},
                {"amenity=bank amenity=atm", "amenity=bank,atm"}}) {
            assertThatThrownBy(() -> OsmFilter.parse(bad[0])).as(bad[0]).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad[1]);
        }
        assertThatThrownBy(() -> OsmFilter.parse(" ")).hasMessageContaining("empty");
    }

    @Test
    void closedWaysAreAreasByGdalsKeysUnlessTaggedOtherwise() {
        assertThat(AreaTags.closedWayIsArea(Map.of("landuse", "farmland"))).isTrue();
        assertThat(AreaTags.closedWayIsArea(Map.of("highway", "pedestrian"))).isFalse();
        assertThat(AreaTags.closedWayIsArea(Map.of("highway", "pedestrian", "area", "yes"))).isTrue();
        assertThat(AreaTags.closedWayIsArea(Map.of("building", "yes", "area", "no"))).isFalse();
    }
}
