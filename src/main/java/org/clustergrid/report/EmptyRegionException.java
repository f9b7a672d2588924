package org.clustergrid.report;

/** The region asked for holds no cluster of the run: there is nothing to report on. */
public final class EmptyRegionException extends RuntimeException {
    public EmptyRegionException(RegionScope scope) {
        super(scope.areas().isEmpty() && scope.country() == null
                ? "the current scoring run has no cluster; import a cluster register (or an OSM extract with"
                        + " --clusters-from-osm) first"
                : "no cluster of the current scoring run lies in " + scope.name() + " (" + scope.definition() + ")");
    }
}
