package org.clustergrid.ingest.shapefile;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.clustergrid.ingest.ExpansionLimit;
import org.clustergrid.ingest.FileType;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.SourceFeature;
import org.clustergrid.ingest.SourceSink;
import org.clustergrid.ingest.progress.ImportProgress;
import org.clustergrid.ingest.progress.ProgressInputStream;

/**
 * Reads an ESRI Shapefile, zipped or loose, into WGS84 {@link SourceFeature}s. Records are streamed: the reader holds
 * one record at a time. Problems go to the report (file-level ones stop the reading); no exception escapes for a bad
 * file, only for a failing disk.
 */
public final class ShapefileReader {
    private ShapefileReader() {}

    /**
     * @param file a {@code .zip} holding exactly one shapefile (members may sit in a folder), or a {@code .shp} with
     *     its {@code .dbf} (and optional {@code .shx}, {@code .prj}, {@code .cpg}) beside it
     * @param sink receives each good record as {@code record N} (1-based, counting deleted records too)
     */
    public static void read(Path file, ImportReport report, SourceSink sink) throws IOException {
        read(file, report, sink, ImportLimits.DEFAULT);
    }

    /** As {@link #read(Path, ImportReport, SourceSink)}; a ZIP member expanding beyond {@code limits} is an error. */
    public static void read(Path file, ImportReport report, SourceSink sink, ImportLimits limits) throws IOException {
        read(file, report, sink, limits, ImportProgress.NONE);
    }

    /**
     * As above, telling {@code progress} the bytes read: those of the {@code .shp}, which is read in step with the
     * {@code .dbf}, scaled in a ZIP archive to the archive's size.
     */
    public static void read(Path file, ImportReport report, SourceSink sink, ImportLimits limits,
            ImportProgress progress) throws IOException {
        String name = file.getFileName().toString();
        FileType type = FileType.detect(file);
        switch (type) {
            case ZIP -> readZip(file, name, report, sink, limits, progress);
            case SHAPEFILE -> readLoose(file, name, report, sink, progress);
            default -> report.error(name, null, null,
                    "expected a zipped Shapefile but it is " + type.description());
        }
    }

    private static void readZip(Path file, String name, ImportReport report, SourceSink sink, ImportLimits limits,
            ImportProgress progress) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ShapefileParts parts = zipParts(zip, name, report, limits, progress, Files.size(file));
            if (parts != null) {
                new ShapefileDecoder(parts, report, sink).run();
            }
        } catch (ExpansionLimit.Exceeded e) {
            report.error(name, null, null, e.getMessage());
        } catch (ZipException | EOFException e) {
            report.error(name, null, null, "corrupt or truncated ZIP archive: " + e.getMessage());
        }
    }

    private static ShapefileParts zipParts(ZipFile zip, String zipName, ImportReport report, ImportLimits limits,
            ImportProgress progress, long zipSize) throws IOException {
        List<ZipEntry> entries = new ArrayList<>();
        zip.stream().filter(e -> !e.isDirectory() && !isMacMetadata(e.getName())).forEach(entries::add);
        List<ZipEntry> shps = entries.stream().filter(e -> hasExtension(e.getName(), ".shp")).toList();
        if (shps.size() != 1) {
            report.error(zipName, null, null, shps.isEmpty()
                    ? "the ZIP archive holds no .shp file (members: " + names(entries) + ")"
                    : "the ZIP archive holds several shapefiles, expected exactly one: " + names(shps));
            return null;
        }
        ZipEntry shp = shps.get(0);
        String base = stripExtension(shp.getName());
        String label = zipName + "!" + shp.getName();
        ZipEntry dbf = sibling(entries, base, ".dbf");
        if (dbf == null) {
            report.error(label, null, null, "missing .dbf file (the attribute table) in the ZIP archive");
            return null;
        }
        ZipEntry shx = sibling(entries, base, ".shx");
        ZipEntry prj = sibling(entries, base, ".prj");
        ZipEntry cpg = sibling(entries, base, ".cpg");
        for (ZipEntry e : java.util.Arrays.asList(shp, dbf, prj, cpg)) {
            if (e != null) { // what the archive declares is refused before anything is read; what it holds, while read
                ExpansionLimit.check(zipName + "!" + e.getName(), e.getSize(), e.getCompressedSize(), limits);
            }
        }
        double scale = shp.getSize() > 0 ? (double) zipSize / shp.getSize() : 0;
        return new ShapefileParts(label,
                () -> new ProgressInputStream(member(zip, shp, zipName, limits), progress, scale),
                () -> member(zip, dbf, zipName, limits),
                shx == null || shx.getSize() < 0 ? -1 : ShapefileParts.shxRecords(shx.getSize()),
                prj == null ? null : prj.getName(), text(zip, prj), text(zip, cpg));
    }

    private static InputStream member(ZipFile zip, ZipEntry e, String zipName, ImportLimits limits)
            throws IOException {
        return new ExpansionLimit(zip.getInputStream(e), limits, e::getCompressedSize, zipName + "!" + e.getName());
    }

    private static void readLoose(Path shp, String name, ImportReport report, SourceSink sink,
            ImportProgress progress) throws IOException {
        Path dir = shp.toAbsolutePath().getParent();
        String base = stripExtension(name);
        List<Path> siblings;
        try (Stream<Path> s = Files.list(dir)) {
            siblings = s.filter(p -> stripExtension(p.getFileName().toString()).equalsIgnoreCase(base)).toList();
        }
        Path dbf = sibling(siblings, ".dbf");
        if (dbf == null) {
            report.error(name, null, null, "missing .dbf file (the attribute table): expected " + base + ".dbf");
            return;
        }
        Path shx = sibling(siblings, ".shx");
        Path prj = sibling(siblings, ".prj");
        Path cpg = sibling(siblings, ".cpg");
        ShapefileParts parts = new ShapefileParts(name,
                () -> ProgressInputStream.wrap(Files.newInputStream(shp), progress), () -> Files.newInputStream(dbf),
                shx == null ? -1 : ShapefileParts.shxRecords(Files.size(shx)),
                prj == null ? null : prj.getFileName().toString(),
                prj == null ? null : Files.readString(prj, StandardCharsets.ISO_8859_1),
                cpg == null ? null : Files.readString(cpg, StandardCharsets.ISO_8859_1));
        new ShapefileDecoder(parts, report, sink).run();
    }

    private static boolean isMacMetadata(String entryName) {
        return entryName.startsWith("__MACOSX/") || entryName.contains("/._") || entryName.startsWith("._");
    }

    private static boolean hasExtension(String name, String extension) {
        return name.toLowerCase(Locale.ROOT).endsWith(extension);
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static ZipEntry sibling(List<ZipEntry> entries, String base, String extension) {
        for (ZipEntry e : entries) {
            if (hasExtension(e.getName(), extension) && stripExtension(e.getName()).equalsIgnoreCase(base)) {
                return e;
            }
        }
        return null;
    }

    private static Path sibling(List<Path> siblings, String extension) {
        return siblings.stream().filter(p -> hasExtension(p.getFileName().toString(), extension)).findFirst()
                .orElse(null);
    }

    private static String text(ZipFile zip, ZipEntry entry) throws IOException {
        if (entry == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readNBytes(1 << 20), StandardCharsets.ISO_8859_1);
        }
    }

    private static String names(List<ZipEntry> entries) {
        List<String> names = entries.stream().map(ZipEntry::getName).limit(20).toList();
        return String.join(", ", names) + (entries.size() > 20 ? ", …" : "");
    }
}
