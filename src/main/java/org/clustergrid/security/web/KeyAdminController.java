package org.clustergrid.security.web;

import java.util.List;
import java.util.Map;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.Role;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/keys}: list, create (the key is in the answer, once) and revoke API keys. Admins only
 * (AccessRules).
 */
@RestController
@RequestMapping("/api/admin/keys")
class KeyAdminController {
    /** @param user the user the key acts for (its role caps the key's); null for a key of its own */
    record KeyRequest(String name, String role, String user) {}

    private final Accounts accounts;

    KeyAdminController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    List<Map<String, Object>> list() {
        return accounts.keys().stream().map(AccountJson::key).toList();
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<Map<String, Object>> create(@RequestBody KeyRequest r) {
        Accounts.NewKey k = accounts.createKey(r.name(), Role.parse(r.role()), r.user());
        Map<String, Object> body = AccountJson.key(k.key());
        body.put("key", k.secret());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(body);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        accounts.revokeKey(id);
        return ResponseEntity.noContent().build();
    }
}
