package org.clustergrid.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.clustergrid.ingest.mapping.Mapping;
import org.clustergrid.ingest.shapefile.TestShapefile;
import org.clustergrid.model.Layer;
import org.clustergrid.store.DatasetInfo;
import org.clustergrid.store.FeatureQuery;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoreFactory;
import org.clustergrid.store.StoreSettings;
import org.clustergrid.testing.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Every kind of bad input gets an error naming file, place and field, and leaves the store exactly as it was: a good
 * dataset is imported first, and each bad file tries to replace it.
 */
class BadInputTest {
    static final DatasetInfo DATASET = new DatasetInfo("region", "Region", "test", "CC0", "test", false);
    static final String GOOD = """
            source_id,name,lat,lon,firms,employment,typology,markets_served
            c1,Knitwear,11.1,77.3,120,4000,dynamic_export,national;global
            c2,Pottery,11.2,77.4,40,300,artisanal_craft,local
            """;

    @TempDir
    Path dir;
    SpatialStore store;
    Importer importer;
    Snapshot before;

    record Snapshot(Object datasets, Map<Layer, Long> counts, long version, List<String> clusterIds) {}

    @BeforeEach
    void loadGoodDataset() throws Exception {
        store = StoreFactory.open(StoreSettings.h2gis(dir.resolve("store")));
        importer = new Importer(store);
        importer.run(clusters(csv("good.csv", GOOD), null));
        before = snapshot();
    }

    @AfterEach
    void close() {
        store.close();
    }

    Snapshot snapshot() {
        Map<Layer, Long> counts = Arrays.stream(Layer.values())
                .collect(Collectors.toMap(l -> l, l -> store.stats(l).count()));
        List<String> ids = store.query(Layer.CLUSTERS, FeatureQuery.all()).features().stream()
                .map(f -> f.layerId() + "=" + f.feature().id()).toList();
        return new Snapshot(store.datasets(), counts, store.dataVersion(), ids);
    }

