package org.clustergrid.security;

/**
 * Who made a request, for the audit log: a user's or key's name, or {@code anonymous}.
 *
 * @param via how they were known: {@code session}, {@code key}, {@code token} (clustergrid.admin.token), {@code cli},
 *     {@code config}, {@code anonymous}
 */
public record Caller(String name, String via) {
    public static final Caller ANONYMOUS = new Caller("anonymous", "anonymous");

    /** The account the command line acts as: the operating system user. */
    public static Caller cli() {
        return new Caller(System.getProperty("user.name", "unknown"), "cli");
    }
}
