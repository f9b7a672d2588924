package org.clustergrid.render;

/** One row of a legend: the symbol as the map draws it and what it means. */
public record LegendItem(String label, Symbol symbol) {}
