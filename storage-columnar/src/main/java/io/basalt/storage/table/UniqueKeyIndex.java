package io.basalt.storage.table;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.ValueComparison;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.vector.FieldVector;

/**
 * The index behind one UNIQUE or PRIMARY KEY constraint: a hash set of the key values of every stored row.
 * A key with a NULL in it is never stored and never conflicts (NULLS DISTINCT, PostgreSQL's default) unless
 * the constraint says NULLS NOT DISTINCT. Values compare as SQL equality does: numerics by value (1.0 and
 * 1.00 collide), -0.0 equal to 0.0, intervals by their length with 30-day months ('1 day' and '24 hours'
 * collide), uuids and byteas by their bytes (their values, {@code Uuid} and {@code ByteString}, have content
 * equality; a raw {@code byte[]} never reaches a key).
 *
 * <p>A partial unique index (CREATE UNIQUE INDEX ... WHERE) has a {@link RowCondition}: rows it does not hold
 * for have no key, as rows with a NULL in the key have none.
 *
 * <p>A unique index over expressions ({@link #computeKeys}) computes those key parts per row from a one-row copy
 * of the row, as {@link RowCondition} does; its column positions are -1 there.
 *
 * <p>A DEFERRABLE constraint ({@link #makeDeferrable}) is checked once a statement's rows all moved, not row by row:
 * an UPDATE that shifts keys past each other succeeds, as in PostgreSQL; in a transaction, while deferred, only at
 * COMMIT or SET CONSTRAINTS ... IMMEDIATE ({@link DeferredChecks}, {@link PendingChange}).
 *
 * <p>Not thread-safe: the owning table store calls it under its own lock, so checking a statement's rows and
 * publishing them is one atomic step per table. Keys are handed around as lists of boxed values; the set holds a
 * key of one integer unboxed ({@link UniqueKeySet}).
 */
public final class UniqueKeyIndex {
    private final String constraintName;
    private final String tableName;
    private final int[] columns;
    private final List<String> columnNames;
    private final boolean nullsNotDistinct;
    private final RowCondition condition;
    /** Where {@link #condition} takes its scratch vectors: the owning store's allocator, set when it takes the key. */
    private org.apache.arrow.memory.BufferAllocator conditionAllocator;
    private final UniqueKeySet keys = new UniqueKeySet();
    private boolean deferrable;
    private boolean initiallyDeferred;
    /** An EXCLUDE constraint with {@code =} operators: the same keys, its own errors (23P01). */
    private boolean exclusion;
    /** Per key part, what computes it (null for a plain column); null when every part is a column. */
    private io.basalt.exec.expression.PhysicalExpression[] computed;

    public UniqueKeyIndex(String constraintName, String tableName, int[] columns, List<String> columnNames,
                          boolean nullsNotDistinct) {
        this(constraintName, tableName, columns, columnNames, nullsNotDistinct, null);
    }

    /** A unique index whose keys are only those of the rows {@code condition} holds for (null: every row). */
    public UniqueKeyIndex(String constraintName, String tableName, int[] columns, List<String> columnNames,
                          boolean nullsNotDistinct, RowCondition condition) {
        this.constraintName = requireNonNull(constraintName, "constraintName is null");
        this.tableName = requireNonNull(tableName, "tableName is null");
        this.columns = columns.clone();
        this.columnNames = List.copyOf(columnNames);
        this.nullsNotDistinct = nullsNotDistinct;
        this.condition = condition;
    }

    /**
     * Makes the key parts whose column is -1 computed by {@code expressions} (element k for part k; they read the
     * table's full row); set before the store takes the key.
     */
    public void computeKeys(io.basalt.exec.expression.PhysicalExpression[] expressions) {
        this.computed = expressions.clone();
    }

    /** Makes the constraint DEFERRABLE, INITIALLY DEFERRED or not; set before the store takes the key. */
    public void makeDeferrable(boolean isInitiallyDeferred) {
        this.deferrable = true;
        this.initiallyDeferred = isInitiallyDeferred;
    }

