package org.clustergrid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** Accounts, keys and the audit log on both stores, so servers sharing a PostGIS share them. */
class AccountsStoreSecurityTest {

    @Test
    void onH2gis() throws Exception {
        try (TestStore s = TestStore.h2gis(Files.createTempDirectory("clustergrid-accounts"))) {
            check(s);
        }
    }

    @Test
    void onPostgis() {
        try (TestStore s = TestStore.postgis()) {
            check(s);
        }
    }

    private static void check(TestStore s) {
        Accounts accounts = new Accounts(s.store().dataSource(),
                PasswordEncoderFactories.createDelegatingPasswordEncoder(), 12);
        assertThat(accounts.users()).isEmpty();
        assertThat(accounts.hasAdmin()).isFalse();

        accounts.addUser("amy", Role.ADMIN, "a long enough passphrase");
        assertThatThrownBy(() -> accounts.addUser("amy", Role.VIEWER, "a long enough passphrase"))
                .isInstanceOf(AccountException.class).hasMessageContaining("exists");
        assertThatThrownBy(() -> accounts.addUser("bad name", Role.VIEWER, "a long enough passphrase"))
                .hasMessageContaining("user name");
        assertThatThrownBy(() -> accounts.removeUser("amy")).hasMessageContaining("last admin");
        assertThatThrownBy(() -> accounts.setRole("amy", Role.VIEWER)).hasMessageContaining("last admin");
        assertThat(accounts.passwordMatches(accounts.existing("amy"), "a long enough passphrase")).isTrue();
        assertThat(accounts.passwordMatches(accounts.existing("amy"), "a long enough passphrasE")).isFalse();

        accounts.addUser("ben", Role.ANALYST, "another long passphrase");
        assertThatThrownBy(() -> accounts.createKey("too much", Role.ADMIN, "ben"))
                .hasMessageContaining("cannot be admin");
        Accounts.NewKey k = accounts.createKey("ben's script", Role.ANALYST, "ben");
        assertThat(accounts.checkKey(k.secret()).orElseThrow().role()).isEqualTo(Role.ANALYST);
        accounts.setRole("ben", Role.VIEWER);
        assertThat(accounts.checkKey(k.secret()).orElseThrow().role()).as("capped by ben's role").isEqualTo(Role.VIEWER);
        assertThat(accounts.checkKey(k.secret().substring(0, k.secret().length() - 1) + "x")).isEmpty();
        assertThat(accounts.keys()).singleElement().satisfies(key -> assertThat(key.lastUsedAt()).isNotNull());
        accounts.removeUser("ben");
        assertThat(accounts.checkKey(k.secret())).isEmpty();
        assertThat(accounts.keys().get(0).revoked()).as("revoked with its user").isTrue();
        assertThatThrownBy(() -> accounts.revokeKey(k.key().id())).hasMessageContaining("no active key");

        AuditLog audit = new AuditLog(s.store().dataSource());
        for (int i = 0; i < 3; i++) {
            audit.record(AuditEntry.of(new Caller("amy", "session"), "DELETE /api/admin/datasets/d" + i,
                    "id=d" + i, 204, "127.0.0.1", null));
        }
        assertThat(audit.count()).isEqualTo(3);
        assertThat(audit.page(2, 0)).extracting(AuditEntry::target).containsExactly("id=d2", "id=d1");
        assertThat(audit.page(2, 2)).extracting(AuditEntry::target).containsExactly("id=d0");
    }
}
