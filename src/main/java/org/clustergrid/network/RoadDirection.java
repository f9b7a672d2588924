package org.clustergrid.network;

import java.util.Locale;
import org.clustergrid.model.Road;

/**
 * Which way a road may be driven, relative to the order of its vertices, from its OSM tags (kept by the OSM import in
 * {@link Road#attributes()}). {@code oneway=yes|true|1} allows only the drawn direction, {@code oneway=-1|reverse}
 * only the opposite one, {@code oneway=no|false|0} both. Without an {@code oneway} tag, {@code junction=roundabout}
 * or {@code circular} and {@code highway=motorway} imply one-way, as in OSM's own convention; anything else is
 * two-way. {@code oneway=reversible} / {@code alternating} change direction by the hour and are taken as two-way.
 */
public final class RoadDirection {
    static final byte BOTH = 0;
    static final byte FORWARD = 1;
    static final byte BACKWARD = 2;

    private RoadDirection() {}

    public static byte of(Road road) {
        Object oneway = road.attributes().get("oneway");
        if (oneway != null) {
            return switch (oneway.toString().trim().toLowerCase(Locale.ROOT)) {
                case "yes", "true", "1" -> FORWARD;
                case "-1", "reverse" -> BACKWARD;
                default -> BOTH;
            };
        }
        Object junction = road.attributes().get("junction");
        if (junction != null && ("roundabout".equals(junction.toString()) || "circular".equals(junction.toString()))) {
            return FORWARD;
        }
        return "motorway".equals(road.roadClass()) ? FORWARD : BOTH;
    }

    /** Whether a segment of direction {@code dir} drawn {@code u → v} may be driven away from its end {@code from}. */
    static boolean allowsFrom(byte dir, int u, int from) {
        return dir == BOTH || (dir == FORWARD) == (u == from);
    }
}