    /**
     * Makes it an EXCLUDE constraint whose operators are all {@code =}: keys conflict as a unique key's do, and the
     * errors are an exclusion constraint's; set before the store takes the key.
     */
    public void makeExclusion() {
        this.exclusion = true;
    }

    /** Whether the constraint is DEFERRABLE: checked at the end of a statement, or later while deferred. */
    public boolean deferrable() {
        return deferrable;
    }

    /** Whether the constraint is INITIALLY DEFERRED. */
    public boolean initiallyDeferred() {
        return initiallyDeferred;
    }

    /** The owning store gives its allocator for the condition's scratch vectors before adding any row. */
    void attach(org.apache.arrow.memory.BufferAllocator allocator) {
        this.conditionAllocator = allocator;
    }

    /**
     * Whether lookups by column values cannot use it: only some rows have keys (a partial index), or its keys are
     * computed (an index over expressions). Such a key reads every column of a row.
     */
    public boolean partial() {
        return condition != null || computed != null;
    }

    public String constraintName() {
        return constraintName;
    }

    /**
     * The keys {@code batches} would add to each of {@code indexes} (element i for index i, in row order),
     * after checking every row against the stored keys and the earlier rows of the same batches. Rows are
     * checked in order and, for each row, the indexes in order, as PostgreSQL inserts a row into its indexes,
     * so the error names the first row's first conflicting key. Only the first {@code lastRows} rows of the last
     * batch count. Changes nothing.
     *
     * @throws BasaltException 23505 for the first conflict
     */
    static List<List<List<Object>>> newKeys(List<UniqueKeyIndex> indexes, List<Batch> batches, int lastRows) {
        List<UniqueKeySet> pending = new ArrayList<>(indexes.size());
        List<List<List<Object>>> added = new ArrayList<>(indexes.size());
        for (int k = 0; k < indexes.size(); k++) {
            pending.add(new UniqueKeySet());
            added.add(new ArrayList<>());
        }
        for (int b = 0; b < batches.size(); b++) {
            Batch batch = batches.get(b);
            int rows = b == batches.size() - 1 ? lastRows : batch.rowCount();
            for (int row = 0; row < rows; row++) {
                for (int k = 0; k < indexes.size(); k++) {
                    UniqueKeyIndex index = indexes.get(k);
                    List<Object> key = index.deferrable ? null : index.keyOf(batch, row);
                    if (key == null) {
                        continue;
                    }
                    if (index.keys.contains(key) || !pending.get(k).add(key)) {
                        throw index.violation(batch, row);
                    }
                    added.get(k).add(key);
                }
            }
        }
        return added;
    }

    /**
     * Applies one statement's changes to every index, in PostgreSQL's order: the statement's i-th removed row
     * (row {@code removedRows[i]} of the vectors {@code removedChunks.get(i)}) gives up its keys, then its i-th
     * new row takes its keys, each index in turn, checked against the keys held at that moment. So an UPDATE that
     * shifts a key onto the key of a row it updates later fails, as in PostgreSQL, and one that swaps keys in
     * the other order succeeds. Returns what undoes the change (for a statement that fails later, e.g. while
     * logging); on a conflict the change is undone before the error is thrown.
     *
     * @throws BasaltException 23505 for the first conflict
     */
    static Runnable replace(List<UniqueKeyIndex> indexes, List<FieldVector[]> removedChunks, int[] removedRows,
                            List<Batch> added) {
        if (indexes.isEmpty()) {
            return () -> { };
        }
        List<List<List<Object>>> removedKeys = new ArrayList<>();
        List<List<List<Object>>> addedKeys = new ArrayList<>();
        for (int k = 0; k < indexes.size(); k++) {
            removedKeys.add(new ArrayList<>());
            addedKeys.add(new ArrayList<>());
        }
        Runnable undo = () -> {
            for (int k = 0; k < indexes.size(); k++) {
                indexes.get(k).keys.removeAll(addedKeys.get(k));
                indexes.get(k).keys.addAll(removedKeys.get(k));
            }
        };
        try {
            int batchIndex = 0;
            int row = 0;
            for (int i = 0; ; i++) {
                while (batchIndex < added.size() && row >= added.get(batchIndex).rowCount()) {
                    batchIndex++;
                    row = 0;
                }
                boolean removes = i < removedRows.length;
                boolean adds = batchIndex < added.size();
                if (!removes && !adds) {
                    break;
                }
                for (int k = 0; removes && k < indexes.size(); k++) {
                    UniqueKeyIndex index = indexes.get(k);
                    if (index.deferrable) {
                        continue;
                    }
                    List<Object> key = index.keyOf(Arrays.asList(removedChunks.get(i)), removedRows[i]);
                    if (key != null && index.keys.remove(key)) {
                        removedKeys.get(k).add(key);
                    }
                }
                for (int k = 0; adds && k < indexes.size(); k++) {
                    UniqueKeyIndex index = indexes.get(k);
                    if (index.deferrable) {
                        continue;
                    }
                    Batch batch = added.get(batchIndex);
                    List<Object> key = index.keyOf(batch, row);
                    if (key == null) {
                        continue;
                    }
                    if (!index.keys.add(key)) {
                        throw index.violation(batch, row);
                    }
                    addedKeys.get(k).add(key);
                }
                if (adds) {
                    row++;
                }
            }
            replaceDeferrable(indexes, removedChunks, removedRows, added, removedKeys, addedKeys);
        } catch (RuntimeException failure) {
            undo.run();
            throw failure;
        }
        return undo;
    }

