package org.clustergrid.network;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.clustergrid.model.Road;
import org.clustergrid.model.Road.Paving;

/**
 * Travel speeds for a road network: km/h per road class, a slow-down for unpaved roads, and the off-road speed at
 * which a point (a cluster, a market) reaches the network. Validated on construction.
 *
 * <p>A class missing from {@link #kmhByClass()} falls back to its parent's speed when it is a {@code *_link}, else
 * to {@link #defaultKmh()}. Only motorable roads ({@link Road#motorable()}) are routable when
 * {@link #motorableOnly()} is set, which is the default: footpaths do not carry goods to market.
 *
 * @param kmhByClass speed per OSM {@code highway} class, lower case
 * @param defaultKmh speed of any class not in the map
 * @param unpavedFactor multiplier (0 &lt; f &le; 1) for roads known to be unpaved; unknown paving is not slowed
 * @param offRoadKmh speed of the leg from a point to its nearest road
 * @param motorableOnly whether only motorable roads are routed on
 */
public record SpeedProfile(
        Map<String, Double> kmhByClass, double defaultKmh, double unpavedFactor, double offRoadKmh,
        boolean motorableOnly) {

    public SpeedProfile {
        Objects.requireNonNull(kmhByClass, "kmhByClass");
        kmhByClass.forEach((k, v) -> {
            Objects.requireNonNull(k, "road class");
            requirePositive("speed of " + k, v == null ? Double.NaN : v);
        });
        kmhByClass = Map.copyOf(kmhByClass);
        requirePositive("defaultKmh", defaultKmh);
        requirePositive("offRoadKmh", offRoadKmh);
        if (!(unpavedFactor > 0 && unpavedFactor <= 1)) {
            throw new IllegalArgumentException("unpavedFactor must be in (0, 1], was " + unpavedFactor);
        }
    }

    private static void requirePositive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be a positive finite km/h, was " + v);
        }
    }

    /** The defaults; every figure's source is beside it. */
    public static SpeedProfile defaults() {
        return new SpeedProfile(
                Map.ofEntries(
                        // World Bank GOST default road speeds (DESIGN.md, "Off-road access")
                        Map.entry("motorway", 50.0),
                        Map.entry("trunk", 40.0),
                        Map.entry("primary", 40.0),
                        Map.entry("secondary", 30.0),
                        Map.entry("tertiary", 30.0),
                        Map.entry("residential", 20.0),
                        Map.entry("unclassified", 20.0),
                        Map.entry("service", 10.0),
                        // project assumption: a track is slower than an unclassified road, faster than walking
                        Map.entry("track", 15.0)),
                // project assumption: unknown classes (road, living_street, busway …) as residential / unclassified
                20.0,
                // project assumption, to be calibrated per region: earth and gravel roads at 60 % of the class speed
                0.6,
                // walking speed on flat ground, the usual base of walking friction surfaces (MAP, GOST)
                5.0,
                true);
    }

    /** Whether a road is part of the routable network. */
    public boolean routable(Road road) {
        return !motorableOnly || road.motorable();
    }

    /** Speed in km/h of a road of this class and paving. */
    public double kmh(String roadClass, Paving paving) {
        double v = classKmh(roadClass);
        return paving == Paving.UNPAVED ? v * unpavedFactor : v;
    }

    /** Speed in metres per second of a road of this class and paving. */
    public double metresPerSecond(String roadClass, Paving paving) {
        return kmh(roadClass, paving) / 3.6;
    }

    /** Off-road speed in metres per second. */
    public double offRoadMetresPerSecond() {
        return offRoadKmh / 3.6;
    }

    private double classKmh(String roadClass) {
        if (roadClass == null) {
            return defaultKmh;
        }
        String c = roadClass.toLowerCase(Locale.ROOT);
        Double v = kmhByClass.get(c);
        if (v == null && c.endsWith("_link")) {
            v = kmhByClass.get(c.substring(0, c.length() - "_link".length()));
        }
        return v == null ? defaultKmh : v;
    }
}
