package io.basalt.storage.table;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.SinkOperator;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import io.basalt.exec.vector.VectorSlices;

/**
 * INSERT's sink: checks NOT NULL on every incoming row, keeps the batches, and appends them all to the
 * table at the end in one atomic step, so a statement that fails part-way inserts nothing. Its output
 * is the number of rows inserted (one BIGINT row).
 */
public record TableInsertOperator(PhysicalOperator child, String tableName, TableStore table, List<String> columnNames,
                                  boolean[] notNull) implements SinkOperator {
    public TableInsertOperator {
        requireNonNull(child, "child is null");
        requireNonNull(tableName, "tableName is null");
        requireNonNull(table, "table is null");
        columnNames = List.copyOf(columnNames);
        notNull = notNull.clone();
    }

    @Override
    public List<LogicalType> outputTypes() {
        return List.of(LogicalType.BIGINT);
    }

    @Override
    public String describe() {
        return "Insert into " + tableName;
    }

    @Override
    public SinkState openSink(ExecutionContext context) {
        return new SinkState() {
            private final List<List<FieldVector>> kept = new ArrayList<>();
            private final List<Batch> batches = new ArrayList<>();
            private long inserted;

            @Override
            public void sink(Batch batch) {
                checkNotNull(batch);
                List<FieldVector> slices = new ArrayList<>(batch.columnCount());
                for (FieldVector column : batch.columns()) {
                    slices.add(VectorSlices.slice(column, 0, batch.rowCount(), context.allocator()));
                }
                kept.add(slices);
                batches.add(new Batch(slices, batch.rowCount()));
                inserted += batch.rowCount();
            }

            private void checkNotNull(Batch batch) {
                for (int c = 0; c < notNull.length; c++) {
                    FieldVector column = batch.column(c);
                    if (!notNull[c] || column.getNullCount() == 0) {
                        continue;
                    }
                    for (int row = 0; row < batch.rowCount(); row++) {
                        if (column.isNull(row)) {
                            throw BasaltException.of(SqlState.NOT_NULL_VIOLATION, "null value in column \""
                                            + columnNames.get(c) + "\" of relation \"" + tableName
                                            + "\" violates not-null constraint")
                                    .withDetail("Failing row contains " + describeRow(batch, row) + ".");
                        }
                    }
                }
            }

            @Override
            public void finish() {
                table.appendAll(batches);
            }

            @Override
            public SourceState openResult() {
                return new SourceState() {
                    private FieldVector count;
                    private boolean done;

                    @Override
                    public Batch next() {
                        if (done) {
                            return null;
                        }
                        done = true;
                        count = ValueAccess.allocate(LogicalType.BIGINT, "count", context.allocator(), 1);
                        ValueAccess.set(count, 0, inserted);
                        count.setValueCount(1);
                        return new Batch(List.of(count), 1);
                    }

                    @Override
                    public void close() {
                        if (count != null) {
                            count.close();
                        }
                    }
                };
            }

            @Override
            public void close() {
                for (List<FieldVector> slices : kept) {
                    for (FieldVector slice : slices) {
                        slice.close();
                    }
                }
            }
        };
    }

    /** PostgreSQL's "(1, null, 5)" rendering of a row for constraint violation details. */
    static String describeRow(Batch batch, int row) {
        StringBuilder out = new StringBuilder("(");
        for (int c = 0; c < batch.columnCount(); c++) {
            if (c > 0) {
                out.append(", ");
            }
            String text = ValueAccess.text(batch.column(c), row);
            out.append(text == null ? "null" : text);
        }
        return out.append(')').toString();
    }
}
