/** Reads OpenStreetMap {@code .osm.pbf} extracts into ClusterGrid layer features in a few memory-lean passes. */
package org.clustergrid.ingest.osm;
