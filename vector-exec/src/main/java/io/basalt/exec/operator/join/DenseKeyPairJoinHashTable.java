package io.basalt.exec.operator.join;

import io.basalt.exec.kernel.ArrowSegments;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.ExecutorService;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * The join hash table for two integer-like keys where one of them alone is a dense key with few build rows per value:
 * a primary key joined together with a second column, as TPC-H Q5's {@code o_custkey = c_custkey AND s_nationkey =
 * c_nationkey} (one customer per key), or Q9's {@code ps_partkey = l_partkey AND ps_suppkey = l_suppkey} (four
 * suppliers per part). The table indexes that key directly ({@link IntegerJoinHashTable}'s dense buckets, written
 * and read in key order) and keeps the other key's build values beside it; a probe row's candidates are its dense
 * key's rows, kept where the other keys are equal too.
 *
 * <p>The packed pair table ({@link PackedPairJoinHashTable}) would hash a code as wide as both ranges together
 * (Q5's 150,000 customers times 25 nations, Q9's 200,000 parts times 10,000 suppliers): its buckets, twice the rows,
 * are written and read at random, which cost about 100 ns a build row on a shared machine (Q5's customer build took
 * 16-50 ms, about 1.4 ms here).
 *
 * <p>A row with a NULL in either key never matches: such build rows are left out of the table, such probe rows get
 * no candidate.
 */
final class DenseKeyPairJoinHashTable implements JoinHashTable {
    /** The most build rows one value of the indexed key may have (the probe compares the other key on each). */
    static final int MAX_ROWS_PER_KEY = 8;

    /** Which of the two keys (0 or 1) the table indexes. */
    private final int denseKey;
    private final IntegerJoinHashTable table;
    /** The other key's value of each build row, widened. */
    private final long[] otherKeys;
    /** Whether no value of the dense key has two build rows (each probe row then has one candidate at most). */
    private final boolean distinct;

    private DenseKeyPairJoinHashTable(int denseKey, IntegerJoinHashTable table, long[] otherKeys) {
        this.denseKey = denseKey;
        this.table = table;
        this.otherKeys = otherKeys;
        this.distinct = table.hasDistinctDirectKeys();
    }

    /**
     * The table over {@code rows} rows of the two integer-like {@code keys}, indexed by the one whose valid build
     * values are dense with at most {@link #MAX_ROWS_PER_KEY} rows each (the wider-ranged first), or null when neither
     * is (or there are no rows).
     */
    static DenseKeyPairJoinHashTable tryBuild(FieldVector[] keys, int rows, ExecutorService workers) {
        if (rows == 0) {
            return null;
        }
        MemorySegment validity = bothValid(ArrowSegments.validity(keys[0]), ArrowSegments.validity(keys[1]), rows);
        long[] first = IntegerJoinHashTable.readKeys(keys[0], rows);
        long[] second = IntegerJoinHashTable.readKeys(keys[1], rows);
        long firstSpan = denseSpan(first, validity, rows);
        long secondSpan = denseSpan(second, validity, rows);
        // the wider dense range first: more values, fewer rows each
        int[] order = secondSpan > firstSpan ? new int[] {1, 0} : new int[] {0, 1};
        for (int dense : order) {
            if ((dense == 0 ? firstSpan : secondSpan) < 0) {
                continue;
            }
            long[] values = dense == 0 ? first : second;
            long[] others = dense == 0 ? second : first;
            IntegerJoinHashTable table = new IntegerJoinHashTable(8, values, validity, rows, workers);
            if (table.hasDistinctDirectKeys() || table.hasDirectChainsOfAtMost(MAX_ROWS_PER_KEY)) {
                return new DenseKeyPairJoinHashTable(dense, table, others);
            }
        }
        return null;
    }

    /**
     * The span ({@code max - min}) of the valid values among the first {@code rows} of {@code values} when it is narrow
     * enough for {@link IntegerJoinHashTable} to index them directly, else -1 (checked first, so that a key that is not
     * dense costs one pass rather than a hashed table).
     */
    private static long denseSpan(long[] values, MemorySegment validity, int rows) {
        long low = Long.MAX_VALUE;
        long high = Long.MIN_VALUE;
        for (int row = 0; row < rows; row++) {
            if (validity == null || IntegerJoinHashTable.isValid(validity, row)) {
                low = Math.min(low, values[row]);
                high = Math.max(high, values[row]);
            }
        }
        long span = high - low;
        return low <= high && span >= 0 && span < JoinHashTable.bucketCount(rows) ? span : -1;
    }

    /** An Arrow-style bitmap of the rows valid in both bitmaps (null: all valid), or null when both are null. */
    private static MemorySegment bothValid(MemorySegment first, MemorySegment second, int rows) {
        if (first == null && second == null) {
            return null;
        }
        byte[] valid = new byte[(rows + 7) >>> 3];
        for (int row = 0; row < rows; row++) {
            if ((first == null || IntegerJoinHashTable.isValid(first, row))
                    && (second == null || IntegerJoinHashTable.isValid(second, row))) {
                valid[row >>> 3] |= (byte) (1 << (row & 7));
            }
        }
        return MemorySegment.ofArray(valid);
    }

    @Override
    public CandidatePairs newProbe(boolean firstMatchOnly) {
        // with one candidate per probe row its first match is its only one; else every candidate is needed, since the
        // first may differ in the other key
        return new Probe(table.newKeyProbe(firstMatchOnly && distinct), firstMatchOnly && !distinct);
    }

