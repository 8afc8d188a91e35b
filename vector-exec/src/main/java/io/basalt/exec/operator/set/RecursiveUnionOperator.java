package io.basalt.exec.operator.set;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceOperator;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.pipeline.PipelineExecutor;
import io.basalt.exec.vector.ValueComparison;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.VectorCopies;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.vector.FieldVector;

/**
 * WITH RECURSIVE's work-table iteration: the rows of the non-recursive term ({@code seed}), then the rows the
 * recursive term ({@code step}) produces from the previous iteration's rows (read through {@code workTable}),
 * until an iteration produces none. With {@code distinct} (UNION) a row already produced is discarded, so
 * iteration stops once nothing new appears; with UNION ALL every row is kept.
 *
 * <p>Iterations run lazily, one when the previous one's rows have all been read, so a LIMIT above stops an
 * unbounded recursion as it does in PostgreSQL. As in PostgreSQL there is no cap on iterations or rows: a recursion
 * that never ends runs until the statement is cancelled, {@code statement_timeout} ends it (57014; each iteration is
 * a pipeline run, which checks the cancel flag per batch) or the query's memory limit stops it (53200).
 *
 * <p>UNION's duplicate check keeps each distinct row as a list of boxed values (rows compare as GROUP BY
 * compares them); recursive queries are rarely large enough for this to matter.
 */
public record RecursiveUnionOperator(PhysicalOperator seed, PhysicalOperator step, io.basalt.exec.operator.scan.LentRows workTable,
                                     boolean distinct) implements SourceOperator {
    public RecursiveUnionOperator {
        requireNonNull(seed, "seed is null");
        requireNonNull(step, "step is null");
        requireNonNull(workTable, "workTable is null");
    }

    @Override
    public List<LogicalType> outputTypes() {
        return seed.outputTypes();
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(seed, step);
    }

    @Override
    public String describe() {
        return "Recursive Union" + (distinct ? "" : " All") + " on " + workTable.name();
    }

    @Override
    public SourceState openSource(ExecutionContext context) {
        return new SourceState() {
            private final Set<List<Object>> seen = new HashSet<>();
            private List<Batch> iteration;
            private int next;

            @Override
            public Batch next() {
                if (iteration == null) {
                    iteration = run(seed);
                }
                while (next == iteration.size()) {
                    if (iteration.isEmpty()) {
                        return null;
                    }
                    workTable.lend(iteration);
                    List<Batch> following;
                    try {
                        following = run(step);
                    } finally {
                        workTable.lend(List.of());
                    }
                    free(iteration);
                    iteration = following;
                    next = 0;
                }
                return iteration.get(next++);
            }

            /** Runs {@code plan} to the end; its rows, copied, minus those seen before when distinct. */
            private List<Batch> run(PhysicalOperator plan) {
                Collector collector = new Collector(context);
                try {
                    new PipelineExecutor(context).run(plan, collector);
                    return collector.take();
                } finally {
                    collector.close();
                }
            }

            /** A sink that keeps copies of its batches (only the new rows when distinct). */
            private final class Collector implements SinkState {
                private final ExecutionContext context;
                private final EvaluationContext evaluation;
                private List<Batch> batches = new ArrayList<>();

                Collector(ExecutionContext context) {
                    this.context = context;
                    this.evaluation = new EvaluationContext(context.allocator());
                }

                @Override
                public void sink(Batch batch) {
                    try {
                        Batch kept = distinct ? newRows(batch) : batch;
                        if (kept.rowCount() == 0) {
                            return;
                        }
                        batches.add(VectorCopies.copy(kept, context.allocator()));
                    } finally {
                        evaluation.releaseBatch();
                    }
                }

                private Batch newRows(Batch batch) {
                    int[] selection = new int[batch.rowCount()];
                    int count = 0;
                    for (int row = 0; row < batch.rowCount(); row++) {
                        Object[] values = new Object[batch.columnCount()];
                        for (int c = 0; c < values.length; c++) {
                            values[c] = ValueComparison.equalityKey(ValueAccess.get(batch.column(c), row));
                        }
                        if (seen.add(Arrays.asList(values))) {
                            selection[count++] = row;
                        }
                    }
                    return VectorGather.gather(batch, selection, count, evaluation);
                }

                List<Batch> take() {
                    List<Batch> taken = batches;
                    batches = new ArrayList<>();
                    return taken;
                }

                @Override
                public void finish() {
                }

                @Override
                public SourceState openResult() {
                    throw new UnsupportedOperationException("the collector's batches are taken, not read");
                }

                @Override
                public void close() {
                    evaluation.close();
                    free(batches);
                }
            }

            @Override
            public void close() {
                if (iteration != null) {
                    free(iteration);
                    iteration = null;
                }
            }
        };
    }

    private static void free(List<Batch> batches) {
        for (Batch batch : batches) {
            for (FieldVector column : batch.columns()) {
                column.close();
            }
        }
    }
}