    /** {@link #replace} for the deferrable indexes: every removed row gives up its keys, then every new row adds. */
    private static void replaceDeferrable(List<UniqueKeyIndex> indexes, List<FieldVector[]> removedChunks,
                                          int[] removedRows, List<Batch> added, List<List<List<Object>>> removedKeys,
                                          List<List<List<Object>>> addedKeys) {
        for (int k = 0; k < indexes.size(); k++) {
            UniqueKeyIndex index = indexes.get(k);
            if (!index.deferrable) {
                continue;
            }
            for (int i = 0; i < removedRows.length; i++) {
                List<Object> key = index.keyOf(Arrays.asList(removedChunks.get(i)), removedRows[i]);
                if (key != null && index.keys.remove(key)) {
                    removedKeys.get(k).add(key);
                }
            }
            for (Batch batch : added) {
                for (int row = 0; row < batch.rowCount(); row++) {
                    List<Object> key = index.keyOf(batch, row);
                    if (key == null) {
                        continue;
                    }
                    if (!index.keys.add(key)) {
                        throw index.violation(batch, row);
                    }
                    addedKeys.get(k).add(key);
                }
            }
        }
    }

    /** What {@link #insertNew} decided: per row whether it goes in, and how to take its keys back out. */
    record Insertion(boolean[] inserted, Runnable undo) {
    }

    /**
     * INSERT ... ON CONFLICT DO NOTHING's key check, row by row as PostgreSQL's speculative insertion: a row whose
     * key on one of the indexes named in {@code arbiters} is already held (by a stored row or an earlier row kept
     * here) is skipped; any other row takes its keys on every index, and a conflict on an index that is not an
     * arbiter fails the statement (everything undone).
     *
     * @throws BasaltException 23505 for a conflict on a non-arbiter index
     */
    static Insertion insertNew(List<UniqueKeyIndex> indexes, java.util.Set<String> arbiters, List<Batch> batches) {
        int total = 0;
        for (Batch batch : batches) {
            total += batch.rowCount();
        }
        boolean[] inserted = new boolean[total];
        List<List<List<Object>>> added = new ArrayList<>();
        for (int k = 0; k < indexes.size(); k++) {
            added.add(new ArrayList<>());
        }
        Runnable undo = () -> {
            for (int k = 0; k < indexes.size(); k++) {
                indexes.get(k).keys.removeAll(added.get(k));
            }
        };
        try {
            int next = 0;
            for (Batch batch : batches) {
                for (int row = 0; row < batch.rowCount(); row++, next++) {
                    List<List<Object>> keys = new ArrayList<>(indexes.size());
                    boolean conflict = false;
                    for (UniqueKeyIndex index : indexes) {
                        List<Object> key = index.keyOf(batch, row);
                        keys.add(key);
                        conflict |= key != null && arbiters.contains(index.constraintName) && index.keys.contains(key);
                    }
                    if (conflict) {
                        continue;
                    }
                    for (int k = 0; k < indexes.size(); k++) {
                        List<Object> key = keys.get(k);
                        if (key == null) {
                            continue;
                        }
                        if (!indexes.get(k).keys.add(key)) {
                            throw indexes.get(k).violation(batch, row);
                        }
                        added.get(k).add(key);
                    }
                    inserted[next] = true;
                }
            }
        } catch (RuntimeException failure) {
            undo.run();
            throw failure;
        }
        return new Insertion(inserted, undo);
    }

