package org.clustergrid.ingest.osm;

import com.google.protobuf.ByteString;
import crosby.binary.Fileformat;
import crosby.binary.Osmformat;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/** Writes tiny .osm.pbf files for tests: one header block, then one dense-node, one way and one relation block. */
final class PbfFixture {
    record Node(long id, double lon, double lat, Map<String, String> tags) {}

    record Way(long id, Map<String, String> tags, long... refs) {}

    record Member(char type, long id, String role) {}

    record Relation(long id, Map<String, String> tags, Member... members) {}

    private final List<Node> nodes = new ArrayList<>();
    private final List<Way> ways = new ArrayList<>();
    private final List<Relation> relations = new ArrayList<>();

    PbfFixture node(long id, double lon, double lat, String... tags) {
        nodes.add(new Node(id, lon, lat, tags(tags)));
        return this;
    }

    PbfFixture way(long id, long[] refs, String... tags) {
        ways.add(new Way(id, tags(tags), refs));
        return this;
    }

    PbfFixture relation(long id, List<Member> members, String... tags) {
        relations.add(new Relation(id, tags(tags), members.toArray(Member[]::new)));
        return this;
    }

    static long[] refs(long... ids) {
        return ids;
    }

    static Member member(char type, long id, String role) {
        return new Member(type, id, role);
    }

    private static Map<String, String> tags(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    void write(Path file) throws IOException {
        write(file, null);
    }

    /** Writes the file with {@code extraData} (any bytes, properly compressed) as one more data block. */
    void write(Path file, byte[] extraData) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Osmformat.HeaderBlock header = Osmformat.HeaderBlock.newBuilder()
                .addRequiredFeatures("OsmSchema-V0.6")
                .addRequiredFeatures("DenseNodes")
                .setWritingprogram("clustergrid-test")
                .build();
        writeBlock(out, "OSMHeader", header.toByteArray());
        if (!nodes.isEmpty()) {
            writeBlock(out, "OSMData", nodeBlock().toByteArray());
        }
        if (!ways.isEmpty()) {
            writeBlock(out, "OSMData", wayBlock().toByteArray());
        }
        if (!relations.isEmpty()) {
            writeBlock(out, "OSMData", relationBlock().toByteArray());
        }
        if (extraData != null) {
            writeBlock(out, "OSMData", extraData);
        }
        Files.write(file, out.toByteArray());
    }

    /** Builds a block's string table; index 0 is reserved as the empty delimiter. */
    private static final class Strings {
        private final Map<String, Integer> index = new HashMap<>();
        private final Osmformat.StringTable.Builder table = Osmformat.StringTable.newBuilder().addS(ByteString.EMPTY);

        int of(String s) {
            return index.computeIfAbsent(s, k -> {
                table.addS(ByteString.copyFrom(k, StandardCharsets.UTF_8));
                return table.getSCount() - 1;
            });
        }
    }

    private Osmformat.PrimitiveBlock nodeBlock() {
        Strings strings = new Strings();
        Osmformat.DenseNodes.Builder dense = Osmformat.DenseNodes.newBuilder();
        long id = 0;
        long lat = 0;
        long lon = 0;
        for (Node n : nodes) {
            long nlat = Math.round(n.lat() * 1e7);
            long nlon = Math.round(n.lon() * 1e7);
            dense.addId(n.id() - id).addLat(nlat - lat).addLon(nlon - lon);
            id = n.id();
            lat = nlat;
            lon = nlon;
            n.tags().forEach((k, v) -> dense.addKeysVals(strings.of(k)).addKeysVals(strings.of(v)));
            dense.addKeysVals(0);
        }
        return block(strings, Osmformat.PrimitiveGroup.newBuilder().setDense(dense));
    }

    private Osmformat.PrimitiveBlock wayBlock() {
        Strings strings = new Strings();
        Osmformat.PrimitiveGroup.Builder group = Osmformat.PrimitiveGroup.newBuilder();
        for (Way w : ways) {
            Osmformat.Way.Builder b = Osmformat.Way.newBuilder().setId(w.id());
            w.tags().forEach((k, v) -> b.addKeys(strings.of(k)).addVals(strings.of(v)));
            long prev = 0;
            for (long ref : w.refs()) {
                b.addRefs(ref - prev);
                prev = ref;
            }
            group.addWays(b);
        }
        return block(strings, group);
    }

    private Osmformat.PrimitiveBlock relationBlock() {
        Strings strings = new Strings();
        Osmformat.PrimitiveGroup.Builder group = Osmformat.PrimitiveGroup.newBuilder();
        for (Relation r : relations) {
            Osmformat.Relation.Builder b = Osmformat.Relation.newBuilder().setId(r.id());
            r.tags().forEach((k, v) -> b.addKeys(strings.of(k)).addVals(strings.of(v)));
            long prev = 0;
            for (Member m : r.members()) {
                b.addMemids(m.id() - prev).addRolesSid(strings.of(m.role())).addTypes(switch (m.type()) {
                    case 'n' -> Osmformat.Relation.MemberType.NODE;
                    case 'w' -> Osmformat.Relation.MemberType.WAY;
                    default -> Osmformat.Relation.MemberType.RELATION;
                });
                prev = m.id();
            }
            group.addRelations(b);
        }
        return block(strings, group);
    }

    private static Osmformat.PrimitiveBlock block(Strings strings, Osmformat.PrimitiveGroup.Builder group) {
        return Osmformat.PrimitiveBlock.newBuilder().setStringtable(strings.table).addPrimitivegroup(group).build();
    }

    private static void writeBlock(ByteArrayOutputStream out, String type, byte[] content) throws IOException {
        Deflater deflater = new Deflater();
        deflater.setInput(content);
        deflater.finish();
        byte[] buf = new byte[content.length + 64];
        int n = deflater.deflate(buf);
        deflater.end();
        byte[] blob = Fileformat.Blob.newBuilder()
                .setRawSize(content.length)
                .setZlibData(ByteString.copyFrom(buf, 0, n))
                .build()
                .toByteArray();
        byte[] header = Fileformat.BlobHeader.newBuilder().setType(type).setDatasize(blob.length).build().toByteArray();
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(header.length);
        data.write(header);
        data.write(blob);
        data.flush();
    }
}
