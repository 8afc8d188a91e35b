package io.basalt.exec.operator.sort;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.spill.SpillFile;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The sorted runs of an external sort: when the rows a sort keeps outgrow its share of the query's memory
 * budget, it sorts them and writes them here as one run (a spill file of batches in sorted order), and starts
 * over with empty memory. At the end the runs are merged ({@link RunMerge}): at most {@link #FAN_IN} at a time,
 * so that reading stays within the budget however many runs there are; more runs are first merged in groups
 * into longer runs. Runs are kept in input order, and merges prefer the earlier run on ties, so the external
 * sort is as stable as the in-memory one. The window operator spills its input through the same runs.
 */
public final class SortedRuns implements AutoCloseable {
    /** Runs merged at once: each holds one batch in memory while merging. */
    static final int FAN_IN = 8;

    private final List<SpillFile> runs = new ArrayList<>();

    public boolean isEmpty() {
        return runs.isEmpty();
    }

    public int size() {
        return runs.size();
    }

    /** Writes {@code input}'s rows in {@code order} as one run, in batches of the context's vector size. */
    public void write(FieldVector[] input, int[] order, int rowCount, List<LogicalType> types, ExecutionContext context) {
        SpillFile run = context.memory().spills().newFile("sort-run");
        runs.add(run);
        List<FieldVector> out = new ArrayList<>(types.size());
        // Counted once: counting scans the whole input's validity bitmap, once per batch it made the write quadratic.
        boolean[] noNulls = new boolean[types.size()];
        for (int c = 0; c < noNulls.length; c++) {
            noNulls[c] = input[c].getNullCount() == 0;
        }
        try {
            for (int next = 0; next < rowCount; next += context.vectorSize()) {
                int count = Math.min(context.vectorSize(), rowCount - next);
                int[] rows = Arrays.copyOfRange(order, next, next + count);
                for (int c = 0; c < types.size(); c++) {
                    FieldVector column = ValueAccess.allocate(types.get(c), "", context.allocator(), count);
                    out.add(column);
                    VectorGather.gather(input[c], rows, count, column, noNulls[c]);
                    column.setValueCount(count);
                }
                run.append(new Batch(out, count));
                closeAll(out);
            }
            run.finishWriting();
        } finally {
            closeAll(out);
        }
    }

    /** Moves {@code other}'s runs after this one's (a parallel worker's runs joining the global state). */
    public void takeAll(SortedRuns other) {
        runs.addAll(other.runs);
        other.runs.clear();
    }

    /**
     * The rows of every run in order, as a source. Runs beyond {@link #FAN_IN} are first merged in groups into
     * longer runs on disk. The source owns the runs from then on and deletes them when closed.
     */
    public SourceState merge(List<SortKey> keys, List<LogicalType> types, ExecutionContext context) {
        while (runs.size() > FAN_IN) {
            List<SpillFile> merged = new ArrayList<>();
            for (int from = 0; from < runs.size(); from += FAN_IN) {
                List<SpillFile> group = new ArrayList<>(runs.subList(from, Math.min(from + FAN_IN, runs.size())));
                if (group.size() == 1) {
                    merged.add(group.getFirst());
                    continue;
                }
                SpillFile longer = context.memory().spills().newFile("sort-run");
                merged.add(longer);
                try (RunMerge merge = new RunMerge(group, keys, types, context)) {
                    Batch batch;
                    while ((batch = merge.next()) != null) {
                        longer.append(batch);
                    }
                }
                longer.finishWriting();
            }
            runs.clear();
            runs.addAll(merged);
        }
        RunMerge merge = new RunMerge(new ArrayList<>(runs), keys, types, context);
        runs.clear();
        return merge;
    }

    private static void closeAll(List<FieldVector> vectors) {
        for (FieldVector vector : vectors) {
            vector.close();
        }
        vectors.clear();
    }

    @Override
    public void close() {
        for (SpillFile run : runs) {
            run.delete();
        }
        runs.clear();
    }
}
