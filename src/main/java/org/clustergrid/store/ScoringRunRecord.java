package org.clustergrid.store;

import java.time.Instant;

/**
 * A stored scoring run's header.
 *
 * @param weights the dimension weights used, as JSON
 * @param datasets dataset id → import time at the run, as JSON: the data versions the run saw
 */
public record ScoringRunRecord(
        String id,
        Instant createdAt,
        String profileName,
        String profileHash,
        String weights,
        long dataVersion,
        String datasets,
        int clusterCount,
        double seconds) {}
