package io.basalt.exec.operator.join;

import io.basalt.exec.vector.KeyHashing;

import io.basalt.exec.kernel.ArrowSegments;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.SmallIntVector;

/**
 * The join hash table for one key of an integer-like type (smallint, integer, date, bigint, scaled
 * NUMERIC): keys widened to {@code long} in a primitive array, buckets chained through build-row indices,
 * and probe keys read straight from the Arrow buffers, so the probe loop makes no per-row call.
 *
 * <p>Dense keys (a range of values not much wider than the number of rows, as surrogate keys are) index their
 * bucket directly by {@code key - min}: no hashing, one chain per value, and keys that arrive clustered (a fact
 * table sorted by order key) touch the buckets in order instead of all over a table larger than the caches.
 * Other keys go to the bucket of their mixed hash.
 *
 * <p>A large table also keeps a bitmap of about 8 bits per build row (a bit set per build key's hash; an eighth
 * to a sixteenth of the bucket array's size; for dense keys an exact bit per value of the range, 32 times smaller
 * than the bucket array and written in key order rather than at random), which a probe tests first: in a selective join (TPC-H Q3 keeps 1%
 * of its 3.2 million probe rows) most probe keys are turned away by a bitmap that stays in the cache, without
 * touching the bucket array and the keys, which do not. A probe whose first keys mostly pass stops testing it.
 */
final class IntegerJoinHashTable implements JoinHashTable {
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final int width;
    private final long[] keys;
    /** The next build row in the same bucket, or -1. */
    private final int[] next;
    /** The first build row of each bucket, or -1. */
    private final int[] heads;
    private final int mask;
    /** Whether buckets are indexed by {@code key - min} (dense keys) rather than by hash. */
    private final boolean direct;
    /** The smallest and largest build key (direct indexing only). */
    private final long min;
    private final long max;
    /**
     * For hashed keys one bit per hash slot ({@link #filterSlot}), set for every build key; for direct keys one bit
     * per value of {@code [min, max]}, set for the values present; null for small tables.
     */
    private final long[] filter;
    private final int filterMask;

    IntegerJoinHashTable(FieldVector keyColumn, int rows) {
        this(keyColumn, rows, null);
    }

    /** The table over {@code rows} keys of {@code keyColumn}; with {@code workers}, chains are built on two threads. */
    IntegerJoinHashTable(FieldVector keyColumn, int rows, java.util.concurrent.ExecutorService workers) {
        this(widthOf(keyColumn), readKeys(keyColumn, rows), rows == 0 ? null : ArrowSegments.validity(keyColumn), rows,
                workers);
    }

    /**
     * The table over keys already widened to {@code long} ({@code keys}, which the table keeps), valid where
     * {@code validity} (an Arrow-style bitmap; null: all) says so; {@code width} is the width probes read their keys at
     * ({@link Probe#start}), or 8 for tables probed only through {@link #newKeyProbe}.
     */
    IntegerJoinHashTable(int width, long[] keys, MemorySegment validity, int rows,
                         java.util.concurrent.ExecutorService workers) {
        this.width = width;
        this.keys = keys;
        next = new int[rows];
        long low = Long.MAX_VALUE;
        long high = Long.MIN_VALUE;
        for (int row = 0; row < rows; row++) {
            if (validity == null || isValid(validity, row)) {
                long key = keys[row];
                low = Math.min(low, key);
                high = Math.max(high, key);
            }
        }
        long span = high - low;
        // Direct when the range is at most about as wide as the hash table would be (and the subtraction did
        // not overflow).
        direct = rows > 0 && low <= high && span >= 0 && span < JoinHashTable.bucketCount(rows);
        min = low;
        max = high;
        heads = new int[direct ? (int) span + 1 : JoinHashTable.bucketCount(rows)];
        mask = heads.length - 1;
        Arrays.fill(heads, -1);
        if (rows >= FILTER_ROWS && direct) {
            // one bit per value of the range, set while the chains are built: exact, and written in key order
            filter = new long[(int) (span >>> 6) + 1];
            filterMask = 0;
        } else if (rows >= FILTER_ROWS) {
            // 8 bits per build row: about 1 probe key in 9 that the build lacks still passes
            int words = Integer.highestOneBit(Math.max(rows / 8, 1)) * 2;
            filter = new long[words];
            filterMask = words - 1;
            for (int row = 0; row < rows; row++) {
                if (validity == null || isValid(validity, row)) {
                    long hash = KeyHashing.mix(keys[row]);
                    filter[filterSlot(hash, filterMask)] |= 1L << (hash >>> 40);
                }
            }
        } else {
            filter = null;
            filterMask = 0;
        }
        // Chains by slot range: with workers, the upper half of the slots is offered to them (disjoint heads, next
        // entries and, at a multiple of 64, bitmap words), the calling thread takes the lower half.
        int slots = heads.length;
        if (workers != null && rows >= PARALLEL_ROWS) {
            int split = (slots / 2) & ~63;
            long[] keyValues = keys;
            int[] chainNext = next;
            int[] chainHeads = heads;
            long[] present = direct ? filter : null;
            long base = low;
            int bucketMask = mask;
            boolean byKey = direct;
            OfferedTask upper = OfferedTask.offer(() -> insertChains(keyValues, chainNext, chainHeads, validity, rows, byKey,
                    base, bucketMask, present, split, slots), workers);
            insertChains(keys, next, heads, validity, rows, direct, low, mask, direct ? filter : null, 0, split);
            upper.complete();
        } else {
            insertChains(keys, next, heads, validity, rows, direct, low, mask, direct ? filter : null, 0, slots);
        }
    }

