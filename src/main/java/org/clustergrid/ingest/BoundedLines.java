package org.clustergrid.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * A buffered reader of text whose lines may not pass a length: a file of one endless line (or one endless CSV field)
 * fails with {@link TooLong} instead of growing a string until the heap is gone.
 */
public final class BoundedLines extends Reader {
    private final Reader in;
    private final int maxLine;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int length;
    private long line = 1;
    private int column;

    public BoundedLines(Reader in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    @Override
    public int read(char[] out, int offset, int count) throws IOException {
        if (position == length && !fill()) {
            return -1;
        }
        int n = Math.min(count, length - position);
        for (int i = 0; i < n; i++) {
            out[offset + i] = take();
        }
        return n;
    }

    /** The next line without its terminator ({@code \n} or {@code \r\n}), or null at the end. */
    public String readLine() throws IOException {
        StringBuilder b = new StringBuilder();
        while (position < length || fill()) {
            char c = take();
            if (c == '\n') {
                int end = b.length();
                return end > 0 && b.charAt(end - 1) == '\r' ? b.substring(0, end - 1) : b.toString();
            }
            b.append(c);
        }
        return b.length() == 0 ? null : b.toString();
    }

    private char take() throws TooLong {
        char c = buffer[position++];
        if (c == '\n') {
            line++;
            column = 0;
        } else if (++column > maxLine) {
            throw new TooLong(line, maxLine);
        }
        return c;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        position = 0;
        length = Math.max(n, 0);
        return n > 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A line longer than the limit; the message names it and its setting. */
    public static final class TooLong extends IOException {
        private final long line;

        TooLong(long line, int limit) {
            super("line " + line + " is longer than " + limit + " characters, the limit ("
                    + ImportLimits.setting("line-characters") + ")");
            this.line = line;
        }

        public long line() {
            return line;
        }
    }
}
