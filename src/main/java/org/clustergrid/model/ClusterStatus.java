package org.clustergrid.model;

/** Where a cluster is in its life cycle (the Identification grid's "status"); unknown is null, never a default. */
public enum ClusterStatus {
    INCIPIENT,
    GROWING,
    MATURE,
    DECLINING
}
