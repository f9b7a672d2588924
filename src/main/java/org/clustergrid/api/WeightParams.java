package org.clustergrid.api;

import java.util.EnumMap;
import java.util.Map;
import org.clustergrid.filter.Literals;
import org.clustergrid.scoring.Dimension;
import org.clustergrid.scoring.Weights;

/** Dimension weights given as query parameters ({@code roads=2&finance=1}), over the profile's own. */
final class WeightParams {
    private WeightParams() {}

    /** The profile's weights with those given changed; null when none is given (the profile's own run). */
    static Weights of(Map<String, String> params, Weights profile) {
        Map<Dimension, Double> changes = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            String v = params.get(d.id());
            if (v != null) {
                double w;
                try {
                    w = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    w = Double.NaN;
                }
                if (!Double.isFinite(w) || w < 0) {
                    throw ApiException.badRequest("weight '" + d.id() + "' must be a finite number of 0 or more, not '"
                            + Literals.excerpt(v) + "'");
                }
                changes.put(d, w);
            }
        }
        return changes.isEmpty() ? null : profile.override(changes);
    }
}
