package org.clustergrid.security;

import org.clustergrid.store.SpatialStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Accounts and the audit log on the store; also in the command-line context, which has no web server. */
@Configuration
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityBeans {

    /**
     * bcrypt (cost 10) behind a delegating encoder: hashes are stored as {@code {bcrypt}…}, so a later default
     * (Argon2 needs BouncyCastle, which the server does not otherwise carry) can take over while old hashes still
     * match. See docs/security.md.
     */
    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    public Accounts accounts(SpatialStore store, PasswordEncoder encoder, SecuritySettings settings) {
        return new Accounts(store.dataSource(), encoder, settings.minPasswordLength());
    }

    @Bean
    public AuditLog auditLog(SpatialStore store) {
        return new AuditLog(store.dataSource());
    }
}
