package org.clustergrid.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.clustergrid.geo.GeometryValidation.Result;
import org.clustergrid.geo.GeometryValidation.Status;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.WKTReader;

class GeometryValidationTest {
    private final WKTReader wkt = new WKTReader();

    @Test
    void validGeometryIsReturnedAsIs() throws Exception {
        var g = wkt.read("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))");
        Result r = GeometryValidation.check(g);
        assertThat(r.status()).isEqualTo(Status.VALID);
        assertThat(r.geometry()).isSameAs(g);
        assertThat(r.detail()).isNull();
    }

    @Test
    void bowTieIsRepairedKeepingItsDimension() throws Exception {
        Result r = GeometryValidation.check(wkt.read("POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))"));
        assertThat(r.status()).isEqualTo(Status.REPAIRED);
        assertThat(r.detail()).containsIgnoringCase("self-intersection");
        assertThat(r.geometry()).isInstanceOf(Polygonal.class);
        assertThat(r.geometry().isValid()).isTrue();
        assertThat(r.geometry().getArea()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void emptyNullAndCollapsedGeometriesAreEmpty() throws Exception {
        assertThat(GeometryValidation.check(null).status()).isEqualTo(Status.EMPTY);
        assertThat(GeometryValidation.check(wkt.read("POLYGON EMPTY")).status()).isEqualTo(Status.EMPTY);
        assertThat(GeometryValidation.check(wkt.read("POLYGON ((0 0, 1 1, 2 2, 0 0))")).status())
                .isEqualTo(Status.EMPTY);
    }

    @Test
    void coordinatesOutsideLonLatRangeOrNotFiniteAreRejected() throws Exception {
        assertThat(GeometryValidation.check(wkt.read("POINT (181 0)")).status()).isEqualTo(Status.OUT_OF_RANGE);
        assertThat(GeometryValidation.check(wkt.read("LINESTRING (0 0, 10 -90.5)")).detail()).contains("-90.5");
        assertThat(GeometryValidation.check(wkt.read("POINT (NaN 1)")).status()).isEqualTo(Status.OUT_OF_RANGE);
        assertThat(GeometryValidation.isWithinLonLat(wkt.read("POINT (180 -90)"))).isTrue();
        assertThat(GeometryValidation.isWithinLonLat(wkt.read("POINT (500000 0)"))).isFalse();
    }
}
