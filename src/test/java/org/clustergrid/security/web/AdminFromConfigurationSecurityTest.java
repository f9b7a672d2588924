package org.clustergrid.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.AuditLog;
import org.clustergrid.security.Role;
import org.clustergrid.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The first admin from clustergrid.security.admin.username and a password file, as a container secret gives it. */
class AdminFromConfigurationSecurityTest extends ServerTest {
    @DynamicPropertySource
    static void admin(DynamicPropertyRegistry r) throws Exception {
        Path file = Files.createTempFile("admin-password", ".txt");
        Files.writeString(file, "from a mounted secret\n");
        r.add("clustergrid.security.admin.username", () -> "boss");
        r.add("clustergrid.security.admin.password-file", file::toString);
    }

    @Autowired
    Accounts accounts;

    @Autowired
    AuditLog audit;

    @Test
    void theConfiguredAdminExistsWithThatPassword() {
        assertThat(accounts.users()).singleElement().satisfies(u -> {
            assertThat(u.username()).isEqualTo("boss");
            assertThat(u.role()).isEqualTo(Role.ADMIN);
            assertThat(accounts.passwordMatches(u, "from a mounted secret")).isTrue();
        });
        assertThat(audit.page(10, 0)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("users add");
            assertThat(e.via()).isEqualTo("config");
        });
    }
}
