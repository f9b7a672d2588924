package org.clustergrid.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.model.Cluster;
import org.clustergrid.model.ClusterStatus;
import org.clustergrid.model.Identification;
import org.clustergrid.model.Layer;
import org.clustergrid.model.MarketScope;
import org.clustergrid.model.ProductMarket;
import org.clustergrid.store.DatasetInfo;
import org.clustergrid.store.FeatureQuery;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBWriter;

/**
 * The Identification grid through the importer: the same clusters from CSV, GeoJSON and a GeoPackage read back
 * alike on both stores, lists given as JSON or as {@code ;}-separated text; a bad value of any field fails the whole
 * import, naming the file, the record and the field.
 */
class IdentificationImportTest {
    static final Identification KNITWEAR = new Identification(ClusterStatus.GROWING, 1994, List.of(
            new ProductMarket("knitwear", MarketScope.GLOBAL, 45.0),
            new ProductMarket("woven shirts", MarketScope.NATIONAL, 30.0),
            new ProductMarket("denim", MarketScope.REGIONAL, null)), 12.5,
            List.of("Tiruppur Exporters Association", "Small Industries Chamber"), List.of("Knitwear Testing Centre"),
            "Tiruppur Exporters Association", "info@example.org", "https://example.org/knitwear");
    static final String HEADER = "source_id,name,lat,lon,status,emergence_year,product_markets,informal_share,"
            + "associations,support_institutions,contact_organisation,contact_email,contact_url\n";
    static final String CSV = HEADER
            + "k1,Knitwear,11.1,77.3,growing,1994,\"[{\"\"product\"\":\"\"knitwear\"\",\"\"market\"\":\"\"global\"\","
            + "\"\"share\"\":45},{\"\"product\"\":\"\"woven shirts\"\",\"\"market\"\":\"\"national\"\",\"\"share\"\":30},"
            + "{\"\"product\"\":\"\"denim\"\",\"\"market\"\":\"\"regional\"\"}]\",12.5,"
            + "\"[\"\"Tiruppur Exporters Association\"\",\"\"Small Industries Chamber\"\"]\",Knitwear Testing Centre,"
            + "Tiruppur Exporters Association,info@example.org,https://example.org/knitwear\n"
            // the same in the short text forms a spreadsheet user types
            + "k2,Knitwear,11.1,77.3,Growing,1994,knitwear:global:45%;woven shirts:national:30;denim:regional,12.5,"
            + "Tiruppur Exporters Association; Small Industries Chamber,Knitwear Testing Centre,"
            + "Tiruppur Exporters Association,info@example.org,https://example.org/knitwear\n"
            + "p1,Pottery,11.2,77.4,,,,,,,,,\n";

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("org.clustergrid.testing.TestStore#kinds")
    void csvGeoJsonAndGeoPackageReadBackAlike(String kind) throws Exception {
        try (TestStore t = TestStore.of(kind, dir)) {
            SpatialStore store = t.store();
            Importer importer = new Importer(store);
            importer.run(clusters(write("register.csv", CSV), "csv"));
            importer.run(clusters(write("register.geojson", geojson()), "geojson"));
            importer.run(clusters(geopackage(dir.resolve("register.gpkg")), "gpkg"));
            Map<String, Identification> read = new LinkedHashMap<>();
            store.query(Layer.CLUSTERS, FeatureQuery.all()).features().forEach(f ->
                    read.put(f.datasetId() + "/" + f.feature().id(), ((Cluster) f.feature()).identification()));
            assertThat(read).containsEntry("csv/k1", KNITWEAR).containsEntry("csv/k2", KNITWEAR)
                    .containsEntry("geojson/k1", KNITWEAR).containsEntry("gpkg/k1", KNITWEAR)
                    .containsEntry("csv/p1", Identification.UNKNOWN).containsEntry("geojson/p1", Identification.UNKNOWN)
                    .containsEntry("gpkg/p1", Identification.UNKNOWN).hasSize(7);
        }
    }

