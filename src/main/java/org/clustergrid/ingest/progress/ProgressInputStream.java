package org.clustergrid.ingest.progress;

import java.io.IOException;
import org.clustergrid.ingest.CountingInputStream;
import java.io.InputStream;

/**
 * Counts the bytes read through it into an {@link ImportProgress}. {@code scale} turns bytes read into bytes of the
 * file on disk where they differ: the members of a ZIP archive expand as they are read.
 */
public final class ProgressInputStream extends CountingInputStream {
    private final ImportProgress progress;
    private final double scale;
    private double pending;

    public ProgressInputStream(InputStream in, ImportProgress progress) {
        this(in, progress, 1);
    }

    public ProgressInputStream(InputStream in, ImportProgress progress, double scale) {
        super(in);
        this.progress = progress;
        this.scale = scale;
    }

    /** {@code in} itself when there is no progress to tell. */
    public static InputStream wrap(InputStream in, ImportProgress progress) {
        return progress == ImportProgress.NONE ? in : new ProgressInputStream(in, progress);
    }

    @Override
    protected void counted(long n) {
        pending += n * scale;
        if (pending >= 1) {
            long whole = (long) pending;
            pending -= whole;
            progress.bytesRead(whole);
        }
    }
}
