/** Raster layers: the user's own GeoTIFF grids (population, elevation), read per map window and coloured by a ramp. */
package org.clustergrid.raster;
