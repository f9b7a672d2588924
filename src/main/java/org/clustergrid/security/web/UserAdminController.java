package org.clustergrid.security.web;

import java.util.List;
import java.util.Map;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.Role;
import org.clustergrid.security.User;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/admin/users}: list, add, change (role, password) and remove users. Admins only (AccessRules). */
@RestController
@RequestMapping("/api/admin/users")
class UserAdminController {
    /** A new user, or for PATCH the fields to change (null: unchanged). */
    record UserRequest(String username, String role, String password) {}

    private final Accounts accounts;

    UserAdminController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    List<Map<String, Object>> list() {
        return accounts.users().stream().map(AccountJson::user).toList();
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<Map<String, Object>> add(@RequestBody UserRequest r) {
        User u = accounts.addUser(r.username(), Role.parse(r.role()), r.password());
        return ResponseEntity.status(HttpStatus.CREATED).body(AccountJson.user(u));
    }

    @PatchMapping(path = "/{username}", consumes = "application/json")
    Map<String, Object> change(@PathVariable String username, @RequestBody UserRequest r) {
        User u = accounts.existing(username);
        if (r.role() != null) {
            u = accounts.setRole(username, Role.parse(r.role()));
        }
        if (r.password() != null) {
            u = accounts.setPassword(username, r.password());
        }
        return AccountJson.user(u);
    }

    @DeleteMapping("/{username}")
    ResponseEntity<Void> remove(@PathVariable String username) {
        accounts.removeUser(username);
        return ResponseEntity.noContent().build();
    }
}
