package org.clustergrid.portfolio;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.clustergrid.scoring.ClusterScore;
import org.clustergrid.scoring.Indicator;
import org.clustergrid.scoring.IndicatorResult;
import org.clustergrid.scoring.ScoringEngine;
import org.clustergrid.scoring.ScoringRun;

/** Each candidate's effect alone, by the incremental evaluation of a one-project scenario. */
final class Effects {
    private Effects() {}

    /** @param engine the engine {@code before} was run on */
    static Effect of(ScoringEngine engine, ScoringRun before, Candidates.Applied candidate) {
        return of(engine, before, candidate, true);
    }

    /**
     * @param onlyGains measure only the clusters whose gap the project can move, and of them the parts that can (the
     *     rest add to no objective)
     */
    static Effect of(ScoringEngine engine, ScoringRun before, Candidates.Applied candidate, boolean onlyGains) {
        ScoringEngine derived = engine.derive(candidate.alone().data(), candidate.alone().changes());
        BitSet scored = onlyGains ? derived.measureOnlyGains(before) : derived.rescoredClusters();
        Map<Integer, ClusterScore> after = derived.scoreRescored(before.weights(), scored);
        List<Integer> clusters = new ArrayList<>();
        List<Map<Indicator, IndicatorResult>> indicators = new ArrayList<>();
        List<List<org.clustergrid.scoring.LayerResult>> layers = new ArrayList<>();
        boolean makesKnown = false;
        for (int c = scored.nextSetBit(0); c >= 0; c = scored.nextSetBit(c + 1)) {
            ClusterScore b = before.ranked().get(c).score();
            ClusterScore a = after.get(c);
            Map<Indicator, IndicatorResult> changed = new EnumMap<>(Indicator.class);
            for (Map.Entry<Indicator, IndicatorResult> e : a.indicators().entrySet()) {
                IndicatorResult was = b.indicators().get(e.getKey());
                if (!Objects.equals(was, e.getValue())) {
                    changed.put(e.getKey(), e.getValue());
                    makesKnown |= was.score() == null && e.getValue().score() != null;
                }
            }
            boolean layersChanged = !b.layerIndicators().equals(a.layerIndicators());
            if (!changed.isEmpty() || layersChanged) {
                clusters.add(c);
                indicators.add(changed);
                layers.add(layersChanged ? a.layerIndicators() : null);
                for (int k = 0; layersChanged && k < a.layerIndicators().size(); k++) {
                    makesKnown |= b.layerIndicators().get(k).score() == null
                            && a.layerIndicators().get(k).score() != null;
                }
            }
        }
        return new Effect(clusters.stream().mapToInt(Integer::intValue).toArray(), indicators, layers, makesKnown);
    }
}
