package org.clustergrid.model;

import java.util.Arrays;
import java.util.Optional;

/** The layers ClusterGrid stores; every imported feature belongs to exactly one. */
public enum Layer {
    CLUSTERS("clusters", "Industrial / MSME clusters"),
    ROADS("roads", "Roads"),
    POWER("power", "Electricity network"),
    FINANCE("finance", "Finance access points"),
    MARKETS("markets", "Markets, towns and gateways");

    private final String id;
    private final String title;

    Layer(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The lower-case identifier used in URLs, tables and mapping files. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public static Optional<Layer> byId(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equalsIgnoreCase(id)).findFirst();
    }
}
