package org.clustergrid.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.clustergrid.dimension.Axis;
import org.clustergrid.ingest.CoverageSpec;
import org.clustergrid.ingest.ImportRequest;
import org.clustergrid.ingest.SourceKind;
import org.clustergrid.ingest.geonames.GeoNamesReader;
import org.clustergrid.ingest.mapping.Mapping;
import org.clustergrid.ingest.context.ContextLayerImporter;
import org.clustergrid.ingest.context.LayerMapping;
import org.clustergrid.ingest.osm.OsmFilter;
import org.clustergrid.ingest.raster.RasterImporter;
import org.clustergrid.model.Layer;
import org.clustergrid.store.DatasetInfo;

/**
 * The options of an import as a user gives them, on the command line or in an admin upload, turned into an
 * {@link ImportRequest} with sensible defaults (licence and attribution of OSM and GeoNames data, the dataset id
 * from the file name).
 */
public final class ImportOptions {
    public String kind;
    public final List<Path> files = new ArrayList<>();
    public String dataset;
    public String title;
    public String source;
    public String licence;
    public String attribution;
    public String layer;
    /** Import a {@code layer} file as a context layer of this name, every attribute kept ({@code --as}). */
    public String as;
    /** Which elements of an OpenStreetMap file make a layer of one's own ({@code --osm-filter}, {@link OsmFilter}). */
    public String osmFilter;
    /** The feature table to read from a GeoPackage that holds several. */
    public String sourceLayer;
    public Path mapping;
    public String countries;
    public Long minPopulation;
    public boolean clustersFromOsm;
    public boolean skipInvalid;
    public boolean synthetic;
    /** The area the dataset covers: a box, a polygon file or countries ({@link CoverageSpec}); null: the files' own. */
    public String coverage;
    /** Country boundaries for {@code countries:} coverage, and their code field (null: the usual ones). */
    public Path boundaries;
    public String boundariesField;
    /** A raster's CRS when the file declares none ({@code --crs}). */
    public String crs;
    /** A raster's colour ramp ({@code --ramp "0:#ffffcc, 1000:#253494"}). */
    public String ramp;
    /**
     * The WMS elevation dimension's values: a raster's over its cell values ({@code --elevation 0/425/1}), a vector
     * layer's over {@link #elevationAttribute} ({@code --elevation 500,490,480}; absent: the attribute's values).
     */
    public String elevation;
    /** A vector layer's attribute holding each feature's elevation ({@code --elevation-attribute ELEV}). */
    public String elevationAttribute;
    public String elevationDefault;
    /** Whether a request may ask for several elevations or a range (default yes). */
    public Boolean elevationMultiple;
    /** Whether an elevation between the offered ones is moved to the nearest (default yes) rather than refused. */
    public Boolean elevationNearest;
    /** The time dimension of a vector layer, likewise ({@code --time-attribute TIME --time start/end/PT5S}). */
    public String timeAttribute;
    public String time;
    public String timeDefault;
    public Boolean timeMultiple;
    public Boolean timeNearest;
    /** Keep a raster where it lies and read it there ({@code --reference}; command line only). */
    public boolean reference;

    /** A {@code layer --as NAME} import: the file as a context layer of its own. */
    /** {@code import register FILE}: a restore of the register from its export. */
    public boolean isRegisterRestore() {
        return "register".equals(kind);
    }

    /** The one file a register restore reads; the export says which dataset each record goes to. */
    public Path registerFile() {
        if (files.size() != 1) {
            throw new IllegalArgumentException("a register restore reads one file, the export (CSV, GeoJSON or"
                    + " GeoPackage); got " + files.size());
        }
        if (dataset != null || mapping != null || layer != null || as != null || sourceLayer != null) {
            throw new IllegalArgumentException("a register restore takes the datasets, fields and table from the"
                    + " export itself: no --dataset, --mapping, --layer, --as or --source-layer");
        }
        return files.get(0);
    }

    public boolean isContextLayer() {
        return as != null;
    }

    /** A {@code layer --as NAME} import of one GeoTIFF: a raster layer. */
    public boolean isRaster() {
        return isContextLayer() && files.size() == 1 && RasterImporter.isTiff(files.get(0));
    }

    public RasterImporter.Request toRasterRequest() {
        if (elevationAttribute != null || elevationDefault != null || elevationMultiple != null
                || elevationNearest != null || timeAttribute != null || time != null || timeDefault != null
                || timeMultiple != null || timeNearest != null) {
            throw new IllegalArgumentException("a raster's elevation dimension is --elevation over its cell values;"
                    + " the other --elevation-* and --time* options are for vector layers");
        }
        if (!"layer".equals(kind)) {
            throw new IllegalArgumentException("--as imports a file as a layer of its own: use 'import layer FILE --as NAME'");
        }
        return new RasterImporter.Request(files.get(0), as, title, crs, ramp, elevation, reference, source, licence,
                attribution);
    }

