package org.clustergrid.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.clustergrid.app.InterventionGaps;
import org.clustergrid.register.interventions.GapSource;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.Role;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Intervention grid printed in the cluster profile of the demo clusters, read back from the
 * PDF with PDFBox: each demo cluster's own part still fits two pages with the grid the run makes; a finance need
 * entered and a computed row marked planned over the API are printed, the planned one beside its gap.
 */
class InterventionGridReportApiTest extends ServerTest {
    static final String ITEMS = "/ogc/features/collections/interventions/items";

    @Autowired
    Accounts accounts;
    @Autowired
    InterventionGaps gaps;

    @Test
    void theProfilePrintsTheGridWithinItsTwoPages() throws Exception {
        String editor = accounts.createKey("planner", Role.EDITOR, null).secret();
        // every demo cluster's profile, with its grid as the run makes it, keeps its own part to two pages
        for (GapSource.ClusterGaps c : gaps.current().clusters()) {
            HttpResponse<byte[]> pdf = send("/api/reports/clusters/" + c.clusterGridId() + "?f=pdf",
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(new PdfText(pdf.body()).pageOf("Methodology and provenance")).as(c.clusterGridId())
                    .isEqualTo(3);
        }
        GapSource.ClusterGaps most = gaps.current().clusters().stream().filter(c -> c.gaps().size() > 3)
                .min(Comparator.comparingInt(c -> c.gaps().size())).orElseThrow();
        String id = most.clusterGridId();
        List<GapSource.Gap> gapList = most.gaps();
        assertThat(gapList).as("a demo cluster falls short in several indicators").hasSizeGreaterThan(2);

        HttpResponse<String> made = exchange("POST", ITEMS, editor, "application/geo+json", "{\"type\":\"Feature\","
                + "\"geometry\":null,\"properties\":{\"cluster_grid_id\":\"" + id + "\",\"category\":\"finance\","
                + "\"title\":\"Credit guarantee for machinery loans\",\"agency\":\"State Bank\",\"budget\":1500000,"
                + "\"currency\":\"INR\",\"start_date\":\"2027-04-01\",\"end_date\":\"2028-03-31\"}}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String first = id + "." + gapList.get(0).indicator();
        HttpResponse<String> planned = exchange("PATCH", ITEMS + "/" + first, editor, "application/merge-patch+json",
                "{\"properties\":{\"status\":\"planned\",\"agency\":\"District Industries Centre\"}}",
                "If-Match", "*");
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(200);

        HttpResponse<byte[]> a4 = send("/api/reports/clusters/" + id + "?f=pdf", HttpResponse.BodyHandlers
                .ofByteArray());
        assertThat(a4.statusCode()).isEqualTo(200);
        Files.createDirectories(Path.of("target/report-samples"));
        Files.write(Path.of("target/report-samples/demo-grid-" + id + ".pdf"), a4.body());
        PdfText pdf = new PdfText(a4.body());
        int page = pdf.pageOf("Credit guarantee for machinery loans");
        int method = pdf.pageOf("Methodology and provenance");
        // the demo profiles fill their two pages, so rows entered by hand may take a third before the method
        assertThat(page).as("the entered row is printed in the cluster's own part").isBetween(2, method - 1);
        assertThat(method).isBetween(3, 4);
        assertThat(pdf.pages.get(page - 1)).contains("Intervention grid", "State Bank", "Finance",
                "2027-04-01 – 2028-03-31", PdfText.fold(Plain.money(1_500_000, "INR")));
        // the largest gap's row stands beside it in the list, with its new status and agency
        assertThat(pdf.text).contains(PdfText.fold(gapList.get(0).intervention() + " — planned, District Industries"
                + " Centre"));
        assertThat(pdf.text).contains((gapList.size() - InterventionSection.LISTED_GAPS) + " identified needs from"
                + " the smaller gaps");

        // the HTML: the entered row in the grid's table, the planned gap's standing in the list of gaps
        String html = new String(send("/api/reports/clusters/" + id, HttpResponse.BodyHandlers.ofByteArray()).body(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("<table class=\"data grid\">", "<span class=\"grid-status\"> — planned, District"
                + " Industries Centre</span>").doesNotContain("data-intervention=\"" + first + "\"");
        for (GapSource.Gap g : gapList.subList(0, InterventionSection.LISTED_GAPS)) {
            assertThat(html).contains(g.intervention().replace("'", "&#39;"));
        }
        JsonNode rows = JSON.readTree(exchange("GET", "/api/clusters/" + id + "/interventions", null, null, null)
                .body()).path("rows");
        assertThat(rows).hasSize(gapList.size() + 1);
    }
}
