package org.clustergrid.scoring;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Non-negative weights of the four dimensions, normalised to sum to 1. */
public record Weights(Map<Dimension, Double> values) {
    public Weights {
        EnumMap<Dimension, Double> copy = new EnumMap<>(Dimension.class);
        double max = 0;
        for (Dimension d : Dimension.values()) {
            Double w = values.get(d);
            if (w == null) {
                throw new IllegalArgumentException("weight of '" + d.id() + "' is missing");
            }
            if (!Double.isFinite(w) || w < 0) {
                throw new IllegalArgumentException("weight of '" + d.id() + "' must be a non-negative number, not " + w);
            }
            max = Math.max(max, w);
        }
        if (!(max > 0)) {
            throw new IllegalArgumentException("weights must sum to something positive");
        }
        // scaled by the largest first, so weights near Double.MAX_VALUE sum without overflowing to infinity
        double sum = 0;
        for (Dimension d : Dimension.values()) {
            sum += values.get(d) / max;
        }
        for (Dimension d : Dimension.values()) {
            copy.put(d, values.get(d) / max / sum);
        }
        values = java.util.Collections.unmodifiableMap(copy); // an enum map: read for every dimension of every score
    }

    public double of(Dimension d) {
        return values.get(d);
    }

    /** This set with some weights replaced (raw, renormalised together with the rest). */
    public Weights override(Map<Dimension, Double> changes) {
        EnumMap<Dimension, Double> m = new EnumMap<>(values);
        m.putAll(changes);
        return new Weights(m);
    }

    String fingerprint() {
        return values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> String.format(Locale.ROOT, "%s=%.6f", e.getKey().id(), e.getValue()))
                .collect(Collectors.joining(","));
    }
}
