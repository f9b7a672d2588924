package org.clustergrid.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clustergrid.app.ReportService;
import org.clustergrid.report.ClusterProfileReport;
import org.clustergrid.report.Paper;
import org.clustergrid.report.ReportContext;
import org.clustergrid.report.ReportFormat;
import org.clustergrid.report.Reports;
import org.clustergrid.report.UnknownClusterException;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.geom.Envelope;

/**
 * {@code clustergrid report cluster ID --pdf FILE} and {@code clustergrid report clusters --out DIR}: cluster
 * profiles on the profile's run of the store's data, one file or one per cluster (of a data set, or within a box).
 * Each file is written beside its place and moved there when whole, so a failure never leaves half a report.
 */
public final class ReportCommand {
    public static final String USAGE = """
            usage: java -jar clustergrid.jar report cluster ID (--pdf FILE | --html FILE) [--paper a4|letter]
                   java -jar clustergrid.jar report clusters --out DIR [--format pdf|html] [--paper a4|letter]
                                                 [--dataset ID] [--bbox MINLON,MINLAT,MAXLON,MAXLAT]
              cluster ID          the profile of one cluster, by its Cluster Grid ID
              clusters            a profile of every cluster, one file each (cluster-profile-ID.pdf) in DIR
              --dataset ID        only the clusters of this data set (a region's import)
              --bbox W,S,E,N      only the clusters placed within this longitude/latitude box
              --paper a4|letter   the paper size (default a4)
              --clustergrid.scoring.profile=FILE.yaml   another scoring profile; any server setting works
            The regional priority report: report region … (see report region without options).
            See docs/reports.md.
            """;

    /** Parsed options; {@code id} null for every cluster. */
    public record Options(String id, Path file, Path dir, ReportFormat format, Paper paper, String dataset,
            Envelope bbox) {}

    private ReportCommand() {}

    public static Options parse(String[] args) {
        List<String> words = new ArrayList<>();
        Path file = null;
        Path dir = null;
        ReportFormat format = null;
        Paper paper = Paper.A4;
        String dataset = null;
        Envelope bbox = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (Args.isSetting(a)) {
                continue;
            }
            switch (a) {
                case "--pdf", "--html" -> {
                    file = Path.of(Args.value(args, ++i, a));
                    format = a.equals("--pdf") ? ReportFormat.PDF : ReportFormat.HTML;
                }
                case "--out" -> dir = Path.of(Args.value(args, ++i, a));
                case "--format" -> {
                    String f = Args.value(args, ++i, a);
                    format = ReportFormat.of(f).orElseThrow(() -> new IllegalArgumentException("--format must be "
                            + ReportFormat.names() + ", not '" + f + "'"));
                }
                case "--paper" -> {
                    String p = Args.value(args, ++i, a);
                    paper = Paper.of(p).orElseThrow(() -> new IllegalArgumentException("--paper must be "
                            + Paper.names() + ", not '" + p + "'"));
                }
                case "--dataset" -> dataset = Args.value(args, ++i, a);
                case "--bbox" -> bbox = bbox(Args.value(args, ++i, a));
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    words.add(a);
                }
            }
        }
        if (words.size() == 2 && words.get(0).equals("cluster")) {
            if (file == null) {
                throw new IllegalArgumentException("report cluster ID needs --pdf FILE or --html FILE");
            }
            return new Options(words.get(1), file, null, format, paper, null, null);
        }
        if (words.size() == 1 && words.get(0).equals("clusters")) {
            if (dir == null) {
                throw new IllegalArgumentException("report clusters needs --out DIR");
            }
            return new Options(null, null, dir, format == null ? ReportFormat.PDF : format, paper, dataset, bbox);
        }
        throw new IllegalArgumentException("expected: report cluster ID --pdf FILE, or report clusters --out DIR");
    }

    private static Envelope bbox(String v) {
        String[] p = v.split(",");
        if (p.length != 4) {
            throw new IllegalArgumentException("--bbox needs MINLON,MINLAT,MAXLON,MAXLAT, not '" + v + "'");
        }
        double[] n = new double[4];
        for (int i = 0; i < 4; i++) {
            n[i] = Args.number(p[i].strip(), "--bbox");
        }
        if (!(n[0] <= n[2] && n[1] <= n[3])) {
            throw new IllegalArgumentException("--bbox: the minimum must not exceed the maximum");
        }
        return new Envelope(n[0], n[2], n[1], n[3]);
    }

    public static int run(ReportService reports, Options o, PrintStream out, PrintStream err) {
        try {
            ReportContext ctx = reports.context();
            if (o.id() != null) {
                long start = System.nanoTime();
                write(ctx, o.id(), o.format(), o.paper(), o.file());
                out.printf(Locale.ROOT, "Wrote the profile of %s to %s in %.1f s (run %s)%n", o.id(), o.file(),
                        (System.nanoTime() - start) / 1e9, ctx.run().id());
                return 0;
            }
            List<String> ids = selected(ctx, o);
            Files.createDirectories(o.dir());
            long start = System.nanoTime();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                write(ctx, id, o.format(), o.paper(), o.dir().resolve("cluster-profile-"
                        + id.replaceAll("[^A-Za-z0-9._-]", "_") + o.format().extension()));
                out.println(ProgressLine.count("report", i + 1, ids.size(), id, (System.nanoTime() - start) / 1e9));
            }
            out.printf(Locale.ROOT, "Wrote %d cluster profiles to %s in %.1f s (run %s)%n", ids.size(), o.dir(),
                    (System.nanoTime() - start) / 1e9, ctx.run().id());
            return 0;
        } catch (UnknownClusterException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("Report failed: " + e);
            return 1;
        }
    }

    /** The clusters of the run the options pick, in the run's order. */
    static List<String> selected(ReportContext ctx, Options o) {
        List<String> ids = new ArrayList<>();
        for (StoredFeature f : ctx.data().clusters()) {
            if (o.dataset() != null && !f.datasetId().equals(o.dataset())) {
                continue;
            }
            if (o.bbox() != null && !o.bbox().contains(f.feature().geometry().getInteriorPoint().getCoordinate())) {
                continue;
            }
            ids.add(f.layerId());
        }
        return ids;
    }

    /** Writes to a temporary file beside the target and moves it into place whole. */
    static void write(ReportContext ctx, String id, ReportFormat format, Paper paper, Path target)
            throws IOException {
        var doc = new ClusterProfileReport().build(ctx, id);
        WholeFile.write(target, out -> Reports.write(doc, format, paper, out));
    }
}