    @Test
    void aBadValueOfAnyFieldFailsTheImportNamingFileLineAndField() throws Exception {
        try (TestStore t = TestStore.h2gis(dir.resolve("store"))) {
            Importer importer = new Importer(t.store());
            String good = "g1,Good,11.1,77.3,mature,1980,tiles:local,40,Potters Guild,,,,\n";
            Map<String, String> cases = new LinkedHashMap<>();
            cases.put("b1,Bad,11.1,77.3,booming,,,,,,,,", "field 'status': 'booming' is not one of: incipient,"
                    + " growing, mature, declining");
            cases.put("b1,Bad,11.1,77.3,,3000,,,,,,,", "field 'emergence_year': year 3000 is outside 1000 to");
            cases.put("b1,Bad,11.1,77.3,,long ago,,,,,,,", "field 'emergence_year': 'long ago' is not a number");
            cases.put("b1,Bad,11.1,77.3,,,,120,,,,,", "field 'informal_share': value 120.0 is not a percent from 0"
                    + " to 100");
            cases.put("b1,Bad,11.1,77.3,,,,-1,,,,,", "field 'informal_share': value -1.0 is not a percent");
            cases.put("b1,Bad,11.1,77.3,,,tiles:local:60;bricks:regional:50,,,,,,", "field 'product_markets': shares"
                    + " sum to 110.0%, more than 100%");
            cases.put("b1,Bad,11.1,77.3,,,tiles:moon:10,,,,,,", "field 'product_markets': item 1: market 'moon' is"
                    + " not one of: local, regional, national, global");
            cases.put("b1,Bad,11.1,77.3,,,tiles:local:lots,,,,,,", "field 'product_markets': item 1: share 'lots' is"
                    + " not a number");
            cases.put("b1,Bad,11.1,77.3,,,tiles,,,,,,", "field 'product_markets': item 1 'tiles' is not"
                    + " product:market or product:market:share");
            cases.put("b1,Bad,11.1,77.3,,,\"[{\"\"product\"\":\"\"tiles\"\"\",,,,,,", "field 'product_markets':"
                    + " '[{\"product\":\"tiles\"' is not a JSON array");
            cases.put("b1,Bad,11.1,77.3,,,,,\"[\"\"Guild\"\",7]\",,,,", "field 'associations': item 2 is not a name");
            cases.put("b1,Bad,11.1,77.3,,,,,,\"[{\"\"name\"\":\"\"Centre\"\"}]\",,,", "field 'support_institutions':"
                    + " item 1 is not a name");
            cases.put("b1,Bad,11.1,77.3,,,,,,,,nobody,", "field 'contact_email': 'nobody' is not an e-mail address");
            cases.put("b1,Bad,11.1,77.3,,,,,,,,,ftp://example.org", "field 'contact_url': 'ftp://example.org' is not"
                    + " an http:// or https:// address");
            for (Map.Entry<String, String> c : cases.entrySet()) {
                Path file = write("bad.csv", HEADER + good + c.getKey() + "\n");
                var thrown = assertThatThrownBy(() -> importer.run(clusters(file, "bad")))
                        .isInstanceOf(ImportFailedException.class);
                List<String> problems = ((ImportFailedException) thrown.actual()).report().problems().stream()
                        .map(ImportProblem::toString).toList();
                assertThat(problems).as(c.getKey()).hasSize(1);
                assertThat(problems.get(0)).as(c.getKey()).startsWith("ERROR: bad.csv, line 3, " + c.getValue());
            }
            assertThat(t.store().datasets()).as("all or nothing: not even the good record").isEmpty();

            String json = "{\"type\":\"FeatureCollection\",\"features\":[" + feature("g1", "\"status\":\"mature\"")
                    + "," + feature("b1", "\"product_markets\":[{\"product\":\"tiles\",\"market\":\"local\","
                    + "\"share\":80},{\"product\":\"bricks\",\"market\":\"local\",\"share\":30}]") + "]}";
            var thrown = assertThatThrownBy(() -> importer.run(clusters(write("bad.geojson", json), "bad")))
                    .isInstanceOf(ImportFailedException.class);
            assertThat(((ImportFailedException) thrown.actual()).report().problems()).extracting(Object::toString)
                    .containsExactly("ERROR: bad.geojson, feature 2, field 'product_markets': shares sum to 110.0%,"
                            + " more than 100%");
            assertThat(t.store().datasets()).isEmpty();
        }
    }

