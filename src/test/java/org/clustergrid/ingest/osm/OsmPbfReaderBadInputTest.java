package org.clustergrid.ingest.osm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.clustergrid.ingest.ImportProblem;
import org.clustergrid.ingest.ImportProblem.Severity;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.model.LayerFeature;
import org.clustergrid.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not readable PBF become one file-level error naming the file and the problem; nothing is emitted. */
class OsmPbfReaderBadInputTest {
    @TempDir
    Path dir;

    private ImportProblem readExpectingOneError(Path file) throws Exception {
        ImportReport report = new ImportReport();
        List<LayerFeature> features = new ArrayList<>();
        OsmPbfReader.read(file, OsmImportOptions.withClusters(), report, features::add);
        assertThat(features).isEmpty();
        assertThat(report.errorCount()).as(report.summary()).isEqualTo(1);
        ImportProblem error = report.problems().get(0);
        assertThat(error.severity()).isEqualTo(Severity.ERROR);
        assertThat(error.file()).isEqualTo(file.getFileName().toString());
        assertThat(error.location()).isNull();
        return error;
    }

    @Test
    void truncatedFile() throws Exception {
        Path file = dir.resolve("truncated.osm.pbf");
        byte[] all = Files.readAllBytes(SharedData.pokharaPbf());
        Files.write(file, Arrays.copyOf(all, 1_000_000));
        assertThat(readExpectingOneError(file).message())
                .startsWith("truncated or corrupt PBF: the file ends inside a data blob at byte offset ")
                .contains("file has 1000000");
    }

    @Test
    void corruptBytesInTheMiddleOfABlob() throws Exception {
        Path file = dir.resolve("corrupt.osm.pbf");
        byte[] all = Files.readAllBytes(SharedData.pokharaPbf());
        // skip the header block, then damage the middle of the first data blob
        ByteBuffer buf = ByteBuffer.wrap(all);
        long firstData = 4L + buf.getInt(0) + blobSize(all, 0);
        int headerLength = buf.getInt((int) firstData);
        int blobSize = blobSize(all, (int) firstData);
        int middle = (int) firstData + 4 + headerLength + blobSize / 2;
        Arrays.fill(all, middle, middle + 64, (byte) 0x55);
        Files.write(file, all);
        assertThat(readExpectingOneError(file).message())
                .startsWith("truncated or corrupt PBF: ")
                .contains("zlib", "in the block at byte offset " + firstData);
    }

    /** The blob size from the blob header at {@code offset}, read with the generated protobuf class. */
    private static int blobSize(byte[] file, int offset) throws Exception {
        int headerLength = ByteBuffer.wrap(file).getInt(offset);
        return crosby.binary.Fileformat.BlobHeader
                .parseFrom(Arrays.copyOfRange(file, offset + 4, offset + 4 + headerLength))
                .getDatasize();
    }

    @Test
    void wellCompressedBlockThatIsNotProtobuf() throws Exception {
        Path file = dir.resolve("garbage-block.osm.pbf");
        byte[] garbage = new byte[100];
        Arrays.fill(garbage, (byte) 0xff);
        new PbfFixture().node(1, 85, 27, "amenity", "bank").write(file, garbage);
        assertThat(readExpectingOneError(file).message())
                .startsWith("truncated or corrupt PBF: unreadable data block")
                .contains("in the block at byte offset ");
    }

    @Test
    void zipArchive() throws Exception {
        Path file = dir.resolve("pokhara.zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("pokhara.osm.pbf"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        assertThat(readExpectingOneError(file).message())
                .isEqualTo("expected an OpenStreetMap PBF file but it is a ZIP archive");
    }

    @Test
    void emptyFile() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.osm.pbf"));
        assertThat(readExpectingOneError(file).message())
                .isEqualTo("expected an OpenStreetMap PBF file but it is an empty file");
    }

    @Test
    void headerBlockOnly() throws Exception {
        Path file = dir.resolve("header-only.osm.pbf");
        new PbfFixture().write(file);
        ImportReport report = new ImportReport();
        OsmPbfReader.read(file, OsmImportOptions.defaults(), report, f -> {});
        assertThat(report.problems()).isEmpty();
        assertThat(report.counts()).isEmpty();
    }
}