    public ContextLayerImporter.Request toContextRequest() throws IOException {
        if (crs != null || ramp != null || reference) {
            throw new IllegalArgumentException("--crs, --ramp and --reference are for GeoTIFF rasters");
        }
        if (!"layer".equals(kind)) {
            throw new IllegalArgumentException("--as imports a file as a layer of its own: use 'import layer FILE --as NAME'");
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("name at least one file to import");
        }
        if (layer != null || dataset != null) {
            throw new IllegalArgumentException("--as makes a layer of its own: it takes neither --layer nor --dataset");
        }
        LayerMapping m = mapping != null ? LayerMapping.read(mapping) : null;
        OsmFilter filter = osmFilter == null ? null : OsmFilter.parse(osmFilter);
        List<ContextLayerImporter.DimensionRequest> dimensions = new ArrayList<>();
        dimension(Axis.ELEVATION, elevationAttribute, elevation, elevationDefault, elevationMultiple, elevationNearest)
                .ifPresent(dimensions::add);
        dimension(Axis.TIME, timeAttribute, time, timeDefault, timeMultiple, timeNearest).ifPresent(dimensions::add);
        return new ContextLayerImporter.Request(files, sourceLayer, as, title, source != null ? source : fileNames(),
                licence, attribution, m == null ? null : m.geometry(), m == null ? null : m.crs(), filter,
                dimensions, m);
    }

    private static java.util.Optional<ContextLayerImporter.DimensionRequest> dimension(Axis axis, String attribute,
            String values, String defaultValue, Boolean multiple, Boolean nearest) {
        String name = axis.dimensionName();
        if (attribute == null || attribute.isBlank()) {
            if (values != null || defaultValue != null || multiple != null || nearest != null) {
                throw new IllegalArgumentException("a vector layer's " + name + " dimension is on an attribute:"
                        + " give --" + name + "-attribute NAME");
            }
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ContextLayerImporter.DimensionRequest(axis, attribute.strip(), values,
                defaultValue, multiple == null || multiple, nearest == null || nearest));
    }

    /** {@code true} or {@code false}, as an option's value. */
    public static Boolean yesNo(String value, String option) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> Boolean.TRUE;
            case "false", "no" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(option + " takes true or false; got '" + value + "'");
        };
    }

    public ImportRequest toRequest() throws IOException {
        SourceKind k = kind();
        if (osmFilter != null) {
            throw new IllegalArgumentException("--osm-filter makes a layer of its own from an OpenStreetMap file: use"
                    + " 'import layer FILE.osm.pbf --as NAME --osm-filter \"key=value ...\"'");
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("name at least one file to import");
        }
        String id = dataset != null ? dataset : defaultId(files.get(0));
        DatasetInfo info = new DatasetInfo(id, title, source != null ? source : fileNames(),
                licence != null ? licence : defaultLicence(k), attribution != null ? attribution : defaultAttribution(k),
                synthetic, coverage == null || coverage.isBlank() ? null
                        : CoverageSpec.parse(coverage, boundaries, boundariesField), Set.of());
        Mapping m = mapping();
        GeoNamesReader.Filter filter = new GeoNamesReader.Filter(countries(), minPopulation == null ? 0 : minPopulation);
        return new ImportRequest(k, ImportRequest.sources(files, m, sourceLayer), info, filter, clustersFromOsm, skipInvalid);
    }

    private SourceKind kind() {
        if (kind == null) {
            throw new IllegalArgumentException("say what to import: clusters, osm, geonames or layer");
        }
        try {
            return SourceKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown import kind '" + kind + "'; use clusters, osm, geonames, layer or register");
        }
    }

    private Mapping mapping() throws IOException {
        if (mapping != null) {
            return Mapping.read(mapping);
        }
        if (layer != null) {
            Layer l = Layer.byId(layer).orElseThrow(() -> new IllegalArgumentException("unknown layer '" + layer
                    + "'; use " + Arrays.stream(Layer.values()).map(Layer::id).collect(Collectors.joining(", "))));
            return Mapping.identity(l);
        }
        return null;
    }

    private Set<String> countries() {
        if (countries == null || countries.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(countries.split(",")).map(s -> s.trim().toUpperCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private String fileNames() {
        return files.stream().map(f -> f.getFileName().toString()).collect(Collectors.joining(", "));
    }

    /** {@code pokhara-2016-06-04.osm.pbf} becomes {@code pokhara-2016-06-04}. */
    static String defaultId(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.indexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String id = base.replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        return id.isEmpty() ? "dataset" : id.length() > 64 ? id.substring(0, 64) : id;
    }

    private static String defaultLicence(SourceKind k) {
        return switch (k) {
            case OSM -> "ODbL 1.0";
            case GEONAMES -> "CC BY 4.0";
            default -> null;
        };
    }

    private static String defaultAttribution(SourceKind k) {
        return switch (k) {
            case OSM -> "© OpenStreetMap contributors";
            case GEONAMES -> "GeoNames (https://www.geonames.org)";
            default -> null;
        };
    }
}
