package org.clustergrid.app.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clustergrid.app.ImportOptions;
import org.clustergrid.ingest.ImportFailedException;
import org.clustergrid.ingest.Importer;
import org.clustergrid.ingest.context.ContextLayerImporter;
import org.clustergrid.ingest.raster.RasterImporter;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.raster.ColourRamp;
import org.clustergrid.raster.RasterLayer;
import org.clustergrid.register.roundtrip.RegisterRestore;

/**
 * {@code clustergrid import KIND FILE... [options]}: parses the arguments, runs the import and prints its report.
 * Exit status 0 on success, 1 when the import failed (nothing written), 2 for unusable arguments.
 */
public final class ImportCommand {
    public static final String USAGE = """
            usage: java -jar clustergrid.jar import KIND FILE... [options]
              KIND: clusters | osm | geonames | layer | register
              register FILE        restore the register from its export (register export): every record back in
                                   the dataset it names, with its Cluster Grid ID, all or nothing
              --dataset ID         dataset id (default: from the first file name); re-importing an id replaces it
              --title TEXT         --source TEXT   --licence TEXT   --attribution TEXT
              --layer NAME         layer for 'layer' imports with canonical field names (roads, power, finance, markets, clusters)
              --as NAME            'layer' imports: the file as a layer of its own named NAME (districts, lakes …),
                                   every attribute kept with its type; re-importing a name replaces that layer
              --mapping FILE.yaml  attribute mapping (see gis-data/mappings/)
              --osm-filter "K=V …"  'layer --as' imports of an .osm.pbf: the elements to take, terms that must all
                                   match: key=value, key=v1,v2 (any of them), key=* (any value), e.g.
                                   "boundary=administrative admin_level=5"
              --source-layer NAME  the feature table to read from a GeoPackage that holds several
              --crs EPSG:4326      a GeoTIFF's CRS when the file declares none
              --ramp "V:#RGB,..."  a GeoTIFF's colour ramp, e.g. "0:#ffffcc, 500:#41b6c4, 5000:#253494"
                                   (default: viridis over the values' range)
              --elevation 0/425/1  a GeoTIFF of elevations: declare the WMS elevation dimension over its values
                                   (ELEVATION picks cells by value; without it the whole range is shown)
              --elevation-attribute NAME   a vector layer's WMS elevation dimension on this number attribute;
                                   --elevation lists the values offered (500,490,480 or min/max/step; default:
                                   the attribute's distinct values), --elevation-default V the value a map without
                                   ELEVATION shows (none: such a map is refused with MissingDimensionValue),
                                   --elevation-multiple false takes one value per request, --elevation-nearest false
                                   refuses values between those offered instead of using the nearest
              --time-attribute NAME        likewise a WMS time dimension on a date, date-time or ISO 8601 text
                                   attribute: --time "2000-01-01T00:00:00Z/2000-01-01T00:01:00Z/PT5S",
                                   --time-default, --time-multiple, --time-nearest
              --reference          a GeoTIFF stays where it is and is read there (not copied into the store)
              --countries IN,NP    geonames: keep only these countries
              --min-population N   geonames: keep places with at least N people
              --clusters-from-osm  osm: also import landuse=industrial areas and craft=* features as clusters
              --skip-invalid       leave out bad records (bad values or geometries, repeated ids) with a warning
                                   instead of failing the import
              --synthetic          mark the dataset as synthetic (generated, not observed)
              --coverage AREA      where the dataset has data: minLon,minLat,maxLon,maxLat, a GeoJSON/WKT polygon
                                   file, or countries:NP,IN (ISO 3166-1 codes) with --boundaries (default: an OSM
                                   extract's header bounds, else cells around the features)
              --boundaries FILE    country boundaries for countries: coverage (GeoJSON or zipped Shapefile, e.g.
                                   Natural Earth admin 0, geoBoundaries ADM0, GADM level 0)
              --boundaries-field F their ISO code field (default: ISO_A2, ISO_A3, shapeGroup, GID_0 … are tried)
              --clustergrid.store=postgis ...   any setting of the server (see README)
            """;

