package org.clustergrid.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.clustergrid.app.ReportService;
import org.clustergrid.app.cli.ReportCommand;
import org.clustergrid.scoring.ClusterScore;
import org.clustergrid.scoring.IndicatorResult;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The cluster profile over HTTP and from the command line, on the server's demo region: the figures of the run
 * /api/scores serves, as the report formats them; 404 for an unknown cluster, 400 naming a bad parameter.
 */
class ReportApiTest extends ServerTest {
    @Autowired
    ReportService reports;

    @TempDir
    Path dir;

    /** The cluster with the largest gap: its profile has gaps to close. */
    JsonNode neediest() throws Exception {
        JsonNode run = JSON.readTree(send("/api/scores?f=json", HttpResponse.BodyHandlers.ofString()).body());
        JsonNode best = null;
        for (JsonNode c : run.get("clusters")) {
            if (c.hasNonNull("gap") && (best == null || c.get("gap").asDouble() > best.get("gap").asDouble())) {
                best = c;
            }
        }
        assertThat(best).isNotNull();
        return JSON.readTree(send("/api/scores/" + best.get("cluster_grid_id").asText(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void htmlShowsTheFiguresOfTheRunTheScoresApiServes() throws Exception {
        JsonNode json = neediest();
        String id = json.get("cluster_grid_id").asText();
        ScoringRun run = reports.context().run();
        assertThat(json.get("run").get("run").asText()).as("the API and the report read one run").isEqualTo(run.id());
        ClusterScore s = run.ranked().stream().map(ScoringRun.Ranked::score).filter(c -> c.id().equals(id))
                .findFirst().orElseThrow();
        HttpResponse<String> r = send("/api/reports/clusters/" + id, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        String html = r.body();
        contains(html, id, run.id(), ">" + Plain.score(s.composite()) + "<", ">" + Plain.score(s.gap()) + "<",
                "synthetic — not real places");
        int missing = 0;
        for (IndicatorResult ind : s.indicators().values()) {
            String row = row(html, ind.indicator().id());
            if (ind.value() != null) {
                contains(row, ">" + Plain.value(ind.indicator().unit(), ind.value()) + "<",
                        ">" + Plain.score(ind.score()) + "<");
            } else if (ind.missing() != null) {
                contains(row, ">unknown<", Xhtml.escape(ind.missing().message()));
                missing++;
            }
        }
        assertThat(s.gap()).isPositive();
        contains(html, "<ol class=\"gaps\">", "Closes it: ");
        System.out.printf("report of %s: gap %s, %d indicators unknown%n", id, Plain.score(s.gap()), missing);
    }

    @Test
    void pdfOnA4AndLetter() throws Exception {
        String id = neediest().get("cluster_grid_id").asText();
        HttpResponse<byte[]> a4 = send("/api/reports/clusters/" + id + "?f=pdf",
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(a4.statusCode()).isEqualTo(200);
        assertThat(a4.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        assertThat(new String(a4.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        // kept under target/ for a look at the pages (pdftoppm)
        Files.createDirectories(Path.of("target/report-samples"));
        Files.write(Path.of("target/report-samples/demo-" + id + ".pdf"), a4.body());
        PdfText pdf = new PdfText(a4.body());
        assertThat(pdf.sizes.get(0)[1]).isGreaterThan(840);
        contains(pdf.text, id, "Methodology and provenance");
        HttpResponse<byte[]> letter = send("/api/reports/clusters/" + id + "?f=pdf&paper=LETTER",
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(letter.statusCode()).isEqualTo(200);
        assertThat(new PdfText(letter.body()).sizes.get(0)[1]).isEqualTo(792f);
    }

    @Test
    void theIdentificationGridShowsWhatIsKnownAndSaysNotKnownForTheRestWithinTwoPages() throws Exception {
        String garments = demoCluster("Ambervale Garment Cluster");
        byte[] body = send("/api/reports/clusters/" + garments + "?f=pdf", HttpResponse.BodyHandlers.ofByteArray())
                .body();
        Files.createDirectories(Path.of("target/report-samples"));
        Files.write(Path.of("target/report-samples/demo-identification-" + garments + ".pdf"), body);
        PdfText full = new PdfText(body);
        // in the PDF the headline column's text runs between the rows: short pieces only
        contains(full.text, "growing; emerged in 1994", "knitwear (global, 45% of output)", "denim (regional)",
                "12.5% of enterprises", "Demo Valley Chamber of Small Industries", "District Industries Centre",
                "info@garments.example.org");
        assertThat(full.pageOf("Methodology and provenance")).as("the profile itself on two pages").isEqualTo(3);
        String html = send("/api/reports/clusters/" + garments, HttpResponse.BodyHandlers.ofString()).body();
        contains(html, factCell("status", "growing; emerged in 1994"), factCell("product-markets", "knitwear (global, 45% of"
                + " output); woven shirts (national, 30% of output); denim (regional)"),
                factCell("informal-share", "12.5% of enterprises"), factCell("associations", "Ambervale Garment Exporters"
                        + " Association; Demo Valley Chamber of Small Industries"),
                factCell("support-institutions", "Ambervale Apparel Testing Centre; Demo Valley Skills Institute;"
                        + " District Industries Centre"),
                factCell("contact", "Ambervale Garment Exporters Association · info@garments.example.org ·"
                        + " https://garments.example.org/cluster"));

        PdfText partly = new PdfText(send("/api/reports/clusters/" + demoCluster("Fernhill Pottery") + "?f=pdf",
                HttpResponse.BodyHandlers.ofByteArray()).body());
        contains(partly.text, "Status mature; year of emergence not known", "85% of enterprises", "Products and"
                + " markets not known", "Associations not known", "Support institutions not known", "Contact not known");
        String none = send("/api/reports/clusters/" + demoCluster("Brookmoor Auto Components"),
                HttpResponse.BodyHandlers.ofString()).body();
        contains(none, "<td class=\"grid\" colspan=\"3\">not known: status, year of emergence, products and"
                + " markets, informal share, associations, support institutions, contact</td>");
    }

    /** A cell of the grid; products and markets, and the contact, span the table. */
    private static String factCell(String cls, String text) {
        String span = cls.equals("product-markets") || cls.equals("contact") ? " colspan=\"3\"" : "";
        return "<td class=\"" + cls + "\"" + span + ">" + Xhtml.escape(text) + "</td>";
    }

    /** The Cluster Grid ID of the demo cluster with this name. */
    String demoCluster(String name) throws Exception {
        JsonNode all = JSON.readTree(send("/api/clusters", HttpResponse.BodyHandlers.ofString()).body());
        for (JsonNode f : all.get("features")) {
            if (name.equals(f.path("properties").path("name").asText())) {
                return f.get("properties").get("cluster_grid_id").asText();
            }
        }
        throw new AssertionError("no demo cluster " + name);
    }

    @Test
    void anUnknownClusterIsNotFound() throws Exception {
        HttpResponse<String> pdf = send("/api/reports/clusters/CG-XX-999999?f=pdf",
                HttpResponse.BodyHandlers.ofString());
        assertThat(pdf.statusCode()).isEqualTo(404);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(JSON.readTree(pdf.body()).get("message").asText()).contains("CG-XX-999999");
        HttpResponse<String> html = send("/api/reports/clusters/CG-XX-999999", HttpResponse.BodyHandlers.ofString());
        assertThat(html.statusCode()).isEqualTo(404);
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        contains(html.body(), "Cluster not found", "CG-XX-999999");
    }

    @Test
    void aBadParameterIsRefusedByName() throws Exception {
        String id = neediest().get("cluster_grid_id").asText();
        HttpResponse<String> f = send("/api/reports/clusters/" + id + "?f=docx", HttpResponse.BodyHandlers.ofString());
        assertThat(f.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(f.body()).get("message").asText()).startsWith("f must be html or pdf").contains("docx");
        HttpResponse<String> paper = send("/api/reports/clusters/" + id + "?f=pdf&paper=a3",
                HttpResponse.BodyHandlers.ofString());
        assertThat(paper.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(paper.body()).get("message").asText()).startsWith("paper must be a4 or letter");
    }

    @Test
    void theCommandWritesOneProfilePerClusterWhole() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ReportCommand.run(reports, ReportCommand.parse(new String[] {"clusters", "--out",
                dir.resolve("all").toString(), "--paper", "letter"}), new PrintStream(out, true),
                new PrintStream(err, true));
        assertThat(code).as(err.toString()).isZero();
        int clusters = reports.context().run().ranked().size();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir.resolve("all"))) {
            files = s.toList();
        }
        assertThat(files).hasSize(clusters).allMatch(p -> p.getFileName().toString().matches(
                "cluster-profile-.+\\.pdf"));
        assertThat(out.toString()).contains("report " + clusters + "/" + clusters + " (100 %)");
        assertThat(new PdfText(Files.readAllBytes(files.get(0))).sizes.get(0)[0]).isEqualTo(612f);

        code = ReportCommand.run(reports, ReportCommand.parse(new String[] {"cluster", "CG-XX-999999", "--pdf",
                dir.resolve("none.pdf").toString()}), new PrintStream(out, true), new PrintStream(err, true));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("CG-XX-999999");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).as("no file, not even a part")
                    .containsExactly("all");
        }
    }

    private static String row(String html, String indicator) {
        int at = html.indexOf("data-indicator=\"" + indicator + "\"");
        assertThat(at).as(indicator).isPositive();
        return html.substring(at, html.indexOf("</tr>", at));
    }

    private static void contains(String text, String... needles) {
        ClusterProfileReportTest.contains("the report", text, needles);
    }
}
