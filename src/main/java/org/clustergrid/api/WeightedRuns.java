package org.clustergrid.api;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.clustergrid.app.ScoringService;
import org.clustergrid.app.limits.BoundedWork;
import org.clustergrid.filter.Literals;
import org.clustergrid.scoring.Dimension;
import org.clustergrid.scoring.ScoringRun;
import org.clustergrid.scoring.Weights;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Answers from a scoring run: the profile's own, computed once per data version, at once; or one with the dimension
 * weights a request gives ({@code roads=2&finance=1}), computed on the bounded pool.
 */
@Component
class WeightedRuns {
    private final ScoringService scoring;
    private final BoundedWork work;

    WeightedRuns(ScoringService scoring, BoundedWork work) {
        this.scoring = scoring;
        this.work = work;
    }

    /** {@code answer} of the run the parameters ask for. */
    <T> DeferredResult<T> answer(Map<String, String> params, Function<ScoringRun, T> answer) {
        return answer(weights(params), answer);
    }

    /** {@code answer} of the run with these weights; null for the profile's own. */
    <T> DeferredResult<T> answer(Weights weights, Function<ScoringRun, T> answer) {
        if (weights == null) {
            DeferredResult<T> now = new DeferredResult<>();
            now.setResult(answer.apply(scoring.defaultRun()));
            return now;
        }
        return work.submit(() -> answer.apply(scoring.run(weights)));
    }

    /** The profile's weights with those given changed; null when none is given (the profile's own run). */
    Weights weights(Map<String, String> params) {
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
        return changes.isEmpty() ? null : scoring.profile().dimensionWeights().override(changes);
    }
}
