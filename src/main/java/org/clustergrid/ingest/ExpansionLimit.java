package org.clustergrid.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * A decompressing stream that fails with {@link Exceeded} once it has produced more than the limits allow: more than
 * {@link ImportLimits#expandedBytes} in all, or past {@link ImportLimits#RATIO_FLOOR} more than
 * {@link ImportLimits#expansionRatio} bytes per compressed byte consumed. Counting what is read, not what headers
 * declare, holds also for archives that lie about their sizes.
 */
public final class ExpansionLimit extends CountingInputStream {
    private final ImportLimits limits;
    private final LongSupplier compressed;
    private final String label;
    private long produced;

    /**
     * @param compressed compressed bytes consumed so far (e.g. a {@link Counting} stream under the decompressor, or
     *     a ZIP member's compressed size)
     * @param label how errors name the stream: the file, or the archive and member ({@code roads.zip!roads.dbf})
     */
    public ExpansionLimit(InputStream in, ImportLimits limits, LongSupplier compressed, String label) {
        super(in);
        this.limits = limits;
        this.compressed = compressed;
        this.label = label;
    }

    /** Bytes this stream has produced. */
    public long produced() {
        return produced;
    }

    @Override
    protected void counted(long n) throws Exceeded {
        produced += n;
        check(label, produced, compressed.getAsLong(), limits);
    }

    /**
     * Refuses {@code bytes} expanded from {@code compressedBytes} (negative: unknown) beyond the limits; also for the
     * sizes an archive declares, before anything is read.
     */
    public static void check(String label, long bytes, long compressedBytes, ImportLimits limits) throws Exceeded {
        if (bytes > limits.expandedBytes()) {
            throw new Exceeded(label + " expands to more than " + limits.expandedBytes() + " bytes, the limit ("
                    + ImportLimits.setting("expanded-bytes") + ")");
        }
        if (compressedBytes >= 0 && bytes > ImportLimits.RATIO_FLOOR
                && bytes > (double) limits.expansionRatio() * Math.max(1, compressedBytes)) {
            throw new Exceeded(label + " expands more than " + limits.expansionRatio() + " times (" + bytes
                    + " bytes from " + compressedBytes + " compressed), the limit ("
                    + ImportLimits.setting("expansion-ratio") + "); it looks like a zip bomb");
        }
    }

    /** Compressed data that expand beyond a limit; the message names it and its setting. */
    public static final class Exceeded extends IOException {
        Exceeded(String message) {
            super(message);
        }
    }

    /** Counts the bytes read through it: the compressed side of a decompressor. */
    public static final class Counting extends CountingInputStream {
        private long count;

        public Counting(InputStream in) {
            super(in);
        }

        public long count() {
            return count;
        }

        @Override
        protected void counted(long n) {
            count += n;
        }
    }
}
