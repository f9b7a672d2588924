/** A streaming FlatGeobuf reader producing WGS84 source features with typed fields. */
package org.clustergrid.ingest.flatgeobuf;
