package org.clustergrid.security.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@link #PER_USER} failed sign-ins for one user name, or {@link #PER_ADDRESS} from one
 * address, within {@link #WINDOW}, further attempts are refused until the window has passed, whatever the password.
 * Counted per server in memory; the names counted need not exist, so the refusal says nothing about who has an
 * account.
 */
final class LoginThrottle {
    static final int PER_USER = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 10_000;

    /** Failures since {@code start}. */
    private record Window(Instant start, int failures) {}

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    boolean blocked(String username, String address) {
        return over(userKey(username), PER_USER) || over("a:" + address, PER_ADDRESS);
    }

    void failed(String username, String address) {
        if (windows.size() > MAX_TRACKED) {
            Instant now = clock.instant();
            windows.values().removeIf(w -> w.start().plus(WINDOW).isBefore(now));
        }
        count(userKey(username));
        count("a:" + address);
    }

    void succeeded(String username) {
        windows.remove(userKey(username));
    }

    private void count(String key) {
        Instant now = clock.instant();
        windows.compute(key, (k, w) -> w == null || w.start().plus(WINDOW).isBefore(now) ? new Window(now, 1)
                : new Window(w.start(), w.failures() + 1));
    }

    private boolean over(String key, int limit) {
        Window w = windows.get(key);
        return w != null && w.failures() >= limit && !w.start().plus(WINDOW).isBefore(clock.instant());
    }

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }
}
