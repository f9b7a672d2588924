package org.clustergrid.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.clustergrid.register.roundtrip.ExportFormat;
import org.clustergrid.register.roundtrip.RegisterExport;

/**
 * {@code clustergrid register export --format csv|geojson|gpkg FILE [--dataset ID]}: writes the register (every
 * current cluster) to FILE, whole or not at all; {@code import register FILE} restores it. Exit status 0 on success,
 * 1 when it could not be written, 2 for unusable arguments.
 */
public final class RegisterCommand {
    public static final String USAGE = """
            usage: java -jar clustergrid.jar register export --format csv|geojson|gpkg FILE [--dataset ID]
              writes every current cluster of the register (or of one dataset) with all its fields and footprint;
              restore it with: java -jar clustergrid.jar import register FILE
              --format F      csv (WKT footprint, lists as JSON text), geojson (RFC 7946) or gpkg (GeoPackage);
                              default: from FILE's extension
              --dataset ID    only this dataset's clusters
              --clustergrid.store=postgis ...   any setting of the server (see README)
            """;

    /** What to export where. */
    public record Options(ExportFormat format, Path file, String dataset) {}

    private RegisterCommand() {}

    public static Options parse(String[] args) {
        String format = null;
        String dataset = null;
        Path file = null;
        boolean export = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (Args.isSetting(a)) {
                continue;
            }
            switch (a) {
                case "--format", "-f" -> format = Args.value(args, ++i, a);
                case "--dataset" -> dataset = Args.value(args, ++i, a);
                default -> {
                    if (a.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    } else if (!export) {
                        if (!a.equals("export")) {
                            throw new IllegalArgumentException("unknown register command '" + a + "'; use export");
                        }
                        export = true;
                    } else if (file == null) {
                        file = Path.of(a);
                    } else {
                        throw new IllegalArgumentException("one file only; got also " + a);
                    }
                }
            }
        }
        if (!export || file == null) {
            throw new IllegalArgumentException("name the file to write: register export --format gpkg FILE");
        }
        if (format == null) {
            String name = file.getFileName().toString();
            format = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        }
        return new Options(ExportFormat.of(format), file, dataset);
    }

    /** Writes the export and says what it holds; returns the exit status. */
    public static int run(RegisterExport export, Options o, PrintStream out, PrintStream err) {
        long start = System.nanoTime();
        try {
            Map<String, Integer> counts = export.write(o.format(), o.dataset(), o.file());
            out.printf(Locale.ROOT, "Exported the register%s to %s (%s) in %.1f s: %s%n",
                    o.dataset() == null ? "" : " (dataset " + o.dataset() + ")", o.file(), o.format().extension(),
                    (System.nanoTime() - start) / 1e9, counts);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("Export failed; no file was written: " + e.getMessage());
            return 1;
        }
    }
}
