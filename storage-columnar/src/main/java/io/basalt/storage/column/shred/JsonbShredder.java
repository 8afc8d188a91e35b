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
 * ({@link ShredKind}; numbers are whole or, where some have a fraction, decimals), and each such path is then read from every document into a typed sub-column (NULL where the
 * row does not fit) and a list of the rows holding something else there ({@link ShreddedPath}), both encoded with
 * the column chunk codec, which chooses dictionary, bit-packing, run-length and so on from the values as it does
 * for any column.
 *
 * <p>The choice is made per row group from its own data, so a path that changes type or appears later in a table
 * is shredded where it is stable. Documents are read in place (binary search over each object's keys); nothing is
 * decoded into trees.
 */
public final class JsonbShredder {
    /** Paths shredded per column and row group at most (the most common first). */
    static final int MAXIMUM_PATHS = 16;
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
    private enum Outcome { FIT, NULL_RESULT, OTHER }

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
        return candidates.size() > MAXIMUM_PATHS ? List.copyOf(candidates.subList(0, MAXIMUM_PATHS)) : candidates;
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
        final MemorySegment[] keyBytes;
        final org.apache.arrow.vector.FieldVector values;
        int[] others = new int[16];
        int otherCount;
        int fits;

        Extraction(Candidate candidate, int rows, BufferAllocator allocator) {
            this.candidate = candidate;
            List<String> keys = candidate.keys();
            keyBytes = new MemorySegment[keys.size()];
            for (int k = 0; k < keyBytes.length; k++) {
                keyBytes[k] = MemorySegment.ofArray(keys.get(k).getBytes(StandardCharsets.UTF_8));
            }
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
     * Reads every candidate's path from every document, in one pass over the documents (each document is visited
     * once for all paths, not once per path), and encodes the paths enough rows fit (an eighth, as the analysis
     * asked of the sample).
     */
    private static List<Shred> extractAll(VarBinaryVector documents, int rows, List<Candidate> candidates,
                                          ColumnChunkCodec codec, BufferAllocator allocator) {
        MemorySegment data = ArrowSegments.of(documents.getDataBuffer());
        List<Extraction> extractions = new ArrayList<>(candidates.size());
        try {
            for (Candidate candidate : candidates) {
                extractions.add(new Extraction(candidate, rows, allocator));
            }
            long[] found = new long[2];
            byte[] scratch = new byte[64];
            org.apache.arrow.memory.ArrowBuf offsets = documents.getOffsetBuffer();
            for (int row = 0; row < rows; row++) {
                boolean isNull = documents.isNull(row);
                long start = offsets.getInt((long) row * 4);
                long end = offsets.getInt((long) (row + 1) * 4);
                for (Extraction extraction : extractions) {
                    Outcome outcome = isNull ? Outcome.NULL_RESULT : follow(data, start, end, extraction.keyBytes, found);
                    if (outcome == Outcome.FIT) {
                        if (scratch.length < found[1] - found[0]) {
                            scratch = new byte[(int) (found[1] - found[0]) * 2];
                        }
                        outcome = store(extraction.values, row, extraction.candidate.kind(), data, found[0], found[1],
                                scratch);
                        if (outcome == Outcome.FIT) {
                            extraction.fits++;
                        }
                    }
                    if (outcome == Outcome.OTHER) {
                        extraction.addOther(row);
                    }
                    // a row that does not fit stays NULL: allocation cleared the validity bits, and the variable-width
                    // vectors fill the offsets of rows skipped when a later row (or the value count) is set
                }
            }
            List<Shred> shreds = new ArrayList<>(extractions.size());
            for (Extraction extraction : extractions) {
                extraction.values.setValueCount(rows);
                if ((long) extraction.fits * MINIMUM_SHARE < rows) {
                    continue;
                }
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
                shreds.add(new Shred(extraction.candidate.keys(), extraction.candidate.kind(), extraction.otherCount,
                        codec.encode(extraction.values, 0, rows), encodedOthers));
            }
            return shreds;
        } finally {
            for (Extraction extraction : extractions) {
                extraction.close();
            }
        }
    }

    /**
     * Follows {@code keys} from the document {@code [at, end)}: FIT with the value's range in {@code found} when it
     * ends at a value that is not JSON null (whose kind the caller checks), NULL_RESULT when every extraction of the
     * path, the member itself included, gives NULL (a key missing on the way), OTHER when the way leads through
     * anything but objects (an array answers {@code #>} path elements that are numbers) or ends at JSON null (which
     * {@code ->>} reads as NULL but {@code ->} as {@code 'null'}).
     */
    private static Outcome follow(MemorySegment data, long at, long end, MemorySegment[] keys, long[] found) {
        long start = at;
        long stop = end;
        for (MemorySegment key : keys) {
            if (JsonbReader.tag(data, start) != JsonbReader.OBJECT) {
                return Outcome.OTHER;
            }
            int member = JsonbReader.findKey(data, start, key, 0, key.byteSize());
            if (member < 0) {
                return Outcome.NULL_RESULT;
            }
            long valueStart = JsonbReader.valueStart(data, start, member);
            stop = JsonbReader.valueEnd(data, start, member);
            start = valueStart;
        }
        if (JsonbReader.tag(data, start) == JsonbReader.NULL) {
            return Outcome.OTHER;
        }
        found[0] = start;
        found[1] = stop;
        return Outcome.FIT;
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
        }
        return Outcome.OTHER;
    }
}
