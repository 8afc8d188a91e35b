package io.basalt.exec.operator.join;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.operator.BuildProbeOperator;
import io.basalt.exec.operator.OperatorState;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.ValueComparison;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * INTERSECT or EXCEPT (without ALL) by merging two inputs sorted on all their columns, ascending with NULLs
 * last, as PostgreSQL's sorted SetOp does when it may not hash (enable_hashagg off, or a row type it does not
 * hash): the right input (build side) is kept whole in its sorted order; the left input (probe side) streams
 * through, each run of equal rows passes its first row when the right input holds an equal row (INTERSECT) or
 * holds none (EXCEPT), and a cursor into the right rows only moves forward. NULLs are equal to NULLs, numerics
 * compare by value. The output is the left input's rows, in their sorted order.
 *
 * <p>Runs on one thread (the probe must see the left rows in order). Rows are compared value by value through
 * {@link ValueComparison}, and the last left row is remembered boxed across batches: the operator sits over two
 * sorts, whose cost dominates.
 */
public record SortedSetOperationOperator(PhysicalOperator probeChild, PhysicalOperator buildChild,
                                         boolean intersect) implements BuildProbeOperator {
    public SortedSetOperationOperator {
        requireNonNull(probeChild, "probeChild is null");
        requireNonNull(buildChild, "buildChild is null");
        if (!probeChild.outputTypes().equals(buildChild.outputTypes())) {
            throw BasaltException.internal("the sides of a set operation differ in types: "
                    + probeChild.outputTypes() + " and " + buildChild.outputTypes());
        }
    }

    @Override
    public List<LogicalType> outputTypes() {
        return probeChild.outputTypes();
    }

    @Override
    public String describe() {
        return "SortedSetOperation " + (intersect ? "INTERSECT" : "EXCEPT");
    }

    // ---- build: the right input, kept in its sorted order ----------------------------------------

    @Override
    public SinkState openBuild(ExecutionContext context) {
        return new BuildRowsSink(new BuildRows(buildChild.outputTypes(), context.allocator()));
    }


    // ---- probe: the left input, merged against the right rows ---------------------------------------

    @Override
    public OperatorState openProbe(ExecutionContext context, SinkState finishedBuild) {
        BuildRows right = ((BuildRowsSink) finishedBuild).rows();
        int width = right.columnCount();
        FieldVector[] rightColumns = new FieldVector[width];
        for (int c = 0; c < width; c++) {
            rightColumns[c] = right.column(c);
        }
        int rightCount = right.rowCount();
        return new OperatorState() {
            private final EvaluationContext evaluation = new EvaluationContext(context.allocator());
            /** The last left row seen, as equality keys: the next batch's first row may continue its run. */
            private List<Object> previous;
            /** The first right row not known to sort before the current left row. */
            private int cursor;

            @Override
            public Batch execute(Batch input) {
                evaluation.releaseBatch();
                int[] selection = new int[input.rowCount()];
                int count = 0;
                for (int row = 0; row < input.rowCount(); row++) {
                    Object[] key = new Object[width];
                    for (int c = 0; c < width; c++) {
                        key[c] = ValueComparison.equalityKey(ValueAccess.get(input.column(c), row));
                    }
                    List<Object> current = Arrays.asList(key);
                    if (current.equals(previous)) {
                        continue; // a repeat of the run's first row, which was decided already
                    }
                    previous = current;
                    int order = 1;
                    while (cursor < rightCount && (order = compareRows(rightColumns, cursor, input, row)) < 0) {
                        cursor++;
                    }
                    boolean matched = cursor < rightCount && order == 0;
                    if (matched == intersect) {
                        selection[count++] = row;
                    }
                }
                return VectorGather.gather(input, selection, count, evaluation);
            }

            @Override
            public void close() {
                evaluation.close();
            }
        };
    }

    /** Orders right row {@code r} against left row {@code l}, column by column, ascending with NULLs last. */
    private static int compareRows(FieldVector[] right, int r, Batch left, int l) {
        for (int c = 0; c < right.length; c++) {
            FieldVector a = right[c];
            FieldVector b = left.column(c);
            boolean aNull = a.isNull(r);
            boolean bNull = b.isNull(l);
            int order = aNull || bNull ? Boolean.compare(aNull, bNull) : ValueComparison.compare(a, r, b, l);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }
}
