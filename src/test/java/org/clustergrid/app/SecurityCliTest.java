package org.clustergrid.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clustergrid.app.cli.PasswordInput;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.AuditEntry;
import org.clustergrid.security.AuditLog;
import org.clustergrid.store.SpatialStore;
import org.clustergrid.store.StoreFactory;
import org.clustergrid.store.StoreSettings;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** The users and keys commands against an embedded store in a temporary folder, as an operator runs them. */
class SecurityCliTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(Path dir, String stdin, String... args) {
        out.reset();
        err.reset();
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--clustergrid.data-dir=" + dir;
        PasswordInput passwords = new PasswordInput(null, null,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return ClusterGridApplication.runAccounts(all, passwords, new PrintStream(out, true), new PrintStream(err, true));
    }

    static Accounts accounts(SpatialStore store) {
        return new Accounts(store.dataSource(), PasswordEncoderFactories.createDelegatingPasswordEncoder(), 12);
    }

    @Test
    void usersAndKeysAreManagedFromTheCommandLine() throws Exception {
        Path dir = Files.createTempDirectory("clustergrid-cli-security");
        assertThat(run(dir, "", "users", "list")).isZero();
        assertThat(out.toString()).as("a fresh store has no accounts, and no default admin").isBlank();

        assertThat(run(dir, "", "users", "add", "root", "--role", "admin", "--password", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("not taken as arguments");
        assertThat(run(dir, "short\n", "users", "add", "root", "--role", "admin")).isEqualTo(1);
        assertThat(err.toString()).contains("at least 12 characters");
        assertThat(run(dir, "a long enough passphrase\n", "users", "add", "root", "--role", "admin"))
                .as(err.toString()).isZero();
        assertThat(run(dir, "", "users", "list")).isZero();
        assertThat(out.toString()).contains("root").contains("admin");

        assertThat(run(dir, "", "keys", "create", "nightly", "--role", "analyst", "--user", "root")).isZero();
        String key = out.toString().trim();
        assertThat(key).startsWith("cgk_");
        assertThat(err.toString()).contains("shown this once");
        String id = key.substring(4, 16);
        assertThat(run(dir, "", "keys", "list")).isZero();
        assertThat(out.toString()).contains(id).contains("nightly").contains("analyst").doesNotContain(key);

        try (SpatialStore store = StoreFactory.open(StoreSettings.h2gis(dir))) {
            assertThat(accounts(store).checkKey(key)).isPresent();
            assertThat(accounts(store).passwordMatches(accounts(store).existing("root"), "a long enough passphrase"))
                    .isTrue();
        }
        assertThat(run(dir, "", "keys", "revoke", id)).isZero();
        assertThat(run(dir, "", "users", "remove", "root")).as("the last admin stays").isEqualTo(1);
        assertThat(run(dir, "", "users", "frobnicate")).isEqualTo(2);

        try (SpatialStore store = StoreFactory.open(StoreSettings.h2gis(dir))) {
            assertThat(accounts(store).checkKey(key)).as("revoked").isEmpty();
            AuditLog audit = new AuditLog(store.dataSource());
            assertThat(audit.page(10, 0)).extracting(AuditEntry::action)
                    .containsExactly("keys revoke", "keys create", "users add");
            assertThat(audit.page(10, 0).get(0).via()).isEqualTo("cli");
        }
    }
}
