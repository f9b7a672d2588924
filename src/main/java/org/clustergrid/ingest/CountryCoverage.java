package org.clustergrid.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.clustergrid.ingest.geojson.GeoJsonFeatureReader;
import org.clustergrid.ingest.shapefile.ShapefileReader;
import org.clustergrid.model.Coverage;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Coverage by country ({@code --coverage countries:NP,IN}): ISO 3166-1 codes resolved to the polygons of a boundary
 * file the user brings — Natural Earth, geoBoundaries, GADM or an OSM-derived file, as GeoJSON or a zipped Shapefile.
 * No boundaries ship with ClusterGrid: which line is a border is the user's (and their government's) choice.
 */
public final class CountryCoverage {
    /**
     * Code fields of the common boundary files: Natural Earth ({@code ISO_A2}, {@code ISO_A3}, and the {@code _EH}
     * variants that fill Natural Earth's "-99" for France and Norway), geoBoundaries ({@code shapeGroup}), GADM
     * ({@code GID_0}), OSM ({@code ISO3166-1}), geo-maps ({@code A3}). Without {@code --boundaries-field}, a feature
     * matches when any of these holds the code.
     */
    static final List<String> CODE_FIELDS = List.of("ISO_A2", "ISO_A3", "ISO_A2_EH", "ISO_A3_EH", "ADM0_A3", "A2", "A3",
            "ISO2", "ISO3", "ISO", "GID_0", "shapeGroup", "ISO3166-1", "ISO3166-1:alpha2", "ISO3166-1:alpha3",
            "country_code");

    private static final Map<String, String> ALPHA3 = alpha3ByAlpha2();

    private CountryCoverage() {}

    /**
     * @param codes comma-separated ISO 3166-1 alpha-2 or alpha-3 codes
     * @param boundaries the boundary file (GeoJSON, or a Shapefile zipped or loose)
     * @param field the boundary file's code field; null to try {@link #CODE_FIELDS}
     */
    public static Coverage resolve(String codes, Path boundaries, String field) throws IOException {
        if (boundaries == null) {
            throw new IllegalArgumentException("--coverage countries:" + codes + " needs the country boundaries to"
                    + " take them from: --boundaries FILE (GeoJSON or zipped Shapefile, e.g. Natural Earth admin 0,"
                    + " geoBoundaries ADM0 or GADM level 0)");
        }
        Map<String, Set<String>> wanted = codes(codes);
        Map<String, List<Geometry>> found = new LinkedHashMap<>();
        Set<String> seen = new TreeSet<>();
        String name = boundaries.getFileName().toString();
        ImportReport report = new ImportReport();
        SourceSink sink = f -> match(f, field, wanted, found, seen, report);
        switch (FileType.detect(boundaries)) {
            case JSON -> GeoJsonFeatureReader.read(boundaries, report, sink);
            case ZIP, SHAPEFILE -> ShapefileReader.read(boundaries, report, sink);
            default -> report.error(name, null, null, "expected country boundaries as GeoJSON or a Shapefile but it is "
                    + FileType.detect(boundaries).description());
        }
        if (report.hasErrors()) {
            throw new IllegalArgumentException("--boundaries " + name + ": " + report.problems().get(0));
        }
        List<String> missing = wanted.keySet().stream().filter(c -> !found.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("--coverage: no boundary in " + name + " has the code "
                    + String.join(", ", missing) + " in " + (field != null ? "field '" + field + "'"
                    : "any of the fields " + String.join(", ", CODE_FIELDS) + " (name another with --boundaries-field)")
                    + "; codes present: " + (seen.isEmpty() ? "none" : sample(seen)));
        }
        List<Geometry> parts = found.values().stream().flatMap(List::stream).toList();
        Geometry area = UnaryUnionOp.union(parts);
        area.setSRID(4326);
        String described = wanted.keySet().stream().map(c -> c + " (" + found.get(c).size() + " polygon"
                + (found.get(c).size() == 1 ? ")" : "s)")).collect(Collectors.joining(", "));
        return new Coverage(area, Set.of(), Coverage.Method.DECLARED, "declared at import: countries " + described
                + " from the boundaries " + name + (field != null ? " (field " + field + ")" : ""));
    }

    private static void match(SourceFeature f, String field, Map<String, Set<String>> wanted,
            Map<String, List<Geometry>> found, Set<String> seen, ImportReport report) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, Object> a : f.attributes().entrySet()) {
            boolean codeField = field != null ? a.getKey().equals(field)
                    : CODE_FIELDS.stream().anyMatch(k -> k.equalsIgnoreCase(a.getKey()));
            if (codeField && a.getValue() != null) {
                String v = a.getValue().toString().trim().toUpperCase(Locale.ROOT);
                values.add(v);
                if (v.matches("[A-Z]{2,3}")) {
                    seen.add(v);
                }
            }
        }
        for (Map.Entry<String, Set<String>> w : wanted.entrySet()) {
            if (values.stream().anyMatch(w.getValue()::contains)) {
                if (!(f.geometry() instanceof Polygonal) || f.geometry().isEmpty()) {
                    report.error(f.file(), f.location(), null, "the boundary of " + w.getKey() + " is "
                            + (f.geometry() == null ? "missing" : f.geometry().getGeometryType()) + ", not polygons");
                    return;
                }
                found.computeIfAbsent(w.getKey(), k -> new ArrayList<>()).add(f.geometry());
            }
        }
    }

    /** Each code given, keyed as given, with the alpha-2 and alpha-3 forms a boundary file may use. */
    static Map<String, Set<String>> codes(String list) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String raw : list.split(",")) {
            String c = raw.trim().toUpperCase(Locale.ROOT);
            if (c.isEmpty()) {
                continue;
            }
            String alpha3 = c.length() == 2 ? ALPHA3.get(c) : c;
            String alpha2 = c.length() == 3 ? ALPHA3.entrySet().stream().filter(e -> e.getValue().equals(c))
                    .map(Map.Entry::getKey).findFirst().orElse(null) : c;
            if (alpha3 == null || alpha2 == null) {
                throw new IllegalArgumentException("--coverage: '" + raw.trim()
                        + "' is not an ISO 3166-1 alpha-2 or alpha-3 country code (e.g. NP or NPL)");
            }
            out.put(c, Set.of(alpha2, alpha3));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--coverage countries: name at least one ISO country code, e.g. countries:NP,IN");
        }
        return out;
    }

    private static Map<String, String> alpha3ByAlpha2() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String a2 : Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2)) {
            m.put(a2, new Locale("", a2).getISO3Country());
        }
        return m;
    }

    private static String sample(Set<String> seen) {
        return seen.size() <= 12 ? String.join(", ", seen)
                : seen.stream().limit(12).collect(Collectors.joining(", ")) + " … (" + seen.size() + " in all)";
    }
}
