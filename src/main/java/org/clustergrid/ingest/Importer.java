package org.clustergrid.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.clustergrid.ingest.geonames.GeoNamesReader;
import org.clustergrid.ingest.mapping.Mapping;
import org.clustergrid.ingest.osm.OsmImportOptions;
import org.clustergrid.ingest.osm.OsmPbfReader;
import org.clustergrid.ingest.progress.ImportProgress;
import org.clustergrid.model.Dataset;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerFeature;
import org.clustergrid.store.FeatureWriter;
import org.clustergrid.store.SpatialStore;

/**
 * Runs imports: reads every file of a request, maps its records to layer features and writes them to the store in
 * one transaction. Any error in any file leaves the store as it was.
 */
public final class Importer {
    private final SpatialStore store;
    private final ImportLimits limits;

    public Importer(SpatialStore store) {
        this(store, ImportLimits.DEFAULT);
    }

    /** @param limits what one file may expand to or hold */
    public Importer(SpatialStore store, ImportLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    /** What an import produced. */
    public record Result(Dataset dataset, ImportReport report, Duration took) {}

    /**
     * Imports run one at a time in a process (the store's lock orders them across processes).
     *
     * @throws ImportFailedException when any file has errors; nothing was written
     */
    public Result run(ImportRequest request) throws Exception {
        return run(request, ImportProgress.NONE);
    }

    /**
     * As {@link #run(ImportRequest)}, telling {@code progress} how far the one reading of the files has got.
     *
     * @throws ImportFailedException when any file has errors; nothing was written
     */
    public synchronized Result run(ImportRequest request, ImportProgress progress) throws Exception {
        long start = System.nanoTime();
        ImportReport report = new ImportReport(request.skipInvalidRecords());
        for (ImportRequest.Source s : request.sources()) {
            if (!Files.isRegularFile(s.file())) {
                report.error(s.file().getFileName().toString(), null, null, "file not found: " + s.file().toAbsolutePath());
            }
        }
        List<ImportRequest.Source> toRead = request.kind() == SourceKind.CLUSTERS || request.kind() == SourceKind.LAYER
                ? ShapefileGrouping.sourcesToRead(request.sources(), report)
                : request.sources();
        if (report.hasErrors()) {
            throw new ImportFailedException(report);
        }
        long bytes = 0;
        for (ImportRequest.Source s : toRead) {
            bytes += Files.size(s.file());
        }
        progress.pass(1, 1, "importing", bytes, -1);
        Dataset d = store.importDataset(request.dataset().withCoverageLayers(coverageLayers(request)), report, out -> {
            FeatureWriter writer = (feature, file, location) -> {
                out.write(feature, file, location);
                progress.featuresRead(1);
            };
            for (ImportRequest.Source s : toRead) {
                read(request, s, report, writer, progress);
                progress.fileRead(Files.size(s.file()));
            }
            if (report.hasErrors()) {
                return;
            }
            int written = 0;
            for (Integer n : report.counts().values()) {
                written += n;
            }
            if (written == 0) {
                report.error(toRead.get(0).file().getFileName().toString(), null, null,
                        "no feature to import: the file(s) hold no record that maps to a layer");
            }
        });
        return new Result(d, report, Duration.ofNanos(System.nanoTime() - start));
    }

    private void read(ImportRequest request, ImportRequest.Source source, ImportReport report,
            FeatureWriter writer, ImportProgress progress) throws IOException {
        Path file = source.file();
        switch (request.kind()) {
            case OSM -> OsmPbfReader.read(file, new OsmImportOptions(request.clustersFromOsm()), report,
                    f -> writer.write(f, file.getFileName().toString(), elementName(f)), progress);
            case GEONAMES -> GeoNamesReader.read(file,
                    request.geoNames() == null ? GeoNamesReader.Filter.ALL : request.geoNames(), report, m -> {
                        report.accepted(Layer.MARKETS);
                        writer.write(m, file.getFileName().toString(), "geonameid " + m.attributes().get("geonameid"));
                    }, limits, progress);
            case CLUSTERS, LAYER -> readMapped(source, report, writer, progress);
        }
    }

    /**
     * The layers a dataset of this kind speaks for wherever it has data, also where it holds none of their features:
     * an OSM extract maps every road, power line, bank and town it knows of, a mapping the layers its rules fill.
     */
    static Set<Layer> coverageLayers(ImportRequest request) {
        Set<Layer> layers = EnumSet.noneOf(Layer.class);
        switch (request.kind()) {
            case OSM -> {
                layers.addAll(List.of(Layer.ROADS, Layer.POWER, Layer.FINANCE, Layer.MARKETS));
                if (request.clustersFromOsm()) {
                    layers.add(Layer.CLUSTERS);
                }
            }
            case GEONAMES -> layers.add(Layer.MARKETS);
            case CLUSTERS, LAYER -> {
                for (ImportRequest.Source s : request.sources()) {
                    if (s.mapping() == null) {
                        layers.add(Layer.CLUSTERS);
                    } else {
                        s.mapping().rules().forEach(r -> layers.add(r.layer()));
                    }
                }
            }
        }
        return layers;
    }

    /** OSM feature ids are {@code n123}, {@code w123}, {@code r123}. */
    private static String elementName(LayerFeature f) {
        String id = f.id();
        String kind = switch (id.charAt(0)) {
            case 'n' -> "node ";
            case 'w' -> "way ";
            case 'r' -> "relation ";
            default -> "";
        };
        return kind.isEmpty() ? id : kind + id.substring(1);
    }

    private void readMapped(ImportRequest.Source source, ImportReport report, FeatureWriter writer,
            ImportProgress progress) throws IOException {
        Path file = source.file();
        Mapping mapping = source.mapping() != null ? source.mapping() : Mapping.identity(Layer.CLUSTERS);
        MappedRecords records = new MappedRecords(mapping, report, writer, limits);
        SourceFiles.read(file, source.sourceLayer(), mapping.geometry(), mapping.crs(), report, records, limits,
                progress);
        records.finish();
    }
}
