package org.clustergrid.ingest.progress;

/**
 * Told how far an import has got. Importers announce each reading of the files (a pass) and the end of each file;
 * readers report the bytes they read as they go and the importers the features. Calls may come from any thread and
 * must return at once: a listener that shows them does so from a thread of its own.
 */
public interface ImportProgress {
    /** Nothing to tell: the default of every reader. */
    ImportProgress NONE = new ImportProgress() {};

    /**
     * A reading of all the files begins.
     *
     * @param number this pass, from 1
     * @param of how many passes the import makes
     * @param what what the pass does, e.g. {@code reading}, {@code writing}
     * @param bytesTotal the bytes of all the files
     * @param featuresTotal how many features the pass will see, when an earlier pass counted them; else -1
     */
    default void pass(int number, int of, String what, long bytesTotal, long featuresTotal) {}

    /** {@code n} more bytes of the current file read (as stored on disk, where the reader can tell). */
    default void bytesRead(long n) {}

    /** {@code n} more features read. */
    default void featuresRead(long n) {}

    /** A file of {@code size} bytes is read to its end, whatever its reader reported of it. */
    default void fileRead(long size) {}
}
