package org.clustergrid.security.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.AuditEntry;
import org.clustergrid.security.AuditLog;
import org.clustergrid.security.Caller;
import org.clustergrid.security.Role;
import org.clustergrid.security.SecuritySettings;
import org.clustergrid.security.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * At start: creates or updates the admin named by {@code clustergrid.security.admin.*}; and when the server has no
 * admin at all, says how to make one. There is never a built-in admin or a made-up password.
 */
final class AdminBootstrap implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final Caller CONFIG = new Caller("configuration", "config");

    private final Accounts accounts;
    private final AuditLog audit;
    private final SecuritySettings.Admin admin;
    private final boolean adminToken;

    AdminBootstrap(Accounts accounts, AuditLog audit, SecuritySettings settings, boolean adminToken) {
        this.accounts = accounts;
        this.audit = audit;
        this.admin = settings.admin();
        this.adminToken = adminToken;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (admin.username() != null && !admin.username().isBlank()) {
            ensure(admin.username().trim(), password());
        }
        if (!accounts.hasAdmin() && !adminToken) {
            LOG.warn("No admin account yet: imports, deletes and user management are closed. Create one with"
                    + " 'java -jar clustergrid.jar users add NAME --role admin' (the password is read from"
                    + " CLUSTERGRID_PASSWORD or standard input), or set clustergrid.security.admin.username and"
                    + " clustergrid.security.admin.password-file");
        }
    }

    private void ensure(String username, String password) {
        User u = accounts.user(username).orElse(null);
        if (u == null) {
            accounts.addUser(username, Role.ADMIN, password);
            audit.record(AuditEntry.of(CONFIG, "users add", "user " + username, 200, null, "role admin"));
            LOG.info("Admin '{}' created from clustergrid.security.admin", username);
            return;
        }
        if (u.role() != Role.ADMIN) {
            accounts.setRole(username, Role.ADMIN);
            audit.record(AuditEntry.of(CONFIG, "users role", "user " + username, 200, null, "role admin"));
        }
        if (!accounts.passwordMatches(u, password)) {
            accounts.setPassword(username, password);
            audit.record(AuditEntry.of(CONFIG, "users passwd", "user " + username, 200, null, null));
            LOG.info("Password of admin '{}' set from clustergrid.security.admin", username);
        }
    }

    private String password() throws IOException {
        if (admin.password() != null && !admin.password().isEmpty()) {
            return admin.password();
        }
        if (admin.passwordFile() != null && !admin.passwordFile().isBlank()) {
            return Files.readString(Path.of(admin.passwordFile())).strip();
        }
        throw new IllegalStateException("clustergrid.security.admin.username is set but neither"
                + " clustergrid.security.admin.password nor clustergrid.security.admin.password-file");
    }
}
