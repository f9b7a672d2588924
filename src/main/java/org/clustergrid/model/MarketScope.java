package org.clustergrid.model;

/** How far a cluster's products travel. */
public enum MarketScope {
    LOCAL,
    REGIONAL,
    NATIONAL,
    GLOBAL
}
