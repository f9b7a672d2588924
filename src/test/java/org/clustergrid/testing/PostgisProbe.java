package org.clustergrid.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds out whether a PostgreSQL database can host the PostGIS tests, and if not, why — in words a user can act on.
 * Each case a user can have gives its own reason: no server answering, wrong password or unknown role, the database
 * missing (created first when {@code createDatabase} and the role may), an extension not installed on the server or
 * not creatable in the database.
 */
public final class PostgisProbe {
    /** Where the tests connect. */
    public record Target(String url, String user, String password) {}

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/]*)/([^?]+)(\\?.*)?");

    private PostgisProbe() {}

    /**
     * Null when {@code target} is ready — the database exists and has every extension in {@code extensions} (created
     * if the server has it and the role may) — otherwise the reason it is not.
     */
    public static String problem(Target target, boolean createDatabase, String... extensions) {
        try (Connection c = connect(target.url(), target)) {
            return missingExtension(c, extensions);
        } catch (SQLException e) {
            if (!"3D000".equals(e.getSQLState()) || !createDatabase) {
                return describe(e, target);
            }
        }
        String created = createDatabase(target);
        if (created != null) {
            return created;
        }
        try (Connection c = connect(target.url(), target)) {
            return missingExtension(c, extensions);
        } catch (SQLException e) {
            return describe(e, target);
        }
    }

    /** Null when every extension is in the database or could be created there, else what is missing and why. */
    static String missingExtension(Connection c, String... extensions) throws SQLException {
        for (String extension : extensions) {
            if (!available(c, extension)) {
                return "the " + extension + " extension is not installed on the server at " + c.getMetaData().getURL()
                        + " (on Debian: apt-get install postgresql-15-" + packageOf(extension) + ")";
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS " + extension);
            } catch (SQLException e) {
                return "the " + extension + " extension is installed on the server but not in the database, and this"
                        + " role may not create it (" + firstLine(e) + "); have an administrator run CREATE EXTENSION "
                        + extension + " in it";
            }
        }
        return null;
    }

    private static boolean available(Connection c, String extension) throws SQLException {
        try (var ps = c.prepareStatement("SELECT count(*) FROM pg_available_extensions WHERE name = ?")) {
            ps.setString(1, extension);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    private static String packageOf(String extension) {
        return extension.equals("postgis") ? "postgis-3" : extension;
    }

    /** Creates the target's database from the server's {@code postgres} database; null on success, else why not. */
    private static String createDatabase(Target target) {
        Matcher m = URL.matcher(target.url());
        String database = m.matches() ? m.group(2) : null;
        if (database == null || !database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return "database in " + target.url() + " does not exist, and its name is not one the tests create";
        }
        String maintenance = "jdbc:postgresql://" + m.group(1) + "/postgres" + (m.group(3) == null ? "" : m.group(3));
        try (Connection c = connect(maintenance, target); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
            System.err.println("PostGIS tests: created database " + database + " at " + m.group(1));
            return null;
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) { // created meanwhile by another run
                return null;
            }
            return "database " + database + " does not exist at " + m.group(1) + " and could not be created ("
                    + firstLine(e) + "); create it with: createdb -h HOST -U " + target.user() + " " + database;
        }
    }

    /** The reason a connection or query failed, by SQLSTATE class, naming what to change. */
    public static String describe(SQLException e, Target target) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String what = switch (state) {
            case "28P01" -> "password authentication failed for user " + target.user()
                    + " (set CLUSTERGRID_TEST_POSTGIS_PASSWORD)";
            case "28000" -> "the server refused user " + target.user()
                    + " (set CLUSTERGRID_TEST_POSTGIS_USER, or allow it in pg_hba.conf)";
            case "3D000" -> "the database does not exist";
            default -> state.startsWith("08") ? "no PostgreSQL server answers there" : "cannot use the database";
        };
        return what + ": " + firstLine(e);
    }

    private static String firstLine(SQLException e) {
        String msg = String.valueOf(e.getMessage());
        int nl = msg.indexOf('\n');
        return nl < 0 ? msg : msg.substring(0, nl);
    }

    private static Connection connect(String url, Target target) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", target.user());
        p.setProperty("password", target.password());
        p.setProperty("connectTimeout", "5"); // a firewalled host drops packets: fail in seconds, not minutes
        p.setProperty("loginTimeout", "10");
        return DriverManager.getConnection(url, p);
    }
}
