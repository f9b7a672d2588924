package org.clustergrid.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of intervention a scenario may hold, each with the geometry it takes. */
public enum InterventionKind {
    /** Existing road segments (by id) given another surface and, optionally, class: another speed, all-season or not. */
    UPGRADE_ROAD(null),
    /** A new road link, drawn as a line, with its class and surface. */
    NEW_ROAD("LineString"),
    /** A new power line, drawn as a line, with its voltage. */
    NEW_POWER_LINE("LineString"),
    /** A new substation (or transformer), at a point. */
    NEW_SUBSTATION("Point"),
    /** A new finance access point (bank branch, agent, co-operative …), at a point. */
    FINANCE_POINT("Point"),
    /** A new market (a marketplace, or a town's market with its population), at a point. */
    MARKET("Point");

    private final String geometryType;

    InterventionKind(String geometryType) {
        this.geometryType = geometryType;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The GeoJSON geometry type the kind is drawn as; null when it names existing features instead. */
    public String geometryType() {
        return geometryType;
    }

    public static Optional<InterventionKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
    }

    /** Every kind's id, as a message lists them. */
    static String ids() {
        return Arrays.stream(values()).map(InterventionKind::id).collect(Collectors.joining(", "));
    }
}
