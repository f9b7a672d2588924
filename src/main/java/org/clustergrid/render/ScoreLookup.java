package org.clustergrid.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.clustergrid.scoring.ScoreOutput;
import org.clustergrid.scoring.ScoringRun;

/**
 * The scores the score styles draw: the current run's flat summaries by Cluster Grid ID. The run comes from a
 * supplier (the server's profile run, which follows the data version), so this package needs no server; the table
 * is rebuilt only when the supplier hands over another run.
 */
public final class ScoreLookup {
    private final Supplier<ScoringRun> runs;
    private volatile Table table;

    public ScoreLookup(Supplier<ScoringRun> runs) {
        this.runs = runs;
    }

    /** One run's summaries by Cluster Grid ID, each as {@link ScoreOutput#summary} writes it. */
    public record Table(ScoringRun run, Map<String, Map<String, Object>> byClusterId) {
        static Table of(ScoringRun run) {
            Map<String, Map<String, Object>> m = new HashMap<>();
            for (ScoringRun.Ranked r : run.ranked()) {
                m.put(r.score().id(), ScoreOutput.summary(r));
            }
            return new Table(run, Map.copyOf(m));
        }

        /** The measure's value for a cluster, null when the cluster has no score or no value. */
        public Double value(String clusterId, ScoreMeasure measure) {
            Map<String, Object> summary = clusterId == null ? null : byClusterId.get(clusterId);
            return summary == null ? null : measure.value(summary);
        }

        /** The measure's values over every scored cluster (nulls for those without). */
        public List<Double> values(ScoreMeasure measure) {
            return byClusterId.values().stream().map(measure::value).toList();
        }
    }

    /** The current run's table; the same object while the run is the same. */
    public Table current() {
        ScoringRun run = runs.get();
        Table t = table;
        if (t == null || t.run() != run) {
            t = Table.of(run);
            table = t;
        }
        return t;
    }
}
