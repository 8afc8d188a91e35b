package io.basalt.storage.table;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.SinkOperator;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import io.basalt.exec.vector.VectorSlices;

/**
 * INSERT's sink: checks NOT NULL and the CHECK constraints on every incoming row, keeps the batches, and
 * appends them all to the table at the end in one atomic step, so a statement that fails part-way inserts
 * nothing. The store checks UNIQUE and PRIMARY KEY constraints in that same step. Its output is the number
 * of rows inserted (one BIGINT row).
 *
 * <p>Like PostgreSQL, the first failing row is reported, and for that row NOT NULL (in column order) before
 * the CHECK constraints, which run in the order given (PostgreSQL's: by name). Unique keys are checked when
 * the statement ends; when a row fails NOT NULL or a CHECK, the rows before it are checked against the unique
 * keys first, so that a duplicate earlier in the statement is reported, as PostgreSQL does.
 */
public record TableInsertOperator(PhysicalOperator child, String tableName, TableStore table, List<String> columnNames,
                                  boolean[] notNull, List<CheckConstraint> checks) implements SinkOperator {
    public TableInsertOperator {
        requireNonNull(child, "child is null");
        requireNonNull(tableName, "tableName is null");
        requireNonNull(table, "table is null");
        columnNames = List.copyOf(columnNames);
        notNull = notNull.clone();
        checks = List.copyOf(checks);
    }

    /** An insert into a table without CHECK constraints. */
    public TableInsertOperator(PhysicalOperator child, String tableName, TableStore table, List<String> columnNames,
                               boolean[] notNull) {
        this(child, tableName, table, columnNames, notNull, List.of());
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
            private final EvaluationContext evaluation = new EvaluationContext(context.allocator());
            private long inserted;

            @Override
            public void sink(Batch batch) {
                try {
                    checkConstraints(batch);
                } finally {
                    evaluation.releaseBatch();
                }
                List<FieldVector> slices = new ArrayList<>(batch.columnCount());
                for (FieldVector column : batch.columns()) {
                    slices.add(VectorSlices.slice(column, 0, batch.rowCount(), context.allocator()));
                }
                kept.add(slices);
                batches.add(new Batch(slices, batch.rowCount()));
                inserted += batch.rowCount();
            }

            /** Throws for the batch's first row that breaks NOT NULL or a CHECK constraint. */
            private void checkConstraints(Batch batch) {
                int nullRow = batch.rowCount();
                int nullColumn = -1;
                for (int c = 0; c < notNull.length; c++) {
                    FieldVector column = batch.column(c);
                    if (!notNull[c] || column.getNullCount() == 0) {
                        continue;
                    }
                    for (int row = 0; row < nullRow; row++) {
                        if (column.isNull(row)) {
                            nullRow = row;
                            nullColumn = c;
                            break;
                        }
                    }
                }
                int checkRow = nullRow;
                CheckConstraint failed = null;
                for (CheckConstraint check : checks) {
                    BitVector result = (BitVector) check.condition().evaluate(batch, evaluation);
                    // Only false fails: NULL (unknown) passes, as in SQL's three-valued CHECK.
                    for (int row = 0; row < checkRow; row++) {
                        if (!result.isNull(row) && result.get(row) == 0) {
                            checkRow = row;
                            failed = check;
                            break;
                        }
                    }
                }
                if (failed != null || nullColumn >= 0) {
                    // PostgreSQL checks a row's unique keys before the next row's constraints: a duplicate among
                    // the rows before the failing one is the error to report.
                    List<Batch> before = new ArrayList<>(batches);
                    before.add(batch);
                    table.checkUniqueKeys(before, checkRow);
                }
                if (failed != null) {
                    throw BasaltException.of(SqlState.CHECK_VIOLATION, "new row for relation \"" + tableName
                                    + "\" violates check constraint \"" + failed.name() + "\"")
                            .withDetail("Failing row contains " + describeRow(batch, checkRow) + ".");
                }
                if (nullColumn >= 0) {
                    throw BasaltException.of(SqlState.NOT_NULL_VIOLATION, "null value in column \""
                                    + columnNames.get(nullColumn) + "\" of relation \"" + tableName
                                    + "\" violates not-null constraint")
                            .withDetail("Failing row contains " + describeRow(batch, nullRow) + ".");
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
                evaluation.close();
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
