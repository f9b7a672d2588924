package org.clustergrid.portfolio;

import java.util.Locale;
import org.clustergrid.scoring.ClusterScore;

/** What a portfolio maximises the fall of, summed over the clusters. */
public enum Objective {
    /** Priority, gap × size (employment, else firms): a cluster of unknown size counts for nothing. */
    PRIORITY,
    /** The gap alone, every cluster alike: for data without sizes. */
    GAP;

    /** The cluster's measure this objective lowers; null when it has none. */
    Double of(ClusterScore s) {
        return this == PRIORITY ? s.priority() : s.gap();
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the choices */
    public static Objective of(String id) {
        for (Objective o : values()) {
            if (o.id().equals(id)) {
                return o;
            }
        }
        throw new IllegalArgumentException("objective: '" + id + "' is not one of priority, gap");
    }
}
