package io.basalt.storage.table;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.scan.ScanSource;

/**
 * The rows of one table, as the executor reads and writes them. Today's implementation keeps them in
 * memory ({@link InMemoryTableStore}); the columnar on-disk store with row groups, zone maps and a
 * write-ahead log implements this same interface.
 *
 * <p>Contract: {@link #append}, {@link #modify} and {@link #truncate} are atomic (all rows or none become visible or go) and
 * may run concurrently with scans, which see the rows as they were when they were opened.
 */
public interface TableStore extends ScanSource, AutoCloseable {
    /** Rows currently stored. */
    long rowCount();

    /** Appends the batch's rows; its columns are the table's, in order, with the table's types. */
    void append(Batch batch);

    /** Appends several batches atomically: a reader sees all of them or none. */
    void appendAll(java.util.List<Batch> batches);

    /**
     * Appends several batches atomically after checking them against the table's unique keys; {@code beforeVisible}
     * runs after the check passed and before any row becomes visible (the write-ahead log writes the rows there),
     * under the same lock, so checking and appending are one step. The default is for stores without keys.
     */
    default void appendAll(java.util.List<Batch> batches, Runnable beforeVisible) {
        beforeVisible.run();
        appendAll(batches);
    }

    /**
     * One statement's change, atomically: deletes the rows whose ids are {@code deleted} (ids that a scan of this
     * store read through {@link io.basalt.exec.operator.scan.ScanSource#ROW_ID}, each once) and appends
     * {@code appended}. Unique keys are checked row by row, the i-th deleted row giving up its keys before the
     * i-th appended row takes its own (an UPDATE passes each old row with its new version, in the same order);
     * {@code beforeVisible} runs after every check passed and before any change is visible, under the same lock.
     * Every store Basalt creates implements it.
     *
     * @throws io.basalt.error.BasaltException 40001 when a deleted row is already gone, 23505 for a duplicate key
     */
    default void modify(long[] deleted, java.util.List<Batch> appended, Runnable beforeVisible) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot delete rows");
    }

    /**
     * INSERT ... ON CONFLICT DO NOTHING: appends those rows of {@code batches} that conflict with no stored row
     * (nor with an earlier row of the batches) on the unique keys named in {@code arbiters}, atomically; a
     * conflict on another unique key is an error, as usual. {@code beforeVisible} receives the rows about to be
     * appended, after every check passed (the log writes them there). Returns, per input row in order, whether it
     * was appended. Every store Basalt creates implements it.
     *
     * @throws io.basalt.error.BasaltException 23505 for a conflict on a key not in {@code arbiters}
     */
    default boolean[] insertNew(java.util.List<Batch> batches, java.util.Set<String> arbiters,
                                java.util.function.Consumer<java.util.List<Batch>> beforeVisible) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot skip conflicting rows");
    }

    /**
     * Waits for the other open transactions whose pending rows hold a unique key one of {@code rows} has (see
     * {@link InMemoryTableStore#awaitPendingKeys}); returns whether one committed a key of {@code arbiters}. The
     * default, for stores without keys, waits for nothing.
     */
    default boolean awaitPendingKeys(java.util.List<Batch> rows, java.util.Set<String> arbiters) {
        return false;
    }

    /**
     * Throws the unique-key violation that appending {@code batches} (of the last, only its first {@code lastRows}
     * rows) would raise now, without appending; for reporting errors in PostgreSQL's row order (a later append
     * checks again). No-op for stores without keys.
     */
    default void checkUniqueKeys(java.util.List<Batch> batches, int lastRows) {
    }

    /**
     * Enforces a UNIQUE or PRIMARY KEY constraint on every later append (the rows already stored are indexed,
     * not checked: a new table has none). Every store Basalt creates implements it.
     */
    default void addUniqueKey(UniqueKeyIndex key) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot enforce unique keys");
    }

    /**
     * CREATE UNIQUE INDEX: enforces a unique key on every later change after checking the rows already stored
     * (a duplicate fails with 23505 and leaves the table without the key). Every store Basalt creates implements it.
     */
    default void createUniqueKey(UniqueKeyIndex key) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot enforce unique keys");
    }

    /**
     * The unique key whose index a scan of this store given {@code predicates} (see {@link #withPredicates}) reads
     * its rows through instead of reading every row (a point lookup: every key column has an equality predicate), or
     * null when it reads every row. For EXPLAIN; the default is for stores without such indexes.
     */
    default PointLookupKey pointLookup(java.util.List<io.basalt.exec.operator.scan.ScanPredicate> predicates) {
        return null;
    }

    /** Stops enforcing the unique key of that name (DROP INDEX). */
    default void removeUniqueKey(String constraintName) {
    }

    /**
     * CREATE INDEX ... USING gin over a jsonb column: keeps {@code index} (a definition; the store fills its own
     * copies) over the rows stored now and later, and lets scans given a matching
     * {@link io.basalt.exec.operator.scan.ScanPredicate.JsonbMatch} read only the rows it names. Every store Basalt
     * creates implements it.
     */
    default void addInvertedIndex(io.basalt.storage.index.JsonbInvertedIndex index) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot keep inverted indexes");
    }

    /** Drops the GIN index of that name, if it keeps one (DROP INDEX). */
    default void removeInvertedIndex(String indexName) {
    }

    /**
     * The name of the GIN index a scan of this store given {@code predicates} reads its candidate rows through, or
     * null when it reads every row (or looks them up by a unique key, see {@link #pointLookup}). For EXPLAIN.
     */
    default String invertedLookup(java.util.List<io.basalt.exec.operator.scan.ScanPredicate> predicates) {
        return null;
    }

    /**
     * CREATE INDEX ... ((expr)), a btree index whose first key is an expression: keeps {@code index} (a definition;
     * the store fills its own copies) over the rows stored now and later, and lets scans given a matching
     * {@link io.basalt.exec.operator.scan.ScanPredicate.IndexKey} read only the rows it names. Every store Basalt
     * creates implements it.
     */
    default void addExpressionIndex(io.basalt.storage.index.ExpressionKeyIndex index) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot keep expression indexes");
    }

    /** Drops the index over an expression of that name, if it keeps one (DROP INDEX). */
    default void removeExpressionIndex(String indexName) {
    }

    /** The definitions of the indexes over expressions this store keeps, for the planner to match expressions. */
    default java.util.List<io.basalt.storage.index.ExpressionKeyIndex> expressionIndexes() {
        return java.util.List.of();
    }

    /**
     * The name of the index over an expression a scan of this store given {@code predicates} reads its candidate rows
     * through, or null when it reads every row (or through another index). For EXPLAIN.
     */
    default String expressionLookup(java.util.List<io.basalt.exec.operator.scan.ScanPredicate> predicates) {
        return null;
    }

    /**
     * The share of this store's rows whose key in the index over an expression {@code predicate} names satisfies it,
     * for the planner's row estimates ({@link io.basalt.storage.index.ExpressionKeyIndex#fraction}); NaN when no
     * index of that name serves it or it cannot tell.
     */
    default double expressionKeyFraction(io.basalt.exec.operator.scan.ScanPredicate.IndexKey predicate) {
        return Double.NaN;
    }

    /**
     * The FOREIGN KEY constraints this table takes part in, as the referencing table, the referenced one, or
     * both; {@link ReferentialChange} enforces them. Empty for stores without any.
     */
    default java.util.List<ForeignKey> foreignKeys() {
        return java.util.List.of();
    }

    /** Registers a foreign key this table takes part in (on both of its tables' stores). */
    default void addForeignKey(ForeignKey key) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot enforce foreign keys");
    }

    /**
     * SELECT ... FOR UPDATE / SHARE: locks the rows {@code rowIds} for the transaction bound to the thread until it
     * ends, and returns which it locked (see {@link InMemoryTableStore#lockRows}). The default, for stores without
     * row ids, locks nothing and reports every row locked.
     */
    default boolean[] lockRows(long[] rowIds, io.basalt.storage.lock.RowLockMode mode,
                               io.basalt.storage.lock.LockWaitPolicy policy) {
        boolean[] locked = new boolean[rowIds.length];
        java.util.Arrays.fill(locked, true);
        return locked;
    }

    /** Forgets a foreign key registered with {@link #addForeignKey}. */
    default void removeForeignKey(ForeignKey key) {
    }

    /**
     * Removes every row (TRUNCATE), atomically with respect to appends: an append runs wholly before or wholly
     * after it. Scans opened before keep reading the rows they saw; their memory is freed when the last of them
     * closes. Not logged by itself: the engine logs the statement that truncates. Every store Basalt
     * creates implements it; the default is for stores that are never truncated (test fakes).
     */
    default void truncate() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be truncated");
    }

    /**
     * Adds a column after the others, which the rows stored so far read as {@code value} (null, or a value of
     * {@code type} as {@code ValueAccess.set} takes it), without copying them (ALTER TABLE ADD COLUMN with a
     * constant default). The caller makes sure no change runs concurrently ({@link #refuseChanges}). Not logged by
     * itself: the engine logs the ALTER TABLE statement. Every store Basalt creates implements it.
     */
    default void addColumn(io.basalt.type.LogicalType type, Object value) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot add columns");
    }

    /**
     * Refuses every later change ({@code true}: ALTER TABLE is copying the rows into the store that replaces this
     * one) or accepts them again ({@code false}: the ALTER TABLE failed). While refused, {@link #append},
     * {@link #modify}, {@link #insertNew} and {@link #truncate} fail with 40001; scans go on. Every store Basalt
     * creates implements it.
     */
    default void refuseChanges(boolean refuse) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be altered");
    }

    /**
     * Takes back the columns {@link #addColumn} added after the first {@code width} (ROLLBACK of the ALTER TABLE that
     * added them), while no change committed since holds them. Every store that adds columns implements it.
     */
    default void removeAddedColumns(int width) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot remove columns");
    }

    /**
     * Lets only {@code transaction} (null: every transaction again) change the store: the store was made by that
     * transaction's ALTER TABLE, which is logged at its COMMIT, so no other transaction's change may reach the log
     * under the new definition first (PostgreSQL's ALTER TABLE holds an exclusive lock until the transaction ends).
     * Other transactions' changes fail with 40001, as during {@link #refuseChanges}. Stores that cannot be altered
     * ignore it.
     */
    default void reserveFor(TableTransaction transaction) {
    }

    /**
     * Frees the table's memory; scans open now keep reading what they saw, and their memory is freed when the last
     * of them closes. The store must not be used afterwards.
     */
    @Override
    void close();

    /** The transaction number PostgreSQL calls frozen: rows older than every transaction this process knows. */
    long FROZEN_TRANSACTION = 2;

    /** {@link #insertingTransaction}'s answer for a row of the running transaction. */
    long RUNNING_TRANSACTION = -1;

    /**
     * The number of the transaction that inserted the row {@code rowId} (as a scan's {@link ScanSource#ROW_ID}
     * reads it), or {@link #FROZEN_TRANSACTION} when the store does not know it (rows written without a
     * transaction, as log replay writes them, and rows of a store that does not keep it); {@link
     * #RUNNING_TRANSACTION} for a row the running transaction wrote itself and has not committed (a pending row),
     * whose caller knows its own transaction.
     */
    default long insertingTransaction(long rowId) {
        return FROZEN_TRANSACTION;
    }

    /**
     * The row {@code rowId} as PostgreSQL prints a ctid, {@code (block,offset)}: a committed row by its chunk (block)
     * and its place in it counted from 1; a row the running transaction wrote and has not committed is numbered
     * among that transaction's own rows from block 2147483648 on, since it has no place in the table yet.
     */
    default String tupleId(long rowId) {
        return "(0," + (rowId + 1) + ")";
    }

    /**
     * {@link #tupleId(long)} as {@code transaction} sees it (null: none): a pending row of that transaction shows the
     * place it takes at COMMIT (when no other transaction's rows come first; see {@code InMemoryTableStore#reserve}).
     */
    default String tupleId(long rowId, TableTransaction transaction) {
        return tupleId(rowId);
    }

    /**
     * A plain INSERT's way to write its rows to a data file while it runs ({@link StreamedInsert}), for a store that
     * keeps large inserts in files; null (the default) when the statement keeps its rows in memory until it ends.
     * The rows a statement's sink kept in {@code statementAllocator} are sliced there.
     */
    default StreamedInsert streamInsert(org.apache.arrow.memory.BufferAllocator statementAllocator) {
        return null;
    }

    /**
     * The row id the next row the running statement appends to this store takes (the following rows of the same
     * change take the ids after it), for RETURNING's system columns of new rows; -1 when the store does not know.
     */
    default long nextAppendedRowId() {
        return -1;
    }
}
