/** GeoNames dump reader: populated places as markets. */
package org.clustergrid.ingest.geonames;
