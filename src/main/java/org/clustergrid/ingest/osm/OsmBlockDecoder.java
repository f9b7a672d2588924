package org.clustergrid.ingest.osm;

import crosby.binary.Osmformat;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks the elements of one decoded PBF block: undoes delta coding, resolves the string table (lazily, since most
 * strings are never looked at) and converts coordinates to 1e-7 degrees.
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

    private final Osmformat.PrimitiveBlock block;
    private final String[] strings;

    OsmBlockDecoder(Osmformat.PrimitiveBlock block) {
        this.block = block;
        this.strings = new String[block.getStringtable().getSCount()];
    }

    void nodes(ElementHandler h) {
        long granularity = block.getGranularity();
        long latOffset = block.getLatOffset();
        long lonOffset = block.getLonOffset();
        for (Osmformat.PrimitiveGroup g : block.getPrimitivegroupList()) {
            for (Osmformat.Node n : g.getNodesList()) {
                h.node(n.getId(), e7(lonOffset, granularity, n.getLon()), e7(latOffset, granularity, n.getLat()),
                        tags(n.getKeysList(), n.getValsList()));
            }
            if (g.hasDense()) {
                dense(g.getDense(), granularity, latOffset, lonOffset, h);
            }
        }
    }

    private void dense(Osmformat.DenseNodes d, long granularity, long latOffset, long lonOffset, ElementHandler h) {
        int count = d.getIdCount();
        if (d.getLatCount() != count || d.getLonCount() != count) {
            throw new IllegalArgumentException("dense nodes with " + count + " ids but " + d.getLatCount()
                    + " latitudes and " + d.getLonCount() + " longitudes");
        }
        int kvCount = d.getKeysValsCount();
        int kv = 0;
        long id = 0;
        long lat = 0;
        long lon = 0;
        for (int i = 0; i < count; i++) {
            id += d.getId(i);
            lat += d.getLat(i);
            lon += d.getLon(i);
            Map<String, String> tags = Map.of();
            if (kv < kvCount) {
                int k = d.getKeysVals(kv++);
                if (k != 0) {
                    tags = new LinkedHashMap<>();
                    while (k != 0 && kv < kvCount) {
                        tags.put(string(k), string(d.getKeysVals(kv++)));
                        k = kv < kvCount ? d.getKeysVals(kv++) : 0;
                    }
                }
            }
            h.node(id, e7(lonOffset, granularity, lon), e7(latOffset, granularity, lat), tags);
        }
    }

    void ways(ElementHandler h) {
        for (Osmformat.PrimitiveGroup g : block.getPrimitivegroupList()) {
            for (Osmformat.Way w : g.getWaysList()) {
                long[] refs = new long[w.getRefsCount()];
                long ref = 0;
                for (int i = 0; i < refs.length; i++) {
                    ref += w.getRefs(i);
                    refs[i] = ref;
                }
                h.way(w.getId(), tags(w.getKeysList(), w.getValsList()), refs);
            }
        }
    }

    void relations(ElementHandler h) {
        for (Osmformat.PrimitiveGroup g : block.getPrimitivegroupList()) {
            for (Osmformat.Relation r : g.getRelationsList()) {
                int n = r.getMemidsCount();
                Member[] members = new Member[n];
                long memberId = 0;
                for (int i = 0; i < n; i++) {
                    memberId += r.getMemids(i);
                    char type = switch (r.getTypes(i)) {
                        case NODE -> 'n';
                        case WAY -> 'w';
                        case RELATION -> 'r';
                    };
                    members[i] = new Member(type, memberId, string(r.getRolesSid(i)));
                }
                h.relation(r.getId(), tags(r.getKeysList(), r.getValsList()), List.of(members));
            }
        }
    }

    private Map<String, String> tags(List<Integer> keys, List<Integer> vals) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        if (keys.size() != vals.size()) {
            throw new IllegalArgumentException("element with " + keys.size() + " tag keys but " + vals.size()
                    + " values");
        }
        Map<String, String> tags = new LinkedHashMap<>(keys.size() * 2);
        for (int i = 0; i < keys.size(); i++) {
            tags.put(string(keys.get(i)), string(vals.get(i)));
        }
        return tags;
    }

    private String string(int index) {
        String s = strings[index];
        if (s == null) {
            s = block.getStringtable().getS(index).toString(StandardCharsets.UTF_8);
            strings[index] = s;
        }
        return s;
    }

    /** A coordinate in 1e-7 degrees: PBF stores {@code offset + granularity * value} nanodegrees. */
    private static int e7(long offset, long granularity, long value) {
        return (int) Math.round((offset + granularity * value) / 100.0);
    }
}
