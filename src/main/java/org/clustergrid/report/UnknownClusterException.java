package org.clustergrid.report;

/** No cluster of the run has the Cluster Grid ID asked for. */
public final class UnknownClusterException extends RuntimeException {
    private final String id;

    public UnknownClusterException(String id) {
        super("no cluster with Cluster Grid ID '" + id + "' in the current scoring run");
        this.id = id;
    }

    public String id() {
        return id;
    }
}
