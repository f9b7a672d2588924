package org.clustergrid.ingest.shapefile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;

/** A minimal shapefile writer for test fixtures, able to write the damaged files the reader must reject. */
public final class TestShapefile {
    record Field(String name, char type, int length, int decimals) {}

    private record Rec(Geometry geometry, String[] values, boolean deleted) {}

    private final List<Field> fields = new ArrayList<>();
    private final List<Rec> records = new ArrayList<>();
    private int shapeType = -1;
    /** When false, rings are written as given instead of shells clockwise / holes counter-clockwise. */
    boolean esriOrientation = true;
    Charset charset = StandardCharsets.UTF_8;
    int ldid = 0;

    public TestShapefile field(String name, char type, int length, int decimals) {
        fields.add(new Field(name, type, length, decimals));
        return this;
    }

    TestShapefile shapeType(int type) {
        shapeType = type;
        return this;
    }

    /** Adds a record; a null geometry is written as a Null shape; values are written as given (padded). */
    public TestShapefile add(Geometry g, String... values) {
        records.add(new Rec(g, values, false));
        return this;
    }

    TestShapefile addDeleted(Geometry g, String... values) {
        records.add(new Rec(g, values, true));
        return this;
    }

    private int type() {
        if (shapeType >= 0) {
            return shapeType;
        }
        for (Rec r : records) {
            if (r.geometry() instanceof Puntal) {
                return r.geometry() instanceof Point ? 1 : 8;
            } else if (r.geometry() instanceof Polygonal) {
                return 5;
            } else if (r.geometry() != null) {
                return 3;
            }
        }
        return 0;
    }

    byte[] shp() {
        return shpAndShx()[0];
    }

    byte[] shx() {
        return shpAndShx()[1];
    }