    /**
     * A transaction's whole change at COMMIT, checked against the keys committed since it ran: every removed row
     * (as for {@link #replace}) gives up its keys first, then every added row takes its keys. The transaction
     * checked its statements one by one as they ran, so a conflict here is with a row another transaction
     * committed meanwhile. Returns what undoes the change; on a conflict it is undone before the error is thrown.
     *
     * @throws BasaltException 23505 for the first conflict
     */
    static Runnable applyChange(List<UniqueKeyIndex> indexes, List<FieldVector[]> removedChunks, int[] removedRows,
                                List<Batch> added) {
        if (indexes.isEmpty()) {
            return () -> { };
        }
        List<List<List<Object>>> removedKeys = new ArrayList<>();
        List<List<List<Object>>> addedKeys = new ArrayList<>();
        for (int k = 0; k < indexes.size(); k++) {
            removedKeys.add(new ArrayList<>());
            addedKeys.add(new ArrayList<>());
        }
        Runnable undo = () -> {
            for (int k = 0; k < indexes.size(); k++) {
                indexes.get(k).keys.removeAll(addedKeys.get(k));
                indexes.get(k).keys.addAll(removedKeys.get(k));
            }
        };
        try {
            for (int i = 0; i < removedRows.length; i++) {
                for (int k = 0; k < indexes.size(); k++) {
                    UniqueKeyIndex index = indexes.get(k);
                    List<Object> key = index.keyOf(Arrays.asList(removedChunks.get(i)), removedRows[i]);
                    if (key != null && index.keys.remove(key)) {
                        removedKeys.get(k).add(key);
                    }
                }
            }
            for (Batch batch : added) {
                for (int row = 0; row < batch.rowCount(); row++) {
                    for (int k = 0; k < indexes.size(); k++) {
                        UniqueKeyIndex index = indexes.get(k);
                        List<Object> key = index.keyOf(batch, row);
                        if (key == null) {
                            continue;
                        }
                        if (!index.keys.add(key)) {
                            throw index.violation(batch, row);
                        }
                        addedKeys.get(k).add(key);
                    }
                }
            }
        } catch (RuntimeException failure) {
            undo.run();
            throw failure;
        }
        return undo;
    }

    /** The key columns, in the index's order. */
    int[] columns() {
        return columns.clone();
    }

    /** Whether a stored row holds {@code key} (values in {@link ValueComparison#equalityKey} form, index order). */
    boolean contains(List<Object> key) {
        return keys.contains(key);
    }

    /** Records keys that {@link #newKeys} returned for this index, once their rows are stored. */
    void addAll(List<List<Object>> added) {
        keys.addAll(added);
    }

    /** Forgets every key (TRUNCATE). */
    void clear() {
        keys.clear();
    }

    /** Records the keys of rows already stored, checking nothing (recovery, index creation over old rows). */
    void addRows(Batch batch) {
        addRows(batch, null);
    }

    /** As {@link #addRows(Batch)}, skipping the rows whose bit is set in {@code deleted} (null: none). */
    void addRows(Batch batch, long[] deleted) {
        addRows(batch.columns(), batch.rowCount(), deleted);
    }

