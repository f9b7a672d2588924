package org.clustergrid.scoring;

import java.util.Locale;

/** The four infrastructure dimensions a cluster is scored on. */
public enum Dimension {
    ROADS,
    POWER,
    FINANCE,
    MARKETS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
