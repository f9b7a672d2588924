package org.clustergrid.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API key texts: {@code cgk_<id>_<secret>}, the id 12 hex digits (listed, used to revoke), the secret 32 random bytes
 * in base64url. The prefix lets secret scanners recognise a leaked key. Only SHA-256 of the whole text is stored: with
 * 256 random bits a fast hash is enough (nothing to guess from it), and every request can check a key cheaply.
 */
final class ApiKeySecrets {
    private static final Pattern FORMAT = Pattern.compile("cgk_([0-9a-f]{12})_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {}

    static String newId() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static String newKey(String id) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return "cgk_" + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The key's id, or null when the text is not a key of this form. */
    static String idOf(String key) {
        Matcher m = key == null ? null : FORMAT.matcher(key);
        return m != null && m.matches() ? m.group(1) : null;
    }

    static String hash(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    /** Compares the presented key's hash with the stored one in constant time. */
    static boolean matches(String key, String storedHash) {
        return MessageDigest.isEqual(sha256(key), HexFormat.of().parseHex(storedHash));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
