/** A place measured against a context layer: features near or around it, its polygon, its raster cells; no Spring. */
package org.clustergrid.layers.measure;
