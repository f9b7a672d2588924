package org.clustergrid.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import java.util.Locale;
import org.clustergrid.model.Layer;
import org.clustergrid.model.Market;
import org.clustergrid.testing.PokharaLayers;
import org.clustergrid.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code portfolio … --report FILE} on the imported Pokhara extract: the report beside the table the command prints,
 * on Letter paper, the changed clusters as CSV; a refused budget leaves no file, not even a part of one.
 */
class PortfolioReportCommandTest {
    @TempDir
    Path dir;

    private String[] run(String command, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        int rc;
        try {
            rc = command.equals("import") ? ClusterGridApplication.runImport(args)
                    : ClusterGridApplication.runPortfolio(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new String[] {Integer.toString(rc), o.toString(StandardCharsets.UTF_8),
            e.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void writesTheReportOfThePortfolioItPrints() throws Exception {
        String data = "--clustergrid.data-dir=" + dir.resolve("data");
        String[] imported = run("import", "osm", SharedData.pokharaPbf().toString(), "--dataset", "pokhara", data);
        assertThat(imported[0]).as(imported[2]).isEqualTo("0");
        // a cluster of a few hundred workers at each of the extract's villages, a branch proposed at every third
        List<Market> villages = PokharaLayers.read().get(Layer.MARKETS).stream().map(f -> f.feature())
                .filter(f -> f instanceof Market m && m.kind() == Market.MarketKind.VILLAGE).map(f -> (Market) f)
                .toList();
        StringBuilder clusters = new StringBuilder("{\"type\": \"FeatureCollection\", \"features\": [");
        StringBuilder banks = new StringBuilder("{\"type\": \"FeatureCollection\", \"name\": \"Branches\","
                + " \"features\": [");
        for (int k = 0; k < villages.size(); k++) {
            Market m = villages.get(k);
            String point = String.format(Locale.ROOT, "{\"type\": \"Point\", \"coordinates\": [%.6f, %.6f]}",
                    m.geometry().getCoordinate().x, m.geometry().getCoordinate().y);
            clusters.append(k == 0 ? "" : ",").append("{\"type\": \"Feature\", \"geometry\": ").append(point)
                    .append(", \"properties\": {\"source_id\": \"v").append(k).append("\", \"employment\": ")
                    .append(40 + (k * 97) % 960).append("}}");
            if (k % 3 == 0) {
                banks.append(k == 0 ? "" : ",").append("{\"type\": \"Feature\", \"geometry\": ").append(point)
                        .append(", \"properties\": {\"id\": \"bank-v").append(k).append("\", \"kind\":"
                                + " \"finance_point\", \"finance_type\": \"bank\", \"cost\": ")
                        .append(30_000 + 1_000 * k).append("}}");
            }
        }
        Path villagesFile = dir.resolve("villages.geojson");
        Files.writeString(villagesFile, clusters.append("]}"));
        String[] placed = run("import", "clusters", villagesFile.toString(), "--dataset", "villages", data);
        assertThat(placed[0]).as(placed[2]).isEqualTo("0");
        Path candidates = dir.resolve("branches.geojson");
        Files.writeString(candidates, banks.append("]}"));
        Path out = dir.resolve("out");
        Path pdf = out.resolve("portfolio.pdf");
        Path changed = out.resolve("clusters.csv");
        String[] r = run("portfolio", "--budget", "125000", "--candidates", candidates.toString(), "--objective",
                "gap", "--report", pdf.toString(), "--paper", "letter", "--clusters-csv", changed.toString(), data);
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("Wrote the portfolio report to " + pdf);
        String text;
        float width;
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            width = doc.getPage(0).getMediaBox().getWidth();
        }
        assertThat(width).isEqualTo(612f);
        // the picks the command printed are the report's
        List<String> picked = r[1].lines().filter(l -> l.matches(".* bank-v\\d+ \\(finance_point\\)"))
                .map(l -> l.replaceAll(".* (bank-v\\d+) .*", "$1")).toList();
        assertThat(picked).isNotEmpty();
        picked.forEach(id -> assertThat(text).contains(id));
        assertThat(text).contains(picked.size() + (picked.size() == 1 ? " project for " : " projects for "))
                .contains("interventions of file branches.geojson").contains("Maximise the gap closed")
                .contains("OnSSET default mv_line_cost");
        List<String> rows = Files.readAllLines(changed);
        assertThat(rows.get(0)).startsWith("cluster_id,name,size,gap_before,gap_after");
        assertThat(rows.size()).isGreaterThan(1);

        // refused: exit 2, the earlier report untouched, nothing half-written beside it
        byte[] before = Files.readAllBytes(pdf);
        String[] broke = run("portfolio", "--budget", "0", "--candidates", candidates.toString(), "--report",
                pdf.toString(), data);
        assertThat(broke[0]).isEqualTo("2");
        assertThat(broke[2]).contains("budget: 0.0 is not an amount above 0 (in USD)");
        assertThat(Files.readAllBytes(pdf)).isEqualTo(before);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("portfolio.pdf",
                    "clusters.csv");
        }
        String[] paper = run("portfolio", "--budget", "1000", "--candidates", candidates.toString(), "--report",
                dir.resolve("x.pdf").toString(), "--paper", "a3", data);
        assertThat(paper[0]).isNotEqualTo("0");
        assertThat(paper[2]).contains("--paper must be a4 or letter, not 'a3'");
        String[] docx = run("portfolio", "--budget", "1000", "--candidates", candidates.toString(), "--report",
                dir.resolve("x.docx").toString(), data);
        assertThat(docx[2]).contains("--report: ");
        assertThat(dir.resolve("x.pdf")).doesNotExist();
    }
}
