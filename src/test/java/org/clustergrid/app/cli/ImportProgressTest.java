package org.clustergrid.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clustergrid.app.ImportOptions;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.ingest.Importer;
import org.clustergrid.ingest.context.ContextLayerImporter;
import org.clustergrid.ingest.progress.ProgressCounter;
import org.clustergrid.testing.SharedData;
import org.clustergrid.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import command's progress line: its figures, and what it shows of real imports of every kind. */
class ImportProgressTest {
    static final Pattern LINE = Pattern.compile("pass (\\d)/(\\d) (\\w+): ([\\d.,]+ [KMG]?B) of ([\\d.,]+ [KMG]?B)"
            + " \\((\\d+) %\\), ([\\d,]+)(?: of ([\\d,]+))? features, ([\\d,]+) features/s, (about .+ left|time left"
            + " not yet known)");

    @TempDir
    Path dir;

    @Test
    void theLineTellsBytesFeaturesRateAndTimeLeft() {
        AtomicLong now = new AtomicLong();
        ProgressCounter c = new ProgressCounter(now::get);
        assertThat(c.snapshot()).isNull();
        c.pass(1, 2, "reading", 4L << 30, -1);
        now.addAndGet(500_000_000L);
        assertThat(ProgressLine.format(c.snapshot())).endsWith("time left not yet known");
        c.bytesRead(1L << 30);
        c.featuresRead(2_000_000);
        now.set(100_000_000_000L); // 100 s: a quarter read, so 300 s left
        assertThat(ProgressLine.format(c.snapshot())).isEqualTo("pass 1/2 reading: 1.0 GB of 4.0 GB (25 %),"
                + " 2,000,000 features, 20,000 features/s, about 5 min 0 s left");
        c.fileRead(3L << 30); // a file whose reader told no bytes counts as read at its end
        assertThat(c.snapshot().bytesRead()).isEqualTo(3L << 30);

        c.pass(2, 2, "writing", 4L << 30, 8_000_000);
        now.addAndGet(10_000_000_000L);
        c.featuresRead(6_000_000); // by features now: three quarters in 10 s
        assertThat(ProgressLine.format(c.snapshot())).isEqualTo("pass 2/2 writing: 0 B of 4.0 GB (75 %),"
                + " 6,000,000 of 8,000,000 features, 600,000 features/s, about 3 s left");
        assertThat(ProgressLine.duration(7322)).isEqualTo("2 h 2 min");
    }

    record Run(int status, String out) {}

    Run context(TestStore t, ImportOptions o, boolean terminal) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status;
        try (ProgressPrinter p = new ProgressPrinter(out, terminal, Duration.ofMillis(20))) {
            status = o.isContextLayer()
                    ? ImportCommand.runContext(new ContextLayerImporter(t.store(), ImportLimits.DEFAULT), o, out,
                            out, p)
                    : ImportCommand.run(new Importer(t.store()), o, out, out, p);
        }
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    static ImportOptions options(String kind, Path file, String... layer) {
        ImportOptions o = new ImportOptions();
        o.kind = kind;
        o.files.add(file);
        if (layer.length > 0) {
            o.as = layer[0];
            o.osmFilter = layer.length > 1 ? layer[1] : null;
        }
        return o;
    }

    /** Both passes of a layer import are shown, bytes and features never going back within a pass. */
    @Test
    void aLayerImportShowsBothPassesOnPlainLines() throws Exception {
        Path pbf = SharedData.pokharaPbf();
        try (TestStore t = TestStore.h2gis(dir.resolve("store"))) {
            Run r = context(t, options("layer", pbf, "landuse", "landuse=*"), false);
            assertThat(r.status()).as(r.out()).isZero();
            List<Matcher> lines = r.out().lines().map(LINE::matcher).filter(Matcher::matches).toList();
            assertThat(lines).extracting(m -> m.group(1)).contains("1", "2");
            assertThat(lines).allSatisfy(m -> assertThat(m.group(5)).isEqualTo("3.8 MB"));
            long features = -1;
            String pass = "";
            for (Matcher m : lines) {
                long n = Long.parseLong(m.group(7).replace(",", ""));
                if (m.group(1).equals(pass)) {
                    assertThat(n).isGreaterThanOrEqualTo(features);
                }
                pass = m.group(1);
                features = n;
                if (pass.equals("2")) {
                    // the second pass knows how many there are, as ContextLayerOsmImportTest counts them
                    assertThat(m.group(8)).isEqualTo("1,307");
                }
            }
            assertThat(r.out()).doesNotContain("\r").contains("Imported layer 'landuse' in").contains(": 1307 mixed features, 41 attributes (osm_id integer, osm_type text,");
        }
    }

    /** On a terminal the line is redrawn in place and cleared before the summary; the OSM kind shows one pass. */
    @Test
    void anOsmImportOnATerminalRedrawsOneLine() throws Exception {
        try (TestStore t = TestStore.h2gis(dir.resolve("store"))) {
            Run r = context(t, options("osm", SharedData.pokharaPbf()), true);
            assertThat(r.status()).as(r.out()).isZero();
            assertThat(r.out()).contains("\rpass 1/1 importing: ");
            String beforeSummary = r.out().substring(0, r.out().indexOf("Imported dataset"));
            assertThat(beforeSummary).endsWith("\r").doesNotContain("\n");
            Matcher last = null;
            for (String part : beforeSummary.split("\r")) {
                Matcher m = LINE.matcher(part.strip());
                if (m.matches()) {
                    last = m;
                }
            }
            assertThat(last).isNotNull();
            assertThat(Integer.parseInt(last.group(6))).isBetween(1, 100);
        }
    }

    /** A GeoJSON file read as a stream tells its bytes as it goes; a failed import still ends its line. */
    @Test
    void aFailedImportEndsTheLineBeforeItsErrors() throws Exception {
        Path bad = dir.resolve("bad.geojson");
        Files.writeString(bad, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":"
                + "{\"type\":\"Point\",\"coordinates\":[\"x\"]}}]}");
        try (TestStore t = TestStore.h2gis(dir.resolve("store"))) {
            Run r = context(t, options("layer", bad, "bad"), true);
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.out()).contains("Import failed; the store is unchanged.").contains("bad.geojson");
            assertThat(r.out().substring(0, r.out().indexOf("Import failed"))).matches("(?s)(.*\r)?");
        }
    }
}
