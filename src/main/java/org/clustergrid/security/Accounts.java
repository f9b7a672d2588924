package org.clustergrid.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Users and API keys in the store: adding, changing and removing them, and checking a presented key. Read from the
 * store on every use, so several servers (and the command line) sharing a store see each change at once.
 */
public final class Accounts {
    /** last_used_at is written at most this often per key, so reads with a key do not each write. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** A key that checked out, and the role it has now: its own, capped by its user's. */
    public record KeyGrant(ApiKey key, Role role) {}

    /** A key just made; {@code secret} is shown once and stored nowhere. */
    public record NewKey(ApiKey key, String secret) {}

    private final UserTable users;
    private final ApiKeyTable keys;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;

    public Accounts(DataSource dataSource, PasswordEncoder encoder, int minPasswordLength) {
        this.users = new UserTable(dataSource);
        this.keys = new ApiKeyTable(dataSource);
        this.encoder = encoder;
        this.policy = new PasswordPolicy(minPasswordLength);
    }

    public Optional<User> user(String username) {
        return username == null ? Optional.empty() : users.find(username);
    }

    public List<User> users() {
        return users.all();
    }

    public boolean hasAdmin() {
        return users.countWithRole(Role.ADMIN) > 0;
    }

    public User addUser(String username, Role role, String password) {
        PasswordPolicy.checkUsername(username);
        policy.check(username, password);
        Instant now = Instant.now();
        User u = new User(username, role, encoder.encode(password), now, now);
        AccountException exists = new AccountException(AccountException.Kind.CONFLICT,
                "user '" + username + "' exists already");
        if (users.find(username).isPresent()) {
            throw exists;
        }
        try {
            users.insert(u);
        } catch (DuplicateKeyException e) { // added meanwhile, by another server or the command line
            throw exists;
        }
        return u;
    }

    /** Sets a new password; sessions signed in with the old one end. */
    public User setPassword(String username, String password) {
        User u = existing(username);
        policy.check(username, password);
        User changed = new User(username, u.role(), encoder.encode(password), u.createdAt(), Instant.now());
        users.update(changed);
        return changed;
    }

    public User setRole(String username, Role role) {
        User u = existing(username);
        if (u.role() == role) {
            return u;
        }
        if (u.role() == Role.ADMIN) {
            requireAnotherAdmin("take the admin role from");
        }
        User changed = new User(username, role, u.passwordHash(), u.createdAt(), Instant.now());
        users.update(changed);
        return changed;
    }

    /** Removes a user and revokes the keys made for them. The last admin stays, so the server keeps one. */
    public void removeUser(String username) {
        User u = existing(username);
        if (u.role() == Role.ADMIN) {
            requireAnotherAdmin("remove");
        }
        keys.revokeAllOf(username, Instant.now());
        users.delete(username);
    }

    /** Whether a password is the user's; bcrypt's own comparison takes the same time wherever they differ. */
    public boolean passwordMatches(User user, String password) {
        return password != null && encoder.matches(password, user.passwordHash());
    }

    public NewKey createKey(String name, Role role, String username) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("a key needs a name of 1 to 100 characters");
        }
        if (username != null) {
            Role userRole = existing(username).role();
            if (!userRole.includes(role)) {
                throw new IllegalArgumentException("user '" + username + "' is " + userRole.id()
                        + "; a key made for them cannot be " + role.id());
            }
        }
        String id = ApiKeySecrets.newId();
        String secret = ApiKeySecrets.newKey(id);
        ApiKey key = new ApiKey(id, name.trim(), role, username, Instant.now(), null, null);
        keys.insert(key, ApiKeySecrets.hash(secret));
        return new NewKey(key, secret);
    }

    public List<ApiKey> keys() {
        return keys.all();
    }

    public void revokeKey(String id) {
        if (!keys.revoke(id, Instant.now())) {
            throw new AccountException(AccountException.Kind.NOT_FOUND, "no active key '" + id + "'");
        }
    }

    /** The key's grant, or empty for anything but a stored, unrevoked key whose user (if any) still exists. */
    public Optional<KeyGrant> checkKey(String presented) {
        String id = ApiKeySecrets.idOf(presented);
        Optional<ApiKeyTable.Stored> stored = id == null ? Optional.empty() : keys.find(id);
        if (stored.isEmpty() || !ApiKeySecrets.matches(presented, stored.get().hash()) || stored.get().key().revoked()) {
            return Optional.empty();
        }
        ApiKey key = stored.get().key();
        Role role = key.role();
        if (key.username() != null) {
            Optional<User> owner = users.find(key.username());
            if (owner.isEmpty()) {
                return Optional.empty();
            }
            role = role.atMost(owner.get().role());
        }
        Instant now = Instant.now();
        if (key.lastUsedAt() == null || key.lastUsedAt().plus(TOUCH_EVERY).isBefore(now)) {
            keys.touch(key.id(), now);
        }
        return Optional.of(new KeyGrant(key, role));
    }

    /** The user, or an {@link AccountException} NOT_FOUND. */
    public User existing(String username) {
        return user(username).orElseThrow(
                () -> new AccountException(AccountException.Kind.NOT_FOUND, "no user '" + username + "'"));
    }

    private void requireAnotherAdmin(String what) {
        if (users.countWithRole(Role.ADMIN) <= 1) {
            throw new AccountException(AccountException.Kind.CONFLICT,
                    "cannot " + what + " the last admin; make another admin first");
        }
    }
}
