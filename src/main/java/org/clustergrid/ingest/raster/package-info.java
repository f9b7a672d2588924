/** Imports a GeoTIFF as a raster layer of its own: checked, its values summed up, stored or referenced whole. */
package org.clustergrid.ingest.raster;