    private ImportCommand() {}

    /** Splits off Spring settings ({@code --clustergrid.*}, {@code --spring.*}) from the import's own arguments. */
    public static List<String> settingsArguments(String[] args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            if (Args.isSetting(a)) {
                out.add(a);
            }
        }
        return out;
    }

    public static ImportOptions parse(String[] args) {
        ImportOptions o = new ImportOptions();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (Args.isSetting(a)) {
                continue;
            }
            switch (a) {
                case "--dataset" -> o.dataset = Args.value(args, ++i, a);
                case "--title" -> o.title = Args.value(args, ++i, a);
                case "--source" -> o.source = Args.value(args, ++i, a);
                case "--licence", "--license" -> o.licence = Args.value(args, ++i, a);
                case "--attribution" -> o.attribution = Args.value(args, ++i, a);
                case "--layer" -> o.layer = Args.value(args, ++i, a);
                case "--as" -> o.as = Args.value(args, ++i, a);
                case "--mapping" -> o.mapping = Path.of(Args.value(args, ++i, a));
                case "--source-layer" -> o.sourceLayer = Args.value(args, ++i, a);
                case "--osm-filter" -> o.osmFilter = Args.value(args, ++i, a);
                case "--countries" -> o.countries = Args.value(args, ++i, a);
                case "--min-population" -> o.minPopulation = Args.wholeNumber(Args.value(args, ++i, a), a);
                case "--clusters-from-osm" -> o.clustersFromOsm = true;
                case "--skip-invalid" -> o.skipInvalid = true;
                case "--synthetic" -> o.synthetic = true;
                case "--coverage" -> o.coverage = Args.value(args, ++i, a);
                case "--boundaries" -> o.boundaries = Path.of(Args.value(args, ++i, a));
                case "--boundaries-field" -> o.boundariesField = Args.value(args, ++i, a);
                case "--crs" -> o.crs = Args.value(args, ++i, a);
                case "--ramp" -> o.ramp = Args.value(args, ++i, a);
                case "--elevation" -> o.elevation = Args.value(args, ++i, a);
                case "--elevation-attribute" -> o.elevationAttribute = Args.value(args, ++i, a);
                case "--elevation-default" -> o.elevationDefault = Args.value(args, ++i, a);
                case "--elevation-multiple" -> o.elevationMultiple = ImportOptions.yesNo(Args.value(args, ++i, a), a);
                case "--elevation-nearest" -> o.elevationNearest = ImportOptions.yesNo(Args.value(args, ++i, a), a);
                case "--time-attribute" -> o.timeAttribute = Args.value(args, ++i, a);
                case "--time" -> o.time = Args.value(args, ++i, a);
                case "--time-default" -> o.timeDefault = Args.value(args, ++i, a);
                case "--time-multiple" -> o.timeMultiple = ImportOptions.yesNo(Args.value(args, ++i, a), a);
                case "--time-nearest" -> o.timeNearest = ImportOptions.yesNo(Args.value(args, ++i, a), a);
                case "--reference" -> o.reference = true;
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    if (o.kind == null) {
                        o.kind = a;
                    } else {
                        o.files.add(Path.of(a));
                    }
                }
            }
        }
        return o;
    }

    /**
     * Runs a {@code layer --as NAME} import, showing its progress on {@code out}, and prints its outcome; returns the
     * exit status.
     */
    public static int runContext(ContextLayerImporter importer, ImportOptions options, PrintStream out,
            PrintStream err) {
        try (ProgressPrinter progress = ProgressPrinter.forConsole(out)) {
            return runContext(importer, options, out, err, progress);
        }
    }

    static int runContext(ContextLayerImporter importer, ImportOptions options, PrintStream out, PrintStream err,
            ProgressPrinter progress) {
        try {
            ContextLayerImporter.Request request = options.toContextRequest();
            ContextLayerImporter.Result r = importer.run(request, progress.progress());
            progress.close();
            ContextLayer l = r.layer();
            out.printf(Locale.ROOT, "Imported layer '%s' in %.1f s: %d %s features, %d attributes (%s)%n", l.name(),
                    r.took().toMillis() / 1000.0, l.featureCount(), l.geometryKind().name().toLowerCase(Locale.ROOT),
                    l.attributes().size(), String.join(", ", l.attributes().stream()
                            .map(a -> a.name() + " " + a.type().name().toLowerCase(Locale.ROOT)).toList()));
            if (r.report().warningCount() > 0) {
                out.println(r.report().summary());
            }
            return 0;
        } catch (Exception e) {
            progress.close();
            return failed(e, err);
        }
    }

    /** Runs an {@code import register FILE} restore and prints its outcome; returns the exit status. */
    public static int runRegister(RegisterRestore restore, ImportOptions options, PrintStream out, PrintStream err) {
        try {
            Path file = options.registerFile();
            RegisterRestore.Result r = restore.run(file, options.skipInvalid);
            out.printf(Locale.ROOT, "Restored the register from %s in %.1f s: clusters per dataset %s, datasets %d"
                    + " made, %d changed, %d intervention rows (%d changed); %s%n", file.getFileName(),
                    r.took().toMillis() / 1000.0, r.clustersByDataset(), r.datasetsMade(), r.datasetsChanged(),
                    r.interventions(), r.interventionVersions(), r.report().summary());
            return 0;
        } catch (Exception e) {
            return failed(e, err);
        }
    }

    /** Runs a {@code layer FILE.tif --as NAME} import and prints its outcome; returns the exit status. */
    public static int runRaster(RasterImporter importer, ImportOptions options, PrintStream out, PrintStream err) {
        try {
            RasterImporter.Result r = importer.run(options.toRasterRequest());
            RasterLayer l = r.layer();
            out.printf(Locale.ROOT, "Imported raster layer '%s' in %.1f s: %d × %d cells, values %s to %s%s%n",
                    l.name(), r.took().toMillis() / 1000.0, l.width(), l.height(), ColourRamp.number(l.minValue()),
                    ColourRamp.number(l.maxValue()), l.referenced() ? ", read from " + l.path() : "");
            return 0;
        } catch (Exception e) {
            return failed(e, err);
        }
    }

    private static int failed(Exception e, PrintStream err) {
        if (e instanceof ImportFailedException f) {
            err.println("Import failed; the store is unchanged.");
            err.println(f.report().summary());
            return 1;
        }
        if (e instanceof IllegalArgumentException) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        err.println("Import failed; the store is unchanged: " + e);
        return 1;
    }

    /** Runs a parsed import, showing its progress on {@code out}, and prints its outcome; returns the exit status. */
    public static int run(Importer importer, ImportOptions options, PrintStream out, PrintStream err) {
        try (ProgressPrinter progress = ProgressPrinter.forConsole(out)) {
            return run(importer, options, out, err, progress);
        }
    }

    static int run(Importer importer, ImportOptions options, PrintStream out, PrintStream err,
            ProgressPrinter progress) {
        try {
            Importer.Result r = importer.run(options.toRequest(), progress.progress());
            progress.close();
            out.printf(Locale.ROOT, "Imported dataset '%s' in %.1f s (peak heap %d MB): %s%n", r.dataset().id(),
                    r.took().toMillis() / 1000.0, peakHeapMb(), r.report().summary());
            var c = r.dataset().coverage();
            if (c != null) {
                var box = c.area().getEnvelopeInternal();
                out.printf(Locale.ROOT, "Coverage (%s): %s; %s within %.4f,%.4f,%.4f,%.4f%n", c.method().id(),
                        c.description(), c.layers().stream().sorted().map(l -> l.id()).toList(), box.getMinX(),
                        box.getMinY(), box.getMaxX(), box.getMaxY());
            }
            return 0;
        } catch (Exception e) {
            progress.close();
            return failed(e, err);
        }
    }

    /** Sum of the heap pools' peaks: an upper bound of the heap the import needed. */
    static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
