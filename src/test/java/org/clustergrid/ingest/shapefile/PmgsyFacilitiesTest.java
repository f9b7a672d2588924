package org.clustergrid.ingest.shapefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.SourceFeature;
import org.clustergrid.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

/** India's PMGSY rural facilities register: 27 zipped point shapefiles, about 650 000 records. */
class PmgsyFacilitiesTest {
    /** India's mainland and islands, generously. */
    private static final Envelope INDIA = new Envelope(68.0, 97.5, 6.5, 37.5);

    @Test
    void readsKeralaCompletely() throws IOException {
        Path zip = SharedData.require("india-pmgsy/Facilities/Kerala.zip");
        ImportReport report = new ImportReport();
        List<SourceFeature> features = new ArrayList<>();
        ShapefileReader.read(zip, report, features::add);

        assertThat(report.errorCount()).as(report.summary()).isZero();
        assertThat(report.warningCount()).as(report.summary()).isZero();
        assertThat(features).hasSize(dbfRecordCount(zip)).hasSize((int) shxRecordCount(zip));
        assertThat(features.get(0).file()).isEqualTo("Kerala.zip!Facilities.shp");
        assertThat(features.get(0).location()).isEqualTo("record 1");
        assertThat(features).allMatch(f -> f.attributes().keySet().containsAll(List.of("FAC_DESC", "FAC_CATEGO")))
                .allMatch(f -> f.geometry() instanceof Point);
        // the source itself places four Kasaragod facilities at one spot in Idaho, USA: the reader must keep them
        // as they are (valid coordinates); everything else lies in India
        assertThat(features).filteredOn(f -> !INDIA.contains(f.geometry().getCoordinate()))
                .extracting(SourceFeature::location)
                .containsExactly("record 5009", "record 18901", "record 27782", "record 27828");
        assertThat(features.get(5008).geometry().getCoordinate().x).isCloseTo(-113.1736, within(1e-4));
        assertThat(features).filteredOn(f -> f.attributes().get("FAC_CATEGO") != null).isNotEmpty();
    }

    /** All states: every record is read or reported, and reading stays fast. */
    @Test
    void readsAllStatesQuickly() throws IOException {
        Path folder = SharedData.require("india-pmgsy/Facilities");
        List<Path> zips;
        try (Stream<Path> s = Files.list(folder)) {
            zips = s.filter(p -> p.toString().endsWith(".zip")).sorted().toList();
        }
        assertThat(zips).hasSize(27);
        long start = System.nanoTime();
        long total = 0;
        ImportReport all = new ImportReport(true);
        Map<String, Integer> outsideIndia = new TreeMap<>();
        for (Path zip : zips) {
            long t = System.nanoTime();
            AtomicInteger n = new AtomicInteger();
            int warningsBefore = all.warningCount();
            ShapefileReader.read(zip, all, f -> {
                n.incrementAndGet();
                if (!INDIA.contains(f.geometry().getCoordinate())) {
                    outsideIndia.merge(zip.getFileName() + " " + f.geometry().getCoordinate(), 1, Integer::sum);
                }
            });
            int skipped = all.warningCount() - warningsBefore;
            assertThat(n.get() + skipped).as(zip.toString()).isEqualTo(dbfRecordCount(zip));
            assertThat((System.nanoTime() - t) / 1e9).as("seconds for " + zip).isLessThan(5.0);
            total += n.get();
        }
        System.out.printf("PMGSY facilities: %d zips, %d features in %.2f s; %s%noutside India: %s%n", zips.size(),
                total, (System.nanoTime() - start) / 1e9, all.summary(), outsideIndia);
        assertThat(all.errorCount()).as(all.summary()).isZero();
    }

    private static ZipEntry member(ZipFile z, String extension) {
        return z.stream().filter(e -> e.getName().toLowerCase().endsWith(extension)).findFirst().orElseThrow();
    }

    /** The record count in the .dbf header, read here independently of the reader. */
    static int dbfRecordCount(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile()); InputStream in = z.getInputStream(member(z, ".dbf"))) {
            return ByteBuffer.wrap(in.readNBytes(8)).order(ByteOrder.LITTLE_ENDIAN).getInt(4);
        }
    }

    static long shxRecordCount(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return (member(z, ".shx").getSize() - 100) / 8;
        }
    }
}
