package org.clustergrid.store;

import java.time.Instant;

/**
 * The store's data version and the time of the change that made it, for validators such as ETag and Last-Modified.
 *
 * @param changedAt when the last import or delete was committed (the migration time for a store never changed since)
 */
public record DataState(long version, Instant changedAt) {}
