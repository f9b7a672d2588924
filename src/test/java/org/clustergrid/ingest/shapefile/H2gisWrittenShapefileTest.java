package org.clustergrid.ingest.shapefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.clustergrid.geo.UtmReference;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.SourceFeature;
import org.h2gis.functions.factory.H2GISFunctions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.WKTReader;

/** Shapefiles written by another implementation (H2GIS's SHPWrite) read back the same. */
class H2gisWrittenShapefileTest {
    @TempDir
    Path dir;

    @Test
    void readsPolygonsWithHolesAndUtmCoordinatesWrittenByH2gis() throws Exception {
        // single polygons only: H2GIS 2.2.3 writes wrong record lengths for multipolygons (the reader rejects them)
        String withHoles = "POLYGON ((50 50, 60 50, 60 60, 50 60, 50 50), (52 52, 53 52, 53 53, 52 53, 52 52),"
                + " (55 55, 56 55, 56 56, 55 56, 55 55))";
        String nested = "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 8 2, 8 8, 2 8, 2 2))";
        double[] en = UtmReference.toUtmNorth(78.4, 12.9, 44);
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:shpwrite;DB_CLOSE_DELAY=-1");
                Statement s = c.createStatement()) {
            H2GISFunctions.load(c);
            s.execute("CREATE TABLE zones(the_geom GEOMETRY(POLYGON, 4326), name VARCHAR(20), pop INTEGER,"
                    + " area DOUBLE PRECISION)");
            s.execute("INSERT INTO zones VALUES (ST_GeomFromText('" + withHoles + "', 4326), 'Zoné', 1200, 96.5),"
                    + " (ST_GeomFromText('" + nested + "', 4326), 'B', NULL, NULL)");
            s.execute("CALL SHPWrite('" + dir.resolve("zones.shp") + "', 'ZONES')");
            s.execute("CREATE TABLE sites(the_geom GEOMETRY(POINT, 32644), id INTEGER)");
            s.execute("INSERT INTO sites VALUES (ST_GeomFromText('POINT (" + en[0] + " " + en[1] + ")', 32644), 1)");
            s.execute("CALL SHPWrite('" + dir.resolve("sites.shp") + "', 'SITES')");
        }
        assertThat(dir.resolve("sites.prj")).exists();

        ImportReport report = new ImportReport();
        List<SourceFeature> features = new ArrayList<>();
        ShapefileReader.read(dir.resolve("zones.shp"), report, features::add);
        ShapefileReader.read(dir.resolve("sites.shp"), report, features::add);

        assertThat(report.hasErrors()).as(report.summary()).isFalse();
        assertThat(features).hasSize(3);
        WKTReader wkt = new WKTReader();
        assertThat(features.get(0).geometry().norm().equalsExact(wkt.read(withHoles).norm())).isTrue();
        assertThat(features.get(1).geometry().norm().equalsExact(wkt.read(nested).norm())).isTrue();
        assertThat(features.get(1).attributes()).containsEntry("POP", null);
        assertThat(features.get(0).attributes()).containsEntry("NAME", "Zoné").containsEntry("POP", 1200L)
                .containsEntry("AREA", 96.5);
        Coordinate site = features.get(2).geometry().getCoordinate();
        assertThat(site.x).isCloseTo(78.4, within(1 / 111_000.0));
        assertThat(site.y).isCloseTo(12.9, within(1 / 111_000.0));
    }
}
