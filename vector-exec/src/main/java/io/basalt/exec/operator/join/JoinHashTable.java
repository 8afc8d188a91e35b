package io.basalt.exec.operator.join;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;

/**
 * The hash table over a join's build keys: from a key to every build row holding it (duplicates chain
 * in build-row order). Rows with a NULL key are left out, since they can match nothing. The table is
 * built once, then shared read-only by the probes, each of which asks for its own cursor.
 */
sealed interface JoinHashTable permits IntegerJoinHashTable, GenericJoinHashTable, PackedPairJoinHashTable,
        DenseKeyPairJoinHashTable {
    /**
     * A cursor that enumerates the pairs of equal keys of one probe batch at a time. With
     * {@code firstMatchOnly} each probe row yields at most one pair (enough for SEMI and ANTI joins).
     */
    CandidatePairs newProbe(boolean firstMatchOnly);

    /**
     * A table over {@code rows} build rows whose keys are {@code keys} (vectors that must outlive the
     * table): the primitive one for a single integer-like key; for two integer-like keys, the dense key one when
     * one of them is dense with few rows per value, else the packed one when their ranges fit one code; the generic
     * one otherwise.
     */
    static JoinHashTable build(FieldVector[] keys, int rows) {
        return build(keys, rows, null);
    }

    /** {@link #build(FieldVector[], int)}, with part of an integer table's work offered to {@code workers}. */
    static JoinHashTable build(FieldVector[] keys, int rows, java.util.concurrent.ExecutorService workers) {
        if (keys.length == 1 && isIntegerLike(keys[0])) {
            return new IntegerJoinHashTable(keys[0], rows, workers);
        }
        if (DENSE_KEY_PAIRS && keys.length == 2 && isIntegerLike(keys[0]) && isIntegerLike(keys[1])) {
            JoinHashTable dense = DenseKeyPairJoinHashTable.tryBuild(keys, rows, workers);
            if (dense != null) {
                return dense;
            }
        }
        if (PACK_PAIRS && keys.length == 2 && isIntegerLike(keys[0]) && isIntegerLike(keys[1])) {
            JoinHashTable packed = PackedPairJoinHashTable.tryBuild(keys, rows, workers);
            if (packed != null) {
                return packed;
            }
        }
        return new GenericJoinHashTable(keys, rows);
    }

    private static boolean isIntegerLike(FieldVector vector) {
        return vector instanceof BigIntVector || vector instanceof IntVector || vector instanceof DateDayVector
                || vector instanceof SmallIntVector;
    }

    /** Whether two integer-like keys are packed into one ({@code -Dbasalt.pack_join_pairs=off} keeps the generic table). */
    boolean PACK_PAIRS = !"off".equals(System.getProperty("basalt.pack_join_pairs"));

    /**
     * Whether two integer-like keys of which one is dense with few rows per value are joined through that one, the
     * other compared on its candidates ({@code -Dbasalt.dense_key_pairs=off}: packed or generic tables as before).
     */
    boolean DENSE_KEY_PAIRS = !"off".equals(System.getProperty("basalt.dense_key_pairs"));

    /** The number of buckets for {@code rows} keys: a power of two, at least twice the rows. */
    static int bucketCount(int rows) {
        int buckets = 16;
        while (buckets < rows * 2L && buckets < (1 << 30)) {
            buckets <<= 1;
        }
        return buckets;
    }
}
