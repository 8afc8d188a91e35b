package io.basalt.storage.table;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.storage.wal.WalRecord;
import io.basalt.storage.wal.WriteAheadLog;
import io.basalt.type.LogicalType;
import java.util.List;

/**
 * A table store whose appends are durable: each append is written to the write-ahead log (and synced)
 * before its rows become visible, and log order equals apply order for the table. Replay feeds the
 * recovered rows to {@link #unlogged()} so they are not logged twice.
 *
 * <p>In a transaction ({@link TableTransaction#current()} bound) a change is not logged here: the store underneath
 * keeps it in the transaction's pending change, which is told to log to this store's log, and COMMIT logs every
 * table's change of the transaction in one log record.
 */
public final class LoggedTableStore implements TableStore {
    private final TableStore inner;
    private final WriteAheadLog log;
    private final RowGroupWriter rowGroups;

    public LoggedTableStore(TableStore inner, WriteAheadLog log) {
        this(inner, log, null);
    }

    /** A logged store whose large inserts go to data files through {@code rowGroups} (null: all through the log). */
    public LoggedTableStore(TableStore inner, WriteAheadLog log, RowGroupWriter rowGroups) {
        this.inner = requireNonNull(inner, "inner is null");
        this.log = requireNonNull(log, "log is null");
        this.rowGroups = rowGroups;
    }

