package org.clustergrid.ingest.osm;

/**
 * Choices for an OpenStreetMap import.
 *
 * @param clustersFromOsm also turn {@code landuse=industrial} areas and {@code craft=*} features into clusters; off by
 *     default because OSM's industrial areas are a weak proxy for surveyed MSME clusters
 */
public record OsmImportOptions(boolean clustersFromOsm) {

    public static OsmImportOptions defaults() {
        return new OsmImportOptions(false);
    }

    public static OsmImportOptions withClusters() {
        return new OsmImportOptions(true);
    }
}
