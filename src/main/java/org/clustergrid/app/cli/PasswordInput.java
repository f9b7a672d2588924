package org.clustergrid.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where the user commands read a password: the {@code CLUSTERGRID_PASSWORD} environment variable, else typed twice at
 * the terminal (not echoed), else the first line of standard input. Never an argument, which other users of the
 * machine could read in the process list and which shells keep in their history.
 */
public final class PasswordInput {
    public static final String ENV = "CLUSTERGRID_PASSWORD";

    private final String fromEnv;
    private final Console console;
    private final InputStream in;

    public PasswordInput(String fromEnv, Console console, InputStream in) {
        this.fromEnv = fromEnv;
        this.console = console;
        this.in = in;
    }

    String read(String username) throws IOException {
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        if (console != null) {
            char[] first = console.readPassword("Password for %s: ", username);
            char[] second = console.readPassword("Again: ");
            try {
                if (first == null || !Arrays.equals(first, second)) {
                    throw new IllegalArgumentException("the two passwords differ");
                }
                return new String(first);
            } finally { // not left in memory longer than needed
                if (first != null) {
                    Arrays.fill(first, ' ');
                }
                if (second != null) {
                    Arrays.fill(second, ' ');
                }
            }
        }
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            throw new IllegalArgumentException("no password: set " + ENV + " or give it on standard input");
        }
        return line;
    }
}
