/** CSV readers: points from latitude/longitude columns or geometries from a WKT column. */
package org.clustergrid.ingest.csv;
