package org.clustergrid.ingest.shapefile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * Streams the records of a {@code .shp} file. Z and M values are skipped: only x/y are kept. Record-level damage
 * (inconsistent part counts, unsupported shape type) is returned with the record; a file cut short is thrown.
 */
final class ShpReader {
    private static final int HEADER_BYTES = 100;
    private static final int FILE_CODE = 9994;
    /** Far above any real record; guards the buffer against a corrupt length when the file length is bogus too. */
    private static final long MAX_RECORD_BYTES = 1L << 28;

    /** The next record: geometry null for a Null shape or when {@code problem} says why it could not be read. */
    record Shape(int index, Geometry geometry, String problem, String repaired) {}

    private final InputStream in;
    private final GeometryFactory factory;
    private final long declaredBytes;
    private final int shapeType;
    private final Envelope bounds;
    private final byte[] recordHeader = new byte[8];
    private byte[] content = new byte[256];
    private long position = HEADER_BYTES;
    private int index;

    ShpReader(InputStream in, GeometryFactory factory) throws IOException, ShapefileFormatException {
        this.in = in;
        this.factory = factory;
        byte[] header = in.readNBytes(HEADER_BYTES);
        if (header.length < HEADER_BYTES) {
            throw new ShapefileFormatException(null, "the .shp file is truncated: its 100-byte header is incomplete");
        }
        ByteBuffer big = ByteBuffer.wrap(header).order(ByteOrder.BIG_ENDIAN);
        if (big.getInt(0) != FILE_CODE) {
            throw new ShapefileFormatException(null, "not a .shp file (bad file code " + big.getInt(0) + ")");
        }
        declaredBytes = 2L * Integer.toUnsignedLong(big.getInt(24));
        ByteBuffer little = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        shapeType = little.getInt(32);
        bounds = new Envelope(little.getDouble(36), little.getDouble(52), little.getDouble(44), little.getDouble(60));
    }

    int shapeType() {
        return shapeType;
    }

    /** The bounding box written in the header. */
    Envelope bounds() {
        return bounds;
    }

    /** The next record, or null after the last one. */
    Shape next() throws IOException, ShapefileFormatException {
        int got = in.readNBytes(recordHeader, 0, 8);
        if (got == 0) {
            if (position < declaredBytes) {
                throw new ShapefileFormatException(null, "the .shp file is truncated: its header declares "
                        + declaredBytes + " bytes but it ends after " + position + " (record " + index
                        + " is the last complete one)");
            }
            return null;
        }
        index++;
        String location = "record " + index;
        if (got < 8) {
            throw new ShapefileFormatException(location, "the .shp file is truncated in the header of this record");
        }
        long length = 2L * Integer.toUnsignedLong(ByteBuffer.wrap(recordHeader).order(ByteOrder.BIG_ENDIAN).getInt(4));
        position += 8;
        if (length > MAX_RECORD_BYTES || declaredBytes > position && length > declaredBytes - position) {
            throw new ShapefileFormatException(location, "record runs past the end of the .shp file ("
                    + length + " bytes declared, " + (declaredBytes - position) + " left)");
        }
        if (content.length < length) {
            content = new byte[(int) Math.max(length, content.length * 2L)];
        }
        int read = in.readNBytes(content, 0, (int) length);
        position += read;
        if (read < length) {
            throw new ShapefileFormatException(location, "record runs past the end of the .shp file (" + length
                    + " bytes declared, " + read + " present)");
        }
        try {
            return decode(ByteBuffer.wrap(content, 0, (int) length).order(ByteOrder.LITTLE_ENDIAN));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return new Shape(index, null, "corrupt record: its content is shorter than its shape needs", null);
        }
    }

    private Shape decode(ByteBuffer b) {
        int type = b.getInt();
        return switch (type) {
            case 0 -> new Shape(index, null, null, null);
            case 1, 11, 21 -> new Shape(index, factory.createPoint(new Coordinate(b.getDouble(), b.getDouble())),
                    null, null);
            case 8, 18, 28 -> multiPoint(b);
            case 3, 13, 23, 5, 15, 25 -> parts(b, type % 10 == 5);
            default -> new Shape(index, null, "unsupported shape type " + type, null);
        };
    }

    private Shape multiPoint(ByteBuffer b) {
        b.position(b.position() + 32); // bounding box
        int n = count(b, 16);
        Point[] points = new Point[n];
        for (int i = 0; i < n; i++) {
            points[i] = factory.createPoint(new Coordinate(b.getDouble(), b.getDouble()));
        }
        return new Shape(index, factory.createMultiPoint(points), null, null);
    }

    private Shape parts(ByteBuffer b, boolean polygon) {
        b.position(b.position() + 32); // bounding box
        int numParts = b.getInt();
        int numPoints = b.getInt();
        if (numParts < 0 || numPoints < 0 || (long) numParts * 4 + (long) numPoints * 16 > b.remaining()) {
            return new Shape(index, null, "corrupt record: " + numParts + " parts / " + numPoints
                    + " points do not fit in the record", null);
        }
        int[] starts = new int[numParts + 1];
        for (int i = 0; i < numParts; i++) {
            starts[i] = b.getInt();
            if (starts[i] < (i == 0 ? 0 : starts[i - 1]) || starts[i] > numPoints) {
                return new Shape(index, null, "corrupt record: part " + (i + 1) + " starts at point " + starts[i], null);
            }
        }
        starts[numParts] = numPoints;
        List<Coordinate[]> partCoords = new ArrayList<>(numParts);
        int dropped = 0;
        for (int i = 0; i < numParts; i++) {
            Coordinate[] cs = new Coordinate[starts[i + 1] - starts[i]];
            for (int k = 0; k < cs.length; k++) {
                cs[k] = new Coordinate(b.getDouble(), b.getDouble());
            }
            Coordinate[] usable = polygon ? PolygonAssembler.closedRing(cs) : (cs.length >= 2 ? cs : null);
            if (usable == null) {
                dropped++;
            } else {
                partCoords.add(usable);
            }
        }
        String repaired = dropped == 0 ? null
                : dropped + (polygon ? " ring(s) with fewer than 3 distinct points" : " line part(s) with fewer than 2 points")
                        + " dropped";
        Geometry g = polygon ? PolygonAssembler.assemble(partCoords, factory) : lines(partCoords);
        return new Shape(index, g, null, repaired);
    }

    private Geometry lines(List<Coordinate[]> parts) {
        if (parts.size() == 1) {
            return factory.createLineString(parts.get(0));
        }
        LineString[] lines = new LineString[parts.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = factory.createLineString(parts.get(i));
        }
        return factory.createMultiLineString(lines);
    }

    private int count(ByteBuffer b, int bytesEach) {
        int n = b.getInt();
        if (n < 0 || (long) n * bytesEach > b.remaining()) {
            throw new IllegalArgumentException("bad count " + n);
        }
        return n;
    }
}