    /**
     * As {@link #addRows(Batch, long[])} over rows {@code [0, rows)} of a table's columns, of which only the key's
     * need to be present (the others may be null: a chunk read from a data file for its keys).
     */
    void addRows(List<FieldVector> tableColumns, int rows, long[] deleted) {
        for (int row = 0; row < rows; row++) {
            if (deleted != null && (deleted[row >>> 6] & (1L << row)) != 0) {
                continue;
            }
            List<Object> key = keyOf(tableColumns, row);
            if (key != null) {
                keys.add(key);
            }
        }
    }

    /**
     * Records the keys of rows already stored, checking them against each other (CREATE UNIQUE INDEX over a table
     * with rows); on a duplicate the keys recorded so far stay, and the caller drops the index.
     *
     * @throws BasaltException 23505 {@code could not create unique index} for the first duplicated key
     */
    void addRowsChecked(Batch batch, long[] deleted) {
        for (int row = 0; row < batch.rowCount(); row++) {
            if (deleted != null && (deleted[row >>> 6] & (1L << row)) != 0) {
                continue;
            }
            List<Object> key = keyOf(batch, row);
            if (key != null && !keys.add(key)) {
                BasaltException duplicate = violation(batch, row);
                if (exclusion) {
                    throw BasaltException.of(SqlState.EXCLUSION_VIOLATION,
                                    "could not create exclusion constraint \"" + constraintName + "\"")
                            .withDetail(duplicate.detail().replace(" with existing key ", " with key "));
                }
                throw BasaltException.of(SqlState.UNIQUE_VIOLATION,
                                "could not create unique index \"" + constraintName + "\"")
                        .withDetail(duplicate.detail().replace(" already exists.", " is duplicated."));
            }
        }
    }

    /** The row's key in comparable form, or null when a NULL in it exempts the row. */
    List<Object> keyOf(Batch batch, int row) {
        return keyOf(batch.columns(), row);
    }

    /** The key of row {@code row} of a table's {@code tableColumns}, as {@link #keyOf(Batch, int)}. */
    List<Object> keyOf(List<FieldVector> tableColumns, int row) {
        Object[] values = new Object[columns.length];
        for (int k = 0; k < columns.length; k++) {
            Object value = computed != null && computed[k] != null ? computedValue(k, tableColumns, row, false)
                    : ValueAccess.get(tableColumns.get(columns[k]), row);
            if (value == null && !nullsNotDistinct) {
                return null;
            }
            values[k] = ValueComparison.equalityKey(value);
        }
        if (condition != null && !condition.holds(tableColumns, row, conditionAllocator)) {
            return null;
        }
        return Arrays.asList(values);
    }

    BasaltException violation(Batch batch, int row) {
        return violation(batch.columns(), row);
    }

    /** The 23505 error (23P01 for an exclusion constraint) for row {@code row} of a table's {@code tableColumns}. */
    BasaltException violation(List<FieldVector> tableColumns, int row) {
        StringBuilder names = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (int k = 0; k < columns.length; k++) {
            if (k > 0) {
                names.append(", ");
                values.append(", ");
            }
            names.append(columnNames.get(k));
            String text = computed != null && computed[k] != null
                    ? (String) computedValue(k, tableColumns, row, true)
                    : ValueAccess.text(tableColumns.get(columns[k]), row);
            values.append(text == null ? "null" : text);
        }
        if (exclusion) {
            // the conflicting row's key is equal to the new one: "=" is the only operator such a constraint has
            return BasaltException.of(SqlState.EXCLUSION_VIOLATION,
                            "conflicting key value violates exclusion constraint \"" + constraintName + "\"")
                    .withDetail("Key (" + names + ")=(" + values + ") conflicts with existing key (" + names + ")=("
                            + values + ").");
        }
        return BasaltException.of(SqlState.UNIQUE_VIOLATION,
                        "duplicate key value violates unique constraint \"" + constraintName + "\"")
                .withDetail("Key (" + names + ")=(" + values + ") already exists.");
    }

    /** Key part {@code k} computed for row {@code row} of a table's columns: its value, or with {@code asText} its text. */
    private Object computedValue(int k, List<FieldVector> tableColumns, int row, boolean asText) {
        return RowExpression.value(computed[k], tableColumns, row, conditionAllocator, asText);
    }

    @Override
    public String toString() {
        return constraintName + " on " + tableName;
    }
}
