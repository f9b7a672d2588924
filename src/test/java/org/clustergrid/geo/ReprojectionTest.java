package org.clustergrid.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

class ReprojectionTest {
    /** About one metre in degrees of latitude. */
    private static final double ONE_METRE = 1 / 111_000.0;

    static final String UTM44N_PRJ = "PROJCS[\"WGS_1984_UTM_Zone_44N\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\","
            + "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\","
            + "0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",500000.0],"
            + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",81.0],PARAMETER[\"Scale_Factor\","
            + "0.9996],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
    static final String ESRI_WGS84_PRJ = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137,"
            + "298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"Degree\",0.017453292519943295]]";

    private final GeometryFactory gf = new GeometryFactory();

    @ParameterizedTest
    @ValueSource(strings = {
        "EPSG:4326", "epsg:4326", "CRS:84", "urn:ogc:def:crs:EPSG::4326", "http://www.opengis.net/def/crs/EPSG/0/4326",
        "http://www.opengis.net/def/crs/OGC/1.3/CRS84", "urn:ogc:def:crs:OGC:1.3:CRS84"
    })
    void wgs84CodesAreIdentityWithoutAxisSwap(String code) throws Exception {
        Reprojection r = Reprojection.fromCode(code);
        assertThat(r.isIdentity()).isTrue();
        Geometry p = r.toWgs84(gf.createPoint(new Coordinate(76.5, 10.2)));
        assertThat(p.getCoordinate().x).isEqualTo(76.5);
        assertThat(p.getCoordinate().y).isEqualTo(10.2);
        assertThat(p.getSRID()).isEqualTo(4326);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EPSG:32644", "epsg:32644", "urn:ogc:def:crs:EPSG::32644",
        "http://www.opengis.net/def/crs/EPSG/0/32644"})
    void utmCodesMatchIndependentKruegerSeries(String code) throws Exception {
        assertUtm44(Reprojection.fromCode(code));
    }

    @Test
    void esriUtmPrjMatchesIndependentKruegerSeries() throws Exception {
        assertUtm44(Reprojection.fromWkt(UTM44N_PRJ));
    }

    private void assertUtm44(Reprojection r) {
        assertThat(r.isIdentity()).isFalse();
        // exact by definition: the central meridian on the equator is (500000, 0)
        Point origin = (Point) r.toWgs84(gf.createPoint(new Coordinate(500000, 0)));
        assertThat(origin.getX()).isCloseTo(81.0, within(1e-9));
        assertThat(origin.getY()).isCloseTo(0.0, within(1e-9));
        for (double[] lonLat : new double[][] {{83.25, 20.5}, {78.4, 12.9}, {81.0, 28.0}}) {
            double[] en = UtmReference.toUtmNorth(lonLat[0], lonLat[1], 44);
            Point p = (Point) r.toWgs84(gf.createPoint(new Coordinate(en[0], en[1])));
            assertThat(p.getX()).isCloseTo(lonLat[0], within(ONE_METRE));
            assertThat(p.getY()).isCloseTo(lonLat[1], within(ONE_METRE));
            assertThat(p.getSRID()).isEqualTo(4326);
        }
    }

    @Test
    void kruegerReferenceReproducesPublishedValue() {
        // central meridian scale: northing at 10°N on the central meridian = 0.9996 x meridian arc (1 105 854.83 m)
        double[] en = UtmReference.toUtmNorth(81, 10, 44);
        assertThat(en[0]).isCloseTo(500000, within(1e-6));
        assertThat(en[1]).isCloseTo(0.9996 * 1_105_854.83, within(0.05));
    }

    @Test
    void esriWgs84PrjIsIdentity() throws Exception {
        assertThat(Reprojection.fromWkt(ESRI_WGS84_PRJ).isIdentity()).isTrue();
    }

    @Test
    void inputGeometryIsNotModified() throws Exception {
        Point p = gf.createPoint(new Coordinate(500000, 0));
        Reprojection.fromCode("EPSG:32644").toWgs84(p);
        assertThat(p.getX()).isEqualTo(500000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EPSG:999999", "FOO:1", "", "urn:ogc:def:crs:XYZ::1"})
    void unknownCodesAreRejectedNamingTheCode(String code) {
        assertThatThrownBy(() -> Reprojection.fromCode(code))
                .isInstanceOf(UnknownCrsException.class)
                .hasMessageContaining(code.isEmpty() ? "no CRS" : code);
    }

    @Test
    void unparsableWktIsRejected() {
        assertThatThrownBy(() -> Reprojection.fromWkt("PROJCS[\"nonsense\",FOO[1]]"))
                .isInstanceOf(UnknownCrsException.class);
        assertThatThrownBy(() -> Reprojection.fromWkt("  ")).isInstanceOf(UnknownCrsException.class);
    }
}
