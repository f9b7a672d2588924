package org.clustergrid.ingest.osm;

import java.util.Map;

/**
 * What a reading of a PBF file keeps and what it does with each element it builds: the built-in layers' tag rules
 * ({@link LayerElements}) or a filter of one's own ({@link FilteredElements}).
 */
interface OsmElements {
    /** Whether a node, way or relation with these tags makes a feature. */
    boolean wanted(Map<String, String> tags);

    /** Whether a relation is kept (its geometry built from its member ways) to make a feature. */
    boolean keepRelation(Map<String, String> tags);

    /** Whether a kept relation is an area (its ways joined into rings) rather than lines. */
    boolean relationIsArea(Map<String, String> tags);

    /**
     * An element that is wanted, with its geometry.
     *
     * @param type 'n', 'w' or 'r'
     */
    void element(char type, long id, Map<String, String> tags, ElementShape shape);
}
