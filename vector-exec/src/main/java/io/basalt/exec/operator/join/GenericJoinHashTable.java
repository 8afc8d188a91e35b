package io.basalt.exec.operator.join;

import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;

/**
 * The join hash table for any keys (several columns, text, doubles, booleans, wide NUMERIC): each build
 * row's combined key hash is kept, buckets chain through build-row indices, and a candidate is checked by
 * its full hash before its values are compared.
 */
final class GenericJoinHashTable implements JoinHashTable {
    private final FieldVector[] buildKeys;
    private final long[] hashes;
    /** The next build row in the same bucket, or -1. */
    private final int[] next;
    /** The first build row of each bucket, or -1. */
    private final int[] heads;
    private final int mask;

    GenericJoinHashTable(FieldVector[] buildKeys, int rows) {
        this.buildKeys = buildKeys.clone();
        hashes = new long[rows];
        next = new int[rows];
        heads = new int[JoinHashTable.bucketCount(rows)];
        mask = heads.length - 1;
        Arrays.fill(heads, -1);
        boolean[] nullKey = new boolean[rows];
        JoinKeyHashing.hash(this.buildKeys, rows, hashes, nullKey);
        // Inserted last row first, so that each chain lists its rows in build order.
        for (int row = rows - 1; row >= 0; row--) {
            if (nullKey[row]) {
                continue;
            }
            int bucket = bucket(hashes[row]);
            next[row] = heads[bucket];
            heads[bucket] = row;
        }
    }

    private int bucket(long hash) {
        return (int) (hash ^ (hash >>> 32)) & mask;
    }

    @Override
    public CandidatePairs newProbe(boolean firstMatchOnly) {
        return new Probe(firstMatchOnly);
    }

    /** A cursor over one probe batch, with the batch's key hashes computed up front. */
    private final class Probe implements CandidatePairs {
        private final boolean firstMatchOnly;
        private FieldVector[] probeKeys;
        private long[] probeHashes = new long[0];
        private boolean[] probeNull = new boolean[0];
        private int rows;
        private int probeRow;
        private int chain;

        Probe(boolean firstMatchOnly) {
            this.firstMatchOnly = firstMatchOnly;
        }

        @Override
        public void start(FieldVector[] keys, int probeRows) {
            assert keys.length == buildKeys.length : "probe and build key counts differ";
            probeKeys = keys;
            rows = probeRows;
            if (probeHashes.length < probeRows) {
                probeHashes = new long[probeRows];
                probeNull = new boolean[probeRows];
            }
            JoinKeyHashing.hash(keys, probeRows, probeHashes, probeNull);
            probeRow = -1;
            chain = -1;
        }

        @Override
        public int next(int[] probeRows, int[] buildRows, int capacity) {
            int count = 0;
            int row = probeRow;
            int candidate = chain;
            while (count < capacity) {
                if (candidate < 0) {
                    if (row + 1 >= rows) {
                        row = rows;
                        break;
                    }
                    row++;
                    if (!probeNull[row]) {
                        candidate = heads[bucket(probeHashes[row])];
                    }
                    continue;
                }
                if (hashes[candidate] == probeHashes[row]
                        && JoinKeyHashing.keysEqual(probeKeys, row, buildKeys, candidate)) {
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
            return count;
        }
    }
}
