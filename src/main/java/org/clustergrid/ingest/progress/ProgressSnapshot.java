package org.clustergrid.ingest.progress;

/**
 * How far an import's current pass has got.
 *
 * @param featuresTotal the features the pass will see when an earlier pass counted them, else null
 * @param seconds time since the pass began
 * @param rate features a second in this pass
 * @param done the share of the pass done, 0 to 1
 * @param etaSeconds seconds left at the pace so far; null until there is a pace to tell by
 */
public record ProgressSnapshot(int pass, int passes, String what, long bytesRead, long bytesTotal, long features,
        Long featuresTotal, double seconds, double rate, double done, Long etaSeconds) {}
