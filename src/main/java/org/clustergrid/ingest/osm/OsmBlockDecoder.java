package org.clustergrid.ingest.osm;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import crosby.binary.Osmformat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks the elements of one uncompressed PBF data block straight from its bytes. Unlike the generated
 * {@code Osmformat.PrimitiveBlock} it never materialises a block's dense-node columns (osmconvert writes blocks of
 * half a million nodes) or metadata: the constructor only notes where the string table and the groups are, and the
 * dense id, latitude, longitude and tag columns are then read side by side. Strings are decoded on first use, since
 * most are never looked at. Coordinates are handed out in 1e-7 degrees.
 */
final class OsmBlockDecoder {

    /** Callbacks for the elements of a block; implement only what a pass needs. Tags are never null. */
    interface ElementHandler {
        default void node(long id, int lonE7, int latE7, Map<String, String> tags) {}

        default void way(long id, Map<String, String> tags, long[] nodeRefs) {}

        default void relation(long id, Map<String, String> tags, List<Member> members) {}
    }

    /** A relation member; {@code type} is 'n', 'w' or 'r'. */
    record Member(char type, long id, String role) {}

    // field numbers from osmformat.proto
    private static final int BLOCK_STRINGTABLE = 1;
    private static final int BLOCK_GROUP = 2;
    private static final int BLOCK_GRANULARITY = 17;
    private static final int BLOCK_LAT_OFFSET = 19;
    private static final int BLOCK_LON_OFFSET = 20;
    private static final int GROUP_NODES = 1;
    private static final int GROUP_DENSE = 2;
    private static final int GROUP_WAYS = 3;
    private static final int GROUP_RELATIONS = 4;
    private static final int DENSE_ID = 1;
    private static final int DENSE_LAT = 8;
    private static final int DENSE_LON = 9;
    private static final int DENSE_KEYS_VALS = 10;

    private final byte[] data;
    private final IntList stringStart = new IntList();
    private final IntList stringLength = new IntList();
    private String[] strings;
    /** Start, length and field number of each element message inside the groups. */
    private final IntList elementStart = new IntList();
    private final IntList elementLength = new IntList();
    private final IntList elementField = new IntList();
    private long granularity = 100;
    private long latOffset;
    private long lonOffset;
    private int types;

