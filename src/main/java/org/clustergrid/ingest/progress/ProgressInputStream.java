package org.clustergrid.ingest.progress;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it into an {@link ImportProgress}. {@code scale} turns bytes read into bytes of the
 * file on disk where they differ: the members of a ZIP archive expand as they are read.
 */
public final class ProgressInputStream extends FilterInputStream {
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
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long k = super.skip(n);
        if (k > 0) {
            count(k);
        }
        return k;
    }

    private void count(long n) {
        pending += n * scale;
        if (pending >= 1) {
            long whole = (long) pending;
            pending -= whole;
            progress.bytesRead(whole);
        }
    }
}
