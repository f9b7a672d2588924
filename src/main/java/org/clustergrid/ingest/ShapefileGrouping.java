package org.clustergrid.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Groups loose shapefile parts among the files of an import. A shapefile given part by part (as an upload sends
 * it, or {@code roads.*} on the command line) is read once, from its .shp, which finds the other parts beside it;
 * parts whose .shp is missing are one error naming the missing .shp and the parts that were given.
 */
final class ShapefileGrouping {
    /** Parts read with the .shp; .shx, .dbf, .prj and .cpg are used, the spatial indexes are not needed. */
    private static final Set<String> PARTS = Set.of("shx", "dbf", "prj", "cpg", "qix", "sbn", "sbx");

    private ShapefileGrouping() {}

    /** The sources to read: all but the parts of a shapefile whose .shp is among them. */
    static List<ImportRequest.Source> sourcesToRead(List<ImportRequest.Source> sources, ImportReport report) {
        Set<String> shapefiles = new TreeSet<>();
        for (ImportRequest.Source s : sources) {
            if (extension(s.file()).equals("shp")) {
                shapefiles.add(base(s.file()));
            }
        }
        List<ImportRequest.Source> toRead = new ArrayList<>();
        Map<String, Set<String>> orphans = new LinkedHashMap<>(); // base -> names of the parts given
        for (ImportRequest.Source s : sources) {
            if (!PARTS.contains(extension(s.file()))) {
                toRead.add(s);
            } else if (!shapefiles.contains(base(s.file()))) {
                orphans.computeIfAbsent(base(s.file()), b -> new TreeSet<>()).add(s.file().getFileName().toString());
            }
        }
        orphans.values().forEach(parts -> {
            String first = parts.iterator().next();
            String shp = first.substring(0, first.lastIndexOf('.')) + ".shp";
            report.error(shp, null, null, "missing: the shapefile's .shp (its geometries) was not given, only "
                    + String.join(", ", parts) + "; give " + shp + " with them, or all parts in one .zip");
        });
        return toRead;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The folder and name without extension, case-insensitively as the shapefile reader matches parts. */
    private static String base(Path file) {
        Path absolute = file.toAbsolutePath();
        String name = absolute.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        return absolute.resolveSibling(stem).toString().toLowerCase(Locale.ROOT);
    }
}