    /** Notes where the parts of the block are; throws when the block's framing is broken. */
    OsmBlockDecoder(byte[] data) throws IOException {
        this.data = data;
        CodedInputStream in = CodedInputStream.newInstance(data);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case BLOCK_STRINGTABLE -> readStringTable(in);
                case BLOCK_GROUP -> readGroup(in);
                case BLOCK_GRANULARITY -> granularity = in.readInt32();
                case BLOCK_LAT_OFFSET -> latOffset = in.readInt64();
                case BLOCK_LON_OFFSET -> lonOffset = in.readInt64();
                default -> in.skipField(tag);
            }
        }
        strings = new String[stringStart.size()];
    }

    private void readStringTable(CodedInputStream in) throws IOException {
        int length = in.readRawVarint32();
        int end = in.getTotalBytesRead() + length;
        while (in.getTotalBytesRead() < end) {
            int tag = in.readTag();
            if (WireFormat.getTagFieldNumber(tag) == 1) {
                int n = in.readRawVarint32();
                stringStart.add(in.getTotalBytesRead());
                stringLength.add(n);
                in.skipRawBytes(n);
            } else {
                in.skipField(tag);
            }
        }
    }

    private void readGroup(CodedInputStream in) throws IOException {
        int length = in.readRawVarint32();
        int end = in.getTotalBytesRead() + length;
        while (in.getTotalBytesRead() < end) {
            int tag = in.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            if (field >= GROUP_NODES && field <= GROUP_RELATIONS
                    && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                int n = in.readRawVarint32();
                elementStart.add(in.getTotalBytesRead());
                elementLength.add(n);
                elementField.add(field);
                in.skipRawBytes(n);
                types |= field == GROUP_WAYS ? PbfFile.WAYS : field == GROUP_RELATIONS ? PbfFile.RELATIONS : PbfFile.NODES;
            } else {
                in.skipField(tag);
            }
        }
        if (in.getTotalBytesRead() != end) {
            throw new InvalidProtocolBufferException("primitive group overruns its length");
        }
    }

    /** The element types this block holds: a mask of {@link PbfFile#NODES}, {@code WAYS}, {@code RELATIONS}. */
    int types() {
        return types;
    }

    void nodes(ElementHandler h) throws IOException {
        for (int i = 0; i < elementField.size(); i++) {
            if (elementField.get(i) == GROUP_NODES) {
                Osmformat.Node n = Osmformat.Node.parseFrom(slice(i));
                h.node(n.getId(), e7(lonOffset, n.getLon()), e7(latOffset, n.getLat()),
                        tags(n.getKeysList(), n.getValsList()));
            } else if (elementField.get(i) == GROUP_DENSE) {
                dense(i, h);
            }
        }
    }

    private void dense(int element, ElementHandler h) throws IOException {
        CodedInputStream in = slice(element);
        int base = elementStart.get(element); // the slice counts bytes from here
        CodedInputStream ids = null;
        CodedInputStream lats = null;
        CodedInputStream lons = null;
        CodedInputStream keysVals = null;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == DENSE_ID || field == DENSE_LAT || field == DENSE_LON || field == DENSE_KEYS_VALS) {
                if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                    throw new InvalidProtocolBufferException("dense node column " + field + " is not packed");
                }
                int length = in.readRawVarint32();
                CodedInputStream column = CodedInputStream.newInstance(data, base + in.getTotalBytesRead(), length);
                in.skipRawBytes(length);
                switch (field) {
                    case DENSE_ID -> ids = column;
                    case DENSE_LAT -> lats = column;
                    case DENSE_LON -> lons = column;
                    default -> keysVals = column;
                }
            } else {
                in.skipField(tag);
            }
        }
        if (ids == null) {
            return;
        }
        if (lats == null || lons == null) {
            throw new InvalidProtocolBufferException("dense nodes without coordinates");
        }
        long id = 0;
        long lat = 0;
        long lon = 0;
        while (!ids.isAtEnd()) {
            id += ids.readSInt64();
            lat += lats.readSInt64();
            lon += lons.readSInt64();
            Map<String, String> tags = Map.of();
            if (keysVals != null && !keysVals.isAtEnd()) {
                int k = keysVals.readInt32();
                if (k != 0) {
                    tags = new LinkedHashMap<>();
                    while (k != 0) {
                        tags.put(string(k), string(keysVals.readInt32()));
                        k = keysVals.isAtEnd() ? 0 : keysVals.readInt32();
                    }
                }
            }
            h.node(id, e7(lonOffset, lon), e7(latOffset, lat), tags);
        }
    }

    void ways(ElementHandler h) throws IOException {
        for (int i = 0; i < elementField.size(); i++) {
            if (elementField.get(i) == GROUP_WAYS) {
                Osmformat.Way w = Osmformat.Way.parseFrom(slice(i));
                long[] refs = new long[w.getRefsCount()];
                long ref = 0;
                for (int r = 0; r < refs.length; r++) {
                    ref += w.getRefs(r);
                    refs[r] = ref;
                }
                h.way(w.getId(), tags(w.getKeysList(), w.getValsList()), refs);
            }
        }
    }

    void relations(ElementHandler h) throws IOException {
        for (int i = 0; i < elementField.size(); i++) {
            if (elementField.get(i) == GROUP_RELATIONS) {
                Osmformat.Relation r = Osmformat.Relation.parseFrom(slice(i));
                int n = r.getMemidsCount();
                if (r.getTypesCount() != n || r.getRolesSidCount() != n) {
                    throw new InvalidProtocolBufferException("relation " + r.getId() + " has member columns of "
                            + "different lengths");
                }
                Member[] members = new Member[n];
                long memberId = 0;
                for (int m = 0; m < n; m++) {
                    memberId += r.getMemids(m);
                    char type = switch (r.getTypes(m)) {
                        case NODE -> 'n';
                        case WAY -> 'w';
                        case RELATION -> 'r';
                    };
                    members[m] = new Member(type, memberId, string(r.getRolesSid(m)));
                }
                h.relation(r.getId(), tags(r.getKeysList(), r.getValsList()), List.of(members));
            }
        }
    }

    private CodedInputStream slice(int element) {
        return CodedInputStream.newInstance(data, elementStart.get(element), elementLength.get(element));
    }

    private Map<String, String> tags(List<Integer> keys, List<Integer> vals) throws InvalidProtocolBufferException {
        if (keys.isEmpty()) {
            return Map.of();
        }
        if (keys.size() != vals.size()) {
            throw new InvalidProtocolBufferException("element with " + keys.size() + " tag keys but " + vals.size()
                    + " values");
        }
        Map<String, String> tags = new LinkedHashMap<>(keys.size() * 2);
        for (int i = 0; i < keys.size(); i++) {
            tags.put(string(keys.get(i)), string(vals.get(i)));
        }
        return tags;
    }

    private String string(int index) throws InvalidProtocolBufferException {
        if (index < 0 || index >= strings.length) {
            throw new InvalidProtocolBufferException("string index " + index + " outside the block's string table");
        }
        String s = strings[index];
        if (s == null) {
            s = new String(data, stringStart.get(index), stringLength.get(index), StandardCharsets.UTF_8);
            strings[index] = s;
        }
        return s;
    }

    /** A coordinate in 1e-7 degrees: PBF stores {@code offset + granularity * value} nanodegrees. */
    private int e7(long offset, long value) {
        return (int) Math.round((offset + granularity * value) / 100.0);
    }
}
