package org.clustergrid.ingest.flatgeobuf;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clustergrid.geo.Reprojection;
import org.clustergrid.geo.UnknownCrsException;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.SourceFeature;
import org.clustergrid.ingest.SourceGeometry;
import org.clustergrid.ingest.SourceSink;
import org.clustergrid.ingest.progress.ImportProgress;
import org.clustergrid.ingest.progress.ProgressInputStream;
import org.locationtech.jts.geom.Geometry;
import org.wololo.flatgeobuf.GeometryConversions;
import org.wololo.flatgeobuf.PackedRTree;
import org.wololo.flatgeobuf.generated.ColumnType;
import org.wololo.flatgeobuf.generated.Crs;
import org.wololo.flatgeobuf.generated.Feature;
import org.wololo.flatgeobuf.generated.GeometryType;
import org.wololo.flatgeobuf.generated.Header;

/**
 * Reads a FlatGeobuf file into WGS84 source features, its columns declared with their types. Features are streamed
 * in file order (the spatial index is skipped) and one is held at a time; problems go to the report, no exception
 * escapes for a bad file, only for a failing disk.
 */
public final class FlatGeobufReader {
    /** Far above any real header or feature; guards the buffers against a corrupt size prefix (as the .shp reader). */
    static final int MAX_BYTES = 1 << 28;

    private final String file;
    private final ImportReport report;
    private final SourceSink sink;
    private final ImportLimits limits;

    private FlatGeobufReader(String file, ImportReport report, SourceSink sink, ImportLimits limits) {
        this.file = file;
        this.report = report;
        this.sink = sink;
        this.limits = limits;
    }

    /** @param sink receives each good feature as {@code feature N} (1-based, in file order) */
    public static void read(Path file, ImportReport report, SourceSink sink, ImportLimits limits) throws IOException {
        read(file, report, sink, limits, ImportProgress.NONE);
    }

    /** As above, telling {@code progress} the bytes read. */
    public static void read(Path file, ImportReport report, SourceSink sink, ImportLimits limits,
            ImportProgress progress) throws IOException {
        FlatGeobufReader r = new FlatGeobufReader(file.getFileName().toString(), report, sink, limits);
        try (InputStream in = new BufferedInputStream(ProgressInputStream.wrap(Files.newInputStream(file), progress),
                1 << 16)) {
            r.run(in);
        } catch (Corrupt e) {
            report.error(r.file, e.location, null, e.getMessage());
        }
    }

    /** A problem with the file as a whole after which reading cannot go on. */
    private static final class Corrupt extends Exception {
        final String location;

        Corrupt(String location, String message) {
            super(message);
            this.location = location;
        }
    }

    private void run(InputStream in) throws IOException, Corrupt {
        byte[] magic = in.readNBytes(8);
        if (magic.length < 8 || magic[0] != 'f' || magic[1] != 'g' || magic[2] != 'b' || magic[4] != 'f'
                || magic[5] != 'g' || magic[6] != 'b') {
            throw new Corrupt(null, "not a FlatGeobuf file (bad magic bytes)");
        }
        if (magic[3] != 3) {
            throw new Corrupt(null, "FlatGeobuf version " + magic[3] + " is not supported (only version 3)");
        }
        ByteBuffer headerBytes = sized(in, "header", null);
        if (headerBytes == null) {
            throw new Corrupt(null, "the file is truncated: it ends before its header");
        }
        Header header;
        FlatGeobufColumns columns;
        Reprojection crs;
        int geometryType;
        try {
            header = Header.getRootAsHeader(headerBytes);
            geometryType = header.geometryType();
            columns = columns(header);
            if (columns == null) {
                return;
            }
            crs = crs(header);
            if (crs == null) {
                return;
            }
        } catch (RuntimeException e) {
            throw new Corrupt(null, "corrupt FlatGeobuf header: " + e);
        }
        if (!sink.typedFields(file, null, columns.fields())) {
            return;
        }
        skipIndex(in, header);
        long n = 0;
        ByteBuffer bytes;
        while ((bytes = sized(in, "feature", "feature " + (n + 1))) != null) {
            n++;
            feature(bytes, columns, crs, geometryType, "feature " + n);
        }
    }

