package org.clustergrid.security.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.clustergrid.app.ClusterGridProperties;

/**
 * {@code clustergrid.admin.token}: when set, a key with the admin role that lives in the configuration rather than the
 * store (deployments and tests that set it keep working). When blank there is none; no token is ever made up.
 */
final class AdminTokenKey {
    private final byte[] token;

    AdminTokenKey(ClusterGridProperties properties) {
        String configured = properties.admin().token();
        this.token = configured == null || configured.isBlank() ? null
                : configured.trim().getBytes(StandardCharsets.UTF_8);
    }

    boolean configured() {
        return token != null;
    }

    /** Constant-time comparison, so the token cannot be found byte by byte from response times. */
    boolean matches(String presented) {
        return token != null && presented != null
                && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }
}
