package io.basalt.exec.operator.join;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.ExecutorService;
import org.apache.arrow.vector.FieldVector;

/**
 * The join hash table for two integer-like keys (TPC-H Q7's {@code l_suppkey = s_suppkey AND n_nationkey =
 * s_nationkey}, Q9's partsupp pair) whose build values, less their minimum, fit one 62-bit code together: each row's
 * pair is packed into one {@code long} ({@code (first - min1) << shift | (second - min2)}) and the pairs go to an
 * {@link IntegerJoinHashTable}, so that a candidate is one long comparison (and dense codes index their buckets
 * directly) instead of the generic table's hashing and comparing of both columns. A probe pair with a value outside
 * the build's range of that key cannot match and is treated as a NULL key; a row with a NULL in either key never
 * matches, as in the generic table.
 */
final class PackedPairJoinHashTable implements JoinHashTable {
    private final long firstMin;
    private final long firstMax;
    private final long secondMin;
    private final long secondMax;
    private final int shift;
    private final IntegerJoinHashTable packed;

    private PackedPairJoinHashTable(long firstMin, long firstMax, long secondMin, long secondMax, int shift,
                                    IntegerJoinHashTable packed) {
        this.firstMin = firstMin;
        this.firstMax = firstMax;
        this.secondMin = secondMin;
        this.secondMax = secondMax;
        this.shift = shift;
        this.packed = packed;
    }

    /**
     * The packed table over {@code rows} rows of the two integer-like {@code keys}, or null when the two ranges do
     * not fit one code together (the caller then uses the generic table).
     */
    static PackedPairJoinHashTable tryBuild(FieldVector[] keys, int rows, ExecutorService workers) {
        long[] first = IntegerJoinHashTable.readKeys(keys[0], rows);
        long[] second = IntegerJoinHashTable.readKeys(keys[1], rows);
        byte[] valid = new byte[(rows + 7) >>> 3];
        MemorySegment firstValidity = rows == 0 ? null : io.basalt.exec.kernel.ArrowSegments.validity(keys[0]);
        MemorySegment secondValidity = rows == 0 ? null : io.basalt.exec.kernel.ArrowSegments.validity(keys[1]);
        long firstLow = Long.MAX_VALUE;
        long firstHigh = Long.MIN_VALUE;
        long secondLow = Long.MAX_VALUE;
        long secondHigh = Long.MIN_VALUE;
        for (int row = 0; row < rows; row++) {
            if ((firstValidity == null || IntegerJoinHashTable.isValid(firstValidity, row))
                    && (secondValidity == null || IntegerJoinHashTable.isValid(secondValidity, row))) {
                valid[row >>> 3] |= (byte) (1 << (row & 7));
                firstLow = Math.min(firstLow, first[row]);
                firstHigh = Math.max(firstHigh, first[row]);
                secondLow = Math.min(secondLow, second[row]);
                secondHigh = Math.max(secondHigh, second[row]);
            }
        }
        if (firstLow > firstHigh) {
            // no row has both keys: any table matches nothing
            firstLow = firstHigh = secondLow = secondHigh = 0;
        }
        long firstSpan = firstHigh - firstLow;
        long secondSpan = secondHigh - secondLow;
        if (firstSpan < 0 || secondSpan < 0) {
            return null;
        }
        int secondBits = 64 - Long.numberOfLeadingZeros(secondSpan);
        int firstBits = 64 - Long.numberOfLeadingZeros(firstSpan);
        if (firstBits + secondBits > 62) {
            return null;
        }
        long[] codes = first;
        for (int row = 0; row < rows; row++) {
            codes[row] = (first[row] - firstLow) << secondBits | (second[row] - secondLow);
        }
        IntegerJoinHashTable table = new IntegerJoinHashTable(8, codes, MemorySegment.ofArray(valid), rows, workers);
        return new PackedPairJoinHashTable(firstLow, firstHigh, secondLow, secondHigh, secondBits, table);
    }

    @Override
    public CandidatePairs newProbe(boolean firstMatchOnly) {
        return new Probe(packed.newKeyProbe(firstMatchOnly));
    }

    /**
     * Packs each probe batch's pairs, then lets the integer table's probe find their candidates. A pair that cannot
     * match (a NULL, or a value outside the build's range of its key) gets the code -1, which no build row has (their
     * codes are not negative).
     */
    private final class Probe implements CandidatePairs {
        private final IntegerJoinHashTable.Probe codes;
        private long[] batchCodes = new long[0];
        private long[] secondKeys = new long[0];

        Probe(IntegerJoinHashTable.Probe codes) {
            this.codes = codes;
        }

        @Override
        public void start(FieldVector[] probeKeys, int probeRows) {
            assert probeKeys.length == 2 : "a packed pair table is probed with two keys";
            if (batchCodes.length < probeRows) {
                batchCodes = new long[probeRows];
                secondKeys = new long[probeRows];
            }
            long[] out = IntegerJoinHashTable.readKeys(probeKeys[0], probeRows, batchCodes);
            long[] second = IntegerJoinHashTable.readKeys(probeKeys[1], probeRows, secondKeys);
            MemorySegment firstValidity = probeRows == 0 ? null
                    : io.basalt.exec.kernel.ArrowSegments.validity(probeKeys[0]);
            MemorySegment secondValidity = probeRows == 0 ? null
                    : io.basalt.exec.kernel.ArrowSegments.validity(probeKeys[1]);
            for (int row = 0; row < probeRows; row++) {
                long a = out[row];
                long b = second[row];
                boolean inRange = a >= firstMin && a <= firstMax && b >= secondMin && b <= secondMax;
                out[row] = inRange ? (a - firstMin) << shift | (b - secondMin) : -1;
            }
            if (firstValidity != null || secondValidity != null) {
                for (int row = 0; row < probeRows; row++) {
                    if (firstValidity != null && !IntegerJoinHashTable.isValid(firstValidity, row)
                            || secondValidity != null && !IntegerJoinHashTable.isValid(secondValidity, row)) {
                        out[row] = -1;
                    }
                }
            }
            codes.startKeys(out, null, probeRows);
        }

        @Override
        public int next(int[] probeRows, int[] buildRows, int capacity) {
            return codes.next(probeRows, buildRows, capacity);
        }
    }
}
