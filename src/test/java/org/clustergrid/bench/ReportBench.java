package org.clustergrid.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.clustergrid.report.ClusterProfileReport;
import org.clustergrid.report.Paper;
import org.clustergrid.report.PokharaReports;
import org.clustergrid.report.ReportContext;
import org.clustergrid.report.ReportDocument;
import org.clustergrid.report.ReportFormat;
import org.clustergrid.report.Reports;
import org.clustergrid.testing.TestStore;

/**
 * The cluster profile's speed (src/bench/report-bench.sh): the real Pokhara region in a fresh H2GIS store, scored once;
 * then each cluster's profile in turn, timed as built (content, map, chart) and written as PDF, and as HTML.
 * Argument: how many reports to time.
 */
public final class ReportBench {
    private static final int WARM_UP = 5;

    private ReportBench() {}

    public static void main(String[] args) throws Exception {
        int reports = Integer.parseInt(args[0]);
        Path dir = Files.createTempDirectory("report-bench");
        try (TestStore store = TestStore.h2gis(dir)) {
            PokharaReports.fill(store.store());
            ReportContext ctx = PokharaReports.context(store.store());
            List<String> ids = ctx.run().ranked().stream().map(r -> r.score().id()).toList();
            ClusterProfileReport builder = new ClusterProfileReport();
            List<Double> build = new ArrayList<>();
            List<Double> pdf = new ArrayList<>();
            List<Double> html = new ArrayList<>();
            long bytes = 0;
            for (int i = 0; i < WARM_UP + reports; i++) {
                String id = ids.get(i % ids.size());
                long a = System.nanoTime();
                ReportDocument doc = builder.build(ctx, id);
                long b = System.nanoTime();
                byte[] p = Reports.bytes(doc, ReportFormat.PDF, Paper.A4);
                long c = System.nanoTime();
                Reports.bytes(builder.build(ctx, id), ReportFormat.HTML, Paper.A4);
                long d = System.nanoTime();
                if (i >= WARM_UP) {
                    build.add((b - a) / 1e9);
                    pdf.add((c - a) / 1e9);
                    html.add((d - c) / 1e9);
                    bytes += p.length;
                }
            }
            System.out.printf(Locale.ROOT, "%d cluster profiles of %d clusters (Pokhara), after %d warm-up%n", reports,
                    ids.size(), WARM_UP);
            print("content, map and chart", build);
            print("PDF (A4), from the start", pdf);
            print("HTML, from the start", html);
            System.out.printf(Locale.ROOT, "mean PDF size %,d kB%n", bytes / reports / 1024);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void print(String what, List<Double> seconds) {
        List<Double> s = new ArrayList<>(seconds);
        Collections.sort(s);
        System.out.printf(Locale.ROOT, "%-26s min %.3f s  median %.3f s  max %.3f s%n", what, s.get(0),
                s.get(s.size() / 2), s.get(s.size() - 1));
    }
}
