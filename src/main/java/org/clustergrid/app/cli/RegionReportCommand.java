package org.clustergrid.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.clustergrid.app.RegionReportService;
import org.clustergrid.report.EmptyRegionException;
import org.clustergrid.report.Paper;
import org.clustergrid.report.RegionQuery;
import org.clustergrid.report.RegionReportRequest;
import org.clustergrid.report.ReportContext;
import org.clustergrid.report.ReportDocument;
import org.clustergrid.report.ReportFormat;
import org.clustergrid.report.Reports;
import org.clustergrid.report.UnknownRegionException;

/**
 * {@code clustergrid report region … --pdf FILE}: the regional priority report on the profile's run of the store's
 * data, as PDF, HTML and/or CSV. The report is made first, then each file is written beside its place and moved there
 * when whole, so a failure never leaves half a file.
 */
public final class RegionReportCommand {
    public static final String USAGE = """
            usage: java -jar clustergrid.jar report region [--layer NAME [--feature ID|NAME] | --bbox W,S,E,N
                                                 | --area WKT|GEOJSON|@FILE | --country CC] [--by LAYER]
                                                 [--top N] (--pdf FILE | --html FILE | --csv FILE)... [--paper a4|letter]
              (no region option)  every cluster of the run
              --layer NAME        a polygon layer of your own: with --feature one of its areas (by number or name),
                                  without it every area, each a sub-region
              --bbox W,S,E,N      the clusters within this longitude/latitude box
              --area …            the clusters inside a polygon: WKT, GeoJSON, or @FILE holding either
              --country CC        the clusters whose Cluster Grid ID carries this ISO country code (CG-NP-…)
              --by LAYER          break the region down by the areas of this polygon layer
              --top N             how many priorities to list (default 20, at most 500)
              --pdf/--html FILE   the report; --csv FILE every cluster of the region as /api/scores?f=csv writes it
              --paper a4|letter   the paper size (default a4)
            See docs/reports.md.
            """;

    /** Parsed options; a null file is not written. */
    public record Options(RegionQuery query, Path pdf, Path html, Path csv, Paper paper) {}

    private RegionReportCommand() {}

    /** @param args the words after {@code report}, starting with {@code region} */
    public static Options parse(String[] args) {
        String layer = null;
        String feature = null;
        String by = null;
        String bbox = null;
        String area = null;
        String country = null;
        int top = RegionReportRequest.DEFAULT_TOP;
        Path pdf = null;
        Path html = null;
        Path csv = null;
        Paper paper = Paper.A4;
        if (args.length == 0 || !args[0].equals("region")) {
            throw new IllegalArgumentException("expected: report region …");
        }
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (Args.isSetting(a)) {
                continue;
            }
            switch (a) {
                case "--layer" -> layer = Args.value(args, ++i, a);
                case "--feature" -> feature = Args.value(args, ++i, a);
                case "--by" -> by = Args.value(args, ++i, a);
                case "--bbox" -> bbox = Args.value(args, ++i, a);
                case "--area" -> area = area(Args.value(args, ++i, a));
                case "--country" -> country = Args.value(args, ++i, a);
                case "--top" -> top = (int) Math.min(Integer.MAX_VALUE, Args.wholeNumber(Args.value(args, ++i, a), a));
                case "--pdf" -> pdf = Path.of(Args.value(args, ++i, a));
                case "--html" -> html = Path.of(Args.value(args, ++i, a));
                case "--csv" -> csv = Path.of(Args.value(args, ++i, a));
                case "--paper" -> {
                    String p = Args.value(args, ++i, a);
                    paper = Paper.of(p).orElseThrow(() -> new IllegalArgumentException("--paper must be "
                            + Paper.names() + ", not '" + p + "'"));
                }
                default -> throw new IllegalArgumentException(a.startsWith("--") ? "unknown option " + a
                        : "unexpected word '" + a + "'");
            }
        }
        if (pdf == null && html == null && csv == null) {
            throw new IllegalArgumentException("report region needs --pdf FILE, --html FILE or --csv FILE");
        }
        if (top < 1 || top > RegionReportRequest.MAX_TOP) {
            throw new IllegalArgumentException("--top must be from 1 to " + RegionReportRequest.MAX_TOP);
        }
        return new Options(new RegionQuery(layer, feature, by, bbox, area, country, top), pdf, html, csv, paper);
    }

    /** A polygon given inline, or read from the file after {@code @}. */
    private static String area(String v) {
        if (!v.startsWith("@")) {
            return v;
        }
        try {
            return Files.readString(Path.of(v.substring(1)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("--area: cannot read " + v.substring(1) + ": " + e.getMessage());
        }
    }

    public static int run(RegionReportService reports, Options o, PrintStream out, PrintStream err) {
        try {
            long start = System.nanoTime();
            ReportContext ctx = reports.context();
            RegionReportRequest request = reports.request(o.query());
            // everything is made before a file is touched: a region without clusters writes nothing
            String csv = o.csv() == null ? null : reports.csv(request);
            ReportDocument doc = o.pdf() == null && o.html() == null ? null : reports.document(ctx, request);
            if (o.pdf() != null) {
                WholeFile.write(o.pdf(), os -> Reports.write(doc, ReportFormat.PDF, o.paper(), os));
            }
            if (o.html() != null) {
                WholeFile.write(o.html(), os -> Reports.write(doc, ReportFormat.HTML, o.paper(), os));
            }
            if (o.csv() != null) {
                WholeFile.write(o.csv(), os -> os.write(csv.getBytes(StandardCharsets.UTF_8)));
            }
            out.printf(Locale.ROOT, "Wrote the regional report of %s in %.1f s (run %s)%n", request.scope().name(),
                    (System.nanoTime() - start) / 1e9, ctx.run().id());
            return 0;
        } catch (UnknownRegionException | EmptyRegionException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("Report failed: " + e);
            return 1;
        }
    }
}
