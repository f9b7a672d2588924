package org.clustergrid.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A writing process for a crash test, in its own JVM on the test class path: it says {@code OPEN} once its store is
 * open and {@code <progress> n} after each commit; it is killed (SIGKILL) a while after it opened.
 */
public final class KilledChild {
    private KilledChild() {}

    /**
     * Runs {@code main} with {@code args} until it has written for {@code millis}, kills it, and returns the last n
     * it reported after {@code progress} (0 for none).
     */
    public static int killAfter(Class<?> main, List<String> args, String progress, long millis) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                main.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        AtomicInteger last = new AtomicInteger();
        CountDownLatch open = new CountDownLatch(1);
        List<String> tail = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (tail) {
                        tail.add(line);
                    }
                    if (line.equals("OPEN")) {
                        open.countDown();
                    } else if (line.startsWith(progress + " ")) {
                        last.set(Integer.parseInt(line.substring(progress.length() + 1)));
                    }
                }
            } catch (Exception e) {
                // the stream ends with the kill
            }
        });
        reader.setDaemon(true);
        reader.start();
        assertThat(open.await(120, TimeUnit.SECONDS)).as("child did not open the store: %s", tail).isTrue();
        Thread.sleep(millis);
        p.destroyForcibly();
        p.waitFor();
        reader.join(5_000);
        synchronized (tail) {
            assertThat(tail).as("the child failed before the kill").noneMatch(l -> l.startsWith("Exception in"));
        }
        return last.get();
    }
}