    /** The next size-prefixed block, null at the end of the file. */
    private ByteBuffer sized(InputStream in, String what, String location) throws IOException, Corrupt {
        byte[] prefix = in.readNBytes(4);
        if (prefix.length == 0) {
            return null;
        }
        if (prefix.length < 4) {
            throw new Corrupt(location, "the file is truncated in the size of this " + what);
        }
        long size = Integer.toUnsignedLong(ByteBuffer.wrap(prefix).order(ByteOrder.LITTLE_ENDIAN).getInt());
        if (size > MAX_BYTES || size < 4) {
            throw new Corrupt(location, "corrupt " + what + " size " + size + " bytes");
        }
        byte[] block = in.readNBytes((int) size);
        if (block.length < size) {
            throw new Corrupt(location, "the file is truncated: this " + what + " of " + size + " bytes has "
                    + block.length);
        }
        return ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
    }

    private FlatGeobufColumns columns(Header header) {
        int count = header.columnsLength();
        if (count > limits.attributes()) {
            report.error(file, null, null, "has " + count + " columns, more than the limit of " + limits.attributes()
                    + " (" + ImportLimits.setting("attributes") + ")");
            return null;
        }
        List<String> names = new ArrayList<>(count);
        int[] types = new int[count];
        for (int i = 0; i < count; i++) {
            names.add(header.columns(i).name());
            types[i] = header.columns(i).type();
            if (types[i] == ColumnType.Binary) {
                report.warning(file, null, names.get(i), "column of type Binary left out");
            } else if (FlatGeobufColumns.type(types[i]) == null) {
                report.error(file, null, names.get(i), "unknown column type " + types[i]);
                return null;
            }
        }
        return new FlatGeobufColumns(names, types, limits.lineCharacters());
    }

    private Reprojection crs(Header header) {
        Crs c = header.crs();
        try {
            if (c != null && c.code() > 0 && (c.org() == null || c.org().equalsIgnoreCase("EPSG"))) {
                return Reprojection.fromCode("EPSG:" + c.code());
            }
            if (c != null && c.wkt() != null && !c.wkt().isBlank()) {
                return Reprojection.fromWkt(c.wkt());
            }
        } catch (UnknownCrsException e) {
            report.error(file, null, null, "unknown CRS in the header: " + e.getMessage());
            return null;
        }
        report.warning(file, null, null, "no CRS in the header: assuming WGS84 (EPSG:4326)");
        return Reprojection.wgs84();
    }

    private static void skipIndex(InputStream in, Header header) throws IOException, Corrupt {
        int nodeSize = header.indexNodeSize();
        long count = header.featuresCount();
        if (nodeSize == 0 || count == 0) {
            return;
        }
        long size;
        try {
            size = PackedRTree.calcSize(Math.toIntExact(count), nodeSize);
        } catch (RuntimeException e) {
            throw new Corrupt(null, "corrupt header: " + count + " features with index node size " + nodeSize);
        }
        try {
            in.skipNBytes(size);
        } catch (EOFException e) {
            throw new Corrupt(null, "the file is truncated in its spatial index");
        }
    }

    private void feature(ByteBuffer bytes, FlatGeobufColumns columns, Reprojection crs, int headerType,
            String location) {
        Geometry g;
        java.util.Map<String, Object> attributes;
        try {
            Feature f = Feature.getRootAsFeature(bytes);
            attributes = columns.read(f.propertiesAsByteBuffer());
            org.wololo.flatgeobuf.generated.Geometry fg = f.geometry();
            if (fg == null) {
                g = null;
            } else {
                checkLengths(fg, bytes.capacity(), 0);
                int type = headerType != GeometryType.Unknown ? headerType : fg.type();
                if (type < GeometryType.Point || type > GeometryType.MultiPolygon) {
                    report.recordError(file, location, null, "geometry type " + GeometryType.name(type)
                            + " is not supported");
                    return;
                }
                g = GeometryConversions.deserialize(fg, type);
            }
        } catch (FlatGeobufColumns.Invalid e) {
            report.recordError(file, location, e.field, e.getMessage());
            return;
        } catch (RuntimeException e) {
            report.recordError(file, location, null, "corrupt feature: " + e);
            return;
        }
        g = SourceGeometry.toWgs84(g, crs, report, file, location);
        if (g != null) {
            sink.accept(new SourceFeature(file, location, g, attributes));
        }
    }

    /** Vector lengths are read from the file; checked against the feature's size before arrays are made of them. */
    private static void checkLengths(org.wololo.flatgeobuf.generated.Geometry g, int bytes, int depth) {
        if (depth > 1 || 8L * g.xyLength() > bytes || 8L * g.zLength() > bytes || 8L * g.mLength() > bytes
                || 4L * g.endsLength() > bytes || 4L * g.partsLength() > bytes) {
            throw new IllegalArgumentException("geometry sizes exceed the feature");
        }
        for (int i = 0; i < g.partsLength(); i++) {
            checkLengths(g.parts(i), bytes, depth + 1);
        }
    }
}