    static ImportRequest clusters(Path file, String dataset) {
        return new ImportRequest(SourceKind.CLUSTERS, List.of(new ImportRequest.Source(file, null)),
                new DatasetInfo(dataset, dataset, "test", "CC0", "test", false), null, false, false);
    }

    Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    static String geojson() {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + feature("k1", "\"status\":\"growing\","
                + "\"emergence_year\":1994,\"product_markets\":[{\"product\":\"knitwear\",\"market\":\"global\","
                + "\"share\":45},{\"product\":\"woven shirts\",\"market\":\"national\",\"share\":30.0},"
                + "{\"product\":\"denim\",\"market\":\"regional\",\"share\":null}],\"informal_share\":12.5,"
                + "\"associations\":[\"Tiruppur Exporters Association\",\"Small Industries Chamber\"],"
                + "\"support_institutions\":[\"Knitwear Testing Centre\"],"
                + "\"contact_organisation\":\"Tiruppur Exporters Association\",\"contact_email\":\"info@example.org\","
                + "\"contact_url\":\"https://example.org/knitwear\"") + "," + feature("p1", "\"status\":null") + "]}";
    }

    static String feature(String id, String properties) {
        return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[77.3,11.1]},\"properties\":"
                + "{\"source_id\":\"" + id + "\",\"name\":\"" + id + "\"," + properties + "}}";
    }

    /** A GeoPackage written from scratch: the grid's scalars in typed columns, its lists as JSON text. */
    static Path geopackage(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = 1196444487"); // 'GPKG'
            s.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,"
                    + " organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,"
                    + " description TEXT)");
            s.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84', 4326, 'EPSG', 4326, 'GEOGCS[\"WGS 84\"]',"
                    + " NULL)");
            s.execute("CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL, identifier"
                    + " TEXT, description TEXT DEFAULT '', last_change DATETIME, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE,"
                    + " max_y DOUBLE, srs_id INTEGER)");
            s.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
                    + " geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT"
                    + " NULL)");
            s.execute("INSERT INTO gpkg_contents (table_name, data_type, srs_id) VALUES ('clusters', 'features', 4326)");
            s.execute("INSERT INTO gpkg_geometry_columns VALUES ('clusters', 'geom', 'POINT', 4326, 0, 0)");
            s.execute("CREATE TABLE clusters (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POINT, source_id TEXT,"
                    + " name TEXT, status TEXT, emergence_year INTEGER, product_markets TEXT, informal_share REAL,"
                    + " associations TEXT, support_institutions TEXT, contact_organisation TEXT, contact_email TEXT,"
                    + " contact_url TEXT)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO clusters (geom, source_id, name, status,"
                    + " emergence_year, product_markets, informal_share, associations, support_institutions,"
                    + " contact_organisation, contact_email, contact_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setBytes(1, point(77.3, 11.1));
                ps.setString(2, "k1");
                ps.setString(3, "Knitwear");
                ps.setString(4, "growing");
                ps.setInt(5, 1994);
                ps.setString(6, "[{\"product\":\"knitwear\",\"market\":\"global\",\"share\":45},{\"product\":"
                        + "\"woven shirts\",\"market\":\"national\",\"share\":30},{\"product\":\"denim\",\"market\":"
                        + "\"regional\"}]");
                ps.setDouble(7, 12.5);
                ps.setString(8, "[\"Tiruppur Exporters Association\",\"Small Industries Chamber\"]");
                ps.setString(9, "Knitwear Testing Centre");
                ps.setString(10, "Tiruppur Exporters Association");
                ps.setString(11, "info@example.org");
                ps.setString(12, "https://example.org/knitwear");
                ps.addBatch();
                ps.setBytes(1, point(77.4, 11.2));
                ps.setString(2, "p1");
                ps.setString(3, "Pottery");
                for (int i = 4; i <= 12; i++) {
                    ps.setNull(i, java.sql.Types.NULL);
                }
                ps.addBatch();
                ps.executeBatch();
            }
        }
        return file;
    }

    /** A GeoPackage geometry: the header (GP, version 0, little-endian, no envelope, SRS 4326), then WKB. */
    static byte[] point(double lon, double lat) {
        byte[] wkb = new WKBWriter(2, org.locationtech.jts.io.ByteOrderValues.LITTLE_ENDIAN)
                .write(new GeometryFactory().createPoint(new Coordinate(lon, lat)));
        return ByteBuffer.allocate(8 + wkb.length).order(ByteOrder.LITTLE_ENDIAN).put((byte) 'G').put((byte) 'P')
                .put((byte) 0).put((byte) 1).putInt(4326).put(wkb).array();
    }
}
