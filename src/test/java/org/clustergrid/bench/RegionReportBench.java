package org.clustergrid.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clustergrid.model.Dataset;
import org.clustergrid.model.Layer;
import org.clustergrid.network.SpeedProfile;
import org.clustergrid.report.AdminAreas;
import org.clustergrid.report.Paper;
import org.clustergrid.report.ProfileSources;
import org.clustergrid.report.RegionReportRequest;
import org.clustergrid.report.RegionScope;
import org.clustergrid.report.RegionalPriorityReport;
import org.clustergrid.report.ReportContext;
import org.clustergrid.report.ReportDocument;
import org.clustergrid.report.ReportFormat;
import org.clustergrid.report.Reports;
import org.clustergrid.scenario.CostProfile;
import org.clustergrid.scoring.ScoringData;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.scoring.ScoringProfile;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.testing.DefaultProfile;

/**
 * The regional report's speed (src/bench/region-report-bench.sh): the scoring benchmarks' region ({@link
 * ScaledRegion}: the real Pokhara roads and grid, PMGSY finance points and GeoNames towns; the 41 OSM clusters plus
 * seeded ones near the roads, with seeded sizes), scored once; then the report of every cluster, timed as built
 * (content, two maps, chart) and written as PDF, as HTML and as CSV. Arguments: shared gis folder, clusters,
 * reports to time.
 */
public final class RegionReportBench {
    private static final int WARM_UP = 2;

    private RegionReportBench() {}

    public static void main(String[] args) throws Exception {
        Path gis = Path.of(args[0]);
        int clusters = Integer.parseInt(args[1]);
        int reports = Integer.parseInt(args[2]);
        ScoringData data = ScaledRegion.scoringData(gis, 1, 1, clusters);
        ScoringProfile profile = DefaultProfile.read();
        ScoringEngine engine = ScoringEngine.build(data, profile, SpeedProfile.defaults());
        long s = System.nanoTime();
        ScoringRun run = ScoringRun.run(engine, profile.dimensionWeights());
        System.out.printf(Locale.ROOT, "scored %d clusters in %.1f s%n", run.ranked().size(), (System.nanoTime() - s) / 1e9);
        CostProfile costs;
        try (InputStream in = Files.newInputStream(Path.of("gis-data/costs/default.yaml"))) {
            costs = CostProfile.read("default.yaml", in);
        }
        Dataset bench = new Dataset("bench", "Benchmark region", "../shared/gis (Pokhara OSM, PMGSY, GeoNames)",
                "ODbL 1.0; GODL-India; CC BY 4.0", "© OpenStreetMap contributors; MoRD PMGSY; GeoNames",
                Instant.now(), Map.of(Layer.CLUSTERS, data.clusters().size()), false, null);
        ReportContext ctx = new ReportContext(run, engine, ProfileSources.of(profile,
                Files.readAllBytes(DefaultProfile.FILE)), List.of(bench), List.of(), AdminAreas.none(), costs);
        RegionReportRequest request = new RegionReportRequest(RegionScope.all(), null,
                RegionReportRequest.DEFAULT_TOP);
        RegionalPriorityReport builder = new RegionalPriorityReport();
        List<Double> build = new ArrayList<>();
        List<Double> pdf = new ArrayList<>();
        List<Double> html = new ArrayList<>();
        List<Double> csv = new ArrayList<>();
        byte[] last = null;
        for (int i = 0; i < WARM_UP + reports; i++) {
            long a = System.nanoTime();
            ReportDocument doc = builder.build(ctx, request);
            long b = System.nanoTime();
            byte[] p = Reports.bytes(doc, ReportFormat.PDF, Paper.A4);
            long c = System.nanoTime();
            Reports.bytes(builder.build(ctx, request), ReportFormat.HTML, Paper.A4);
            long d = System.nanoTime();
            RegionalPriorityReport.csv(ctx, request.scope());
            long e = System.nanoTime();
            if (i >= WARM_UP) {
                build.add((b - a) / 1e9);
                pdf.add((c - a) / 1e9);
                html.add((d - c) / 1e9);
                csv.add((e - d) / 1e9);
            } else {
                System.out.printf(Locale.ROOT, "warm-up %d: PDF from the start %.2f s%n", i + 1, (c - a) / 1e9);
            }
            last = p;
        }
        Files.createDirectories(Path.of("target/report-samples"));
        Files.write(Path.of("target/report-samples/region-bench-" + clusters + ".pdf"), last);
        System.out.printf(Locale.ROOT, "%d regional reports of %d clusters, after %d warm-up; %,d kB a PDF, %d pages"
                + " (target/report-samples/region-bench-%d.pdf)%n", reports, run.ranked().size(), WARM_UP,
                last.length / 1024, pages(last), clusters);
        print("content, maps and chart", build);
        print("PDF (A4), from the start", pdf);
        print("HTML, from the start", html);
        print("CSV", csv);
        System.out.printf(Locale.ROOT, "%d processors%n", Runtime.getRuntime().availableProcessors());
    }

    private static int pages(byte[] pdf) throws Exception {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    private static void print(String what, List<Double> seconds) {
        List<Double> s = new ArrayList<>(seconds);
        Collections.sort(s);
        System.out.printf(Locale.ROOT, "%-26s min %.2f s  median %.2f s  max %.2f s%n", what, s.get(0),
                s.get(s.size() / 2), s.get(s.size() - 1));
    }
}