    /** The store underneath, for recovery. */
    public TableStore unlogged() {
        return inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public List<LogicalType> columnTypes() {
        return inner.columnTypes();
    }

    @Override
    public long rowCount() {
        return inner.rowCount();
    }

    @Override
    public void append(Batch batch) {
        appendAll(List.of(batch));
    }

    /** In a transaction, marks this table's pending change as logged and returns true. */
    private boolean inTransaction() {
        TableTransaction transaction = TableTransaction.current();
        if (transaction == null || !(inner instanceof InMemoryTableStore memory)) {
            return false;
        }
        transaction.changeForWrite(memory).logTo(log, rowGroups);
        return true;
    }

    @Override
    public void appendAll(List<Batch> batches) {
        if (batches.isEmpty()) {
            return;
        }
        if (inTransaction()) {
            inner.appendAll(batches);
            return;
        }
        synchronized (inner) {
            inner.appendAll(batches, () -> log.append(new WalRecord.Append(inner.name(), batches)));
        }
    }

    @Override
    public void appendAll(List<Batch> batches, Runnable beforeVisible) {
        if (batches.isEmpty()) {
            beforeVisible.run();
            return;
        }
        if (inTransaction()) {
            inner.appendAll(batches, beforeVisible);
            return;
        }
        synchronized (inner) {
            inner.appendAll(batches, () -> {
                beforeVisible.run();
                log.append(new WalRecord.Append(inner.name(), batches));
            });
        }
    }

    /** In a transaction, with large inserts going to files: the INSERT's rows go to its change's file as they come. */
    @Override
    public StreamedInsert streamInsert(org.apache.arrow.memory.BufferAllocator statementAllocator) {
        TableTransaction transaction = TableTransaction.current();
        if (rowGroups == null || transaction == null || !(inner instanceof InMemoryTableStore memory)) {
            return null;
        }
        PendingChange change = transaction.changeForWrite(memory);
        change.logTo(log, rowGroups);
        return memory.streamInsert(change, statementAllocator);
    }

    @Override
    public boolean awaitPendingKeys(List<Batch> rows, java.util.Set<String> arbiters) {
        return inner.awaitPendingKeys(rows, arbiters);
    }

    @Override
    public boolean[] lockRows(long[] rowIds, io.basalt.storage.lock.RowLockMode mode,
                              io.basalt.storage.lock.LockWaitPolicy policy) {
        return inner.lockRows(rowIds, mode, policy);
    }

    /** Logs the deleted row ids and the appended rows as one commit, so that replay applies both or neither. */
    @Override
    public void modify(long[] deleted, List<Batch> appended, Runnable beforeVisible) {
        if (inTransaction()) {
            inner.modify(deleted, appended, beforeVisible);
            return;
        }
        List<WalRecord> records = new java.util.ArrayList<>(2);
        if (deleted.length > 0) {
            records.add(new WalRecord.Delete(inner.name(), deleted));
        }
        if (!appended.isEmpty()) {
            records.add(new WalRecord.Append(inner.name(), appended));
        }
        synchronized (inner) {
            inner.modify(deleted, appended, () -> {
                beforeVisible.run();
                if (!records.isEmpty()) {
                    log.commit(records);
                }
            });
        }
    }

    /** Logs only the rows that are appended, in the same step. */
    @Override
    public boolean[] insertNew(List<Batch> batches, java.util.Set<String> arbiters,
                               java.util.function.Consumer<List<Batch>> beforeVisible) {
        if (inTransaction()) {
            return inner.insertNew(batches, arbiters, beforeVisible);
        }
        synchronized (inner) {
            return inner.insertNew(batches, arbiters, appended -> {
                beforeVisible.accept(appended);
                if (!appended.isEmpty()) {
                    log.append(new WalRecord.Append(inner.name(), appended));
                }
            });
        }
    }

    @Override
    public void checkUniqueKeys(List<Batch> batches, int lastRows) {
        inner.checkUniqueKeys(batches, lastRows);
    }

    /** Unique keys live with the rows, in the store underneath, so that replaying the log rebuilds them. */
    @Override
    public void addUniqueKey(UniqueKeyIndex key) {
        inner.addUniqueKey(key);
    }

    @Override
    public void createUniqueKey(UniqueKeyIndex key) {
        inner.createUniqueKey(key);
    }

    @Override
    public void removeUniqueKey(String constraintName) {
        inner.removeUniqueKey(constraintName);
    }

    @Override
    public List<ForeignKey> foreignKeys() {
        return inner.foreignKeys();
    }

    @Override
    public void addForeignKey(ForeignKey key) {
        inner.addForeignKey(key);
    }

    @Override
    public void removeForeignKey(ForeignKey key) {
        inner.removeForeignKey(key);
    }

    /** The log this store writes to. */
    WriteAheadLog log() {
        return log;
    }

    /**
     * Empties the table. Without a transaction it is not logged here: the engine logs the TRUNCATE statement itself
     * (as DDL), and replay runs it again; in a transaction, COMMIT logs it.
     */
    @Override
    public void truncate() {
        if (inTransaction()) {
            inner.truncate();
            return;
        }
        synchronized (inner) {
            inner.truncate();
        }
    }

    @Override
    public SourceState open(int[] columns, ExecutionContext context) {
        return inner.open(columns, context);
    }

    @Override
    public long insertingTransaction(long rowId) {
        return inner.insertingTransaction(rowId);
    }

    @Override
    public String tupleId(long rowId) {
        return inner.tupleId(rowId);
    }

    @Override
    public String tupleId(long rowId, TableTransaction transaction) {
        return inner.tupleId(rowId, transaction);
    }

    @Override
    public long nextAppendedRowId() {
        return inner.nextAppendedRowId();
    }

    @Override
    public boolean providesRowIds() {
        return inner.providesRowIds();
    }

    @Override
    public PointLookupKey pointLookup(List<io.basalt.exec.operator.scan.ScanPredicate> predicates) {
        return inner.pointLookup(predicates);
    }

    @Override
    public void addInvertedIndex(io.basalt.storage.index.JsonbInvertedIndex index) {
        inner.addInvertedIndex(index);
    }

    @Override
    public void removeInvertedIndex(String indexName) {
        inner.removeInvertedIndex(indexName);
    }

    @Override
    public String invertedLookup(List<io.basalt.exec.operator.scan.ScanPredicate> predicates) {
        return inner.invertedLookup(predicates);
    }

    @Override
    public void addExpressionIndex(io.basalt.storage.index.ExpressionKeyIndex index) {
        inner.addExpressionIndex(index);
    }

    @Override
    public void removeExpressionIndex(String indexName) {
        inner.removeExpressionIndex(indexName);
    }

    @Override
    public List<io.basalt.storage.index.ExpressionKeyIndex> expressionIndexes() {
        return inner.expressionIndexes();
    }

    @Override
    public String expressionLookup(List<io.basalt.exec.operator.scan.ScanPredicate> predicates) {
        return inner.expressionLookup(predicates);
    }

    @Override
    public double expressionKeyFraction(io.basalt.exec.operator.scan.ScanPredicate.IndexKey predicate) {
        return inner.expressionKeyFraction(predicate);
    }

    @Override
    public io.basalt.exec.operator.scan.ScanSource withPredicates(
            List<io.basalt.exec.operator.scan.ScanPredicate> predicates) {
        return inner.withPredicates(predicates);
    }

    @Override
    public io.basalt.exec.operator.scan.ScanSource underlying() {
        return inner.underlying();
    }

    @Override
    public io.basalt.exec.operator.scan.ScanSource withPathColumns(
            java.util.List<io.basalt.exec.operator.scan.PathColumn> paths) {
        return inner.withPathColumns(paths);
    }

    @Override
    public long estimatedRows() {
        return inner.estimatedRows();
    }

    @Override
    public io.basalt.exec.operator.scan.ParallelScan openParallel(int[] columns, ExecutionContext context) {
        return inner.openParallel(columns, context);
    }

    @Override
    public void addColumn(LogicalType type, Object value) {
        synchronized (inner) {
            inner.addColumn(type, value);
        }
    }

    @Override
    public void refuseChanges(boolean refuse) {
        inner.refuseChanges(refuse);
    }

    @Override
    public void removeAddedColumns(int width) {
        synchronized (inner) {
            inner.removeAddedColumns(width);
        }
    }

    @Override
    public void reserveFor(TableTransaction transaction) {
        inner.reserveFor(transaction);
    }

    @Override
    public void close() {
        inner.close();
    }
}
