package io.basalt.exec.operator.join;

import io.basalt.exec.vector.KeyHashing;

import io.basalt.exec.kernel.ArrowSegments;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
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
 * <p>A table also keeps a bitmap which a probe tests first: in a selective join (TPC-H Q3 keeps 1% of its 3.2
 * million probe rows) most probe keys are turned away by a bitmap that stays in the cache, without touching the
 * bucket array and the keys, which do not. Where the keys' range is narrow enough (at most {@link #RANGE_FILTER_BITS}
 * values, or {@link #RANGE_BITS_PER_ROW} per build row) the bitmap has one exact bit per value of {@code [min, max]}
 * (for dense keys 32 times smaller than the bucket array and written in key order), whatever the table's size: a
 * small build over a wider range (Q8's 1,451 parts among 200,000 part keys) then sends only the probe keys it really
 * holds to its buckets, instead of the third whose bucket is merely not empty, each a key comparison that mispredicts.
 * Otherwise a table of {@link #HASHED_FILTER_ROWS} rows or more keeps about 8 bits per build row, two bits per key's
 * hash in one 64-bit word (one cache line per probe; about 1 key in 20 that the build lacks still passes). A probe
 * whose first keys mostly pass stops testing it. {@code -Dbasalt.join_range_filters=off} keeps the earlier rule
 * (exact bits for dense keys, one bit per hash, both from 65,536 rows).
 *
 * <p>A table with an exact range bitmap whose keys are too sparse to index directly (TPC-H Q3's 147,000 orders, Q5's
 * 228,000, over 6 million order keys) is ranked: a key's bucket is its rank among the distinct build keys (the set
 * bits of the bitmap below its own, from a running count per 64-bit word), so that buckets are as many as the
 * distinct keys, are written and read in key order, and hold one key value each, with no hashing. The probe tests
 * the key's bit first anyway. {@code -Dbasalt.ranked_join_tables=off} hashes them as before.
 *
 * <p>Direct and ranked buckets hold one key value each, so their chains are walked without comparing keys; a build
 * whose keys are all distinct (a primary key: orders, customer, part, supplier) has no chain longer than one, which
 * the probe then does not follow.
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
    /** Whether {@link #filter} has one exact bit per value of {@code [min, max]} (else one pair of bits per hash). */
    private final boolean rangeFilter;
    /** Whether two valid build rows share a key (some chain is longer than one row). */
    private final boolean repeatedKeys;
    /**
     * For a ranked table (see the class comment), per word of the range {@link #filter}: how many bits the words before
     * it have set, so that a present key's bucket is its rank among the build's distinct keys; null otherwise.
     */
    private final int[] ranks;

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
        boolean narrow = rows > 0 && low <= high && span >= 0
                && (RANGE_FILTERS
                        ? span < Math.max(RANGE_FILTER_BITS, RANGE_BITS_PER_ROW * rows) && rows >= RANGE_FILTER_ROWS
                        : direct && rows >= FILTER_ROWS);
        if (narrow) {
            // one bit per value of the range: exact; a direct table sets them while its chains are built, in key order
            filter = new long[(int) (span >>> 6) + 1];
            filterMask = 0;
            rangeFilter = true;
            if (!direct) {
                for (int row = 0; row < rows; row++) {
                    if (validity == null || isValid(validity, row)) {
                        long offset = keys[row] - low;
                        filter[(int) (offset >>> 6)] |= 1L << offset;
                    }
                }
            }
        } else if (rows >= (RANGE_FILTERS ? HASHED_FILTER_ROWS : FILTER_ROWS) && !direct) {
            // 8 bits per build row
            int words = Integer.highestOneBit(Math.max(rows / 8, 1)) * 2;
            filter = new long[words];
            filterMask = words - 1;
            rangeFilter = false;
            for (int row = 0; row < rows; row++) {
                if (validity == null || isValid(validity, row)) {
                    long hash = KeyHashing.mix(keys[row]);
                    filter[filterSlot(hash, filterMask)] |= filterBits(hash);
                }
            }
        } else {
            filter = null;
            filterMask = 0;
            rangeFilter = false;
        }
        ranks = RANKED && rangeFilter && !direct ? ranksOf(filter) : null;
        heads = new int[direct ? (int) span + 1
                : ranks != null ? ranks[ranks.length - 1] + Long.bitCount(filter[filter.length - 1])
                : JoinHashTable.bucketCount(rows)];
        mask = ranks != null ? 0 : heads.length - 1;
        Arrays.fill(heads, -1);
        // Chains by slot range: with workers, the upper half of the slots is offered to them (disjoint heads, next
        // entries and, at a multiple of 64, bitmap words), the calling thread takes the lower half.
        int slots = heads.length;
        if (workers != null && rows >= PARALLEL_ROWS) {
            int split = (slots / 2) & ~63;
            long[] keyValues = keys;
            int[] chainNext = next;
            int[] chainHeads = heads;
            long[] present = direct || ranks != null ? filter : null;
            int[] presentRanks = ranks;
            long base = low;
            int bucketMask = mask;
            boolean byKey = direct;
            boolean[] upperRepeats = new boolean[1];
            OfferedTask upper = OfferedTask.offer(() -> upperRepeats[0] = insertChains(keyValues, chainNext, chainHeads,
                    validity, rows, byKey, base, bucketMask, present, presentRanks, split, slots), workers);
            boolean lowerRepeats = insertChains(keys, next, heads, validity, rows, direct, low, mask,
                    present, ranks, 0, split);
            upper.complete();
            repeatedKeys = lowerRepeats || upperRepeats[0] || !direct && ranks == null;
        } else {
            boolean chained = insertChains(keys, next, heads, validity, rows, direct, low, mask,
                    direct || ranks != null ? filter : null, ranks, 0, slots);
            // a hashed bucket may chain different keys: only direct and ranked tables know their keys distinct from this
            repeatedKeys = chained || !direct && ranks == null;
        }
    }

    /**
     * Whether a hashed table with an exact range bitmap indexes its buckets by the keys' ranks instead
     * ({@code -Dbasalt.ranked_join_tables=off}: hashed as before).
     */
    private static final boolean RANKED = !"off".equals(System.getProperty("basalt.ranked_join_tables"));

    /** Per word of {@code bits}, the number of bits set in the words before it. */
    private static int[] ranksOf(long[] bits) {
        int[] ranks = new int[bits.length];
        int total = 0;
        for (int word = 0; word < bits.length; word++) {
            ranks[word] = total;
            total += Long.bitCount(bits[word]);
        }
        return ranks;
    }

    /** The number of bits of {@code bits} set below bit {@code offset} (which must lie inside it). */
    private static int rank(long[] bits, int[] ranks, long offset) {
        int word = (int) (offset >>> 6);
        return ranks[word] + Long.bitCount(bits[word] & ((1L << offset) - 1));
    }

    /** Whether buckets are indexed by key and no two valid build rows share a key: each key has one row at most. */
    boolean hasDistinctDirectKeys() {
        return direct && !repeatedKeys;
    }

    /** Whether buckets are indexed by key and no key has more than {@code limit} valid build rows. */
    boolean hasDirectChainsOfAtMost(int limit) {
        if (!direct) {
            return false;
        }
        for (int head : heads) {
            int length = 0;
            for (int row = head; row >= 0 && length <= limit; row = next[row]) {
                length++;
            }
            if (length > limit) {
                return false;
            }
        }
        return true;
    }

    /** Build sides from this many rows build their chains on two threads when the query has workers. */
    private static final int PARALLEL_ROWS = 1 << 17;

    /**
     * Chains the valid rows whose slot (key - {@code low} when {@code direct}, else the masked hash) lies in
     * {@code [fromSlot, toSlot)}, last row first, so that each chain lists its rows in build order; for direct keys
     * also sets their bits in {@code present} (when not null). Returns whether some row was chained to another.
     */
    private static boolean insertChains(long[] keys, int[] next, int[] heads, MemorySegment validity, int rows,
                                        boolean direct, long low, int mask, long[] present, int[] ranks, int fromSlot,
                                        int toSlot) {
        int chained = -1;
        if (ranks != null) {
            // the slot of a key is its rank among the distinct keys (the range bitmap is already complete)
            for (int row = rows - 1; row >= 0; row--) {
                if (validity != null && !isValid(validity, row)) {
                    continue;
                }
                int slot = rank(present, ranks, keys[row] - low);
                if (slot < fromSlot || slot >= toSlot) {
                    continue;
                }
                int head = heads[slot];
                next[row] = head;
                chained &= head;
                heads[slot] = row;
            }
            return chained >= 0;
        }
        if (direct) {
            for (int row = rows - 1; row >= 0; row--) {
                if (validity != null && !isValid(validity, row)) {
                    continue;
                }
                int offset = (int) (keys[row] - low);
                if (offset < fromSlot || offset >= toSlot) {
                    continue;
                }
                int head = heads[offset];
                next[row] = head;
                chained &= head;
                heads[offset] = row;
                if (present != null) {
                    present[offset >>> 6] |= 1L << offset;
                }
            }
            return chained >= 0;
        }
        for (int row = rows - 1; row >= 0; row--) {
            if (validity != null && !isValid(validity, row)) {
                continue;
            }
            int bucket = (int) KeyHashing.mix(keys[row]) & mask;
            if (bucket < fromSlot || bucket >= toSlot) {
                continue;
            }
            int head = heads[bucket];
            next[row] = head;
            chained &= head;
            heads[bucket] = row;
        }
        return chained >= 0;
    }

    /** The earlier rule: build sides from this many rows keep a {@link #filter}. */
    private static final int FILTER_ROWS = 1 << 16;

    /** Hashed tables from this many rows keep a hashed {@link #filter}: smaller ones stay in the cache anyway. */
    private static final int HASHED_FILTER_ROWS = 1 << 14;

    /** A range bitmap of up to this many bits (256 KiB) is kept even where it has more than 8 bits per build row. */
    private static final long RANGE_FILTER_BITS = 1L << 21;

    /**
     * A range bitmap is kept where it has at most this many bits per build row (8 bytes a row, what the bucket array
     * takes): exact, and read in order by probe keys that arrive clustered (TPC-H Q3's 147,000 orders over a range of
     * 6 million keys, probed by lineitem in order key order, went through the hashed bitmap's random words before, 13%
     * of the query). {@code -Dbasalt.join_range_bits_per_row=8} restores the earlier limit.
     */
    private static final long RANGE_BITS_PER_ROW = Long.getLong("basalt.join_range_bits_per_row", 64);

    /** Builds from this many rows keep a range bitmap. */
    private static final int RANGE_FILTER_ROWS = 256;

    /** Whether the range and two-bit filters are on ({@code -Dbasalt.join_range_filters=off}: the earlier rule). */
    private static final boolean RANGE_FILTERS = !"off".equals(System.getProperty("basalt.join_range_filters"));

    /** The filter bits of a key's hash: two of the word's 64 under the new rule, one under the earlier one. */
    private static long filterBits(long hash) {
        return RANGE_FILTERS ? 1L << (hash >>> 40) | 1L << (hash >>> 46) : 1L << (hash >>> 40);
    }

    /** The word of the filter for a hash: bits other than those choosing the bucket or the bit. */
    private static int filterSlot(long hash, int filterMask) {
        return (int) (hash >>> 20) & filterMask;
    }

    /**
     * Whether probes of direct tables walk chains without comparing keys and take distinct keys' single candidates
     * straight ({@code -Dbasalt.direct_join_chains=off}: compare like hashed tables).
     */
    private static final boolean DIRECT_CHAINS = !"off".equals(System.getProperty("basalt.direct_join_chains"));

    /** Probe keys a probe tests against the filter before it judges whether the filter pays. */
    private static final int FILTER_TRIAL = 8192;

    /** The first build row of {@code key}'s bucket, or -1. */
    private int headOf(long key) {
        if (direct) {
            return key < min || key > max ? -1 : heads[(int) (key - min)];
        }
        if (ranks != null) {
            // a key absent from the bitmap would take its next present neighbour's bucket: tested first
            long offset = key - min;
            return key < min || key > max || (filter[(int) (offset >>> 6)] & (1L << offset)) == 0 ? -1
                    : heads[rank(filter, ranks, offset)];
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

        /**
         * Sets {@code first[row]} to the first build row of the bucket of {@code probeKeys[row]}, or -1 when the key is
         * NULL (per {@code validity}; null: none is) or the filter (while it pays) rules it out. One loop per kind of
         * filter, so that no row switches on it.
         */
        private void firstCandidates(long[] probeKeys, MemorySegment validity, int probeRows, int[] first) {
            if (!filtering) {
                for (int row = 0; row < probeRows; row++) {
                    first[row] = validity != null && !isValid(validity, row) ? -1 : headOf(probeKeys[row]);
                }
                return;
            }
            int failed = 0;
            long[] bits = filter;
            if (rangeFilter) {
                // one loop per kind of table (direct, ranked, hashed): with the kind tested per row, each table kind
                // a new query brought trapped the compiled loop (profile_predicate) and had it compiled again
                long low = min;
                long span = max - min;
                if (direct) {
                    for (int row = 0; row < probeRows; row++) {
                        long offset = probeKeys[row] - low;
                        boolean pass = passesRange(bits, offset, span);
                        failed += pass ? 0 : 1;
                        first[row] = !pass || validity != null && !isValid(validity, row) ? -1 : heads[(int) offset];
                    }
                } else if (ranks != null) {
                    for (int row = 0; row < probeRows; row++) {
                        long offset = probeKeys[row] - low;
                        boolean pass = passesRange(bits, offset, span);
                        failed += pass ? 0 : 1;
                        first[row] = !pass || validity != null && !isValid(validity, row) ? -1
                                : heads[rank(bits, ranks, offset)];
                    }
                } else {
                    for (int row = 0; row < probeRows; row++) {
                        long offset = probeKeys[row] - low;
                        boolean pass = passesRange(bits, offset, span);
                        failed += pass ? 0 : 1;
                        first[row] = !pass || validity != null && !isValid(validity, row) ? -1
                                : heads[(int) KeyHashing.mix(probeKeys[row]) & mask];
                    }
                }
            } else {
                int words = filterMask;
                for (int row = 0; row < probeRows; row++) {
                    long hash = KeyHashing.mix(probeKeys[row]);
                    long wanted = filterBits(hash);
                    boolean pass = (bits[filterSlot(hash, words)] & wanted) == wanted;
                    failed += pass ? 0 : 1;
                    first[row] = !pass || validity != null && !isValid(validity, row) ? -1 : heads[(int) hash & mask];
                }
            }
            if (tested < FILTER_TRIAL) {
                tested += probeRows;
                rejected += failed;
                if (tested >= FILTER_TRIAL && rejected * 4L < tested) {
                    filtering = false;
                }
            }
        }

        /** Whether {@code offset} (a key minus the build's minimum) is within the span and set in the range bitmap. */
        private static boolean passesRange(long[] bits, long offset, long span) {
            return offset >= 0 && offset <= span && (bits[(int) (offset >>> 6)] & (1L << offset)) != 0;
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
            firstCandidates(keysOfBatch, validity, probeRows, firstCandidates);
        }

        /**
         * Reads the keys at their positions (a selective join's few rows of a batch: no key vector is allocated and
         * gathered per batch) and marks NULL keys from their validity bits there, without counting the vector's NULLs.
         */
        @Override
        public boolean startAt(FieldVector[] keyColumns, int[] positions, int probeRows) {
            FieldVector keyColumn = keyColumns[0];
            assert keyColumns.length == 1 && widthOf(keyColumn) == width : "probe key differs from build key";
            ArrowBuf validityBuffer = keyColumn.getValidityBuffer();
            if (validityBuffer.capacity() < (keyColumn.getValueCount() + 7) / 8) {
                return false;
            }
            rows = probeRows;
            probeRow = -1;
            chain = -1;
            if (probeRows == 0) {
                return true;
            }
            if (batchKeys.length < probeRows) {
                batchKeys = new long[probeRows];
                firstCandidates = new int[probeRows];
            }
            MemorySegment values = ArrowSegments.values(keyColumn);
            long[] keysOfBatch = batchKeys;
            switch (width) {
                case 8 -> {
                    for (int row = 0; row < probeRows; row++) {
                        keysOfBatch[row] = values.get(ArrowSegments.LONG, (long) positions[row] << 3);
                    }
                }
                case 4 -> {
                    for (int row = 0; row < probeRows; row++) {
                        keysOfBatch[row] = values.get(ArrowSegments.INT, (long) positions[row] << 2);
                    }
                }
                default -> {
                    for (int row = 0; row < probeRows; row++) {
                        keysOfBatch[row] = values.get(SHORT, (long) positions[row] << 1);
                    }
                }
            }
            firstCandidates(keysOfBatch, null, probeRows, firstCandidates);
            MemorySegment validity = ArrowSegments.of(validityBuffer);
            int[] first = firstCandidates;
            for (int row = 0; row < probeRows; row++) {
                if (!isValid(validity, positions[row])) {
                    first[row] = -1;
                }
            }
            return true;
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
            firstCandidates(probeKeys, validity, probeRows, firstCandidates);
        }

        @Override
        public int next(int[] probeRows, int[] buildRows, int capacity) {
            if (!DIRECT_CHAINS || !direct && ranks == null) {
                return nextComparing(probeRows, buildRows, capacity);
            }
            if (!repeatedKeys || firstMatchOnly) {
                return nextFirsts(probeRows, buildRows, capacity);
            }
            // direct and ranked buckets: every row of a chain has the probe key
            int count = 0;
            int row = probeRow;
            int candidate = chain;
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
                    candidate = first[row];
                }
                probeRows[count] = row;
                buildRows[count] = candidate;
                count++;
                candidate = next[candidate];
            }
            probeRow = row;
            chain = candidate;
            return count;
        }

        /** {@link #next} of a direct or ranked table where each probe row has at most one partner: its first candidate. */
        private int nextFirsts(int[] probeRows, int[] buildRows, int capacity) {
            int count = 0;
            int row = probeRow + 1;
            int[] first = firstCandidates;
            int end = rows;
            for (; row < end && count < capacity; row++) {
                int candidate = first[row];
                probeRows[count] = row;
                buildRows[count] = candidate;
                count += candidate >= 0 ? 1 : 0;
            }
            probeRow = row - 1;
            chain = -1;
            return count;
        }

        /** {@link #next} for hashed buckets, whose chains may hold other keys. */
        private int nextComparing(int[] probeRows, int[] buildRows, int capacity) {
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
