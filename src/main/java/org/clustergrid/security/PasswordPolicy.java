package org.clustergrid.security;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What a user name and a password must be. Length is what makes a password strong (NIST SP 800-63B), so the rule is
 * a minimum length and no composition rules; bcrypt reads at most 72 bytes, so longer passwords are refused rather
 * than cut silently.
 */
final class PasswordPolicy {
    static final int MAX_BYTES = 72;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final int minLength;

    PasswordPolicy(int minLength) {
        this.minLength = minLength;
    }

    static String checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException(
                    "a user name is 1 to 64 letters, digits or . _ @ -, not '" + username + "'");
        }
        return username;
    }

    void check(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            throw new IllegalArgumentException("a password needs at least " + minLength + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("a password may have at most " + MAX_BYTES + " bytes (UTF-8)");
        }
        if (password.equalsIgnoreCase(username)) {
            throw new IllegalArgumentException("the password may not be the user name");
        }
    }
}
