package org.clustergrid.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A what-if scenario as stored: the GeoJSON its user gave (re-read to evaluate it), who made it, when, and the data
 * version it was made on.
 */
public record StoredScenario(String id, String name, String description, int interventions, String geojson,
        String createdBy, Instant createdAt, long dataVersion) {
    public StoredScenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(geojson, "geojson");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
