package org.clustergrid.scoring;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a scoring run needs besides the data: each indicator's curve and weight within its dimension, the
 * dimension weights of the composite score, the parameters of the indicators, and the target score per dimension by
 * cluster typology and markets served. Read from YAML by {@link ProfileReader}; immutable and validated.
 *
 * @param hash a digest of the profile's content, stored with every run so results can be traced and reproduced
 * @param completeness how much must be known for a dimension and the composite to be scored
 * @param layerIndicators the indicators the profile declares on context layers, in its order; each feeds its
 *     dimension as a built-in indicator does
 */
public record ScoringProfile(
        String name,
        String hash,
        Map<Indicator, IndicatorSpec> indicators,
        Weights dimensionWeights,
        Parameters parameters,
        Targets targets,
        Completeness completeness,
        List<LayerIndicator> layerIndicators) {

    public ScoringProfile {
        Objects.requireNonNull(name, "name");
        layerIndicators = List.copyOf(layerIndicators);
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (LayerIndicator l : layerIndicators) {
            if (!ids.add(l.id()) || Indicator.byId(l.id()).isPresent()) {
                throw new IllegalArgumentException("indicator id '" + l.id() + "' is taken");
            }
        }
        // an enum map: looked up for every indicator of every score, where Map.copyOf's hashing showed
        indicators = java.util.Collections.unmodifiableMap(new EnumMap<>(indicators));
        for (Indicator i : Indicator.values()) {
            if (!indicators.containsKey(i)) {
                throw new IllegalArgumentException("indicator '" + i.id() + "' is missing");
            }
        }
    }

    /** A profile of the built-in indicators only. */
    public ScoringProfile(String name, String hash, Map<Indicator, IndicatorSpec> indicators, Weights dimensionWeights,
            Parameters parameters, Targets targets, Completeness completeness) {
        this(name, hash, indicators, dimensionWeights, parameters, targets, completeness, List.of());
    }

    /** How an indicator scores and how much it counts within its dimension. */
    public record IndicatorSpec(ScoreCurve curve, double weight) {
        public IndicatorSpec {
            if (!(weight >= 0) || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("weight must be a non-negative number");
            }
        }
    }

    /** The same profile with other dimension weights (a request's override). */
    public ScoringProfile withWeights(Weights weights) {
        return new ScoringProfile(name, hash + "+" + weights.fingerprint(), indicators, weights, parameters, targets,
                completeness, layerIndicators);
    }
}
