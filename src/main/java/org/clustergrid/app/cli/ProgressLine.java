package org.clustergrid.app.cli;

import java.util.Locale;
import org.clustergrid.ingest.progress.ProgressSnapshot;

/** One line telling how far an import has got, e.g. {@code pass 1/2 reading: 1.2 GB of 3.9 GB (31 %), …}. */
final class ProgressLine {
    private ProgressLine() {}

    static String format(ProgressSnapshot s) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "pass %d/%d %s: %s of %s (%d %%), ", s.pass(), s.passes(), s.what(),
                bytes(s.bytesRead()), bytes(s.bytesTotal()), Math.round(s.done() * 100)));
        if (s.featuresTotal() != null) {
            b.append(String.format(Locale.ROOT, "%,d of %,d features", s.features(), s.featuresTotal()));
        } else {
            b.append(String.format(Locale.ROOT, "%,d features", s.features()));
        }
        b.append(String.format(Locale.ROOT, ", %,d features/s", Math.round(s.rate())));
        b.append(s.etaSeconds() == null ? ", time left not yet known" : ", about " + duration(s.etaSeconds())
                + " left");
        return b.toString();
    }

    /**
     * One line of a run over a known number of items, e.g. {@code report 12/41 (29 %): CG-NP-12, 0.4 s each, about
     * 12 s left}.
     */
    static String count(String what, int done, int total, String item, double elapsedSeconds) {
        double each = done == 0 ? 0 : elapsedSeconds / done;
        long left = Math.round(each * (total - done));
        return String.format(Locale.ROOT, "%s %d/%d (%d %%): %s, %.1f s each, %s", what, done, total,
                Math.round(100.0 * done / total), item, each, done == total ? "done" : "about " + duration(left)
                        + " left");
    }

    static String bytes(long n) {
        if (n < 1024) {
            return String.format(Locale.ROOT, "%,d B", n);
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
