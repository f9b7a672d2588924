package org.clustergrid.ingest.osm;

import com.google.protobuf.InvalidProtocolBufferException;
import crosby.binary.Fileformat;
import crosby.binary.Osmformat;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.locationtech.jts.geom.Envelope;

/**
 * Block-level access to a PBF file: finds the blocks once, then reads chosen blocks again by offset, so that later
 * passes inflate only the blocks holding the element type they need. Blocks are inflated and framed on a small
 * thread pool but handed to the caller in file order. Every format problem becomes a {@link PbfFormatException} naming the
 * byte offset.
 */
final class PbfFile implements Closeable {
    static final int NODES = 1;
    static final int WAYS = 2;
    static final int RELATIONS = 4;

    private static final int MAX_HEADER_SIZE = 64 * 1024;
    private static final int MAX_BLOB_SIZE = 32 * 1024 * 1024;
    private static final Set<String> SUPPORTED_FEATURES = Set.of("OsmSchema-V0.6", "DenseNodes");

    /** A data block's place in the file and the element types it holds (a mask of NODES, WAYS, RELATIONS). */
    record BlockRef(long offset, long blobOffset, int blobSize, int types) {}

    /** Receives decoded blocks in file order. */
    interface BlockHandler {
        void block(BlockRef ref, OsmBlockDecoder block) throws IOException;
    }

    private final FileChannel channel;
    private final long size;
    private final ExecutorService decoders;
    private final int window;

    private Envelope headerBounds;
    private java.util.function.LongConsumer onRead = n -> {};

