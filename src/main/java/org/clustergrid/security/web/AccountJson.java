package org.clustergrid.security.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.clustergrid.security.ApiKey;
import org.clustergrid.security.AuditEntry;
import org.clustergrid.security.User;

/** Users, keys and audit entries as JSON; password hashes and key hashes never leave the store. */
final class AccountJson {
    private AccountJson() {}

    static Map<String, Object> user(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", u.username());
        m.put("role", u.role().id());
        m.put("createdAt", u.createdAt().toString());
        m.put("changedAt", u.changedAt().toString());
        return m;
    }

    static Map<String, Object> key(ApiKey k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", k.id());
        m.put("name", k.name());
        m.put("role", k.role().id());
        m.put("user", k.username());
        m.put("createdAt", k.createdAt().toString());
        m.put("lastUsedAt", k.lastUsedAt() == null ? null : k.lastUsedAt().toString());
        m.put("revokedAt", k.revokedAt() == null ? null : k.revokedAt().toString());
        return m;
    }

    static Map<String, Object> audit(AuditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("at", e.at().toString());
        m.put("actor", e.actor());
        m.put("via", e.via());
        m.put("action", e.action());
        m.put("target", e.target());
        m.put("status", e.status());
        m.put("remote", e.remote());
        m.put("detail", e.detail());
        return m;
    }
}
