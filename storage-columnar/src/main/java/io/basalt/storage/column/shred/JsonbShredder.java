package io.basalt.storage.column.shred;

import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.storage.column.ColumnChunkCodec;
import io.basalt.storage.column.EncodedChunk;
import io.basalt.type.LogicalType;
import io.basalt.type.json.JsonbReader;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Shreds the JSONB documents of one row group: an analysis of a sample of the documents finds the paths (object
 * keys from the root, through nested objects, never into arrays) where many rows hold one scalar kind
 * ({@link ShredKind}; numbers are whole or, where some have a fraction, decimals) or an array (kept whole, as its
 * JSONB bytes: containment and jsonpath tests on it then read no document), and each such path is then read from every document into a typed sub-column (NULL where the
 * row does not fit) and a list of the rows holding something else there ({@link ShreddedPath}), both encoded with
 * the column chunk codec, which chooses dictionary, bit-packing, run-length and so on from the values as it does
 * for any column.
 *
 * <p>The choice is made per row group from its own data, so a path that changes type or appears later in a table
 * is shredded where it is stable. Documents are read in place (binary search over each object's keys); nothing is
 * decoded into trees.
 */
public final class JsonbShredder {
    /** Scalar paths shredded per column and row group at most (the most common first). */
    static final int MAXIMUM_PATHS = 16;
    /** Array paths shredded per column and row group at most, besides the scalar ones (which they do not displace). */
    static final int MAXIMUM_ARRAY_PATHS = 8;
    /** Keys from the root a shredded path has at most. */
    static final int MAXIMUM_DEPTH = 4;
    /** Documents the analysis looks at, spread evenly over the row group. */
    static final int SAMPLE_ROWS = 2048;
    /**
     * A path is shredded when at least this fraction (1 / MINIMUM_SHARE) of the documents hold one kind there: data
     * sets with attributes per product family (a family's keys in a sixth of the rows, say) get their families' paths
     * shredded too; rows without the path cost a NULL in the sub-column.
     */
    static final int MINIMUM_SHARE = 8;

    private JsonbShredder() {
    }

    /**
     * One shredded path of a row group, encoded: the values (NULL: row does not fit) and the "other" rows' positions
     * (null when none), JSON null at the path among them ({@link ShreddedPath#nullsAreOther}, always so here).
     */
    public record Shred(List<String> keys, ShredKind kind, int otherRows, EncodedChunk values, EncodedChunk others) {
        public Shred {
            keys = List.copyOf(keys);
        }

        /** Whether JSON null at the path is among the other rows: always, for paths shredded by this class. */
        public boolean nullsAreOther() {
            return true;
        }
    }

    /** The outcome of reading one path from one document. */
    private enum Outcome { FIT, OTHER }

    /**
     * The shredded paths of rows {@code [0, rows)} of {@code documents} (a JSONB vector), encoded with {@code codec};
     * empty when no path is common and stable enough. Scratch vectors come from {@code allocator} and are freed.
     */
    public static List<Shred> shred(VarBinaryVector documents, int rows, ColumnChunkCodec codec,
                                    BufferAllocator allocator) {
        List<Candidate> candidates = analyze(documents, rows);
        return candidates.isEmpty() ? List.of() : extractAll(documents, rows, candidates, codec, allocator);
    }

    private record Candidate(List<String> keys, ShredKind kind, int count) {
    }

    // ---- analysis ----------------------------------------------------------------------------------

    /** Per path seen in the sample: how many sampled rows hold each kind there. */
    private static final class Tally {
        final int[] kinds = new int[ShredKind.values().length];
    }

    /**
     * The paths where at least a {@link #MINIMUM_SHARE}th of the sampled documents hold one kind, most common first.
     */
    private static List<Candidate> analyze(VarBinaryVector documents, int rows) {
        if (rows == 0) {
            return List.of();
        }
        MemorySegment data = ArrowSegments.of(documents.getDataBuffer());
        int step = Math.max(1, rows / SAMPLE_ROWS);
        int sampled = 0;
        Map<List<String>, Tally> tallies = new HashMap<>();
        for (int row = 0; row < rows; row += step) {
            sampled++;
            if (documents.isNull(row)) {
                continue;
            }
            long at = documents.getOffsetBuffer().getInt((long) row * 4);
            if (JsonbReader.tag(data, at) == JsonbReader.OBJECT) {
                walk(data, at, new ArrayList<>(), tallies);
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<List<String>, Tally> entry : tallies.entrySet()) {
            int[] kinds = entry.getValue().kinds;
            if (kinds[ShredKind.DECIMAL.ordinal()] > 0) {
                // a path holding fractions stores its whole numbers as decimals too
                kinds[ShredKind.DECIMAL.ordinal()] += kinds[ShredKind.LONG.ordinal()];
                kinds[ShredKind.LONG.ordinal()] = 0;
            }
            ShredKind best = null;
            int bestCount = 0;
            for (ShredKind kind : ShredKind.values()) {
                int count = kinds[kind.ordinal()];
                if (count > bestCount) {
                    best = kind;
                    bestCount = count;
                }
            }
            if (best != null && (long) bestCount * MINIMUM_SHARE >= sampled) {
                candidates.add(new Candidate(entry.getKey(), best, bestCount));
            }
        }
        candidates.sort((a, b) -> a.count() != b.count() ? Integer.compare(b.count(), a.count())
                : a.keys().toString().compareTo(b.keys().toString()));
        List<Candidate> kept = new ArrayList<>();
        int scalars = 0;
        int arrays = 0;
        for (Candidate candidate : candidates) {
            if (candidate.kind() == ShredKind.ARRAY ? arrays++ < MAXIMUM_ARRAY_PATHS : scalars++ < MAXIMUM_PATHS) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    /** Counts the scalar members of the object at {@code at} under {@code prefix}, descending into nested objects. */
    private static void walk(MemorySegment data, long at, List<String> prefix, Map<List<String>, Tally> tallies) {
        int members = JsonbReader.count(data, at);
        for (int i = 0; i < members; i++) {
            String key = JsonbReader.string(data, JsonbReader.keyStart(data, at, i), JsonbReader.keyEnd(data, at, i));
            long start = JsonbReader.valueStart(data, at, i);
            long end = JsonbReader.valueEnd(data, at, i);
            byte tag = JsonbReader.tag(data, start);
            prefix.add(key);
            if (tag == JsonbReader.OBJECT) {
                if (prefix.size() < MAXIMUM_DEPTH) {
                    walk(data, start, prefix, tallies);
                }
            } else {
                ShredKind kind = kindOf(data, start, end);
                if (kind != null) {
                    tallies.computeIfAbsent(List.copyOf(prefix), k -> new Tally()).kinds[kind.ordinal()]++;
                }
            }
            prefix.removeLast();
        }
    }

    /** The kind the scalar {@code [at, end)} fits, or null. */
    private static ShredKind kindOf(MemorySegment data, long at, long end) {
        return switch (JsonbReader.tag(data, at)) {
            case JsonbReader.STRING -> ShredKind.STRING;
            case JsonbReader.TRUE, JsonbReader.FALSE -> ShredKind.BOOLEAN;
            case JsonbReader.ARRAY -> ShredKind.ARRAY;
            case JsonbReader.NUMBER -> wholeNumberBytes(data, at, end) > 0 ? ShredKind.LONG
                    : packedDecimal(data, at, end) != NOT_PACKED ? ShredKind.DECIMAL : null;
            default -> null;
        };
    }

    /**
     * The unscaled bytes of the NUMBER {@code [at, end)} when it is a whole number of scale 0 within 64 bits (its
     * text is then the integer's), else 0.
     */
    private static int wholeNumberBytes(MemorySegment data, long at, long end) {
        int scale = (short) (((data.get(ValueLayout.JAVA_BYTE, at + 1) & 0xff) << 8)
                | (data.get(ValueLayout.JAVA_BYTE, at + 2) & 0xff));
        long length = end - at - 3;
        return scale == 0 && length >= 1 && length <= 8 ? (int) length : 0;
    }

    /** What {@link #packedDecimal} answers for a number that does not fit {@link PackedDecimal}. */
    private static final long NOT_PACKED = Long.MIN_VALUE;

    /** The NUMBER {@code [at, end)} as a {@link PackedDecimal}, or {@link #NOT_PACKED}. */
    private static long packedDecimal(MemorySegment data, long at, long end) {
        int scale = (short) (((data.get(ValueLayout.JAVA_BYTE, at + 1) & 0xff) << 8)
                | (data.get(ValueLayout.JAVA_BYTE, at + 2) & 0xff));
        long length = end - at - 3;
        if (length < 1 || length > 8) {
            return NOT_PACKED;
        }
        long unscaled = wholeNumber(data, at, (int) length);
        return PackedDecimal.fits(unscaled, scale) ? PackedDecimal.pack(unscaled, scale) : NOT_PACKED;
    }

    /** The whole number of a NUMBER that {@link #wholeNumberBytes} accepted ({@code length} bytes). */
    private static long wholeNumber(MemorySegment data, long at, int length) {
        long value = data.get(ValueLayout.JAVA_BYTE, at + 3); // sign-extends the first byte
        for (int i = 1; i < length; i++) {
            value = (value << 8) | (data.get(ValueLayout.JAVA_BYTE, at + 3 + i) & 0xff);
        }
        return value;
    }

    // ---- extraction --------------------------------------------------------------------------------

    /**
     * One candidate path being read from the documents: its typed values (NULL where the row does not fit), the rows
     * holding something else there, and how many rows fit.
     */
    private static final class Extraction implements AutoCloseable {
        final Candidate candidate;
        final org.apache.arrow.vector.FieldVector values;
        int[] others = new int[16];
        int otherCount;
        int fits;

        Extraction(Candidate candidate, int rows, BufferAllocator allocator) {
            this.candidate = candidate;
            values = ValueAccess.allocate(candidate.kind().type(), "", allocator, rows);
        }

        void addOther(int row) {
            if (otherCount == others.length) {
                others = java.util.Arrays.copyOf(others, others.length * 2);
            }
            others[otherCount++] = row;
        }

        @Override
        public void close() {
            values.close();
        }
    }

    /**
     * A key on the way of the candidate paths, in a trie of their keys from the root: the candidate path that ends
     * here (null when none) and the keys that follow, in JSONB's key order (length, then bytes), so that one merge
     * over an object's sorted keys finds every candidate key the object holds.
     */
    private static final class PathNode {
        final byte[] key;
        Extraction leaf;
        PathNode[] children = new PathNode[0];

        PathNode(byte[] key) {
            this.key = key;
        }

        PathNode child(byte[] childKey) {
            for (PathNode child : children) {
                if (java.util.Arrays.equals(child.key, childKey)) {
                    return child;
                }
            }
            PathNode child = new PathNode(childKey);
            children = java.util.Arrays.copyOf(children, children.length + 1);
            children[children.length - 1] = child;
            java.util.Arrays.sort(children, (a, b) -> a.key.length != b.key.length
                    ? Integer.compare(a.key.length, b.key.length) : java.util.Arrays.compareUnsigned(a.key, b.key));
            return child;
        }
    }

    /**
     * Reads every candidate's path from every document in one walk per document (each object on the way is
     * visited once for all the paths through it, its keys merged with the candidates' keys, nothing re-read per
     * path), and encodes the paths enough rows fit (an eighth, as the analysis asked of the sample), the paths'
     * chunks in parallel on the common fork-join pool.
     */
    private static List<Shred> extractAll(VarBinaryVector documents, int rows, List<Candidate> candidates,
                                          ColumnChunkCodec codec, BufferAllocator allocator) {
        MemorySegment data = ArrowSegments.of(documents.getDataBuffer());
        List<Extraction> extractions = new ArrayList<>(candidates.size());
        List<java.util.concurrent.CompletableFuture<Shred>> encoding = new ArrayList<>();
        try {
            PathNode root = new PathNode(new byte[0]);
            for (Candidate candidate : candidates) {
                Extraction extraction = new Extraction(candidate, rows, allocator);
                extractions.add(extraction);
                PathNode node = root;
                for (String key : candidate.keys()) {
                    node = node.child(key.getBytes(StandardCharsets.UTF_8));
                }
                node.leaf = extraction;
            }
            byte[][] scratch = {new byte[64]};
            org.apache.arrow.memory.ArrowBuf offsets = documents.getOffsetBuffer();
            for (int row = 0; row < rows; row++) {
                // a NULL document reads NULL at every path: the row stays NULL in every sub-column (allocation
                // cleared the validity bits, and the variable-width vectors fill the offsets of rows skipped when a
                // later row, or the value count, is set)
                if (!documents.isNull(row)) {
                    visitObject(root, data, offsets.getInt((long) row * 4), row, scratch);
                }
            }
            List<Extraction> kept = new ArrayList<>(extractions.size());
            for (Extraction extraction : extractions) {
                extraction.values.setValueCount(rows);
                if ((long) extraction.fits * MINIMUM_SHARE >= rows) {
                    kept.add(extraction);
                }
            }
            // every path but the last is encoded on the pool while this thread encodes the last one
            for (int k = 0; k < kept.size(); k++) {
                Extraction extraction = kept.get(k);
                java.util.function.Supplier<Shred> task = () -> encode(extraction, rows, codec, allocator);
                encoding.add(k < kept.size() - 1 ? java.util.concurrent.CompletableFuture.supplyAsync(task)
                        : java.util.concurrent.CompletableFuture.completedFuture(task.get()));
            }
            List<Shred> shreds = new ArrayList<>(kept.size());
            for (java.util.concurrent.CompletableFuture<Shred> shred : encoding) {
                shreds.add(shred.join());
            }
            return shreds;
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        } finally {
            // no task may still read a vector when it is freed
            for (java.util.concurrent.CompletableFuture<Shred> shred : encoding) {
                shred.exceptionally(ignored -> null).join();
            }
            for (Extraction extraction : extractions) {
                extraction.close();
            }
        }
    }

    /** Encodes one extracted path: its values and, when some rows hold something else there, their positions. */
    private static Shred encode(Extraction extraction, int rows, ColumnChunkCodec codec, BufferAllocator allocator) {
        EncodedChunk encodedOthers = null;
        if (extraction.otherCount > 0) {
            try (IntVector positions = (IntVector) ValueAccess.allocate(LogicalType.INTEGER, "", allocator,
                    extraction.otherCount)) {
                for (int i = 0; i < extraction.otherCount; i++) {
                    positions.set(i, extraction.others[i]);
                }
                positions.setValueCount(extraction.otherCount);
                encodedOthers = codec.encode(positions, 0, extraction.otherCount);
            }
        }
        return new Shred(extraction.candidate.keys(), extraction.candidate.kind(), extraction.otherCount,
                codec.encode(extraction.values, 0, rows), encodedOthers);
    }

    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(
            java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * Reads the paths below {@code node} from the value at {@code at} for row {@code row}: when it is an object, a
     * merge of its keys (JSONB's layout: count, key end table, value end table, keys, values; keys in the same order
     * as the node's children) with the node's children, each key found read by {@link #visitMember}; a child whose
     * key the object lacks reads NULL at every path below it (nothing to record). When the value is not an object,
     * every path below holds something else in this row.
     */
    private static void visitObject(PathNode node, MemorySegment data, long at, int row, byte[][] scratch) {
        if (JsonbReader.tag(data, at) != JsonbReader.OBJECT) {
            markOther(node, row);
            return;
        }
        int members = data.get(INT, at + 1);
        long keyTable = at + 5;
        long valueTable = keyTable + 4L * members;
        long keys = valueTable + 4L * members;
        long values = keys + (members == 0 ? 0 : data.get(INT, keyTable + 4L * (members - 1)));
        PathNode[] children = node.children;
        int member = 0;
        int child = 0;
        int keyStart = 0;
        while (member < members && child < children.length) {
            int keyEnd = data.get(INT, keyTable + 4L * member);
            byte[] wanted = children[child].key;
            int length = keyEnd - keyStart;
            int order = length != wanted.length ? Integer.compare(length, wanted.length)
                    : compareKey(data, keys + keyStart, wanted);
            if (order < 0) {
                member++;
                keyStart = keyEnd;
            } else if (order > 0) {
                child++;
            } else {
                long valueStart = values + (member == 0 ? 0 : data.get(INT, valueTable + 4L * (member - 1)));
                long valueEnd = values + data.get(INT, valueTable + 4L * member);
                visitMember(children[child], data, valueStart, valueEnd, row, scratch);
                member++;
                child++;
                keyStart = keyEnd;
            }
        }
    }

    /**
     * Reads the member {@code [at, end)} found at {@code node}'s key: stored when a candidate path ends here and the
     * value fits its kind, an "other" row when it does not (JSON null included, which {@code ->>} reads as NULL but
     * {@code ->} as {@code 'null'}), and the paths below read from it.
     */
    private static void visitMember(PathNode node, MemorySegment data, long at, long end, int row,
                                    byte[][] scratch) {
        Extraction extraction = node.leaf;
        if (extraction != null) {
            Outcome outcome = Outcome.OTHER;
            if (JsonbReader.tag(data, at) != JsonbReader.NULL) {
                if (scratch[0].length < end - at) {
                    scratch[0] = new byte[(int) (end - at) * 2];
                }
                outcome = store(extraction.values, row, extraction.candidate.kind(), data, at, end, scratch[0]);
            }
            if (outcome == Outcome.FIT) {
                extraction.fits++;
            } else {
                extraction.addOther(row);
            }
        }
        if (node.children.length > 0) {
            visitObject(node, data, at, row, scratch);
        }
    }

    /** Records row {@code row} as an "other" row of every path below {@code node} (the way leads through a non-object). */
    private static void markOther(PathNode node, int row) {
        for (PathNode child : node.children) {
            if (child.leaf != null) {
                child.leaf.addOther(row);
            }
            markOther(child, row);
        }
    }

    /** Orders the key at {@code at} against {@code key} of the same length, as JSONB orders keys (unsigned bytes). */
    private static int compareKey(MemorySegment data, long at, byte[] key) {
        for (int i = 0; i < key.length; i++) {
            int a = data.get(ValueLayout.JAVA_BYTE, at + i) & 0xff;
            int b = key[i] & 0xff;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }

    /**
     * Stores the value {@code [at, end)} as row {@code row} when it fits {@code kind}: FIT, else OTHER.
     * {@code scratch} holds at least {@code end - at} bytes.
     */
    private static Outcome store(org.apache.arrow.vector.FieldVector values, int row, ShredKind kind,
                                 MemorySegment data, long at, long end, byte[] scratch) {
        byte tag = JsonbReader.tag(data, at);
        switch (kind) {
            case STRING -> {
                if (tag != JsonbReader.STRING) {
                    return Outcome.OTHER;
                }
                int length = (int) (end - at - 1);
                MemorySegment.copy(data, ValueLayout.JAVA_BYTE, at + 1, scratch, 0, length);
                ((VarCharVector) values).setSafe(row, scratch, 0, length);
                return Outcome.FIT;
            }
            case LONG -> {
                int length = tag == JsonbReader.NUMBER ? wholeNumberBytes(data, at, end) : 0;
                if (length == 0) {
                    return Outcome.OTHER;
                }
                ((BigIntVector) values).set(row, wholeNumber(data, at, length));
                return Outcome.FIT;
            }
            case DECIMAL -> {
                long packed = tag == JsonbReader.NUMBER ? packedDecimal(data, at, end) : NOT_PACKED;
                if (packed == NOT_PACKED) {
                    return Outcome.OTHER;
                }
                ((BigIntVector) values).set(row, packed);
                return Outcome.FIT;
            }
            case BOOLEAN -> {
                if (tag != JsonbReader.TRUE && tag != JsonbReader.FALSE) {
                    return Outcome.OTHER;
                }
                ((BitVector) values).set(row, tag == JsonbReader.TRUE ? 1 : 0);
                return Outcome.FIT;
            }
            case ARRAY -> {
                if (tag != JsonbReader.ARRAY) {
                    return Outcome.OTHER;
                }
                // the member's bytes as the document holds them: a JSONB value of its own
                int length = (int) (end - at);
                MemorySegment.copy(data, ValueLayout.JAVA_BYTE, at, scratch, 0, length);
                ((VarBinaryVector) values).setSafe(row, scratch, 0, length);
                return Outcome.FIT;
            }
        }
        return Outcome.OTHER;
    }
}
