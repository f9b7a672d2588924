package org.clustergrid.report;

/** The region asked for holds no cluster of the run: there is nothing to report on. */
public final class EmptyRegionException extends RuntimeException {
    public EmptyRegionException(RegionScope scope) {
        super("no cluster of the current scoring run lies in " + scope.name() + " (" + scope.definition() + ")");
    }
}
