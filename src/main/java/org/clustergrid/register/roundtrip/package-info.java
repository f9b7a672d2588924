/** The register's round trip: every current cluster exported to CSV, GeoJSON or GeoPackage, and restored from it. */
package org.clustergrid.register.roundtrip;