    /** Finds each probe row's candidates by its dense key, then keeps the pairs whose other keys are equal. */
    private final class Probe implements CandidatePairs {
        private final IntegerJoinHashTable.Probe candidates;
        /** Whether to keep only each probe row's first match (where the candidates do not already). */
        private final boolean firstMatchOnly;
        private long[] denseProbeKeys = new long[0];
        private long[] otherProbeKeys = new long[0];
        /** The probe row of the last pair handed out in the current batch, or -1. */
        private int lastMatched = -1;

        Probe(IntegerJoinHashTable.Probe candidates, boolean firstMatchOnly) {
            this.candidates = candidates;
            this.firstMatchOnly = firstMatchOnly;
        }

        @Override
        public void start(FieldVector[] probeKeys, int probeRows) {
            assert probeKeys.length == 2 : "a dense key pair table is probed with two keys";
            grow(probeRows);
            IntegerJoinHashTable.readKeys(probeKeys[denseKey], probeRows, denseProbeKeys);
            IntegerJoinHashTable.readKeys(probeKeys[1 - denseKey], probeRows, otherProbeKeys);
            MemorySegment validity = probeRows == 0 ? null : bothValid(ArrowSegments.validity(probeKeys[0]),
                    ArrowSegments.validity(probeKeys[1]), probeRows);
            candidates.startKeys(denseProbeKeys, validity, probeRows);
            lastMatched = -1;
        }

        /** Reads the keys at their positions, as {@link IntegerJoinHashTable}'s probe does for one key. */
        @Override
        public boolean startAt(FieldVector[] keyColumns, int[] positions, int probeRows) {
            assert keyColumns.length == 2 : "a dense key pair table is probed with two keys";
            FieldVector denseColumn = keyColumns[denseKey];
            FieldVector otherColumn = keyColumns[1 - denseKey];
            if (!hasBitmap(denseColumn) || !hasBitmap(otherColumn)) {
                return false;
            }
            grow(probeRows);
            readKeysAt(denseColumn, positions, probeRows, denseProbeKeys);
            readKeysAt(otherColumn, positions, probeRows, otherProbeKeys);
            MemorySegment validity = null;
            if (ArrowSegments.nullCount(denseColumn) > 0 || ArrowSegments.nullCount(otherColumn) > 0) {
                MemorySegment denseBits = ArrowSegments.of(denseColumn.getValidityBuffer());
                MemorySegment otherBits = ArrowSegments.of(otherColumn.getValidityBuffer());
                byte[] valid = new byte[(probeRows + 7) >>> 3];
                for (int row = 0; row < probeRows; row++) {
                    int position = positions[row];
                    if (IntegerJoinHashTable.isValid(denseBits, position)
                            && IntegerJoinHashTable.isValid(otherBits, position)) {
                        valid[row >>> 3] |= (byte) (1 << (row & 7));
                    }
                }
                validity = MemorySegment.ofArray(valid);
            }
            candidates.startKeys(denseProbeKeys, validity, probeRows);
            lastMatched = -1;
            return true;
        }

        /** Keeps the first of the {@code count} pairs of each probe row (pairs come in probe-row order). */
        private int firstPerProbeRow(int[] probeRows, int[] buildRows, int count) {
            int kept = 0;
            int last = lastMatched;
            for (int k = 0; k < count; k++) {
                int probeRow = probeRows[k];
                if (probeRow != last) {
                    probeRows[kept] = probeRow;
                    buildRows[kept] = buildRows[k];
                    kept++;
                    last = probeRow;
                }
            }
            lastMatched = last;
            return kept;
        }

        private void grow(int probeRows) {
            if (denseProbeKeys.length < probeRows) {
                denseProbeKeys = new long[probeRows];
                otherProbeKeys = new long[probeRows];
            }
        }

        @Override
        public int next(int[] probeRows, int[] buildRows, int capacity) {
            long[] buildOthers = otherKeys;
            long[] probeOthers = otherProbeKeys;
            while (true) {
                int count = candidates.next(probeRows, buildRows, capacity);
                if (count == 0) {
                    return 0;
                }
                // compacted in place without a branch: whether the other keys agree is data, not predictable
                int kept = 0;
                for (int k = 0; k < count; k++) {
                    int probeRow = probeRows[k];
                    int buildRow = buildRows[k];
                    probeRows[kept] = probeRow;
                    buildRows[kept] = buildRow;
                    kept += buildOthers[buildRow] == probeOthers[probeRow] ? 1 : 0;
                }
                if (firstMatchOnly && kept > 0) {
                    kept = firstPerProbeRow(probeRows, buildRows, kept);
                }
                if (kept > 0) {
                    return kept;
                }
            }
        }
    }

    /** Whether {@code column} has a validity bitmap covering its values (readable at any position). */
    private static boolean hasBitmap(FieldVector column) {
        ArrowBuf validity = column.getValidityBuffer();
        return validity.capacity() >= (column.getValueCount() + 7) / 8;
    }

    /** The values of the integer-like {@code column} at {@code positions[0..rows)}, widened into {@code keys}. */
    private static void readKeysAt(FieldVector column, int[] positions, int rows, long[] keys) {
        MemorySegment values = ArrowSegments.values(column);
        // one loop per width, so that no row switches on it
        switch (IntegerJoinHashTable.widthOf(column)) {
            case 8 -> {
                for (int row = 0; row < rows; row++) {
                    keys[row] = values.get(ArrowSegments.LONG, (long) positions[row] << 3);
                }
            }
            case 4 -> {
                for (int row = 0; row < rows; row++) {
                    keys[row] = values.get(ArrowSegments.INT, (long) positions[row] << 2);
                }
            }
            default -> {
                for (int row = 0; row < rows; row++) {
                    keys[row] = JoinKeySet.read(values, positions[row], 2);
                }
            }
        }
    }
}
