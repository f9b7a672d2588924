package org.clustergrid.model;

import java.util.Locale;
import java.util.Set;
import org.clustergrid.model.Road.Paving;

/**
 * How a road's paving, all-season and motorable flags follow from its class and surface tags. One place, so that
 * OSM imports, mapped imports and the demo agree.
 */
public final class RoadRules {
    private RoadRules() {}

    static final Set<String> PAVED = Set.of("paved", "asphalt", "concrete", "concrete:plates", "concrete:lanes",
            "paving_stones", "sett", "cobblestone", "metal", "wood", "chipseal", "unhewn_cobblestone");
    static final Set<String> UNPAVED = Set.of("unpaved", "gravel", "fine_gravel", "compacted", "dirt", "earth",
            "ground", "grass", "mud", "sand", "pebblestone", "rock", "ice", "snow", "woodchips", "salt", "clay");
    static final Set<String> MAJOR = Set.of("motorway", "motorway_link", "trunk", "trunk_link", "primary",
            "primary_link", "secondary", "secondary_link");
    static final Set<String> NOT_MOTORABLE = Set.of("footway", "path", "steps", "pedestrian", "cycleway",
            "bridleway", "corridor", "via_ferrata", "platform", "construction", "proposed", "elevator", "bus_stop",
            "raceway", "abandoned", "disused");
    static final Set<String> ROUGH = Set.of("very_bad", "horrible", "very_horrible", "impassable");

    /**
     * Paving from OSM's {@code surface} (the first of {@code ;}-separated values), else {@code tracktype} when no
     * surface is given, else a very bad {@code smoothness}; any may be null.
     */
    public static Paving pavingOf(String surface, String tracktype, String smoothness) {
        if (surface != null) {
            String s = surface.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
            if (PAVED.contains(s)) {
                return Paving.PAVED;
            }
            if (UNPAVED.contains(s)) {
                return Paving.UNPAVED;
            }
        }
        if (surface == null && tracktype != null) {
            String t = tracktype.toLowerCase(Locale.ROOT).trim();
            if (t.equals("grade1")) {
                return Paving.PAVED;
            }
            if (t.matches("grade[2-5]")) {
                return Paving.UNPAVED;
            }
        }
        if (smoothness != null && ROUGH.contains(smoothness.toLowerCase(Locale.ROOT).trim())) {
            return Paving.UNPAVED;
        }
        return Paving.UNKNOWN;
    }

    /**
     * All-season: paved, or a major class (motorway to secondary) whose surface is not known to be unpaved —
     * mapped major roads are usually sealed, while an untagged minor road is not assumed to be.
     */
    public static boolean isAllSeason(String roadClass, Paving paving) {
        return paving == Paving.PAVED
                || (paving == Paving.UNKNOWN && roadClass != null && MAJOR.contains(roadClass.toLowerCase(Locale.ROOT)));
    }

    /** Motorable: any class a motor vehicle may use (tracks included; footways, paths, steps … not). */
    public static boolean isMotorable(String roadClass) {
        return roadClass == null || !NOT_MOTORABLE.contains(roadClass.toLowerCase(Locale.ROOT));
    }
}
