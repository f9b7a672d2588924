package org.clustergrid.ingest.context;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.dimension.Axis;
import org.clustergrid.dimension.Dimension;
import org.clustergrid.ingest.ImportFailedException;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.ImportRequest;
import org.clustergrid.ingest.ShapefileGrouping;
import org.clustergrid.ingest.SourceFeature;
import org.clustergrid.ingest.SourceField;
import org.clustergrid.ingest.SourceSink;
import org.clustergrid.ingest.SourceFiles;
import org.clustergrid.ingest.mapping.Mapping.GeometryColumns;
import org.clustergrid.layers.Attribute;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.layers.LayerName;
import org.clustergrid.store.SpatialStore;

/**
 * Imports files as one context layer, every attribute kept: a first reading finds the attributes, their types, the
 * geometry kind and the extent; a second writes the features, typed, to a new table that replaces the layer only
 * when all of it is written. A file with errors changes nothing.
 */
public final class ContextLayerImporter {
    private final SpatialStore store;
    private final ImportLimits limits;

    public ContextLayerImporter(SpatialStore store, ImportLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    /**
     * @param sourceLayer the table of a GeoPackage to read; null for its only feature table
     * @param csvGeometry a CSV's geometry columns; null to find them by their usual names
     * @param csvCrs a CSV's CRS; null for EPSG:4326
     */
    public record Request(List<Path> files, String sourceLayer, String name, String title, String source, String licence,
            String attribution, GeometryColumns csvGeometry, String csvCrs, List<DimensionRequest> dimensions) {

        public Request(List<Path> files, String sourceLayer, String name, String title, String source, String licence,
                String attribution, GeometryColumns csvGeometry, String csvCrs) {
            this(files, sourceLayer, name, title, source, licence, attribution, csvGeometry, csvCrs, List.of());
        }
    }

    /**
     * A WMS dimension to declare on an attribute ({@link org.clustergrid.dimension.Dimension}).
     *
     * @param values the values offered (a list, or intervals min/max/resolution); null: the attribute's distinct values
     * @param defaultValue the value used when a request gives none; null: a request must give one
     */
    public record DimensionRequest(Axis axis, String attribute, String values, String defaultValue,
            boolean multipleValues, boolean nearestValue) {}

    public record Result(ContextLayer layer, ImportReport report, Duration took) {}

    /** @throws ImportFailedException when a file has errors; the store is unchanged */
    public synchronized Result run(Request r) throws Exception {
        long start = System.nanoTime();
        String name = LayerName.check(r.name());
        ImportReport report = new ImportReport(false);
        if (store.rasterLayers().layer(name).isPresent()) {
            report.error(r.files().get(0).getFileName().toString(), null, null, "a raster layer named '" + name
                    + "' exists; delete it first or choose another name");
            throw new ImportFailedException(report);
        }
        List<ImportRequest.Source> sources = new ArrayList<>();
        for (Path f : r.files()) {
            if (!Files.isRegularFile(f)) {
                report.error(f.getFileName().toString(), null, null, "file not found: " + f.toAbsolutePath());
            }
            sources.add(new ImportRequest.Source(f, null));
        }
        List<Path> files = report.hasErrors() ? List.of()
                : ShapefileGrouping.sourcesToRead(sources, report).stream().map(ImportRequest.Source::file).toList();
        SchemaPass schema = new SchemaPass(report, limits);
        LayerDimensions dimensions = new LayerDimensions(r.dimensions());
        for (Path f : files) {
            SourceFiles.read(f, r.sourceLayer(), r.csvGeometry(), r.csvCrs(), report, dimensions.watching(schema),
                    limits);
        }
        if (!report.hasErrors() && schema.count() == 0) {
            report.error(files.get(0).getFileName().toString(), null, null, "no feature with a geometry to import");
        }
        List<Dimension> declared = report.hasErrors() ? List.of()
                : dimensions.declare(schema.attributes(), report, files.get(0).getFileName().toString());
        if (report.hasErrors()) {
            throw new ImportFailedException(report);
        }
        String keptStyle = store.contextLayers().layer(name).map(ContextLayer::style).orElse(null);
        ContextLayer layer = new ContextLayer(name, r.title() == null || r.title().isBlank() ? name : r.title(),
                schema.kind(), schema.attributes(), schema.count(), schema.extent(), r.source(), r.licence(),
                r.attribution(), String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList()),
                Instant.now(), keptStyle, declared);
        ContextLayer stored = store.contextLayers().replace(layer, rows -> {
            ImportReport again = new ImportReport(false);
            for (Path f : files) {
                SourceFiles.read(f, r.sourceLayer(), r.csvGeometry(), r.csvCrs(), again, new SourceSink() {
                    @Override
                    public boolean typedFields(String file, String location, List<SourceField> fields) {
                        return true; // values come typed, as the first reading saw them
                    }

                    @Override
                    public void accept(SourceFeature s) {
                        if (s.geometry() != null) {
                            rows.add(s.geometry(), typed(layer.attributes(), s.attributes()));
                        }
                    }
                }, limits);
            }
            if (again.hasErrors()) { // the file changed between the readings
                throw new ImportFailedException(again);
            }
        });
        return new Result(stored, report, Duration.ofNanos(System.nanoTime() - start));
    }

    private static Map<String, Object> typed(List<Attribute> attributes, Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Attribute a : attributes) {
            out.put(a.name(), AttributeValues.convert(a.type(), values.get(a.name())));
        }
        return out;
    }
}
