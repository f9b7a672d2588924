package org.clustergrid.ingest.osm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.clustergrid.ingest.FileType;
import org.clustergrid.ingest.ImportReport;
import org.clustergrid.ingest.osm.OsmBlockDecoder.ElementHandler;
import org.clustergrid.ingest.osm.OsmBlockDecoder.Member;
import org.clustergrid.ingest.osm.PbfFile.BlockRef;
import org.clustergrid.ingest.progress.ImportProgress;
import org.clustergrid.model.LayerFeature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Reads an OpenStreetMap {@code .osm.pbf} extract into ClusterGrid layer features (roads, power, finance, markets
 * and optionally clusters; see {@link OsmTagRules} for the tag rules), or into the features of a tag filter
 * ({@link OsmLayerReader}).
 *
 * <p>Ways and relations only reference nodes, so geometries need several passes. To scale to country extracts with
 * hundreds of millions of nodes, nothing is kept per node except the coordinates of nodes that wanted ways use, in
 * primitive arrays:
 *
 * <ol>
 *   <li>all blocks: check the file and note which blocks hold nodes, ways and relations; keep the wanted relations
 *       and their member way ids
 *   <li>way blocks: collect the node ids used by wanted ways and relation members
 *   <li>node blocks: fill in those nodes' coordinates; emit features of tagged nodes
 *   <li>way blocks: emit way features; keep member ways' coordinates for the relations
 *   <li>relations: assemble multipolygons and multilinestrings and emit them
 * </ol>
 *
 * <p>Pass 1 inflates every block and checks its framing, so a truncated or corrupt file is reported before any
 * feature is emitted.
 */
public final class OsmPbfReader {
    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    private final ProblemSink problems;
    private final OsmElements elements;

    private final List<RelationRecord> relations = new ArrayList<>();
    private long[] memberWayIds = new long[0];
    private NodeCoordinates nodes;
    private final Map<Long, Coordinate[]> memberWays = new HashMap<>();

    /** A wanted relation, kept from pass 1 to the end; only its way members matter. */
    private record RelationRecord(long id, Map<String, String> tags, long[] wayIds) {}

    private OsmPbfReader(ProblemSink problems, OsmElements elements) {
        this.problems = problems;
        this.elements = elements;
    }

    /**
     * Reads the file and hands each feature to {@code sink}, counting it in {@code report}. Problems with the file
     * as a whole (not a PBF file, truncated, corrupt) become one report error and the method returns; problems with
     * single elements (missing nodes, bad tag values, broken multipolygons) become warnings.
     *
     * @throws IOException when the file cannot be opened or read at all
     */
    public static void read(Path pbf, OsmImportOptions options, ImportReport report, Consumer<LayerFeature> sink)
            throws IOException {
        read(pbf, options, report, sink, ImportProgress.NONE);
    }

    /** As {@link #read(Path, OsmImportOptions, ImportReport, Consumer)}, telling {@code progress} the bytes read. */
    public static void read(Path pbf, OsmImportOptions options, ImportReport report, Consumer<LayerFeature> sink,
            ImportProgress progress) throws IOException {
        read(pbf, report, progress, problems -> new LayerElements(options, report, problems, sink));
    }

    /** Reads the file for the elements {@code elements} wants, made once the problem sink is known. */
    static void read(Path pbf, ImportReport report, ImportProgress progress,
            Function<ProblemSink, OsmElements> elements) throws IOException {
        String fileName = pbf.getFileName().toString();
        FileType type = FileType.detect(pbf);
        if (type != FileType.OSM_PBF) {
            report.error(fileName, null, null, "expected an OpenStreetMap PBF file but it is " + type.description());
            return;
        }
        try (PbfFile file = new PbfFile(pbf)) {
            ProblemSink problems = (location, field, message) -> report.warning(fileName, location, field, message);
            new OsmPbfReader(problems, elements.apply(problems)).run(file, new PbfProgress(progress, file.size()));
            if (file.headerBounds() != null) {
                report.fileBounds(file.headerBounds(), fileName + " header bounds");
            }
        } catch (PbfFormatException e) {
            report.error(fileName, null, null, e.getMessage());
        } catch (RuntimeException e) {
            // a bug or data this reader did not foresee: report it with where it happened, do not crash the import
            StackTraceElement[] at = e.getStackTrace();
            report.error(fileName, null, null, "could not read the file: " + e
                    + (at.length > 0 ? " at " + at[0] : ""));
        }
    }

