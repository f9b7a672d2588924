package org.clustergrid.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class CoverageSpecTest {
    @TempDir
    Path dir;

    static boolean covers(Geometry g, double lon, double lat) {
        return g.covers(new GeometryFactory().createPoint(new Coordinate(lon, lat)));
    }

    @Test
    void aBoxIsLongitudeFirst() throws Exception {
        Geometry g = CoverageSpec.parse("73.8,29.5, 76.9,32.5").area();
        assertThat(covers(g, 75.85, 30.91)).isTrue();
        assertThat(covers(g, 30.91, 75.85)).isFalse();
        assertThatThrownBy(() -> CoverageSpec.parse("29.5,73.8,32.5,96.9")).hasMessageContaining("minLon,minLat");
        assertThatThrownBy(() -> CoverageSpec.parse("76.9,29.5,73.8,32.5")).hasMessageContaining("min < max");
    }

    @Test
    void polygonFilesInGeoJsonOrWkt() throws Exception {
        Path fc = dir.resolve("punjab.geojson");
        Files.writeString(fc, """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[74,30],[76,30],[76,32],[74,32],[74,30]]]}},
                 {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[83,28],[85,28],[85,29],[83,29],[83,28]]]}}]}""");
        Geometry g = CoverageSpec.parse(fc.toString()).area();
        assertThat(covers(g, 75, 31)).isTrue();
        assertThat(covers(g, 84, 28.5)).isTrue();
        assertThat(covers(g, 80, 30)).isFalse();
        Path wkt = dir.resolve("area.wkt");
        Files.writeString(wkt, "POLYGON ((74 30, 76 30, 76 32, 74 32, 74 30))");
        assertThat(covers(CoverageSpec.parse(wkt.toString()).area(), 75, 31)).isTrue();
        assertThat(CoverageSpec.parse(wkt.toString()).description()).isEqualTo("declared at import: polygons of area.wkt");
    }

    @Test
    void badInputSaysWhatIsWrong() throws Exception {
        Path line = dir.resolve("line.wkt");
        Files.writeString(line, "LINESTRING (74 30, 76 30)");
        assertThatThrownBy(() -> CoverageSpec.parse(line.toString())).hasMessageContaining("expected polygons");
        Path metres = dir.resolve("utm.wkt");
        Files.writeString(metres, "POLYGON ((500000 3400000, 510000 3400000, 510000 3410000, 500000 3400000))");
        assertThatThrownBy(() -> CoverageSpec.parse(metres.toString())).hasMessageContaining("EPSG:4326");
        assertThatThrownBy(() -> CoverageSpec.parse(dir.resolve("none.geojson").toString()))
                .hasMessageContaining("neither");
    }
}
