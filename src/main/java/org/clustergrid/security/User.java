package org.clustergrid.security;

import java.time.Instant;

/**
 * A person who signs in.
 *
 * @param passwordHash the encoded password ({@code {bcrypt}$2a$…}); never the password
 * @param changedAt the last change of password or role; sessions signed in before it end
 */
public record User(String username, Role role, String passwordHash, Instant createdAt, Instant changedAt) {}
