/** Computed surfaces between the clusters (a hexagon grid of travel time to the nearest regional market); no Spring. */
package org.clustergrid.surface;