    /** Build sides from this many rows build their chains on two threads when the query has workers. */
    private static final int PARALLEL_ROWS = 1 << 17;

    /**
     * Chains the valid rows whose slot (key - {@code low} when {@code direct}, else the masked hash) lies in
     * {@code [fromSlot, toSlot)}, last row first, so that each chain lists its rows in build order; for direct keys
     * also sets their bits in {@code present} (when not null).
     */
    private static void insertChains(long[] keys, int[] next, int[] heads, MemorySegment validity, int rows,
                                     boolean direct, long low, int mask, long[] present, int fromSlot, int toSlot) {
        if (direct) {
            for (int row = rows - 1; row >= 0; row--) {
                if (validity != null && !isValid(validity, row)) {
                    continue;
                }
                int offset = (int) (keys[row] - low);
                if (offset < fromSlot || offset >= toSlot) {
                    continue;
                }
                next[row] = heads[offset];
                heads[offset] = row;
                if (present != null) {
                    present[offset >>> 6] |= 1L << offset;
                }
            }
            return;
        }
        for (int row = rows - 1; row >= 0; row--) {
            if (validity != null && !isValid(validity, row)) {
                continue;
            }
            int bucket = (int) KeyHashing.mix(keys[row]) & mask;
            if (bucket < fromSlot || bucket >= toSlot) {
                continue;
            }
            next[row] = heads[bucket];
            heads[bucket] = row;
        }
    }

    /** Build sides from this many rows keep a {@link #filter}: smaller tables stay in the cache anyway. */
    private static final int FILTER_ROWS = 1 << 16;

    /** The word of the filter for a hash: bits other than those choosing the bucket or the bit. */
    private static int filterSlot(long hash, int filterMask) {
        return (int) (hash >>> 20) & filterMask;
    }

    /** False when no build key has {@code key}'s hash slot in the filter (then none equals it). */
    private boolean mayHave(long key) {
        if (direct) {
            if (key < min || key > max) {
                return false;
            }
            long offset = key - min;
            return (filter[(int) (offset >>> 6)] & (1L << offset)) != 0;
        }
        long hash = KeyHashing.mix(key);
        return (filter[filterSlot(hash, filterMask)] & (1L << (hash >>> 40))) != 0;
    }

    /** Probe keys a probe tests against the filter before it judges whether the filter pays. */
    private static final int FILTER_TRIAL = 8192;

    /** The first build row of {@code key}'s bucket, or -1. */
    private int headOf(long key) {
        if (direct) {
            return key < min || key > max ? -1 : heads[(int) (key - min)];
        }
        return heads[(int) KeyHashing.mix(key) & mask];
    }

    /** The first {@code rows} values of an integer-like vector, widened (NULL rows hold whatever their slot holds). */
    static long[] readKeys(FieldVector vector, int rows) {
        return readKeys(vector, rows, new long[rows]);
    }

    /** {@link #readKeys(FieldVector, int)} into {@code keys} (at least {@code rows} long), which it returns. */
    static long[] readKeys(FieldVector vector, int rows, long[] keys) {
        if (rows == 0) {
            return keys;
        }
        MemorySegment values = ArrowSegments.values(vector);
        // one loop per width, so that no row switches on it
        switch (widthOf(vector)) {
            case 8 -> {
                for (int row = 0; row < rows; row++) {
                    keys[row] = values.get(ArrowSegments.LONG, (long) row << 3);
                }
            }
            case 4 -> {
                for (int row = 0; row < rows; row++) {
                    keys[row] = values.get(ArrowSegments.INT, (long) row << 2);
                }
            }
            default -> {
                for (int row = 0; row < rows; row++) {
                    keys[row] = values.get(SHORT, (long) row << 1);
                }
            }
        }
        return keys;
    }

    static int widthOf(FieldVector vector) {
        if (vector instanceof BigIntVector) {
            return 8;
        }
        return vector instanceof SmallIntVector ? 2 : 4;
    }

    static boolean isValid(MemorySegment validity, int row) {
        return ((validity.get(ValueLayout.JAVA_BYTE, row >>> 3) >>> (row & 7)) & 1) != 0;
    }

