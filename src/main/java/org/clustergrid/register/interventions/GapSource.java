package org.clustergrid.register.interventions;

import java.time.Instant;
import java.util.List;
import org.locationtech.jts.geom.Point;

/** The current scoring run's infrastructure gaps of every cluster, the ones the cluster profile lists. */
public interface GapSource {
    /** One shortfall: the indicator, the profile's sentence for it and the kind of intervention that closes it. */
    record Gap(String indicator, String statement, String intervention) {}

    /** A cluster of the run with its representative point and its gaps, largest first. */
    record ClusterGaps(String clusterGridId, Point anchor, List<Gap> gaps) {}

    /** The run's id, when it was made and its clusters (every cluster in the register, retired ones aside). */
    record Run(String id, Instant at, List<ClusterGaps> clusters) {}

    Run current();
}
