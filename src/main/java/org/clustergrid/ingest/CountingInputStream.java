package org.clustergrid.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A stream that tells a subclass how many bytes each read or skip took, to count or bound them. */
public abstract class CountingInputStream extends FilterInputStream {
    protected CountingInputStream(InputStream in) {
        super(in);
    }

    /** {@code n} more bytes were read or skipped (n &gt; 0). */
    protected abstract void counted(long n) throws IOException;

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long k = super.skip(n);
        if (k > 0) {
            counted(k);
        }
        return k;
    }
}
