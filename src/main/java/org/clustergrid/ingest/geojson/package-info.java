/** A streaming GeoJSON reader producing WGS84 source features with per-feature problem reports. */
package org.clustergrid.ingest.geojson;
