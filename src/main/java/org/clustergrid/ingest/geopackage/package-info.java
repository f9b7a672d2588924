/** A streaming reader of GeoPackage feature tables (SQLite) producing WGS84 source features with typed fields. */
package org.clustergrid.ingest.geopackage;
