package org.clustergrid.store;

import java.time.Instant;

/**
 * The store's data version and the time of the change that made it, for validators such as ETag and Last-Modified;
 * and the same for the stored scenarios, which change without the data changing.
 *
 * @param changedAt when the last import or delete was committed (the migration time for a store never changed since)
 * @param scenarios grows with each scenario stored or deleted
 * @param scenariosChangedAt when that last happened (else when the data last changed)
 */
public record DataState(long version, Instant changedAt, long scenarios, Instant scenariosChangedAt) {
    public DataState(long version, Instant changedAt) {
        this(version, changedAt, 0, changedAt);
    }

    /** When the data or the scenarios last changed, whichever is later. */
    public Instant anyChangeAt() {
        return scenariosChangedAt.isAfter(changedAt) ? scenariosChangedAt : changedAt;
    }
}
