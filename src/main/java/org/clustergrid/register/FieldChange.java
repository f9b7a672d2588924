package org.clustergrid.register;

/**
 * One field's change between two versions. For {@code geometry} the values are short descriptions (type, vertices,
 * centroid); the full geometries are in the two versions themselves.
 */
public record FieldChange(String field, Object from, Object to) {}
