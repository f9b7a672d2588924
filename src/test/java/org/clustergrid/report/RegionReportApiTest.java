package org.clustergrid.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.clustergrid.app.RegionReportService;
import org.clustergrid.app.cli.RegionReportCommand;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The regional report over HTTP and from the command line, on the server's demo region: its CSV is the rows of
 * /api/scores?f=csv for the same run, its PDF names that run and lists the run's top priorities; bad input is a 400 or
 * 404 naming what is wrong, and the command writes nothing then.
 */
class RegionReportApiTest extends ServerTest {
    @Autowired
    RegionReportService reports;

    @TempDir
    Path dir;

    HttpResponse<String> get(String path) throws Exception {
        return send(path, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theCsvIsTheScoresCsvOfTheSameRunForTheRegionsClusters() throws Exception {
        String scores = get("/api/scores?f=csv").body();
        HttpResponse<String> all = get("/api/reports/regions?f=csv");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(all.body()).as("every cluster: the whole scores CSV").isEqualTo(scores);

        // a box holding part of the clusters, and which they are, found from the GeoJSON apart from the server
        JsonNode features = JSON.readTree(get("/api/scores?f=geojson").body()).path("features");
        List<double[]> points = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (JsonNode f : features) {
            Geometry g = new GeoJsonReader().read(f.path("geometry").toString());
            org.locationtech.jts.geom.Point p = g.getDimension() == 0 ? g.getCentroid() : g.getInteriorPoint();
            points.add(new double[] {p.getX(), p.getY()});
            ids.add(f.path("properties").path("cluster_grid_id").asText());
        }
        double midLon = points.stream().mapToDouble(p -> p[0]).sorted().toArray()[points.size() / 2];
        Envelope box = new Envelope(-180, midLon, -90, 90);
        Set<String> inside = new HashSet<>();
        for (int i = 0; i < points.size(); i++) {
            if (box.covers(points.get(i)[0], points.get(i)[1])) {
                inside.add(ids.get(i));
            }
        }
        assertThat(inside.size()).isBetween(1, points.size() - 1);
        List<String> expected = new ArrayList<>();
        String[] lines = scores.split("\r\n");
        expected.add(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            if (inside.contains(lines[i].split(",")[0])) {
                expected.add(lines[i]);
            }
        }
        HttpResponse<String> part = get("/api/reports/regions?f=csv&bbox=-180,-90," + midLon + ",90");
        assertThat(part.statusCode()).as(part.body()).isEqualTo(200);
        assertThat(part.body().split("\r\n")).containsExactlyElementsOf(expected);
    }

    @Test
    void pdfAndHtmlNameTheRunAndListItsTopPriorities() throws Exception {
        JsonNode run = JSON.readTree(get("/api/scores?f=json").body());
        String runId = run.path("run").asText();
        HttpResponse<byte[]> pdf = send("/api/reports/regions?f=pdf&paper=letter&top=5",
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        Files.createDirectories(Path.of("target/report-samples"));
        Files.write(Path.of("target/report-samples/region-demo-letter.pdf"), pdf.body());
        PdfText text = new PdfText(pdf.body());
        assertThat(text.sizes.get(0)[0]).isEqualTo(612f);
        ClusterProfileReportTest.contains("the PDF", text.text, runId, "Priority ranking: the first 5 of",
                "synthetic — not real places");
        org.clustergrid.scoring.ScoringRun same = reports.context().run();
        assertThat(same.id()).as("the API and the report read one run").isEqualTo(runId);
        List<org.clustergrid.scoring.ScoringRun.Ranked> top = same.byRank().stream().filter(r -> r.score().scored())
                .limit(5).toList();
        HttpResponse<String> html = get("/api/reports/regions?top=5");
        assertThat(html.statusCode()).isEqualTo(200);
        Files.writeString(Path.of("target/report-samples/region-demo.html"), html.body());
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        int n = 0;
        for (var r : top) {
            var s = r.score();
            String size = s.size() == null ? "unknown" : Plain.count(s.size());
            String priority = s.priority() == null ? "unknown" : Plain.count(Math.round(s.priority()));
            ClusterProfileReportTest.contains("the PDF", text.text, s.name(), s.id(), Plain.score(s.composite()),
                    priority);
            int at = html.body().indexOf("<tr data-cluster=\"" + s.id() + "\">");
            assertThat(at).as(s.id()).isPositive();
            String row = html.body().substring(at, html.body().indexOf("</tr>", at));
            ClusterProfileReportTest.contains("row " + s.id(), row, ">" + ++n + "<", ">" + s.name() + "<", ">" + size
                    + "<", ">" + Plain.score(s.composite()) + "<", ">" + Plain.score(s.gap()) + "<", ">" + priority
                    + "<", ">rank " + r.rank() + "<");
        }
        assertThat(n).isEqualTo(5);
        assertThat(html.body()).contains(runId, "Regional priority report", "data:image/png;base64,", "<svg");
    }

    @Test
    void badInputIsRefusedByNameAsAPageForHtml() throws Exception {
        HttpResponse<String> f = get("/api/reports/regions?f=docx");
        assertThat(f.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(f.body()).get("message").asText()).startsWith("f must be html or pdf or csv");
        assertThat(get("/api/reports/regions?paper=a3").statusCode()).isEqualTo(400);
        HttpResponse<String> top = get("/api/reports/regions?f=pdf&top=0");
        assertThat(top.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(top.body()).get("message").asText()).startsWith("top must be");

        HttpResponse<String> layer = get("/api/reports/regions?layer=nowhere");
        assertThat(layer.statusCode()).isEqualTo(404);
        assertThat(layer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(layer.body()).contains("Region not found", "no layer &#39;nowhere&#39;");
        HttpResponse<String> layerPdf = get("/api/reports/regions?layer=nowhere&f=pdf");
        assertThat(layerPdf.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(layerPdf.body()).get("message").asText()).contains("no layer 'nowhere'");

        HttpResponse<String> ocean = get("/api/reports/regions?f=csv&bbox=-30,-30,-29,-29");
        assertThat(ocean.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(ocean.body()).get("message").asText()).contains("no cluster");
        HttpResponse<String> bbox = get("/api/reports/regions?bbox=1,2");
        assertThat(bbox.statusCode()).isEqualTo(400);
        assertThat(bbox.body()).contains("Region report not made", "bbox must be");
        HttpResponse<String> area = get("/api/reports/regions?f=pdf&area="
                + URLEncoder.encode("LINESTRING(80 20, 81 21)", StandardCharsets.UTF_8));
        assertThat(area.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(area.body()).get("message").asText()).contains("polygon");
    }

    @Test
    void theCommandWritesWholeFilesOrNone() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path pdf = dir.resolve("out/region.pdf");
        Path csv = dir.resolve("out/region.csv");
        int code = RegionReportCommand.run(reports, RegionReportCommand.parse(new String[] {"region", "--pdf",
                pdf.toString(), "--csv", csv.toString(), "--paper", "letter", "--top", "3"}), new PrintStream(out, true),
                new PrintStream(err, true));
        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readString(csv)).isEqualTo(get("/api/scores?f=csv").body());
        assertThat(new PdfText(Files.readAllBytes(pdf)).text).contains("Priority ranking: the first 3 of");
        assertThat(out.toString()).contains("Wrote the regional report of All clusters");

        // a drawn polygon from a file (a GeoJSON Feature) around every cluster: the whole scores CSV
        Path drawn = dir.resolve("drawn.geojson");
        Files.writeString(drawn, "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[-179,-89],[179,-89],[179,89],[-179,89],[-179,-89]]]}}");
        Path drawnCsv = dir.resolve("out/drawn.csv");
        code = RegionReportCommand.run(reports, RegionReportCommand.parse(new String[] {"region", "--area",
                "@" + drawn, "--csv", drawnCsv.toString()}), new PrintStream(out, true), new PrintStream(err, true));
        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readString(drawnCsv)).isEqualTo(get("/api/scores?f=csv").body());
        Files.delete(drawn);

        Path none = dir.resolve("none");
        code = RegionReportCommand.run(reports, RegionReportCommand.parse(new String[] {"region", "--bbox",
                "-30,-30,-29,-29", "--pdf", none.resolve("r.pdf").toString(), "--csv", none.resolve("r.csv")
                .toString()}), new PrintStream(out, true), new PrintStream(err, true));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("no cluster");
        assertThat(Files.exists(none)).as("no file, not even a part").isFalse();
        code = RegionReportCommand.run(reports, RegionReportCommand.parse(new String[] {"region", "--layer", "nowhere",
                "--html", dir.resolve("x.html").toString()}), new PrintStream(out, true), new PrintStream(err, true));
        assertThat(code).isEqualTo(2);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("out");
        }
    }
}
