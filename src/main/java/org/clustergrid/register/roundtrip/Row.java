package org.clustergrid.register.roundtrip;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One record of an exported table.
 *
 * @param id the record's identifier (a cluster's Cluster Grid ID, a row's id), the GeoJSON feature id
 * @param geometry null in a table without geometry
 * @param values by column name, null when not known; lists are {@link java.util.List}s, objects {@link Map}s
 */
record Row(String id, Geometry geometry, Map<String, Object> values) {}