    Path csv(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    static ImportRequest clusters(Path file, Mapping mapping) {
        return new ImportRequest(SourceKind.CLUSTERS, List.of(new ImportRequest.Source(file, mapping)), DATASET, null,
                false, false);
    }

    /** Runs a failing import and returns its problems as text; asserts the store did not change. */
    List<String> failing(ImportRequest request) {
        var thrown = assertThatThrownBy(() -> importer.run(request)).isInstanceOf(ImportFailedException.class);
        ImportReport report = ((ImportFailedException) thrown.actual()).report();
        assertThat(snapshot()).isEqualTo(before);
        return report.problems().stream().map(ImportProblem::toString).toList();
    }

    static final String GOOD_HEADER = "[source_id, name, lat, lon, firms, employment, typology, markets_served]";

    @Test
    void mappedFieldMissingFromCsvHeader() throws Exception {
        Mapping m = mappingFile("rules:\n  - layer: clusters\n    fields: {name: cluster_name}\n");
        assertThat(failing(clusters(csv("c.csv", GOOD), m))).containsExactly(
                "ERROR: c.csv, line 1, field 'cluster_name': mapping mapping.yaml, rule 1 (clusters) names source"
                        + " field 'cluster_name' in 'fields: name', which the file does not have; its fields are "
                        + GOOD_HEADER);
    }

    /** Without the check, a 'when' on a misspelt field silently sent every record to the next rule. */
    @Test
    void whenOnAFieldTheFileLacksFailsInsteadOfMatchingNothing() throws Exception {
        Mapping m = mappingFile("""
                rules:
                  - layer: clusters
                    when: {any: [{field: sector, matches: textile}, {field: Typology, matches: export}]}
                    set: {typology: dynamic_export}
                  - layer: clusters
                """);
        assertThat(failing(clusters(csv("c.csv", GOOD), m))).containsExactly(
                "ERROR: c.csv, line 1, field 'sector': mapping mapping.yaml, rule 1 (clusters) names source field"
                        + " 'sector' in 'when', which the file does not have; its fields are " + GOOD_HEADER,
                "ERROR: c.csv, line 1, field 'Typology': mapping mapping.yaml, rule 1 (clusters) names source field"
                        + " 'Typology' in 'when', which the file does not have; its fields are " + GOOD_HEADER);
    }

    @Test
    void clustersWithoutAnIdFieldAreNamedOnce() throws Exception {
        String text = "name,lat,lon\nKnitwear,11.1,77.3\nPottery,11.2,77.4\n";
        assertThat(failing(clusters(csv("c.csv", text), null))).containsExactly(
                "ERROR: c.csv, line 1, field 'source_id': clusters need an id: the file has no field 'source_id'"
                        + " (a mapping file can name the id field with 'id:'); its fields are [name, lat, lon]");
        Mapping m = mappingFile("rules:\n  - layer: clusters\n    fields: {name: name}\n");
        assertThat(failing(clusters(csv("c.csv", text), m))).containsExactly(
                "ERROR: c.csv, line 1, field 'source_id': mapping mapping.yaml, rule 1 (clusters) takes the id from"
                        + " source field 'source_id' (it has no 'id:'), which the file does not have; its fields are"
                        + " [name, lat, lon]");
    }

    @Test
    void mappedFieldMissingFromShapefileDbf() throws Exception {
        var point = new GeometryFactory().createPoint(new Coordinate(77.3, 11.1));
        TestShapefile shp = new TestShapefile().field("CL_ID", 'C', 10, 0).field("CL_NAME", 'C', 40, 0)
                .add(point, "k-1", "Knit town");
        Path zip = TestShapefile.writeZip(dir.resolve("register.zip"), "", "register", shp.files(WGS84_PRJ, null));
        Mapping m = mappingFile("rules:\n  - layer: clusters\n    id: CL_ID\n    fields: {name: CLNAME}\n");
        assertThat(failing(clusters(zip, m))).containsExactly(
                "ERROR: register.zip!register.shp, field 'CLNAME': mapping mapping.yaml, rule 1 (clusters) names"
                        + " source field 'CLNAME' in 'fields: name', which the file does not have; its fields are"
                        + " [CL_ID, CL_NAME]");
    }

    @Test
    void mappedFieldMissingFromEveryGeoJsonFeature() throws Exception {
        String json = """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"code": "k-1", "label": "Knit town"},
                   "geometry": {"type": "Point", "coordinates": [77.3, 11.1]}},
                  {"type": "Feature", "properties": {"code": "k-2", "label": "Pottery", "note": "kilns"},
                   "geometry": {"type": "Point", "coordinates": [77.4, 11.2]}}]}
                """;
        Mapping m = mappingFile("rules:\n  - layer: clusters\n    id: code\n    fields: {name: name_en}\n");
        assertThat(failing(clusters(csv("register.geojson", json), m))).containsExactly(
                "ERROR: register.geojson, field 'name_en': mapping mapping.yaml, rule 1 (clusters) names source field"
                        + " 'name_en' in 'fields: name', which no feature of the file has; the properties its features"
                        + " have are [code, label, note]");
        // the id field missing from every feature: each feature's error, and past them the one that explains them
        StringBuilder many = new StringBuilder("{\"type\": \"FeatureCollection\", \"features\": [");
        for (int i = 0; i < 600; i++) {
            many.append(i == 0 ? "" : ",").append("{\"type\": \"Feature\", \"properties\": {\"label\": \"x\"},"
                    + " \"geometry\": {\"type\": \"Point\", \"coordinates\": [77.3, 11.1]}}");
        }
        Mapping byCode = mappingFile("rules:\n  - layer: clusters\n    id: code\n");
        assertThat(failing(clusters(csv("many.geojson", many + "]}"), byCode))).hasSize(501)
                .contains("ERROR: many.geojson, feature 1, field 'code': missing identifier")
                .last().isEqualTo("ERROR: many.geojson, field 'code': mapping mapping.yaml, rule 1 (clusters) names"
                        + " source field 'code' in 'id', which no feature of the file has; the properties its features"
                        + " have are [label]");
        // a property that only some features have is fine: it is empty in the others
        Mapping note = mappingFile("rules:\n  - layer: clusters\n    id: code\n    fields: {name: note}\n");
        assertThat(importer.run(clusters(dir.resolve("register.geojson"), note)).report().hasErrors()).isFalse();
    }

    @Test
    void missingGeometryColumns() throws Exception {
        assertThat(failing(clusters(csv("c.csv", "source_id,name\nc1,x\n"), null))).singleElement().asString()
                .startsWith("ERROR: c.csv, line 1: no geometry columns");
    }

    @Test
    void unparsableNumbers() throws Exception {
        String text = GOOD + "c3,Bad,eleven,77.5,10,10,,\nc4,Bad firms,11.3,77.5,many,10,,\n";
        assertThat(failing(clusters(csv("c.csv", text), null))).containsExactly(
                "ERROR: c.csv, line 4, field 'lat': 'eleven' is not a number",
                "ERROR: c.csv, line 5, field 'firms': 'many' is not a number");
    }

    @Test
    void latitudeOutOfRangeAndSwapped() throws Exception {
        String text = GOOD + "c3,Swapped,100.5,13.75,10,10,,\nc4,Far,95,200,10,10,,\nc5,Lon,11,181,1,1,,\n";
        assertThat(failing(clusters(csv("c.csv", text), null))).containsExactly(
                "ERROR: c.csv, line 4, field 'lat': latitude 100.5 is out of range [-90, 90] while longitude 13.75"
                        + " would be a valid latitude: latitude and longitude look swapped",
                "ERROR: c.csv, line 5, field 'lat': latitude 95.0 is out of range [-90, 90]",
                "ERROR: c.csv, line 6, field 'lon': longitude 181.0 is out of range [-180, 180]");
    }

    @Test
    void emptyGeometryIsAnErrorAndInvalidOneIsRepairedWithAWarning() throws Exception {
        String bowtie = "\"POLYGON ((77 11, 77.1 11.1, 77.1 11, 77 11.1, 77 11))\"";
        String text = "source_id,name,wkt\nc1,Bowtie," + bowtie + "\nc2,Nothing,POLYGON EMPTY\n";
        assertThat(failing(clusters(csv("w.csv", text), null)))
                .contains("ERROR: w.csv, line 3, field 'wkt': empty geometry")
                .anySatisfy(p -> assertThat(p).startsWith("WARNING: w.csv, line 2, field 'wkt': invalid geometry repaired (Self-intersection"));

        // without the empty row the repaired polygon imports, with its warning
        Importer.Result ok = importer.run(clusters(csv("w2.csv", "source_id,name,wkt\nc1,Bowtie," + bowtie + "\n"), null));
        assertThat(ok.report().warningCount()).isEqualTo(1);
        assertThat(store.feature(Layer.CLUSTERS, "region", "c1").orElseThrow().feature().geometry().isValid()).isTrue();
    }

    @Test
    void unknownCrs() throws Exception {
        Mapping m = mappingFile("crs: EPSG:999999\nrules:\n  - layer: clusters\n");
        assertThat(failing(clusters(csv("c.csv", GOOD), m))).singleElement().asString()
                .startsWith("ERROR: c.csv, field 'crs': ").contains("EPSG:999999");
    }

    @Test
    void duplicateClusterIds() throws Exception {
        String text = GOOD + "c1,Again,11.3,77.5,10,10,,\n";
        assertThat(failing(clusters(csv("c.csv", text), null))).containsExactly(
                "ERROR: c.csv, line 4, field 'source_id': duplicate id 'c1' in layer clusters (first seen at c.csv, line 2)");

        String grid = "source_id,cluster_grid_id,name,lat,lon\na,CG-IN-777777,A,11,77\nb,CG-IN-777777,B,11,77.1\n";
        assertThat(failing(clusters(csv("g.csv", grid), null))).containsExactly(
                "ERROR: g.csv, line 3, field 'cluster_grid_id': duplicate Cluster Grid ID CG-IN-777777 in this import");
    }

    @Test
    void skipInvalidLeavesOutRepeatedIdsAndKeepsTheFirst() throws Exception {
        String text = GOOD + "c1,Again,11.3,77.5,10,10,,\nc3,Third,11.4,77.6,5,50,,\n";
        Importer.Result r = importer.run(skipping(csv("c.csv", text)));
        assertThat(r.report().problems()).extracting(ImportProblem::toString).containsExactly(
                "WARNING: c.csv, line 4, field 'source_id': duplicate id 'c1' in layer clusters"
                        + " (first seen at c.csv, line 2) (record skipped)");
        assertThat(r.report().counts()).containsEntry(Layer.CLUSTERS, 3);
        assertThat(r.dataset().featureCounts()).containsEntry(Layer.CLUSTERS, 3);
        assertThat(store.feature(Layer.CLUSTERS, "region", "c1").orElseThrow().feature().attributes())
                .containsEntry("name", "Knitwear");

        String grid = "source_id,cluster_grid_id,name,lat,lon\na,CG-IN-777777,A,11,77\nb,CG-IN-777777,B,11,77.1\n";
        Importer.Result g = importer.run(skipping(csv("g.csv", grid)));
        assertThat(g.report().problems()).extracting(ImportProblem::toString).containsExactly(
                "WARNING: g.csv, line 3, field 'cluster_grid_id': duplicate Cluster Grid ID CG-IN-777777 in this import"
                        + " (record skipped)");
        assertThat(g.report().counts()).containsEntry(Layer.CLUSTERS, 1);
        assertThat(store.feature(Layer.CLUSTERS, "region", "b")).isEmpty();
    }

    @Test
    void failedImportSaysNothingWasWrittenInsteadOfCounts() throws Exception {
        String text = GOOD + "c3,Bad,eleven,77.5,10,10,,\n";
        var thrown = assertThatThrownBy(() -> importer.run(clusters(csv("c.csv", text), null)))
                .isInstanceOf(ImportFailedException.class);
        ImportReport report = ((ImportFailedException) thrown.actual()).report();
        assertThat(report.summary()).isEqualTo("1 error(s), 0 warning(s); nothing was written\n"
                + "ERROR: c.csv, line 4, field 'lat': 'eleven' is not a number");
        thrown.hasMessageStartingWith("Import failed: 1 error(s), 0 warning(s); nothing was written")
                .hasMessageNotContaining("clusters");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void badValueOutsideVocabulary() throws Exception {
        String text = GOOD + "c3,Odd,11.3,77.5,10,10,steel_mill,\n";
        assertThat(failing(clusters(csv("c.csv", text), null))).singleElement().asString().startsWith(
                "ERROR: c.csv, line 4, field 'typology': 'steel_mill' is not one of: high_tech_knowledge, dynamic_export");
    }

    @Test
    void truncatedAndCorruptPbf() throws Exception {
        Path pbf = SharedData.pokharaPbf();
        Path truncated = dir.resolve("truncated.osm.pbf");
        Files.write(truncated, Arrays.copyOf(Files.readAllBytes(pbf), 1_000_000));
        assertThat(failing(osm(truncated))).singleElement().asString()
                .startsWith("ERROR: truncated.osm.pbf: truncated or corrupt PBF");

        byte[] bytes = Files.readAllBytes(pbf);
        for (int i = 2_000_000; i < 2_000_400; i++) {
            bytes[i] = (byte) (bytes[i] ^ 0x5a);
        }
        Path corrupt = dir.resolve("corrupt.osm.pbf");
        Files.write(corrupt, bytes);
        assertThat(failing(osm(corrupt))).singleElement().asString().startsWith("ERROR: corrupt.osm.pbf: ");
    }

    @Test
    void corruptZip() throws Exception {
        Path zip = SharedData.require("india-pmgsy/Facilities/Sikkim.zip");
        byte[] bytes = Files.readAllBytes(zip);
        Path broken = dir.resolve("Sikkim.zip");
        Files.write(broken, Arrays.copyOf(bytes, bytes.length / 2));
        Mapping m = Mapping.read(Path.of("gis-data/mappings/pmgsy-facilities.yaml"));
        ImportRequest r = new ImportRequest(SourceKind.LAYER, List.of(new ImportRequest.Source(broken, m)), DATASET,
                null, false, false);
        assertThat(failing(r)).singleElement().asString().startsWith("ERROR: Sikkim.zip: ").contains("ZIP");
    }

    @Test
    void wrongFileTypes() throws Exception {
        Path zipAsOsm = dir.resolve("roads.osm.pbf");
        Files.copy(SharedData.require("india-pmgsy/Facilities/Sikkim.zip"), zipAsOsm);
        assertThat(failing(osm(zipAsOsm))).singleElement().asString()
                .isEqualTo("ERROR: roads.osm.pbf: expected an OpenStreetMap PBF file but it is a ZIP archive");

        Path pbfAsCsv = dir.resolve("clusters.csv");
        Files.copy(SharedData.pokharaPbf(), pbfAsCsv);
        assertThat(failing(clusters(pbfAsCsv, null))).singleElement().asString()
                .isEqualTo("ERROR: clusters.csv: expected a CSV, GeoJSON, zipped Shapefile, GeoPackage or FlatGeobuf file but it is an OpenStreetMap PBF file");
    }

    @Test
    void missingFile() {
        assertThat(failing(clusters(dir.resolve("nowhere.csv"), null))).singleElement().asString()
                .startsWith("ERROR: nowhere.csv: file not found");
    }

    static final String WGS84_PRJ = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\","
            + "6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    static ImportRequest skipping(Path file) {
        return new ImportRequest(SourceKind.CLUSTERS, List.of(new ImportRequest.Source(file, null)), DATASET, null,
                false, true);
    }

    static ImportRequest osm(Path file) {
        return new ImportRequest(SourceKind.OSM, List.of(new ImportRequest.Source(file, null)), DATASET, null, false, false);
    }

    Mapping mappingFile(String yaml) throws IOException {
        Path p = dir.resolve("mapping.yaml");
        Files.writeString(p, yaml);
        return Mapping.read(p);
    }
}
