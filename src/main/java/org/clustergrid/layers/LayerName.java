package org.clustergrid.layers;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.clustergrid.model.Layer;

/**
 * Names a context layer may take. A name is its WMS layer name, OGC API collection id and tile path, so it is a
 * lower-case identifier that needs no quoting anywhere, and it must not be one of the built-in layers' names.
 */
public final class LayerName {
    private static final Pattern VALID = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");
    /** The root WMS group and the computed surfaces. */
    private static final Set<String> RESERVED = Set.of("clustergrid", "gap_surface", "coverage");

    private LayerName() {}

    /**
     * The name checked.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static String check(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("a layer name is a letter followed by up to 62 letters, digits or "
                    + "underscores (e.g. districts, flood_zones, BasicPolygons); got '"
                    + (name == null ? "" : name.length() > 80 ? name.substring(0, 77) + "..." : name) + "'");
        }
        if (Layer.byId(name).isPresent() || RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("'" + name + "' is the name of a built-in layer; choose another");
        }
        return name;
    }

    /** A name made from a file name, for when the user gives none: {@code Lakes.zip} → {@code lakes}. */
    public static String fromFile(String fileName) {
        String base = fileName.replaceFirst("\\.[A-Za-z0-9]+$", "").replaceFirst("\\.(shp|geojson|json|csv)$", "");
        String s = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^[^a-z]+", "");
        return s.isEmpty() ? "layer" : s.length() > 63 ? s.substring(0, 63) : s;
    }
}