    PbfFile(Path path) throws IOException {
        channel = FileChannel.open(path, StandardOpenOption.READ);
        size = channel.size();
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        window = threads * 2;
        decoders = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "osm-pbf-decoder");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Reads the whole file once, checking the header block and decoding every data block, and hands each data block
     * to the handler. Returns where the data blocks are, for {@link #read}.
     */
    List<BlockRef> scan(BlockHandler handler) throws IOException {
        List<BlockRef> refs = new java.util.ArrayList<>();
        ArrayDeque<Pending> pending = new ArrayDeque<>();
        long pos = 0;
        boolean headerSeen = false;
        while (pos < size) {
            long start = pos;
            int headerSize = readBytes(pos, 4, "the blob header length").getInt();
            if (headerSize <= 0 || headerSize > MAX_HEADER_SIZE) {
                throw corrupt("impossible blob header length " + headerSize, start);
            }
            Fileformat.BlobHeader header;
            try {
                header = Fileformat.BlobHeader.parseFrom(readBytes(pos + 4, headerSize, "a blob header"));
            } catch (InvalidProtocolBufferException e) {
                throw corrupt("unreadable blob header (" + e.getMessage() + ")", start);
            }
            int blobSize = header.getDatasize();
            if (blobSize < 0 || blobSize > MAX_BLOB_SIZE) {
                throw corrupt("impossible blob size " + blobSize, start);
            }
            long blobOffset = pos + 4 + headerSize;
            pos = blobOffset + blobSize;
            if ("OSMHeader".equals(header.getType())) {
                headerBounds = checkHeader(readBytes(blobOffset, blobSize, "the header blob"), start);
                headerSeen = true;
            } else if ("OSMData".equals(header.getType())) {
                if (!headerSeen) {
                    throw corrupt("data block before the OSMHeader block", start);
                }
                ByteBuffer blob = readBytes(blobOffset, blobSize, "a data blob");
                BlockRef partial = new BlockRef(start, blobOffset, blobSize, 0);
                pending.add(new Pending(partial, decoders.submit(() -> decode(blob, start))));
                drain(pending, window, handler, refs);
            }
            // other block types are allowed by the format and skipped
        }
        if (!headerSeen) {
            throw new PbfFormatException("truncated or corrupt PBF: no OSMHeader block found");
        }
        drain(pending, 0, handler, refs);
        return refs;
    }

    /** Decodes the given blocks again, in order, handing them to the handler. */
    void read(List<BlockRef> blocks, BlockHandler handler) throws IOException {
        ArrayDeque<Pending> pending = new ArrayDeque<>();
        for (BlockRef ref : blocks) {
            ByteBuffer blob = readBytes(ref.blobOffset(), ref.blobSize(), "a data blob");
            pending.add(new Pending(ref, decoders.submit(() -> decode(blob, ref.offset()))));
            drain(pending, window, handler, null);
        }
        drain(pending, 0, handler, null);
    }

    private record Pending(BlockRef ref, Future<OsmBlockDecoder> block) {}

    private static void drain(ArrayDeque<Pending> pending, int keep, BlockHandler handler, List<BlockRef> collect)
            throws IOException {
        while (pending.size() > keep) {
            Pending p = pending.poll();
            OsmBlockDecoder block = await(p.block());
            BlockRef ref = p.ref();
            if (collect != null) {
                ref = new BlockRef(ref.offset(), ref.blobOffset(), ref.blobSize(), block.types());
                collect.add(ref);
            }
            try {
                handler.block(ref, block);
            } catch (InvalidProtocolBufferException e) {
                throw corrupt("malformed data block (" + e.getMessage() + ")", ref.offset());
            }
        }
    }

    private static OsmBlockDecoder await(Future<OsmBlockDecoder> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while decoding PBF blocks");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof Error error) {
                throw error; // e.g. OutOfMemoryError: not a problem of the file
            }
            throw new PbfFormatException("truncated or corrupt PBF: " + e.getCause(), e.getCause());
        }
    }

    /** The header's bounding box, null when it declares none. */
    private static Envelope checkHeader(ByteBuffer blob, long offset) throws PbfFormatException {
        Osmformat.HeaderBlock header;
        try {
            header = Osmformat.HeaderBlock.parseFrom(inflate(blob, offset));
        } catch (InvalidProtocolBufferException e) {
            throw corrupt("unreadable OSMHeader block (" + e.getMessage() + ")", offset);
        }
        for (String feature : header.getRequiredFeaturesList()) {
            if (!SUPPORTED_FEATURES.contains(feature)) {
                throw new PbfFormatException("unsupported PBF: the file requires the feature '" + feature
                        + "' (only " + SUPPORTED_FEATURES + " are supported)");
            }
        }
        if (!header.hasBbox()) {
            return null;
        }
        var b = header.getBbox(); // nanodegrees
        return new Envelope(b.getLeft() / 1e9, b.getRight() / 1e9, b.getBottom() / 1e9, b.getTop() / 1e9);
    }

    /** Told the bytes of each read from the file, for progress. */
    void onRead(java.util.function.LongConsumer listener) {
        onRead = listener;
    }

    long size() {
        return size;
    }

    /** The bounds the file's header declares (an extract's clipping box), null when it declares none. */
    Envelope headerBounds() {
        return headerBounds;
    }

    private static OsmBlockDecoder decode(ByteBuffer blob, long offset) throws IOException {
        try {
            return new OsmBlockDecoder(inflate(blob, offset));
        } catch (InvalidProtocolBufferException e) {
            throw corrupt("unreadable data block (" + e.getMessage() + ")", offset);
        }
    }

    /** The blob's uncompressed content. */
    private static byte[] inflate(ByteBuffer bytes, long offset) throws PbfFormatException {
        Fileformat.Blob blob;
        try {
            blob = Fileformat.Blob.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw corrupt("unreadable blob (" + e.getMessage() + ")", offset);
        }
        if (blob.hasRaw()) {
            return blob.getRaw().toByteArray();
        }
        if (!blob.hasZlibData()) {
            throw new PbfFormatException("unsupported PBF: blob at byte offset " + offset
                    + " uses a compression other than zlib (" + blob.getDataCase() + ")");
        }
        int rawSize = blob.getRawSize();
        if (rawSize < 0 || rawSize > MAX_BLOB_SIZE) {
            throw corrupt("impossible uncompressed blob size " + rawSize, offset);
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(blob.getZlibData().asReadOnlyByteBuffer());
            byte[] out = new byte[rawSize];
            int n = 0;
            while (n < rawSize && !inflater.finished()) {
                int k = inflater.inflate(out, n, rawSize - n);
                if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += k;
            }
            if (n != rawSize || !inflater.finished()) {
                throw corrupt("zlib data ends early or does not match its declared size " + rawSize, offset);
            }
            return out;
        } catch (DataFormatException e) {
            throw corrupt("corrupt zlib data (" + e.getMessage() + ")", offset);
        } finally {
            inflater.end();
        }
    }

    private ByteBuffer readBytes(long pos, int n, String what) throws IOException {
        if (pos + n > size) {
            throw new PbfFormatException("truncated or corrupt PBF: the file ends inside " + what + " at byte offset "
                    + pos + " (" + (pos + n) + " bytes needed, file has " + size + ")");
        }
        ByteBuffer buf = ByteBuffer.allocate(n);
        while (buf.hasRemaining()) {
            if (channel.read(buf, pos + buf.position()) < 0) {
                throw new PbfFormatException("truncated or corrupt PBF: unexpected end of file at byte offset "
                        + (pos + buf.position()));
            }
        }
        onRead.accept(n);
        return buf.flip();
    }

    private static PbfFormatException corrupt(String problem, long offset) {
        return new PbfFormatException("truncated or corrupt PBF: " + problem + " in the block at byte offset " + offset);
    }

    @Override
    public void close() throws IOException {
        decoders.shutdownNow();
        channel.close();
    }
}
