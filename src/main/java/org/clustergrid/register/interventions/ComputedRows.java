package org.clustergrid.register.interventions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clustergrid.register.interventions.Vocabulary.Category;
import org.clustergrid.register.interventions.Vocabulary.Origin;
import org.clustergrid.register.interventions.Vocabulary.Status;

/**
 * The rule joining the run's gaps and the stored rows: a gap is a row of category infrastructure, status
 * identified, made from the run and not stored, until a person edits (or deletes) it; from then on the stored row
 * stands for that gap and the run no longer replaces it, whether the gap stays open or closes.
 */
public final class ComputedRows {
    private ComputedRows() {}

    /** The row a gap makes, as the run has it: the intervention that closes it, the shortfall in its notes. */
    public static Intervention of(String clusterGridId, GapSource.Gap g, GapSource.Run run) {
        Fields f = new Fields(Category.INFRASTRUCTURE, g.intervention(), Status.IDENTIFIED, null, null, null, null,
                null, g.statement());
        String by = "scoring run " + run.id();
        return new Intervention(Intervention.gapId(clusterGridId, g.indicator()), clusterGridId, f,
                Origin.COMPUTED_GAP, g.indicator(), null, by, run.at(), by, run.at(), 0, false);
    }

    /**
     * A cluster's grid: its stored rows that are not deleted, in their order, then the computed rows of its gaps
     * that no stored row (deleted ones included) stands for.
     */
    public static List<Intervention> merge(GapSource.ClusterGaps cluster, List<Intervention> stored,
            GapSource.Run run) {
        List<Intervention> out = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (Intervention i : stored) {
            if (i.gapIndicator() != null) {
                taken.add(i.gapIndicator());
            }
            if (!i.deleted()) {
                out.add(i);
            }
        }
        if (cluster != null) {
            for (GapSource.Gap g : cluster.gaps()) {
                if (!taken.contains(g.indicator())) {
                    out.add(of(cluster.clusterGridId(), g, run));
                }
            }
        }
        return out;
    }
}
