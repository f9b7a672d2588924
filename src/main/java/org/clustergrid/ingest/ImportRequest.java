package org.clustergrid.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.clustergrid.ingest.geonames.GeoNamesReader;
import org.clustergrid.ingest.mapping.Mapping;
import org.clustergrid.store.DatasetInfo;

/**
 * One import: files of one kind into one dataset, all or nothing.
 *
 * @param geoNames which GeoNames places to keep; null for all
 * @param clustersFromOsm also take {@code landuse=industrial} areas and {@code craft=*} features as clusters
 * @param skipInvalidRecords leave out bad records with a warning instead of failing the import
 */
public record ImportRequest(
        SourceKind kind,
        List<Source> sources,
        DatasetInfo dataset,
        GeoNamesReader.Filter geoNames,
        boolean clustersFromOsm,
        boolean skipInvalidRecords) {

    /**
     * A file and how its records map to layers; a null mapping means the kind's default (clusters by their canonical
     * field names; none needed for OSM and GeoNames).
     *
     * @param sourceLayer the layer to read from a file that holds several (a GeoPackage's feature table); null: its
     *     only one
     */
    public record Source(Path file, Mapping mapping, String sourceLayer) {
        public Source {
            Objects.requireNonNull(file, "file");
        }

        public Source(Path file, Mapping mapping) {
            this(file, mapping, null);
        }
    }

    public ImportRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dataset, "dataset");
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no file to import");
        }
        if (kind == SourceKind.LAYER && sources.stream().anyMatch(s -> s.mapping() == null)) {
            throw new IllegalArgumentException("importing a layer needs a mapping file or a target layer");
        }
    }

    /** The same mapping for every file. */
    public static List<Source> sources(List<Path> files, Mapping mapping) {
        return sources(files, mapping, null);
    }

    /** The same mapping and source layer for every file. */
    public static List<Source> sources(List<Path> files, Mapping mapping, String sourceLayer) {
        return files.stream().map(f -> new Source(f, mapping, sourceLayer)).toList();
    }
}