    private void run(PbfFile file, PbfProgress progress) throws IOException {
        file.onRead(progress::read);
        List<BlockRef> blocks = file.scan((ref, block) -> block.relations(relationCollector()));
        memberWayIds = relations.stream()
                .flatMapToLong(r -> Arrays.stream(r.wayIds()))
                .sorted()
                .distinct()
                .toArray();
        List<BlockRef> wayBlocks = blocks.stream().filter(b -> (b.types() & PbfFile.WAYS) != 0).toList();
        List<BlockRef> nodeBlocks = blocks.stream().filter(b -> (b.types() & PbfFile.NODES) != 0).toList();
        progress.blocksKnown(wayBlocks.stream().mapToLong(BlockRef::blobSize).sum(),
                nodeBlocks.stream().mapToLong(BlockRef::blobSize).sum());

        LongList needed = new LongList(1 << 16);
        file.read(wayBlocks, (ref, block) -> block.ways(new ElementHandler() {
            @Override
            public void way(long id, Map<String, String> tags, long[] refs) {
                if (wanted(id, tags)) {
                    for (long r : refs) {
                        needed.add(r);
                    }
                }
            }
        }));
        nodes = new NodeCoordinates(needed.toSortedUniqueArray());

        file.read(nodeBlocks, (ref, block) -> block.nodes(new ElementHandler() {
            @Override
            public void node(long id, int lonE7, int latE7, Map<String, String> tags) {
                nodes.offer(id, lonE7, latE7);
                if (elements.wanted(tags)) {
                    elements.element('n', id, tags, new ElementShape("node " + id,
                            GEOMETRY.createPoint(new Coordinate(lonE7 / 1e7, latE7 / 1e7)), problems));
                }
            }
        }));

        file.read(wayBlocks, (ref, block) -> block.ways(new ElementHandler() {
            @Override
            public void way(long id, Map<String, String> tags, long[] refs) {
                boolean tagged = elements.wanted(tags);
                boolean member = Arrays.binarySearch(memberWayIds, id) >= 0;
                if (tagged || member) {
                    Coordinate[] coords = wayCoordinates(id, refs);
                    if (coords != null && tagged) {
                        elements.element('w', id, tags, new ElementShape("way " + id,
                                GEOMETRY.createLineString(coords), problems));
                    }
                    if (coords != null && member) {
                        memberWays.put(id, coords);
                    }
                }
            }
        }));
        nodes = null;

        for (RelationRecord r : relations) {
            Geometry g = relationGeometry(r);
            if (g != null) {
                elements.element('r', r.id(), r.tags(), new ElementShape("relation " + r.id(), g, problems));
            }
        }
    }

    private boolean wanted(long wayId, Map<String, String> tags) {
        return elements.wanted(tags) || Arrays.binarySearch(memberWayIds, wayId) >= 0;
    }

    private ElementHandler relationCollector() {
        return new ElementHandler() {
            @Override
            public void relation(long id, Map<String, String> tags, List<Member> members) {
                if (elements.keepRelation(tags)) {
                    long[] ways = members.stream().filter(m -> m.type() == 'w').mapToLong(Member::id).toArray();
                    relations.add(new RelationRecord(id, tags, ways));
                }
            }
        };
    }

    /** The way's coordinates without repeated points, or null (with a warning) when it cannot be drawn. */
    private Coordinate[] wayCoordinates(long id, long[] refs) {
        CoordinateList coords = new CoordinateList();
        int missing = 0;
        for (long ref : refs) {
            int i = nodes.indexOf(ref);
            if (i < 0) {
                missing++;
            } else {
                coords.add(new Coordinate(nodes.lon(i), nodes.lat(i)), false);
            }
        }
        if (missing > 0) {
            problems.warning("way " + id, null, missing + " of its " + refs.length
                    + " nodes are not in the file (an extract cut at its boundary?); way left out");
            return null;
        }
        if (coords.size() < 2) {
            problems.warning("way " + id, null, "fewer than 2 distinct nodes; way left out");
            return null;
        }
        return coords.toCoordinateArray();
    }

    private Geometry relationGeometry(RelationRecord r) {
        String location = "relation " + r.id();
        List<Coordinate[]> parts = new ArrayList<>();
        for (long wayId : r.wayIds()) {
            Coordinate[] c = memberWays.get(wayId);
            if (c == null) {
                problems.warning(location, null, "member way " + wayId
                        + " is missing from the file or cannot be drawn; relation left out");
                return null;
            }
            parts.add(c);
        }
        if (parts.isEmpty()) {
            problems.warning(location, null, "no member ways; relation left out");
            return null;
        }
        if (!elements.relationIsArea(r.tags())) {
            return GEOMETRY.createMultiLineString(
                    parts.stream().map(GEOMETRY::createLineString).toArray(LineString[]::new));
        }
        try {
            return MultipolygonAssembler.assemble(parts, GEOMETRY);
        } catch (MultipolygonAssembler.RingException e) {
            problems.warning(location, null, "multipolygon cannot be built: " + e.getMessage()
                    + "; relation left out");
            return null;
        }
    }
}
