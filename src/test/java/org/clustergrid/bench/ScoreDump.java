package org.clustergrid.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clustergrid.scoring.ClusterScore;
import org.clustergrid.scoring.Indicator;
import org.clustergrid.scoring.IndicatorResult;

/**
 * Every cluster's scores and indicator values as canonical text (maps sorted, doubles in full), so that two builds of
 * the engine can be compared value for value: one line per cluster, one per indicator of it.
 */
final class ScoreDump {
    private ScoreDump() {}

    /** Writes the dump to {@code file} and returns its SHA-256. */
    static String write(List<ClusterScore> scores, Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            for (ClusterScore s : scores) {
                line(out, sha, String.join("\t", s.id(), "composite=" + s.composite(), "gap=" + s.gap(),
                        "priority=" + s.priority(), "known=" + s.known(), "dims=" + new TreeMap<>(s.dimensions()),
                        "completeness=" + new TreeMap<>(s.completeness()), "gaps=" + new TreeMap<>(s.gaps()),
                        "flags=" + s.flags()));
                for (Indicator i : Indicator.values()) {
                    IndicatorResult r = s.indicators().get(i);
                    line(out, sha, r == null ? s.id() + "\t" + i + "\tabsent" : String.join("\t", s.id(),
                            i.name(), "value=" + r.value(), "score=" + r.score(),
                            "missing=" + (r.missing() == null ? null : r.missing().reason()),
                            "details=" + sorted(r.details()), "evidence=" + r.evidence()));
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void line(PrintWriter out, MessageDigest sha, String line) {
        out.println(line);
        sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static Object sorted(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> t = new TreeMap<>();
            m.forEach((k, v) -> t.put(String.valueOf(k), sorted(v)));
            return t;
        }
        return o;
    }
}
