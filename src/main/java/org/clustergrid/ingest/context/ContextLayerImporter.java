package org.clustergrid.ingest.context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.ingest.FileType;
import org.clustergrid.dimension.Axis;
import org.clustergrid.dimension.Dimension;
import org.clustergrid.ingest.ImportFailedException;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.ImportRequest;
import org.clustergrid.ingest.ShapefileGrouping;
import org.clustergrid.ingest.SourceFeature;
import org.clustergrid.ingest.SourceField;
import org.clustergrid.ingest.SourceFiles;
import org.clustergrid.ingest.SourceSink;
import org.clustergrid.ingest.mapping.Mapping.GeometryColumns;
import org.clustergrid.ingest.osm.OsmFilter;
import org.clustergrid.ingest.osm.OsmLayerReader;
import org.clustergrid.ingest.progress.ImportProgress;
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
     * @param osmFilter the elements of an OpenStreetMap PBF file to take; required for PBF files, refused for others
     */
    public record Request(List<Path> files, String sourceLayer, String name, String title, String source, String licence,
            String attribution, GeometryColumns csvGeometry, String csvCrs, OsmFilter osmFilter,
            List<DimensionRequest> dimensions, LayerMapping mapping) {

        public Request(List<Path> files, String sourceLayer, String name, String title, String source, String licence,
                String attribution, GeometryColumns csvGeometry, String csvCrs, OsmFilter osmFilter,
                List<DimensionRequest> dimensions) {
            this(files, sourceLayer, name, title, source, licence, attribution, csvGeometry, csvCrs, osmFilter,
                    dimensions, null);
        }

        public Request(List<Path> files, String sourceLayer, String name, String title, String source, String licence,
                String attribution, GeometryColumns csvGeometry, String csvCrs) {
            this(files, sourceLayer, name, title, source, licence, attribution, csvGeometry, csvCrs, null, List.of());
        }

        public Request(List<Path> files, String sourceLayer, String name, String title, String source, String licence,
                String attribution, GeometryColumns csvGeometry, String csvCrs, OsmFilter osmFilter) {
            this(files, sourceLayer, name, title, source, licence, attribution, csvGeometry, csvCrs, osmFilter,
                    List.of());
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
    public Result run(Request r) throws Exception {
        return run(r, ImportProgress.NONE);
    }

    /**
     * As {@link #run(Request)}, telling {@code progress} how far each of the two readings has got.
     *
     * @throws ImportFailedException when a file has errors; the store is unchanged
     */
    public synchronized Result run(Request r, ImportProgress progress) throws Exception {
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
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        progress.pass(1, 2, "reading", bytes, -1);
        SchemaPass schema = new SchemaPass(report, limits);
        LayerDimensions dimensions = new LayerDimensions(r.dimensions());
        SourceSink counted = dimensions.watching(new CountingSink(schema, progress));
        LayerMapping.Watch mapped = r.mapping() == null ? null : r.mapping().watching(counted, report);
        if (mapped != null) {
            counted = mapped;
        }
        for (Path f : files) {
            read(f, r, report, counted, progress);
            progress.fileRead(Files.size(f));
        }
        if (mapped != null) {
            mapped.finish();
            if (mapped.skipped() > 0) {
                report.warning(r.mapping().name(), null, null, mapped.skipped() + " feature(s) left out by the"
                        + " mapping's 'when'");
            }
        }
        if (!report.hasErrors() && schema.count() == 0) {
            report.error(String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList()), null,
                    null, r.osmFilter() != null ? "no feature matched the OSM filter '" + r.osmFilter() + "'"
                            : "no feature with a geometry to import");
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
        long total = bytes;
        ContextLayer stored = store.contextLayers().replace(layer, rows -> {
            progress.pass(2, 2, "writing", total, layer.featureCount());
            ImportReport again = new ImportReport(false);
            SourceSink writer = new SourceSink() {
                @Override
                public boolean typedFields(String file, String location, List<SourceField> fields) {
                    return true; // values come typed, as the first reading saw them
                }

                @Override
                public void accept(SourceFeature s) {
                    if (s.geometry() != null) {
                        rows.add(s.geometry(), typed(layer.attributes(), s.attributes()));
                        progress.featuresRead(1);
                    }
                }
            };
            for (Path f : files) {
                read(f, r, again, r.mapping() == null ? writer : r.mapping().watching(writer, again), progress);
                progress.fileRead(Files.size(f));
            }
            if (again.hasErrors()) { // the file changed between the readings
                throw new ImportFailedException(again);
            }
        });
        return new Result(stored, report, Duration.ofNanos(System.nanoTime() - start));
    }

    /** An OSM file through its filter, any other through {@link SourceFiles}; a filter and a file must go together. */
    private void read(Path f, Request r, ImportReport report, SourceSink sink, ImportProgress progress)
            throws IOException {
        String file = f.getFileName().toString();
        FileType type = FileType.detect(f);
        if (type == FileType.OSM_PBF) {
            if (r.osmFilter() == null) {
                report.error(file, null, null, "an OpenStreetMap file becomes a layer of its own through a tag filter:"
                        + " pass --osm-filter \"key=value ...\" (in an upload, the osm-filter field), e.g."
                        + " \"boundary=administrative admin_level=5\"");
            } else {
                OsmLayerReader.read(f, r.osmFilter(), report, sink, progress);
            }
        } else if (r.osmFilter() != null) {
            report.error(file, null, null, "an OSM filter ('" + r.osmFilter() + "') is for OpenStreetMap PBF files,"
                    + " but this is " + type.description());
        } else {
            SourceFiles.read(f, r.sourceLayer(), r.csvGeometry(), r.csvCrs(), report, sink, limits, progress);
        }
    }

    /** Counts the features the first reading sees as it passes them on. */
    private record CountingSink(SchemaPass schema, ImportProgress progress) implements SourceSink {
        @Override
        public void accept(SourceFeature f) {
            schema.accept(f);
            progress.featuresRead(1);
        }

        @Override
        public boolean fields(String file, String location, List<String> names) {
            return schema.fields(file, location, names);
        }

        @Override
        public boolean typedFields(String file, String location, List<SourceField> fields) {
            return schema.typedFields(file, location, fields);
        }
    }

    private static Map<String, Object> typed(List<Attribute> attributes, Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Attribute a : attributes) {
            out.put(a.name(), AttributeValues.convert(a.type(), values.get(a.name())));
        }
        return out;
    }
}
