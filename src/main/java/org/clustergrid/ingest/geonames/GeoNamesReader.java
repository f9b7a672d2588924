package org.clustergrid.ingest.geonames;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.clustergrid.ingest.BoundedLines;
import org.clustergrid.ingest.ExpansionLimit;
import org.clustergrid.ingest.FileType;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.progress.ImportProgress;
import org.clustergrid.ingest.progress.ProgressInputStream;
import org.clustergrid.model.Market;
import org.clustergrid.model.Market.MarketKind;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Reads a GeoNames dump (the 19-column tab-separated format of {@code cities500.txt}, {@code allCountries.txt} or a
 * country file; plain, gzip or the zip GeoNames publishes) and yields its populated places (feature class P) as
 * markets.
 *
 * <p>Kind: the capital ({@code PPLC}) and places of at least {@value #CITY_POPULATION} people are cities, places of at
 * least {@value #TOWN_POPULATION} are towns, the rest villages. Market tiers for scoring are set by population in the
 * scoring profile, not by this kind.
 */
public final class GeoNamesReader {
    static final int CITY_POPULATION = 100_000;
    static final int TOWN_POPULATION = 5_000;
    private static final int COLUMNS = 19;

    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4326);

    /** Which places to keep: countries (ISO 3166 alpha-2; empty for all) and a minimum population. */
    public record Filter(Set<String> countries, long minPopulation) {
        public static final Filter ALL = new Filter(Set.of(), 0);

        public Filter {
            countries = countries == null ? Set.of() : Set.copyOf(countries);
        }
    }

    private GeoNamesReader() {}

    public static void read(Path file, Filter filter, ImportReport report, Consumer<Market> sink) throws IOException {
        read(file, filter, report, sink, ImportLimits.DEFAULT);
    }

    /** As {@link #read(Path, Filter, ImportReport, Consumer)}; expansion and lines beyond {@code limits} are errors. */
    public static void read(Path file, Filter filter, ImportReport report, Consumer<Market> sink, ImportLimits limits)
            throws IOException {
        read(file, filter, report, sink, limits, ImportProgress.NONE);
    }

    /** As above, telling {@code progress} the bytes read (compressed bytes of a .gz or .zip). */
    public static void read(Path file, Filter filter, ImportReport report, Consumer<Market> sink, ImportLimits limits,
            ImportProgress progress) throws IOException {
        new GeoNamesReader().run(file, filter, report, sink, limits, progress);
    }

    private void run(Path file, Filter filter, ImportReport report, Consumer<Market> sink, ImportLimits limits,
            ImportProgress progress) throws IOException {
        String name = file.getFileName().toString();
        FileType type = FileType.detect(file);
        try (ExpansionLimit.Counting raw = new ExpansionLimit.Counting(
                ProgressInputStream.wrap(Files.newInputStream(file), progress))) {
            InputStream in;
            switch (type) {
                case GZIP -> in = new ExpansionLimit(new GZIPInputStream(raw, 1 << 16), limits, raw::count, name);
                case ZIP -> in = firstTextEntry(raw, name, report, limits);
                case TEXT -> in = raw;
                default -> {
                    report.error(name, null, null, "expected a GeoNames dump (tab-separated text, .gz or .zip) but it is "
                            + type.description());
                    return;
                }
            }
            if (in == null) {
                return;
            }
            readLines(new BoundedLines(new InputStreamReader(in, StandardCharsets.UTF_8), limits.lineCharacters()),
                    name, filter, report, sink);
        } catch (ExpansionLimit.Exceeded e) {
            report.error(name, null, null, e.getMessage());
        } catch (BoundedLines.TooLong e) {
            report.error(name, null, null, e.getMessage());
        } catch (ZipException | java.io.EOFException e) {
            report.error(name, null, null, "corrupt or truncated compressed file: " + e.getMessage());
        }
    }

    private static InputStream firstTextEntry(ExpansionLimit.Counting raw, String name, ImportReport report,
            ImportLimits limits) throws IOException {
        ZipInputStream zip = new ZipInputStream(raw);
        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
            if (e.getName().endsWith(".txt") && !e.getName().toLowerCase().contains("readme")) {
                long before = raw.count(); // what the archive held before this member
                return new ExpansionLimit(zip, limits, () -> raw.count() - before, name + "!" + e.getName());
            }
        }
        report.error(name, null, null, "the ZIP archive holds no GeoNames .txt file");
        return null;
    }

    private void readLines(BoundedLines r, String name, Filter filter, ImportReport report, Consumer<Market> sink)
            throws IOException {
        long lineNo = 0;
        for (String line; (line = r.readLine()) != null; ) {
            lineNo++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            String where = "line " + lineNo;
            if (c.length != COLUMNS) {
                report.recordError(name, where, null, "has " + c.length + " tab-separated columns; a GeoNames dump has "
                        + COLUMNS);
                continue;
            }
            if (!c[6].equals("P") || (!filter.countries().isEmpty() && !filter.countries().contains(c[8]))) {
                continue;
            }
            Long population = population(c[14], name, where, report);
            if (filter.minPopulation() > 0 && (population == null || population < filter.minPopulation())) {
                continue;
            }
            Double lat = coordinate(c[4], 90, "latitude", name, where, report);
            Double lon = coordinate(c[5], 180, "longitude", name, where, report);
            if (lat == null || lon == null) {
                continue;
            }
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("geonameid", c[0]);
            attrs.put("feature_code", c[7]);
            attrs.put("country_code", c[8]);
            attrs.put("admin1", c[10]);
            sink.accept(new Market("gn" + c[0], kindOf(c[7], population), c[1], population,
                    factory.createPoint(new Coordinate(lon, lat)), attrs));
        }
    }

    static MarketKind kindOf(String featureCode, Long population) {
        long p = population == null ? 0 : population;
        if (featureCode.equals("PPLC") || p >= CITY_POPULATION) {
            return MarketKind.CITY;
        }
        return p >= TOWN_POPULATION ? MarketKind.TOWN : MarketKind.VILLAGE;
    }

    private static Long population(String s, String name, String where, ImportReport report) {
        if (s.isBlank()) {
            return null;
        }
        try {
            long p = Long.parseLong(s.trim());
            return p > 0 ? p : null; // GeoNames writes 0 for unknown
        } catch (NumberFormatException e) {
            report.recordError(name, where, "population", "'" + s + "' is not a whole number");
            return null;
        }
    }

    private static Double coordinate(String s, double limit, String field, String name, String where, ImportReport report) {
        try {
            double d = Double.parseDouble(s);
            if (Math.abs(d) <= limit) {
                return d;
            }
            report.recordError(name, where, field, field + " " + s + " is out of range");
        } catch (NumberFormatException e) {
            report.recordError(name, where, field, "'" + s + "' is not a number");
        }
        return null;
    }
}
