package org.clustergrid.app.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clustergrid.security.AccountException;
import org.clustergrid.security.Accounts;
import org.clustergrid.security.ApiKey;
import org.clustergrid.security.AuditEntry;
import org.clustergrid.security.AuditLog;
import org.clustergrid.security.Caller;
import org.clustergrid.security.Role;
import org.clustergrid.security.User;

/**
 * {@code clustergrid users …} and {@code clustergrid keys …}: accounts and API keys in the configured store, for the
 * first admin and for scripts. Each change goes into the audit log as done by the operating-system user. Exit status 0
 * on success, 1 when refused (unknown name, a clash, a weak password), 2 for unusable arguments.
 */
public final class AccountCommands {
    public static final String USAGE = """
            usage: java -jar clustergrid.jar users add NAME --role viewer|analyst|editor|admin
                   java -jar clustergrid.jar users passwd NAME
                   java -jar clustergrid.jar users role NAME ROLE
                   java -jar clustergrid.jar users remove NAME
                   java -jar clustergrid.jar users list
                   java -jar clustergrid.jar keys create NAME --role ROLE [--user USER]   (prints the key once)
                   java -jar clustergrid.jar keys revoke ID
                   java -jar clustergrid.jar keys list
              Passwords are read from the environment variable CLUSTERGRID_PASSWORD, else typed twice at the
              terminal, else the first line of standard input; never from an argument.
              --clustergrid.store=postgis ...   any setting of the server (see README)
            """;

    /** A parsed command line: {@code noun} users or keys, {@code verb}, the name or id it acts on, options. */
    public record Invocation(String noun, String verb, String name, Role role, String user) {}

    private AccountCommands() {}

    public static Invocation parse(String[] args) {
        List<String> words = new ArrayList<>();
        Role role = null;
        String user = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (Args.isSetting(a)) {
                continue;
            }
            switch (a) {
                case "--role" -> role = Role.parse(Args.value(args, ++i, a));
                case "--user" -> user = Args.value(args, ++i, a);
                case "--password" -> throw new IllegalArgumentException(
                        "passwords are not taken as arguments; set " + PasswordInput.ENV + " or use standard input");
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    words.add(a);
                }
            }
        }
        String noun = words.isEmpty() ? "" : words.get(0);
        String verb = words.size() < 2 ? "" : words.get(1);
        String spec = noun + " " + verb;
        int names = switch (spec) {
            case "users list", "keys list" -> 0;
            case "users add", "users passwd", "users remove", "keys create", "keys revoke" -> 1;
            case "users role" -> 2;
            default -> throw new IllegalArgumentException("unknown command '" + spec.trim() + "'");
        };
        if (words.size() != 2 + names) {
            throw new IllegalArgumentException(spec + " takes " + names + " name(s)");
        }
        if (spec.equals("users role")) {
            role = Role.parse(words.get(3));
        }
        if ((spec.equals("users add") || spec.equals("keys create")) && role == null) {
            throw new IllegalArgumentException(spec + " needs --role");
        }
        return new Invocation(noun, verb, names == 0 ? null : words.get(2), role, user);
    }

    /** Runs a parsed command; returns the exit status. */
    public static int run(Invocation c, Accounts accounts, AuditLog audit, PasswordInput passwords, PrintStream out,
            PrintStream err) {
        try {
            String done = switch (c.noun() + " " + c.verb()) {
                case "users add" -> {
                    User u = accounts.addUser(c.name(), c.role(), passwords.read(c.name()));
                    yield "Added " + u.role().id() + " '" + u.username() + "'";
                }
                case "users passwd" -> {
                    accounts.setPassword(c.name(), passwords.read(c.name()));
                    yield "Password of '" + c.name() + "' changed";
                }
                case "users role" -> "'" + c.name() + "' is now " + accounts.setRole(c.name(), c.role()).role().id();
                case "users remove" -> {
                    accounts.removeUser(c.name());
                    yield "Removed '" + c.name() + "' and revoked their keys";
                }
                case "keys create" -> {
                    Accounts.NewKey k = accounts.createKey(c.name(), c.role(), c.user());
                    out.println(k.secret());
                    yield "Key " + k.key().id() + " '" + k.key().name() + "' (" + k.key().role().id() + ") created;"
                            + " it is shown this once";
                }
                case "keys revoke" -> {
                    accounts.revokeKey(c.name());
                    yield "Key " + c.name() + " revoked";
                }
                case "users list" -> {
                    accounts.users().forEach(u -> out.printf(Locale.ROOT, "%-24s %-8s created %s%n", u.username(),
                            u.role().id(), u.createdAt()));
                    yield null;
                }
                default -> {
                    accounts.keys().forEach(k -> out.println(keyLine(k)));
                    yield null;
                }
            };
            if (done != null) {
                audit.record(AuditEntry.of(Caller.cli(), c.noun() + " " + c.verb(), target(c), 200, null,
                        c.role() == null ? null : "role " + c.role().id()));
                (c.verb().equals("create") ? err : out).println(done);
            }
            return 0;
        } catch (AccountException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (java.io.IOException e) {
            err.println("error: could not read the password: " + e.getMessage());
            return 1;
        }
    }

    private static String target(Invocation c) {
        return (c.noun().equals("users") ? "user " : "key ") + c.name();
    }

    private static String keyLine(ApiKey k) {
        return String.format(Locale.ROOT, "%s  %-24s %-8s %-16s created %s  last used %s%s", k.id(), k.name(),
                k.role().id(), k.username() == null ? "-" : "user " + k.username(), k.createdAt(),
                k.lastUsedAt() == null ? "never" : k.lastUsedAt(), k.revoked() ? "  REVOKED " + k.revokedAt() : "");
    }
}