    private byte[][] shpAndShx() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ByteArrayOutputStream index = new ByteArrayOutputStream();
        Envelope bounds = new Envelope();
        int offset = 100;
        for (int i = 0; i < records.size(); i++) {
            Geometry g = records.get(i).geometry();
            if (g != null) {
                bounds.expandToInclude(g.getEnvelopeInternal());
            }
            byte[] content = content(g);
            ByteBuffer h = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putInt(i + 1).putInt(content.length / 2);
            body.writeBytes(h.array());
            body.writeBytes(content);
            index.writeBytes(ByteBuffer.allocate(8).putInt(offset / 2).putInt(content.length / 2).array());
            offset += 8 + content.length;
        }
        if (bounds.isNull()) {
            bounds = new Envelope(0, 0, 0, 0);
        }
        byte[] shp = concat(header(100 + body.size(), bounds), body.toByteArray());
        byte[] shx = concat(header(100 + index.size(), bounds), index.toByteArray());
        return new byte[][] {shp, shx};
    }

    private byte[] header(int fileBytes, Envelope b) {
        ByteBuffer h = ByteBuffer.allocate(100);
        h.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, fileBytes / 2);
        h.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, type());
        h.putDouble(36, b.getMinX()).putDouble(44, b.getMinY()).putDouble(52, b.getMaxX()).putDouble(60, b.getMaxY());
        return h.array();
    }

    private byte[] content(Geometry g) {
        if (g == null) {
            return le(4).putInt(0).array();
        }
        if (g instanceof Point p) {
            return le(20).putInt(1).putDouble(p.getX()).putDouble(p.getY()).array();
        }
        if (g instanceof Puntal) {
            ByteBuffer b = le(40 + 16 * g.getNumPoints()).putInt(8);
            box(b, g).putInt(g.getNumPoints());
            for (Coordinate c : g.getCoordinates()) {
                b.putDouble(c.x).putDouble(c.y);
            }
            return b.array();
        }
        List<Coordinate[]> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon poly) {
                parts.add(oriented(poly.getExteriorRing().getCoordinates(), false));
                for (int k = 0; k < poly.getNumInteriorRing(); k++) {
                    parts.add(oriented(poly.getInteriorRingN(k).getCoordinates(), true));
                }
            } else {
                parts.add(((LineString) part).getCoordinates());
            }
        }
        int points = parts.stream().mapToInt(p -> p.length).sum();
        ByteBuffer b = le(44 + 4 * parts.size() + 16 * points).putInt(g instanceof Polygonal ? 5 : 3);
        box(b, g).putInt(parts.size()).putInt(points);
        int start = 0;
        for (Coordinate[] p : parts) {
            b.putInt(start);
            start += p.length;
        }
        for (Coordinate[] p : parts) {
            for (Coordinate c : p) {
                b.putDouble(c.x).putDouble(c.y);
            }
        }
        return b.array();
    }

    private Coordinate[] oriented(Coordinate[] ring, boolean ccw) {
        if (!esriOrientation || Orientation.isCCW(ring) == ccw) {
            return ring;
        }
        Coordinate[] r = ring.clone();
        java.util.Collections.reverse(Arrays.asList(r));
        return r;
    }

    private static ByteBuffer box(ByteBuffer b, Geometry g) {
        Envelope e = g.getEnvelopeInternal();
        return b.putDouble(e.getMinX()).putDouble(e.getMinY()).putDouble(e.getMaxX()).putDouble(e.getMaxY());
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    byte[] dbf() {
        int recordLength = 1 + fields.stream().mapToInt(Field::length).sum();
        int headerLength = 32 + 32 * fields.size() + 1;
        ByteBuffer b = le(headerLength + recordLength * records.size() + 1);
        b.put((byte) 3).put((byte) 124).put((byte) 1).put((byte) 1).putInt(records.size())
                .putShort((short) headerLength).putShort((short) recordLength);
        b.put(29, (byte) ldid);
        b.position(32);
        for (Field f : fields) {
            byte[] name = Arrays.copyOf(f.name().getBytes(StandardCharsets.US_ASCII), 11);
            b.put(name).put((byte) f.type()).putInt(0).put((byte) f.length()).put((byte) f.decimals());
            b.put(new byte[14]);
        }
        b.put((byte) 0x0D);
        for (Rec r : records) {
            b.put((byte) (r.deleted() ? '*' : ' '));
            for (int i = 0; i < fields.size(); i++) {
                Field f = fields.get(i);
                String v = i < r.values().length && r.values()[i] != null ? r.values()[i] : "";
                byte[] bytes = v.getBytes(charset);
                byte[] cell = new byte[f.length()];
                Arrays.fill(cell, (byte) ' ');
                boolean right = f.type() == 'N' || f.type() == 'F';
                int len = Math.min(bytes.length, cell.length);
                System.arraycopy(bytes, 0, cell, right ? cell.length - len : 0, len);
                b.put(cell);
            }
        }
        b.put((byte) 0x1A);
        return b.array();
    }

    /** The member files by extension (shp, shx, dbf, and prj / cpg when given). */
    public Map<String, byte[]> files(String prj, String cpg) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("shp", shp());
        files.put("shx", shx());
        files.put("dbf", dbf());
        if (prj != null) {
            files.put("prj", prj.getBytes(StandardCharsets.US_ASCII));
        }
        if (cpg != null) {
            files.put("cpg", cpg.getBytes(StandardCharsets.US_ASCII));
        }
        return files;
    }

    /** Writes {@code dir/base.shp} and its siblings; returns the .shp path. */
    public static Path writeLoose(Path dir, String base, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.write(dir.resolve(base + "." + f.getKey()), f.getValue());
        }
        return dir.resolve(base + ".shp");
    }

    /** Zips the files as {@code prefix + base + ".ext"}. */
    public static Path writeZip(Path zipFile, String prefix, String base, Map<String, byte[]> files) throws IOException {
        try (OutputStream out = Files.newOutputStream(zipFile); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(prefix + base + "." + f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return zipFile;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
