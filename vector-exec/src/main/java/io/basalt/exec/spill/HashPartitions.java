package io.basalt.exec.spill;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.memory.QueryMemory;
import io.basalt.exec.vector.KeyHashing;
import io.basalt.exec.vector.VectorGather;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Rows spilled by a hash operator, split into {@link #COUNT} partitions by the hash of their keys (radix
 * partitioning: four bits of the hash per level), so that each partition can later be processed on its own
 * within the memory budget, and rows with equal keys always land in the same partition. A partition that is
 * still too large is split again one level down, on four other bits (each level mixes the hash with its own
 * seed first). Each partition is a list of spill files: a parallel worker's files join the global state's.
 */
public final class HashPartitions implements AutoCloseable {
    /** Partitions per level. */
    public static final int COUNT = 16;
    /** Levels of re-partitioning before giving up (a partition of one key repeated cannot be split). */
    public static final int MAX_LEVEL = 8;

    private final String purpose;
    private final int level;
    private final List<List<SpillFile>> files = new ArrayList<>(COUNT);
    private final SpillFile[] writing = new SpillFile[COUNT];

    public HashPartitions(String purpose, int level) {
        this.purpose = purpose;
        this.level = level;
        for (int p = 0; p < COUNT; p++) {
            files.add(new ArrayList<>());
        }
    }

    public int level() {
        return level;
    }

    /**
     * The partition of each of the first {@code rows} rows of {@code keys} at {@code level} (the same hash as the
     * aggregation's and join's tables use, so NULLs and equal numerics of different scales agree).
     */
    public static int[] partitionsOf(FieldVector[] keys, int rows, int level) {
        long[] hashes = new long[rows];
        long[] scratch = new long[rows];
        java.util.Arrays.fill(hashes, KeyHashing.SEED);
        for (FieldVector key : keys) {
            KeyHashing.hashColumn(key, rows, hashes, scratch);
        }
        int[] partitions = new int[rows];
        long levelSeed = KeyHashing.SEED * (level + 1);
        for (int row = 0; row < rows; row++) {
            partitions[row] = (int) (KeyHashing.mix(hashes[row] ^ levelSeed) >>> 60);
        }
        return partitions;
    }

    /** Appends each row of {@code batch} to the partition {@code partitions} names for it. */
    public void append(Batch batch, int[] partitions, QueryMemory memory, BufferAllocator allocator) {
        int rows = batch.rowCount();
        int[] counts = new int[COUNT];
        for (int row = 0; row < rows; row++) {
            counts[partitions[row]]++;
        }
        int[][] selections = new int[COUNT][];
        for (int p = 0; p < COUNT; p++) {
            selections[p] = new int[counts[p]];
            counts[p] = 0;
        }
        for (int row = 0; row < rows; row++) {
            int p = partitions[row];
            selections[p][counts[p]++] = row;
        }
        for (int p = 0; p < COUNT; p++) {
            if (counts[p] == 0) {
                continue;
            }
            if (writing[p] == null) {
                writing[p] = memory.spills().newFile(purpose + "-l" + level + "-p" + p);
                files.get(p).add(writing[p]);
            }
            if (counts[p] == rows) {
                writing[p].append(batch);
                continue;
            }
            Batch part = VectorGather.gatherCopy(batch, selections[p], counts[p], allocator);
            try {
                writing[p].append(part);
            } finally {
                for (FieldVector column : part.columns()) {
                    column.close();
                }
            }
        }
    }

    /** Ends writing; the partitions may now be read. */
    public void finishWriting() {
        for (int p = 0; p < COUNT; p++) {
            if (writing[p] != null) {
                writing[p].finishWriting();
                writing[p] = null;
            }
        }
    }

    /** Moves {@code other}'s (finished) files into this one's partitions. */
    public void takeAll(HashPartitions other) {
        other.finishWriting();
        finishWriting();
        for (int p = 0; p < COUNT; p++) {
            files.get(p).addAll(other.files.get(p));
            other.files.get(p).clear();
        }
    }

    /** The files of partition {@code p}, in the order written. */
    public List<SpillFile> files(int p) {
        return files.get(p);
    }

    /** Deletes the files of partition {@code p} (once processed). */
    public void delete(int p) {
        for (SpillFile file : files.get(p)) {
            file.delete();
        }
        files.get(p).clear();
    }

    @Override
    public void close() {
        finishWriting();
        for (int p = 0; p < COUNT; p++) {
            delete(p);
        }
    }
}
