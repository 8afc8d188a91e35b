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

    IntegerJoinHashTable(FieldVector keyColumn, int rows) {
        width = widthOf(keyColumn);
        keys = new long[rows];
        next = new int[rows];
        heads = new int[JoinHashTable.bucketCount(rows)];
        mask = heads.length - 1;
        Arrays.fill(heads, -1);
        if (rows == 0) {
            return;
        }
        MemorySegment values = ArrowSegments.values(keyColumn);
        MemorySegment validity = ArrowSegments.validity(keyColumn);
        // Inserted last row first, so that each chain lists its rows in build order.
        for (int row = rows - 1; row >= 0; row--) {
            if (validity != null && !isValid(validity, row)) {
                continue;
            }
            long key = read(values, row, width);
            keys[row] = key;
            int bucket = (int) KeyHashing.mix(key) & mask;
            next[row] = heads[bucket];
            heads[bucket] = row;
        }
    }

    private static int widthOf(FieldVector vector) {
        if (vector instanceof BigIntVector) {
            return 8;
        }
        return vector instanceof SmallIntVector ? 2 : 4;
    }

    private static boolean isValid(MemorySegment validity, int row) {
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

    /** A cursor over one probe batch: the current probe row, its key, and the next chain entry to test. */
    private final class Probe implements CandidatePairs {
        private final boolean firstMatchOnly;
        private MemorySegment values;
        private MemorySegment validity;
        private int rows;
        private int probeRow;
        private int chain;
        private long key;

        Probe(boolean firstMatchOnly) {
            this.firstMatchOnly = firstMatchOnly;
        }

        @Override
        public void start(FieldVector[] probeKeys, int probeRows) {
            assert probeKeys.length == 1 && widthOf(probeKeys[0]) == width : "probe key differs from build key";
            rows = probeRows;
            values = probeRows == 0 ? null : ArrowSegments.values(probeKeys[0]);
            validity = probeRows == 0 ? null : ArrowSegments.validity(probeKeys[0]);
            probeRow = -1;
            chain = -1;
        }

        @Override
        public int next(int[] probeRows, int[] buildRows, int capacity) {
            int count = 0;
            int row = probeRow;
            int candidate = chain;
            long current = key;
            while (count < capacity) {
                if (candidate < 0) {
                    if (row + 1 >= rows) {
                        row = rows;
                        break;
                    }
                    row++;
                    if (validity != null && !isValid(validity, row)) {
                        continue;
                    }
                    current = read(values, row, width);
                    candidate = heads[(int) KeyHashing.mix(current) & mask];
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
