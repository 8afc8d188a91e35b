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
import io.basalt.exec.vector.VectorGather;
import io.basalt.exec.vector.VectorSlices;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * The sink of INSERT, UPDATE and DELETE. It checks NOT NULL and the CHECK constraints on every new row, keeps
 * the rows, and changes the table at the end in one atomic step ({@link TableStore#modify}), so a statement that
 * fails part-way changes nothing; the store checks UNIQUE and PRIMARY KEY constraints in that same step, and
 * {@link ReferentialChange} the FOREIGN KEY constraints with their cascades.
 *
 * <p>Input: for UPDATE and DELETE first the id of the row to change (a BIGINT); for INSERT and UPDATE then the
 * new row's columns in the table's order; then any columns RETURNING needs. A row id met a second time (an
 * UPDATE ... FROM or DELETE ... USING that joins a row more than once) is skipped: PostgreSQL also changes such
 * a row once, with one of the joined rows. Output: with {@code returnsRows}, each changed row's input columns
 * after the row id; otherwise the number of rows changed (one BIGINT row). With {@code conflictArbiters} (INSERT
 * ... ON CONFLICT DO NOTHING), rows that conflict on those unique constraints are skipped and not counted; with
 * {@code conflictUpdate} as well (DO UPDATE), such a row replaces the stored row it conflicts with by the new
 * version the update computes, which RETURNING and the count see instead of the proposed row. With
 * {@code returnsRowIds} (INSERT and UPDATE), each returned row ends with the id of the row version the statement
 * wrote ({@link TableStore#nextAppendedRowId}), from which RETURNING computes the new version's ctid and xmin; NULL
 * where the id is not known (a change a data-modifying WITH defers, or one its cascades reordered). With DO UPDATE
 * that id is preceded by the stored row the row replaced (the table's columns) and its id, NULL for an inserted row.
 *
 * <p>Inside a statement that collects its changes ({@link StatementChanges#CURRENT}: data-modifying WITH), the change
 * is handed to it rather than applied (except with ON CONFLICT DO NOTHING). DO UPDATE is decided by
 * {@link UpsertResolution} and then applied as an UPDATE's change is.
 *
 * <p>Like PostgreSQL, the first failing row is reported, and for that row NOT NULL (in column order) before
 * the CHECK constraints, which run in the order given (PostgreSQL's: by name). For INSERT, when a row fails
 * NOT NULL or a CHECK, the rows before it are checked against the unique keys first, so that a duplicate earlier
 * in the statement is reported, as PostgreSQL does.
 */
public record TableWriteOperator(PhysicalOperator child, Kind kind, String tableName, TableStore table,
                                 List<String> columnNames, boolean[] notNull, List<CheckConstraint> checks,
                                 boolean returnsRows, java.util.Set<String> conflictArbiters,
                                 ConflictUpdate conflictUpdate, int[] detailColumns, boolean returnsRowIds)
        implements SinkOperator {
    /** The statement that writes. */
    public enum Kind {
        INSERT, UPDATE, DELETE
    }

    public TableWriteOperator {
        requireNonNull(child, "child is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(tableName, "tableName is null");
        requireNonNull(table, "table is null");
        columnNames = List.copyOf(columnNames);
        notNull = notNull.clone();
        checks = List.copyOf(checks);
        conflictArbiters = conflictArbiters == null ? null : java.util.Set.copyOf(conflictArbiters);
        if (conflictUpdate != null && conflictArbiters == null) {
            throw new IllegalArgumentException("DO UPDATE needs the conflict arbiters");
        }
        detailColumns = detailColumns == null ? null : detailColumns.clone();
        if (returnsRowIds && (!returnsRows || kind == Kind.DELETE)) {
            throw new IllegalArgumentException("only INSERT and UPDATE returning rows return their new rows' ids");
        }
    }

    /** A write without its new rows' ids (see the class comment). */
    public TableWriteOperator(PhysicalOperator child, Kind kind, String tableName, TableStore table,
                              List<String> columnNames, boolean[] notNull, List<CheckConstraint> checks,
                              boolean returnsRows, java.util.Set<String> conflictArbiters,
                              ConflictUpdate conflictUpdate, int[] detailColumns) {
        this(child, kind, tableName, table, columnNames, notNull, checks, returnsRows, conflictArbiters, conflictUpdate,
                detailColumns, false);
    }

    /**
     * A write whose "Failing row contains" details show the row in its own column order ({@code detailColumns}, the
     * other form, names the batch column to show at each place: a partition reports a routed row in the partitioned
     * table's column order, as PostgreSQL does).
     */
    public TableWriteOperator(PhysicalOperator child, Kind kind, String tableName, TableStore table,
                              List<String> columnNames, boolean[] notNull, List<CheckConstraint> checks,
                              boolean returnsRows, java.util.Set<String> conflictArbiters,
                              ConflictUpdate conflictUpdate) {
        this(child, kind, tableName, table, columnNames, notNull, checks, returnsRows, conflictArbiters, conflictUpdate,
                null);
    }

    /** A write without DO UPDATE. */
    public TableWriteOperator(PhysicalOperator child, Kind kind, String tableName, TableStore table,
                              List<String> columnNames, boolean[] notNull, List<CheckConstraint> checks,
                              boolean returnsRows, java.util.Set<String> conflictArbiters) {
        this(child, kind, tableName, table, columnNames, notNull, checks, returnsRows, conflictArbiters, null);
    }

    /** A write without ON CONFLICT. */
    public TableWriteOperator(PhysicalOperator child, Kind kind, String tableName, TableStore table,
                              List<String> columnNames, boolean[] notNull, List<CheckConstraint> checks,
                              boolean returnsRows) {
        this(child, kind, tableName, table, columnNames, notNull, checks, returnsRows, null, null);
    }

    /** A plain INSERT into a table without CHECK constraints, reporting its row count. */
    public TableWriteOperator(PhysicalOperator child, String tableName, TableStore table, List<String> columnNames,
                              boolean[] notNull) {
        this(child, Kind.INSERT, tableName, table, columnNames, notNull, List.of(), false, null, null);
    }

    @Override
    public List<LogicalType> outputTypes() {
        if (!returnsRows) {
            return List.of(LogicalType.BIGINT);
        }
        List<LogicalType> types = child.outputTypes();
        types = kind == Kind.INSERT ? types : types.subList(1, types.size());
        if (returnsRowIds) {
            types = new ArrayList<>(types);
            if (conflictUpdate != null) {
                types.addAll(child.outputTypes().subList(0, columnNames.size()));
                types.add(LogicalType.BIGINT);
            }
            types.add(LogicalType.BIGINT);
        }
        return types;
    }

    @Override
    public String describe() {
        return switch (kind) {
            case INSERT -> "Insert into ";
            case UPDATE -> "Update ";
            case DELETE -> "Delete from ";
        } + tableName;
    }

    /** Where the row id is in the input (-1 for INSERT), and where the new row starts (-1 for DELETE). */
    private int rowIdColumn() {
        return kind == Kind.INSERT ? -1 : 0;
    }

    private int firstRowColumn() {
        return switch (kind) {
            case INSERT -> 0;
            case UPDATE -> 1;
            case DELETE -> -1;
        };
    }

    @Override
    public SinkState openSink(ExecutionContext context) {
        return new WriteState(context);
    }

    /** The rows a plain INSERT keeps before it asks its table whether to stream them to a file. */
    private static final long STREAM_CHECK_ROWS = 65_536;

    private final class WriteState implements SinkState {
        private final ExecutionContext context;
        private final EvaluationContext evaluation;
        private final RowIdSet seen = new RowIdSet();
        /** New versions of rows that DO UPDATE computed, owned by this state until it closes. */
        private final List<Batch> versions = new ArrayList<>();
        /** Every kept batch, all input columns, as copies this state owns. */
        private final List<Batch> kept = new ArrayList<>();
        /** The new rows of the kept batches (views of their columns), in the table's column order. */
        private final List<Batch> newRows = new ArrayList<>();
        private long changed;
        /** The READ COMMITTED rounds of this UPDATE or DELETE (see {@link ConcurrentlyUpdatedRows}), or null. */
        private final ConcurrentlyUpdatedRows concurrent;
        /** In a round that re-checks rows: the only row ids this sink keeps; null otherwise. */
        private final java.util.Set<Long> accepted;
        /** With {@code returnsRowIds}: the id of the first row the change appended (-1: not known). */
        private long firstNewRowId = -1;
        /** The row id vectors returned after the kept batches' columns, owned by this state. */
        private final List<FieldVector> rowIdVectors = new ArrayList<>();
        /** With DO UPDATE and {@code returnsRowIds}: per new-version batch, the stored rows they replace, in order. */
        private final java.util.Map<Batch, Batch> replacedRows = new java.util.IdentityHashMap<>();
        /**
         * A large plain INSERT's rows on their way to a data file ({@link StreamedInsert}), which owns them instead of
         * {@link #kept}; null until the statement has {@link #STREAM_CHECK_ROWS} rows, and for other statements.
         */
        private StreamedInsert streamed;
        private boolean streamChecked;

        WriteState(ExecutionContext context) {
            this.context = context;
            this.evaluation = new EvaluationContext(context.allocator());
            this.concurrent = kind == Kind.INSERT || conflictArbiters != null ? null : ConcurrentlyUpdatedRows.current();
            this.accepted = concurrent != null && concurrent.filters(table) ? concurrent.accepted() : null;
        }

        @Override
        public void sink(Batch batch) {
            try {
                Batch distinct = kind == Kind.INSERT ? batch : firstVisits(batch);
                if (distinct.rowCount() == 0) {
                    return;
                }
                Batch row = firstRowColumn() < 0 ? null : rowColumns(distinct);
                if (row != null) {
                    checkConstraints(row, kind == Kind.INSERT);
                }
                List<FieldVector> copies = new ArrayList<>(distinct.columnCount());
                for (FieldVector column : distinct.columns()) {
                    copies.add(VectorSlices.slice(column, 0, distinct.rowCount(), context.allocator()));
                }
                Batch copy = new Batch(copies, distinct.rowCount());
                changed += copy.rowCount();
                if (streamed != null) {
                    streamed.add(copy);
                    return;
                }
                kept.add(copy);
                if (row != null) {
                    newRows.add(rowColumns(copy));
                }
                if (!streamChecked && changed >= STREAM_CHECK_ROWS) {
                    streamChecked = true;
                    startStreaming();
                }
            } finally {
                evaluation.releaseBatch();
            }
        }

        /**
         * A plain INSERT (no RETURNING, ON CONFLICT or data-modifying WITH) whose table keeps large inserts in files
         * hands its rows kept so far and all further ones to a {@link StreamedInsert}.
         */
        private void startStreaming() {
            if (kind != Kind.INSERT || returnsRows || conflictArbiters != null || StatementChanges.current() != null
                    || !table.foreignKeys().isEmpty() || child.outputTypes().size() != table.columnTypes().size()) {
                return;
            }
            streamed = table.streamInsert(context.allocator());
            if (streamed == null) {
                return;
            }
            List<Batch> moved = new ArrayList<>(kept);
            kept.clear();
            newRows.clear();
            for (Batch batch : moved) {
                streamed.add(batch);
            }
        }

        /** The batch's rows whose row id this statement has not seen before. */
        private Batch firstVisits(Batch batch) {
            BigIntVector ids = (BigIntVector) batch.column(rowIdColumn());
            MergeTargetRows merge = accepted == null ? MergeTargetRows.current() : null;
            if (merge != null) {
                merge.claim(table, ids, batch.rowCount());
            }
            int[] selection = new int[batch.rowCount()];
            int count = 0;
            for (int row = 0; row < batch.rowCount(); row++) {
                long id = ids.get(row);
                if ((accepted == null || accepted.contains(id)) && seen.add(id)) {
                    selection[count++] = row;
                }
            }
            return VectorGather.gather(batch, selection, count, evaluation);
        }

        private Batch rowColumns(Batch batch) {
            int first = firstRowColumn();
            return new Batch(batch.columns().subList(first, first + columnNames.size()), batch.rowCount());
        }

        /**
         * Throws for the batch's first row that breaks NOT NULL or a CHECK constraint; with {@code uniqueFirst},
         * for a duplicate key among the rows kept so far and this batch's rows before that row, if there is one.
         */
        private void checkConstraints(Batch batch, boolean uniqueFirst) {
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
            if ((failed != null || nullColumn >= 0) && uniqueFirst) {
                // PostgreSQL checks a row's unique keys before the next row's constraints: a duplicate among
                // the rows before the failing one is the error to report.
                List<Batch> before = new ArrayList<>(newRows);
                before.add(batch);
                table.checkUniqueKeys(before, checkRow);
            }
            if (failed != null && failed.checkedPolicy() != null) {
                String policy = failed.checkedPolicy();
                throw BasaltException.of(SqlState.INSUFFICIENT_PRIVILEGE, "new row violates row-level security policy"
                        + (policy.isEmpty() ? "" : " \"" + policy + "\"") + " for table \"" + tableName + "\"");
            }
            if (failed != null && failed.checkedView() != null) {
                throw BasaltException.of(SqlState.WITH_CHECK_OPTION_VIOLATION, "new row violates check option for"
                                + " view \"" + failed.checkedView() + "\"")
                        .withDetail("Failing row contains " + describeRow(batch, checkRow) + ".");
            }
            if (failed != null) {
                throw BasaltException.of(SqlState.CHECK_VIOLATION, "new row for relation \"" + tableName
                                + "\" violates check constraint \"" + failed.name() + "\"")
                        .withDetail("Failing row contains " + describe(batch, checkRow) + ".");
            }
            if (nullColumn >= 0) {
                throw BasaltException.of(SqlState.NOT_NULL_VIOLATION, "null value in column \""
                                + columnNames.get(nullColumn) + "\" of relation \"" + tableName
                                + "\" violates not-null constraint")
                        .withDetail("Failing row contains " + describe(batch, nullRow) + ".");
            }
        }

        @Override
        public void finish() {
            if (conflictUpdate != null) {
                // a key another open transaction holds is waited for; one it committed is not in this statement's
                // snapshot: 40001, and a READ COMMITTED statement runs again and updates that row
                if (table.awaitPendingKeys(newRows, conflictArbiters)) {
                    throw PendingChange.concurrentUpdate();
                }
                List<Batch> owned = new ArrayList<>();
                try {
                    UpsertResolution.Resolved resolved = UpsertResolution.resolve(table, table.columnTypes(),
                            conflictUpdate, newRows, this::update, context, owned);
                    boolean deferred = StatementChanges.current() != null;
                    long first = change(resolved.replaced(), resolved.appended());
                    long appended = 0;
                    for (Batch batch : resolved.appended()) {
                        appended += batch.rowCount();
                    }
                    if (first >= 0 && !deferred && table.nextAppendedRowId() - first != appended) {
                        first = -1;
                    }
                    replaceKept(resolved.result(), resolved.replaced(), first);
                } finally {
                    for (Batch batch : owned) {
                        for (FieldVector column : batch.columns()) {
                            column.close();
                        }
                    }
                }
                return;
            }
            if (conflictArbiters != null) {
                long before = returnsRowIds ? table.nextAppendedRowId() : -1;
                keepInserted(ReferentialChange.insertNew(table, newRows, conflictArbiters));
                if (before >= 0 && table.nextAppendedRowId() - before == changed) {
                    firstNewRowId = before;
                }
                return;
            }
            long[] deleted = new long[kind == Kind.INSERT ? 0 : (int) changed];
            if (kind != Kind.INSERT) {
                int next = 0;
                for (Batch batch : kept) {
                    BigIntVector ids = (BigIntVector) batch.column(rowIdColumn());
                    for (int row = 0; row < batch.rowCount(); row++) {
                        deleted[next++] = ids.get(row);
                    }
                }
            }
            boolean deferred = StatementChanges.current() != null;
            // slices of this state's rows: shared, not copied
            long first = change(deleted, streamed != null ? streamed.finish() : new FrozenBatches(newRows));
            boolean[] staged = concurrent == null ? null : concurrent.staged(deleted);
            if (staged != null) {
                // rows another transaction changed meanwhile were left out: RETURNING and the count lose them too
                keepInserted(staged);
            }
            if (returnsRowIds && first >= 0 && (deferred || table.nextAppendedRowId() - first == changed)) {
                firstNewRowId = first;
            }
        }

        /**
         * Applies the statement's change, or hands it to the statement that collects its changes; returns the row id
         * its first appended row takes (see {@link TableStore#nextAppendedRowId}), -1 when not known.
         */
        private long change(long[] deleted, List<Batch> appended) {
            StatementChanges statement = StatementChanges.current();
            if (statement != null) {
                return statement.defer(table, deleted, appended);
            }
            long first = returnsRowIds ? table.nextAppendedRowId() : -1;
            ReferentialChange.modify(table, deleted, appended, context.allocator());
            return first;
        }

        /**
         * DO UPDATE's new versions (see {@link ConflictUpdater#update}): the WHERE condition and the SET list
         * evaluated over each stored row beside its proposed row, the new versions checked and copied.
         */
        private ConflictUpdater.Versions update(Batch existing, Batch proposed) {
            try {
                List<FieldVector> both = new ArrayList<>(inRowOrder(existing.columns()));
                both.addAll(inRowOrder(proposed.columns()));
                Batch pair = new Batch(both, existing.rowCount());
                if (conflictUpdate.computed() != null) {
                    ConflictUpdatePlan.Computed computed = conflictUpdate.computed().run(pair,
                            inRowOrder(table.columnTypes()), context, evaluation);
                    return keepVersions(inTableOrder(computed.versions()), computed.selection(), existing);
                }
                int[] selection = new int[pair.rowCount()];
                int count = 0;
                if (conflictUpdate.condition() == null) {
                    for (int row = 0; row < pair.rowCount(); row++) {
                        selection[count++] = row;
                    }
                } else {
                    BitVector accepted = (BitVector) conflictUpdate.condition().evaluate(pair, evaluation);
                    for (int row = 0; row < pair.rowCount(); row++) {
                        if (!accepted.isNull(row) && accepted.get(row) != 0) {
                            selection[count++] = row;
                        }
                    }
                }
                Batch chosen = VectorGather.gather(pair, selection, count, evaluation);
                List<FieldVector> columns = new ArrayList<>(columnNames.size());
                for (io.basalt.exec.expression.PhysicalExpression expression : conflictUpdate.newRow()) {
                    columns.add(expression.evaluate(chosen, evaluation));
                }
                return keepVersions(inTableOrder(new Batch(columns, count)), java.util.Arrays.copyOf(selection, count),
                        existing);
            } finally {
                evaluation.releaseBatch();
            }
        }

        /** A row's columns (or their types) in the order DO UPDATE reads them (see {@link ConflictUpdate}). */
        private <T> List<T> inRowOrder(List<T> columns) {
            int[] order = conflictUpdate.rowOrder();
            if (order == null) {
                return columns;
            }
            List<T> ordered = new ArrayList<>(order.length);
            for (int column : order) {
                ordered.add(columns.get(column));
            }
            return ordered;
        }

        /** New versions computed in DO UPDATE's row order, put in the table's. */
        private Batch inTableOrder(Batch versions) {
            int[] order = conflictUpdate.rowOrder();
            if (order == null) {
                return versions;
            }
            FieldVector[] columns = new FieldVector[order.length];
            for (int i = 0; i < order.length; i++) {
                columns[order[i]] = versions.column(i);
            }
            return new Batch(List.of(columns), versions.rowCount());
        }

        /**
         * Fails for a new version outside the partition's bounds: PostgreSQL does not move a row ON CONFLICT DO UPDATE
         * changed to another partition (0A000), also when the statement names the partition itself.
         */
        private void checkPartition(Batch newVersions) {
            if (conflictUpdate.partitionConstraint() == null || newVersions.rowCount() == 0) {
                return;
            }
            BitVector holds = (BitVector) conflictUpdate.partitionConstraint().evaluate(newVersions, evaluation);
            for (int row = 0; row < newVersions.rowCount(); row++) {
                if (holds.isNull(row) || holds.get(row) == 0) {
                    throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "invalid ON UPDATE specification")
                            .withDetail("The result tuple would appear in a different partition than the original"
                                    + " tuple.");
                }
            }
        }

        /**
         * New versions checked and copied into this state, each for the pair row {@code selection} names; with
         * {@code returnsRowIds}, the stored rows ({@code existing}) they replace are kept beside them for RETURNING.
         */
        private ConflictUpdater.Versions keepVersions(Batch newVersions, int[] selection, Batch existing) {
            int count = newVersions.rowCount();
            checkPartition(newVersions);
            checkConstraints(newVersions, false);
            int[] identity = new int[count];
            for (int row = 0; row < count; row++) {
                identity[row] = row;
            }
            Batch owned = VectorGather.gatherCopy(newVersions, identity, count, context.allocator());
            versions.add(owned);
            if (returnsRowIds) {
                Batch replaced = VectorGather.gatherCopy(existing, selection, count, context.allocator());
                versions.add(replaced);
                replacedRows.put(owned, replaced);
            }
            return new ConflictUpdater.Versions(owned, selection);
        }

        /**
         * After DO UPDATE: what RETURNING and the count see becomes, in statement order, each inserted row and the
         * new version of each updated row. With {@code returnsRowIds} each is followed by the stored row it replaced
         * and its id ({@code replaced}, in the order of the updated rows) and the id of the new version: the change
         * appended the new versions first, in that order, then the inserted rows, from {@code first} on (-1: ids not
         * known).
         */
        private void replaceKept(ConflictUpdater.Result result, long[] replaced, long first) {
            ConflictUpdater.Outcome[] outcomes = result.outcomes();
            int updatedRows = 0;
            for (ConflictUpdater.Outcome outcome : outcomes) {
                updatedRows += outcome == ConflictUpdater.Outcome.UPDATED ? 1 : 0;
            }
            int updated = 0;
            int inserted = 0;
            List<Batch> all = new ArrayList<>(kept);
            kept.clear();
            changed = 0;
            int next = 0;
            try {
                for (Batch batch : all) {
                    int width = batch.columnCount();
                    List<FieldVector> columns = new ArrayList<>(batch.columnCount());
                    for (FieldVector column : batch.columns()) {
                        columns.add(ValueAccess.allocate(LogicalType.of(column.getField()), column.getName(),
                                context.allocator(), batch.rowCount()));
                    }
                    if (returnsRowIds) {
                        for (int c = 0; c < columnNames.size(); c++) {
                            FieldVector column = batch.column(c);
                            columns.add(ValueAccess.allocate(LogicalType.of(column.getField()), column.getName(),
                                    context.allocator(), batch.rowCount()));
                        }
                        columns.add(ValueAccess.allocate(LogicalType.BIGINT, "old", context.allocator(),
                                batch.rowCount()));
                        columns.add(ValueAccess.allocate(LogicalType.BIGINT, "new", context.allocator(),
                                batch.rowCount()));
                    }
                    int count = 0;
                    try {
                        for (int row = 0; row < batch.rowCount(); row++, next++) {
                            switch (outcomes[next]) {
                                case SKIPPED -> {
                                }
                                case INSERTED -> {
                                    copyRow(batch, row, columns.subList(0, width), count);
                                    if (returnsRowIds) {
                                        for (int c = width; c < columns.size() - 1; c++) {
                                            ValueAccess.set(columns.get(c), count, null);
                                        }
                                        ValueAccess.set(columns.getLast(), count,
                                                first < 0 ? null : first + updatedRows + inserted);
                                    }
                                    inserted++;
                                    count++;
                                }
                                case UPDATED -> {
                                    Batch version = result.versions()[next];
                                    int versionRow = result.versionRows()[next];
                                    copyRow(version, versionRow, columns.subList(0, width), count);
                                    if (returnsRowIds) {
                                        copyRow(replacedRows.get(version), versionRow,
                                                columns.subList(width, width + columnNames.size()), count);
                                        ValueAccess.set(columns.get(columns.size() - 2), count, replaced[updated]);
                                        ValueAccess.set(columns.getLast(), count, first < 0 ? null : first + updated);
                                    }
                                    updated++;
                                    count++;
                                }
                            }
                        }
                        for (FieldVector column : columns) {
                            column.setValueCount(count);
                        }
                    } catch (RuntimeException | Error failure) {
                        for (FieldVector column : columns) {
                            column.close();
                        }
                        throw failure;
                    }
                    kept.add(new Batch(columns, count));
                    changed += count;
                }
            } finally {
                for (Batch batch : all) {
                    for (FieldVector column : batch.columns()) {
                        column.close();
                    }
                }
            }
        }

        private static void copyRow(Batch from, int row, List<FieldVector> to, int targetRow) {
            for (int c = 0; c < to.size(); c++) {
                VectorGather.copyValue(from.column(c), row, to.get(c), targetRow);
            }
        }

        /** After ON CONFLICT DO NOTHING: drops the rows that were skipped from what RETURNING and the count see. */
        private void keepInserted(boolean[] inserted) {
            List<Batch> all = new ArrayList<>(kept);
            kept.clear();
            changed = 0;
            int first = 0;
            try {
                for (Batch batch : all) {
                    int[] selection = new int[batch.rowCount()];
                    int count = 0;
                    for (int row = 0; row < batch.rowCount(); row++) {
                        if (inserted[first + row]) {
                            selection[count++] = row;
                        }
                    }
                    first += batch.rowCount();
                    kept.add(VectorGather.gatherCopy(batch, selection, count, context.allocator()));
                    changed += count;
                }
            } finally {
                for (Batch batch : all) {
                    for (FieldVector column : batch.columns()) {
                        column.close();
                    }
                }
            }
        }

        @Override
        public SourceState openResult() {
            return returnsRows ? returnedRows() : rowCount();
        }

        /** The kept batches without their row ids; they stay owned by this state. */
        private SourceState returnedRows() {
            return new SourceState() {
                private int next;
                private long nextRowId = firstNewRowId;

                @Override
                public Batch next() {
                    if (next == kept.size()) {
                        return null;
                    }
                    Batch batch = kept.get(next++);
                    int skip = kind == Kind.INSERT ? 0 : 1;
                    List<FieldVector> columns = batch.columns().subList(skip, batch.columnCount());
                    if (returnsRowIds && conflictUpdate == null) {
                        columns = new ArrayList<>(columns);
                        columns.add(rowIds(nextRowId, batch.rowCount()));
                        nextRowId = nextRowId < 0 ? -1 : nextRowId + batch.rowCount();
                    }
                    return new Batch(columns, batch.rowCount());
                }

                @Override
                public void close() {
                }
            };
        }

        /**
         * The ids of {@code rows} returned rows from {@code first} on (the change appended them in the order returned),
         * all NULL when {@code first} is -1.
         */
        private FieldVector rowIds(long first, int rows) {
            BigIntVector ids = new BigIntVector("rowid", context.allocator());
            rowIdVectors.add(ids);
            ids.allocateNew(Math.max(1, rows));
            for (int row = 0; row < rows; row++) {
                if (first < 0) {
                    ids.setNull(row);
                } else {
                    ids.set(row, first + row);
                }
            }
            ids.setValueCount(rows);
            return ids;
        }

        private SourceState rowCount() {
            return new RowCountResult(changed, context.allocator());
        }

        @Override
        public void close() {
            if (streamed != null) {
                streamed.close();
            }
            evaluation.close();
            for (FieldVector ids : rowIdVectors) {
                ids.close();
            }
            for (Batch batch : versions) {
                for (FieldVector column : batch.columns()) {
                    column.close();
                }
            }
            for (Batch batch : kept) {
                for (FieldVector column : batch.columns()) {
                    column.close();
                }
            }
        }
    }

    /** {@link #describeRow}, with the columns in {@link #detailColumns}' order when given. */
    private String describe(Batch batch, int row) {
        if (detailColumns == null) {
            return describeRow(batch, row);
        }
        List<org.apache.arrow.vector.FieldVector> vectors = new ArrayList<>(batch.columns());
        for (int place = 0; place < detailColumns.length; place++) {
            vectors.set(place, batch.column(detailColumns[place]));
        }
        return describeRow(new Batch(vectors, batch.rowCount()), row);
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
