/** Mapbox vector tiles of the layers on the WebMercatorQuad grid (XYZ scheme) and their TileJSON. */
package org.clustergrid.ogc.tiles;
