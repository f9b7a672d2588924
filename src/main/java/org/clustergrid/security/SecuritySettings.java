package org.clustergrid.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code clustergrid.security.*}; see the README's configuration table and docs/security.md.
 *
 * @param anonymousRead whether reads (maps, layers, scores) need no sign-in; default true, for the demo
 * @param minPasswordLength the shortest password accepted (default 12)
 * @param admin an admin account created or updated at start
 */
@ConfigurationProperties("clustergrid.security")
public record SecuritySettings(Boolean anonymousRead, Integer minPasswordLength, Admin admin) {
    public SecuritySettings {
        anonymousRead = anonymousRead == null || anonymousRead;
        minPasswordLength = minPasswordLength == null || minPasswordLength < 8 ? 12 : minPasswordLength;
        admin = admin == null ? new Admin(null, null, null) : admin;
    }

    /**
     * @param username the admin's name; blank for none
     * @param password its password, or
     * @param passwordFile a file holding it (for secrets mounted as files)
     */
    public record Admin(String username, String password, String passwordFile) {}
}
