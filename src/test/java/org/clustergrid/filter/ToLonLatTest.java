package org.clustergrid.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clustergrid.filter.Condition.And;
import org.clustergrid.filter.Condition.Intersects;
import org.junit.jupiter.api.Test;

class ToLonLatTest {
    /** EPSG:4326's axis order: latitude first. */
    static final ToLonLat.Axes LAT_LON = (first, second) -> new double[] {second, first};

    @Test
    void swapsLiteralGeometriesAndBoxesOnlyAndKeepsTheRest() {
        Condition c = Cql2Text.parse("S_INTERSECTS(geometry, POLYGON((20 80, 20 81, 21 81, 20 80))) AND name = 'x'"
                + " OR NOT S_INTERSECTS(BBOX(20, 80, 21, 81), geometry)");
        Condition converted = ToLonLat.convert(c, LAT_LON);
        assertThat(converted).isEqualTo(Cql2Text.parse("S_INTERSECTS(geometry, POLYGON((80 20, 81 20, 81 21, "
                + "80 20))) AND name = 'x' OR NOT S_INTERSECTS(BBOX(80, 20, 81, 21), geometry)"));
        // the original is untouched
        Intersects first = (Intersects) ((And) ((Condition.Or) c).conditions().get(0)).conditions().get(0);
        assertThat(((Operand.GeometryLiteral) first.right()).geometry().getCoordinate().x).isEqualTo(20);
        assertThat(ToLonLat.convert(Cql2Text.parse("firms BETWEEN 1 AND 2"), LAT_LON))
                .isEqualTo(Cql2Text.parse("firms BETWEEN 1 AND 2"));
        assertThat(List.of(ToLonLat.convert(Cql2Text.parse("TRUE"), LAT_LON))).containsExactly(
                new Condition.Constant(true));
    }
}
