package org.clustergrid.layers;

/** One attribute of a context layer: its name as in the source file and its type. */
public record Attribute(String name, AttributeType type) {}
