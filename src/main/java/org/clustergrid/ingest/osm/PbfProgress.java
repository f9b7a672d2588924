package org.clustergrid.ingest.osm;

import org.clustergrid.ingest.progress.ImportProgress;

/**
 * Progress through a PBF file that is read in several steps (all blocks, way blocks, node blocks, way blocks again),
 * told as bytes of the file: the work done so far over all the work, times the file size. Until the first step has
 * found which blocks hold what, the other steps are guessed from a typical extract (nodes about 65 % of the bytes,
 * ways 30 %); after it, they are known. The count never goes back.
 */
final class PbfProgress {
    /** The first step's share of all the work in a typical extract: 1 / (1 + 2 × 0.30 + 0.65). */
    private static final double FIRST_STEP_GUESS = 1 / 2.25;

    private final ImportProgress progress;
    private final long fileSize;
    private long workDone;
    private double workTotal;
    private long told;

    PbfProgress(ImportProgress progress, long fileSize) {
        this.progress = progress;
        this.fileSize = fileSize;
        this.workTotal = fileSize / FIRST_STEP_GUESS;
    }

    /** The first step is over: the way blocks are read twice and the node blocks once more. */
    void blocksKnown(long wayBytes, long nodeBytes) {
        workTotal = Math.max(1, workDone + 2.0 * wayBytes + nodeBytes);
    }

    void read(long n) {
        workDone += n;
        long now = Math.min(fileSize, (long) (fileSize * (workDone / workTotal)));
        if (now > told) {
            progress.bytesRead(now - told);
            told = now;
        }
    }
}
