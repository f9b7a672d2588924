/** OGC API – Features Part 1 (Core) over the store's layers, in GeoJSON, HTML and CSV. */
package org.clustergrid.ogc.features;