    private static long read(MemorySegment values, int row, int width) {
        return switch (width) {
            case 8 -> values.get(ArrowSegments.LONG, (long) row << 3);
            case 4 -> values.get(ArrowSegments.INT, (long) row << 2);
            default -> values.get(SHORT, (long) row << 1);
        };
    }

    @Override
    public CandidatePairs newProbe(boolean firstMatchOnly) {
        return new Probe(firstMatchOnly);
    }

    /** A probe fed keys already widened ({@link Probe#startKeys}): for tables over packed keys. */
    Probe newKeyProbe(boolean firstMatchOnly) {
        return new Probe(firstMatchOnly);
    }

    /** A cursor over one probe batch: the current probe row, its key, and the next chain entry to test. */
    final class Probe implements CandidatePairs {
        private final boolean firstMatchOnly;
        /** The current batch's keys, widened. */
        private long[] batchKeys = new long[0];
        /** Each current probe row's first candidate build row, or -1 (NULL key, filtered out, empty bucket). */
        private int[] firstCandidates = new int[0];
        private int rows;
        private int probeRow;
        private int chain;
        private long key;
        /** Whether this probe tests the filter: until a trial shows that under a quarter of the keys fail it. */
        private boolean filtering = filter != null;
        private int tested;
        private int rejected;

        Probe(boolean firstMatchOnly) {
            this.firstMatchOnly = firstMatchOnly;
        }

        /** The first build row of {@code key}'s bucket, or -1 when the filter (while it pays) rules the key out. */
        private int candidates(long key) {
            if (filtering) {
                boolean pass = mayHave(key);
                if (tested < FILTER_TRIAL) {
                    tested++;
                    rejected += pass ? 0 : 1;
                    if (tested == FILTER_TRIAL && rejected * 4 < tested) {
                        filtering = false;
                    }
                }
                if (!pass) {
                    return -1;
                }
            }
            return headOf(key);
        }

        @Override
        public void start(FieldVector[] probeKeys, int probeRows) {
            assert probeKeys.length == 1 && widthOf(probeKeys[0]) == width : "probe key differs from build key";
            rows = probeRows;
            probeRow = -1;
            chain = -1;
            if (probeRows == 0) {
                return;
            }
            if (batchKeys.length < probeRows) {
                batchKeys = new long[probeRows];
                firstCandidates = new int[probeRows];
            }
            MemorySegment values = ArrowSegments.values(probeKeys[0]);
            MemorySegment validity = ArrowSegments.validity(probeKeys[0]);
            // The whole batch's keys first, one loop per width, then each key's first candidate: the chains are
            // walked only for the rows that have one (in a selective join, few).
            long[] keysOfBatch = batchKeys;
            switch (width) {
                case 8 -> {
                    for (int row = 0; row < probeRows; row++) {
                        keysOfBatch[row] = values.get(ArrowSegments.LONG, (long) row << 3);
                    }
                }
                case 4 -> {
                    for (int row = 0; row < probeRows; row++) {
                        keysOfBatch[row] = values.get(ArrowSegments.INT, (long) row << 2);
                    }
                }
                default -> {
                    for (int row = 0; row < probeRows; row++) {
                        keysOfBatch[row] = values.get(SHORT, (long) row << 1);
                    }
                }
            }
            int[] first = firstCandidates;
            for (int row = 0; row < probeRows; row++) {
                first[row] = validity != null && !isValid(validity, row) ? -1 : candidates(keysOfBatch[row]);
            }
        }

        /**
         * Starts on a batch of {@code probeRows} keys already widened: {@code probeKeys} (kept until the batch is
         * used up), valid where {@code validity} (null: all) says so.
         */
        void startKeys(long[] probeKeys, MemorySegment validity, int probeRows) {
            rows = probeRows;
            probeRow = -1;
            chain = -1;
            batchKeys = probeKeys;
            if (firstCandidates.length < probeRows) {
                firstCandidates = new int[probeRows];
            }
            int[] first = firstCandidates;
            for (int row = 0; row < probeRows; row++) {
                first[row] = validity != null && !isValid(validity, row) ? -1 : candidates(probeKeys[row]);
            }
        }

        @Override
        public int next(int[] probeRows, int[] buildRows, int capacity) {
            int count = 0;
            int row = probeRow;
            int candidate = chain;
            long current = key;
            int[] first = firstCandidates;
            while (count < capacity) {
                if (candidate < 0) {
                    row++;
                    while (row < rows && first[row] < 0) {
                        row++;
                    }
                    if (row >= rows) {
                        row = rows;
                        break;
                    }
                    current = batchKeys[row];
                    candidate = first[row];
                    continue;
                }
                if (keys[candidate] == current) {
                    probeRows[count] = row;
                    buildRows[count] = candidate;
                    count++;
                    if (firstMatchOnly) {
                        candidate = -1;
                        continue;
                    }
                }
                candidate = next[candidate];
            }
            probeRow = row;
            chain = candidate;
            key = current;
            return count;
        }
    }
}
