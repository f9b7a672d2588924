package org.clustergrid.ingest.context;

import crosby.binary.Fileformat;
import crosby.binary.Osmformat;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.zip.Inflater;

/**
 * Counts the elements of a PBF file whose tags a predicate accepts, apart from the server's reader: straight from
 * the protobuf messages, one block after the other, with a filter and area rule of its own. Ways are split into
 * closed area-tagged ones (polygons) and the others (lines), as GDAL's OSM driver does with its default osmconf.ini;
 * relations into multipolygons and boundaries (polygons) and the others.
 */
final class OsmElementCount {
    /** GDAL osmconf.ini closed_ways_are_polygons. */
    static final Set<String> AREA_KEYS = Set.of("aeroway", "amenity", "boundary", "building", "craft", "geological",
            "historic", "landuse", "leisure", "military", "natural", "office", "place", "shop", "sport", "tourism");

    final Map<String, Integer> counts = new TreeMap<>();
    /** Elements that match but cannot be drawn: ways of fewer than 2 distinct nodes, relations whose rings cannot be
     * closed from the member ways in the file ("way 1", "relation 2"). */
    final Set<String> unbuildable = new java.util.TreeSet<>();
    /** Every way's first and last node and whether it has at least 2 distinct nodes. */
    private final Map<Long, long[]> ways = new HashMap<>();
    private final Map<Long, long[]> areaRelations = new HashMap<>();

    static OsmElementCount of(Path pbf, Predicate<Map<String, String>> accept) throws IOException {
        OsmElementCount c = new OsmElementCount();
        try (DataInputStream in = new DataInputStream(Files.newInputStream(pbf))) {
            while (true) {
                int headerLength;
                try {
                    headerLength = in.readInt();
                } catch (EOFException end) {
                    break;
                }
                Fileformat.BlobHeader header = Fileformat.BlobHeader.parseFrom(in.readNBytes(headerLength));
                Fileformat.Blob blob = Fileformat.Blob.parseFrom(in.readNBytes(header.getDatasize()));
                if (header.getType().equals("OSMData")) {
                    c.block(Osmformat.PrimitiveBlock.parseFrom(inflate(blob)), accept);
                }
            }
        }
        c.checkRelations();
        return c;
    }

    int get(String key) {
        return counts.getOrDefault(key, 0);
    }

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static byte[] inflate(Fileformat.Blob blob) throws IOException {
        if (blob.hasRaw()) {
            return blob.getRaw().toByteArray();
        }
        Inflater inflater = new Inflater();
        inflater.setInput(blob.getZlibData().toByteArray());
        byte[] out = new byte[blob.getRawSize()];
        try {
            int n = 0;
            while (n < out.length) {
                n += inflater.inflate(out, n, out.length - n);
            }
        } catch (java.util.zip.DataFormatException e) {
            throw new IOException(e);
        } finally {
            inflater.end();
        }
        return out;
    }

    private void block(Osmformat.PrimitiveBlock block, Predicate<Map<String, String>> accept) {
        List<String> strings = block.getStringtable().getSList().stream().map(b -> b.toStringUtf8()).toList();
        for (Osmformat.PrimitiveGroup g : block.getPrimitivegroupList()) {
            Osmformat.DenseNodes dense = g.getDense();
            int kv = 0;
            for (int i = 0; i < dense.getIdCount(); i++) {
                Map<String, String> tags = new HashMap<>();
                while (kv < dense.getKeysValsCount() && dense.getKeysVals(kv) != 0) {
                    tags.put(strings.get(dense.getKeysVals(kv)), strings.get(dense.getKeysVals(kv + 1)));
                    kv += 2;
                }
                kv++;
                count(accept, tags, "node");
            }
            for (Osmformat.Node n : g.getNodesList()) {
                count(accept, tags(strings, n.getKeysList(), n.getValsList()), "node");
            }
            for (Osmformat.Way w : g.getWaysList()) {
                Map<String, String> tags = tags(strings, w.getKeysList(), w.getValsList());
                long first = w.getRefsCount() == 0 ? 0 : w.getRefs(0);
                long last = 0;
                Set<Long> distinct = new java.util.HashSet<>();
                for (long d : w.getRefsList()) {
                    last += d;
                    distinct.add(last);
                }
                ways.put(w.getId(), new long[] {first, last, distinct.size() >= 2 ? 1 : 0});
                if (distinct.size() < 2) {
                    if (!tags.isEmpty() && accept.test(tags)) {
                        unbuildable.add("way " + w.getId());
                    }
                    continue;
                }
                boolean closed = w.getRefsCount() >= 4 && first == last;
                count(accept, tags, closed && isArea(tags) ? "way polygon" : "way line");
            }
            for (Osmformat.Relation r : g.getRelationsList()) {
                Map<String, String> tags = tags(strings, r.getKeysList(), r.getValsList());
                String type = tags.get("type");
                boolean area = "multipolygon".equals(type) || "boundary".equals(type);
                if (area && accept.test(tags)) {
                    long id = 0;
                    List<Long> members = new java.util.ArrayList<>();
                    for (int i = 0; i < r.getMemidsCount(); i++) {
                        id += r.getMemids(i);
                        if (r.getTypes(i) == Osmformat.Relation.MemberType.WAY) {
                            members.add(id);
                        }
                    }
                    areaRelations.put(r.getId(), members.stream().mapToLong(Long::longValue).toArray());
                } else {
                    count(accept, tags, "relation other");
                }
            }
        }
    }

    /**
     * A relation's rings close when it has member ways, all of them in the file and drawable, and every end node of
     * its open ways is shared by an even number of way ends (then joining ways end to end always comes round).
     */
    private void checkRelations() {
        areaRelations.forEach((id, members) -> {
            Map<Long, Integer> ends = new HashMap<>();
            boolean ok = members.length > 0;
            for (long m : members) {
                long[] w = ways.get(m);
                if (w == null || w[2] == 0) {
                    ok = false;
                    break;
                }
                if (w[0] != w[1]) {
                    ends.merge(w[0], 1, Integer::sum);
                    ends.merge(w[1], 1, Integer::sum);
                }
            }
            if (ok && ends.values().stream().allMatch(n -> n % 2 == 0)) {
                counts.merge("relation polygon", 1, Integer::sum);
            } else {
                unbuildable.add("relation " + id);
            }
        });
    }

    private void count(Predicate<Map<String, String>> accept, Map<String, String> tags, String what) {
        if (!tags.isEmpty() && accept.test(tags)) {
            counts.merge(what, 1, Integer::sum);
        }
    }

    private static boolean isArea(Map<String, String> tags) {
        if ("yes".equals(tags.get("area")) || "no".equals(tags.get("area"))) {
            return tags.get("area").equals("yes");
        }
        return tags.keySet().stream().anyMatch(AREA_KEYS::contains);
    }

    private static Map<String, String> tags(List<String> strings, List<Integer> keys, List<Integer> values) {
        Map<String, String> tags = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            tags.put(strings.get(keys.get(i)), strings.get(values.get(i)));
        }
        return tags;
    }
}
