package io.basalt.exec.operator.join;

import io.basalt.exec.vector.KeyHashing;
import io.basalt.exec.vector.ValueComparison;
import org.apache.arrow.vector.FieldVector;


/**
 * Hashing and equality of join keys of any type and number, the same on both sides of a join: values
 * that are equal in PostgreSQL's sense hash alike (-0 and 0, every NaN, 1.0 and 1.00 as NUMERIC). A row
 * with a NULL in any key column can match nothing; {@link #hash} flags it instead of hashing it.
 */
final class JoinKeyHashing {
    private JoinKeyHashing() {
    }

    /**
     * Writes the combined hash of the key columns of rows {@code [0, rows)} into {@code hashes}, and sets
     * {@code nullKey[row]} for the rows with a NULL key (which match nothing).
     */
    static void hash(FieldVector[] keys, int rows, long[] hashes, boolean[] nullKey) {
        java.util.Arrays.fill(hashes, 0, rows, KeyHashing.SEED);
        java.util.Arrays.fill(nullKey, 0, rows, false);
        long[] scratch = new long[rows];
        for (FieldVector column : keys) {
            if (column.getNullCount() > 0) {
                for (int i = 0; i < rows; i++) {
                    nullKey[i] |= column.isNull(i);
                }
            }
            KeyHashing.hashColumn(column, rows, hashes, scratch);
        }
    }

    /** Whether row {@code i} of {@code probe} and row {@code j} of {@code build} hold equal, non-null keys. */
    static boolean keysEqual(FieldVector[] probe, int i, FieldVector[] build, int j) {
        for (int k = 0; k < probe.length; k++) {
            if (ValueComparison.compare(probe[k], i, build[k], j) != 0) {
                return false;
            }
        }
        return true;
    }
}
