/** A small streaming reader of ESRI Shapefiles (.shp/.dbf/.prj/.cpg, loose or zipped) producing WGS84 source features. */
package org.clustergrid.ingest.shapefile;
