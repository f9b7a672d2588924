/** Computed surfaces: per region of clusters, a hexagon grid of travel time to a regional market; no Spring. */
package org.clustergrid.surface;
