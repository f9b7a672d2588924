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
public final class ShapefileGrouping {
    /**
     * Parts read with the .shp: .shx, .dbf, .prj and .cpg are used; the spatial indexes and ArcGIS's metadata
     * ({@code roads.shp.xml}) are not needed but come along when a whole folder is sent.
     */
    private static final Set<String> PARTS = Set.of("shx", "dbf", "prj", "cpg", "qix", "sbn", "sbx", "shp.xml");

    private ShapefileGrouping() {}

    /** The sources to read: all but the parts of a shapefile whose .shp is among them. */
    public static List<ImportRequest.Source> sourcesToRead(List<ImportRequest.Source> sources, ImportReport report) {
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
            String shp = stem(Path.of(parts.iterator().next())) + ".shp";
            report.error(shp, null, null, "missing: the shapefile's .shp (its geometries) was not given, only "
                    + String.join(", ", parts) + "; give " + shp + " with them, or all parts in one .zip");
        });
        return toRead;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".shp.xml")) {
            return "shp.xml";
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    /** The file name without its extension. */
    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - extension(file).length() - (extension(file).isEmpty() ? 0 : 1));
    }

    /** The folder and stem, case-insensitively as the shapefile reader matches parts. */
    private static String base(Path file) {
        return file.toAbsolutePath().resolveSibling(stem(file)).toString().toLowerCase(Locale.ROOT);
    }
}
