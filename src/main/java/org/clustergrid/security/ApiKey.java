package org.clustergrid.security;

import java.time.Instant;

/**
 * An API key as stored: its id and SHA-256 hash, never the key.
 *
 * @param username the user it acts for, whose role caps the key's; null for a key of its own
 */
public record ApiKey(String id, String name, Role role, String username, Instant createdAt, Instant lastUsedAt,
        Instant revokedAt) {
    public boolean revoked() {
        return revokedAt != null;
    }
}
