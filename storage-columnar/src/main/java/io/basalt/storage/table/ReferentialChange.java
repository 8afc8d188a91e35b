package io.basalt.storage.table;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.storage.lock.RowLockMode;
import io.basalt.storage.wal.WalRecord;
import io.basalt.storage.wal.WriteAheadLog;
import io.basalt.type.LogicalType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * One statement's change to a table that takes part in foreign keys, made in one atomic step together with
 * everything its keys demand, as PostgreSQL's referential-integrity triggers do at the end of a statement:
 *
 * <ul>
 * <li>a deleted referenced row, or one whose referenced key changed, acts on the rows referencing it: RESTRICT
 *     fails, NO ACTION fails unless the key is present again when the statement ends, CASCADE deletes them (or
 *     changes their key along), SET NULL / SET DEFAULT give them new versions; cascaded changes cascade in turn
 *     (chains, self-references), and their new rows must pass the referencing table's NOT NULL and CHECK;</li>
 * <li>every new row of a referencing table must reference a row present when the statement ends (MATCH SIMPLE:
 *     a key with a NULL references nothing; MATCH FULL: only an all-NULL key does), found by probing the
 *     referenced table's unique key.</li>
 * </ul>
 *
 * <p>It locks every table connected to the changed one by foreign keys, in one global order (their creation), so
 * that two such statements cannot deadlock and no other write slips in between a check and the change. When the
 * planned change meets another open transaction's rows or keys ({@link ForeignKeyWaits}: a referenced row it
 * deleted, new rows referencing a key this change deletes, rows or unique keys it holds), it gives the locks up,
 * waits for that transaction to end, and plans again from the start. Under
 * the locks it plans the cascades, applies each table's change to its unique keys (nested
 * {@link InMemoryTableStore#modify} calls), checks the keys against that final state, writes every table's
 * rows to the log in one commit, and only then makes the rows visible; a failure anywhere undoes the keys and
 * changes nothing. Referencing rows are found by scanning the referencing table (no index on its columns yet);
 * cascades work on boxed rows, which is fine for the rows a cascade touches but is why a plain INSERT or a
 * change to a table nothing references keeps its Arrow batches.
 */
public final class ReferentialChange {
    private static final Runnable NOTHING = () -> { };

    /** The pending change of one table. Paired rows: deleted version i and its new version i (null: deleted). */
    private static final class TableChange {
        final TableStore store;
        final InMemoryTableStore base;
        long[] unboxedDeleted = new long[0];
        List<Batch> unboxedAppended = List.of();
        final List<Long> pairedIds = new ArrayList<>();
        final List<Object[]> pairedOld = new ArrayList<>();
        final List<Object[]> pairedNew = new ArrayList<>();
        final List<Long> deletedIds = new ArrayList<>();
        final Set<Long> touched = new HashSet<>();
        long[] finalDeleted;
        List<Batch> finalAppended;

        TableChange(TableStore store) {
            this.store = store;
            this.base = base(store);
        }

        boolean changes() {
            return finalDeleted.length > 0 || !finalAppended.isEmpty();
        }
    }

    /** Rows of one table that lost their old version ({@code news} entry null) or got a new one. */
    private record Delta(TableChange change, List<Object[]> olds, List<Object[]> news) {
    }

    /**
     * A NO ACTION or RESTRICT key to look at when the statement ends (after the unique keys, whose violations
     * PostgreSQL reports first): its referencing rows found then, by id and by key. RESTRICT fails if they still
     * reference it even when the statement put the key back.
     */
    private record PendingCheck(ForeignKey key, boolean restrict, TableChange referencing,
                                List<Object> referencedKey, Object[] referencedRow, List<Long> storedIds) {
    }

    /** Referenced keys of {@code key} that the statement deletes ({@code deleting}) or changes. */
    private record ChangedKeys(ForeignKey key, Set<List<Object>> keys, boolean deleting) {
    }

    /** A referencing row found for a changed key: stored ({@code storedId}) or pending (index in pairedNew). */
    private record Match(long storedId, int pending, Object[] values, List<Object> key) {
    }

    private final BufferAllocator allocator;
    private final Map<InMemoryTableStore, TableChange> changes = new LinkedHashMap<>();
    private final ArrayDeque<Delta> work = new ArrayDeque<>();
    private final List<PendingCheck> pendingChecks = new ArrayList<>();
    private final List<Batch> built = new ArrayList<>();
    private final List<ChangedKeys> changedKeys = new ArrayList<>();
    /** Set when the planned change must wait for another transaction first (see {@link ForeignKeyWaits}). */
    private ForeignKeyWaits.Wait wait;

    private ReferentialChange(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    /** The store that holds the rows and the lock: the store under a logged one. */
    static InMemoryTableStore base(TableStore store) {
        TableStore unlogged = store instanceof LoggedTableStore logged ? logged.unlogged() : store;
        if (unlogged instanceof InMemoryTableStore memory) {
            return memory;
        }
        throw BasaltException.internal("foreign keys need an in-memory table store, not "
                + unlogged.getClass().getSimpleName());
    }

    /**
     * {@link TableStore#modify} for a statement's change to {@code table} (without RETURNING's concerns): plain
     * when the table takes part in no foreign key; otherwise with the checks and cascades described above.
     * {@code allocator} holds the rows cascades make while the change is applied.
     *
     * @throws BasaltException 23503 for a foreign-key violation, and what {@code modify} and cascaded rows raise
     */
    public static void modify(TableStore table, long[] deleted, List<Batch> appended, BufferAllocator allocator) {
        if (table.foreignKeys().isEmpty()) {
            table.modify(deleted, appended, NOTHING);
            return;
        }
        List<InMemoryTableStore> stores = connected(table);
        while (true) {
            ReferentialChange change = new ReferentialChange(allocator);
            try {
                locked(stores, 0, () -> change.run(table, deleted, appended));
            } finally {
                change.closeBuilt();
            }
            if (change.wait == null) {
                return;
            }
            ForeignKeyWaits.await(TableTransaction.current(), change.wait);
        }
    }

    /**
     * {@link TableStore#insertNew} (INSERT ... ON CONFLICT DO NOTHING) with the inserted rows checked against the
     * tables they reference. Inserting rows never acts on referencing rows.
     */
    public static boolean[] insertNew(TableStore table, List<Batch> batches, Set<String> arbiters) {
        if (table.foreignKeys().isEmpty()) {
            return table.insertNew(batches, arbiters, rows -> { });
        }
        boolean[][] inserted = new boolean[1][];
        ForeignKeyWaits.Wait[] wait = new ForeignKeyWaits.Wait[1];
        TableTransaction transaction = TableTransaction.current();
        DeferredChecks deferred = transaction == null ? null : transaction.deferredChecks();
        List<InMemoryTableStore> stores = connected(table);
        while (true) {
            wait[0] = null;
            locked(stores, 0, () -> {
                wait[0] = transaction == null ? null : newRowsWait(transaction, table, batches);
                if (wait[0] != null) {
                    return;
                }
                inserted[0] = table.insertNew(batches, arbiters, rows -> {
                    for (ForeignKey key : table.foreignKeys()) {
                        if (key.isReferencingTable(table)) {
                            if (deferred != null && deferred.defers(key)) {
                                deferred.deferRows(key);
                            } else {
                                ForeignKeyChecks.checkRows(key, rows);
                            }
                        }
                    }
                });
            });
            if (wait[0] == null) {
                return inserted[0];
            }
            ForeignKeyWaits.await(transaction, wait[0]);
        }
    }

    /** The wait for new rows {@code rows} of {@code table}: their unique keys, then the rows they reference. */
    private static ForeignKeyWaits.Wait newRowsWait(TableTransaction transaction, TableStore table, List<Batch> rows) {
        ForeignKeyWaits.Wait found = ForeignKeyWaits.forUniqueKeys(transaction, base(table), rows);
        for (ForeignKey key : table.foreignKeys()) {
            if (found == null && key.isReferencingTable(table)) {
                found = ForeignKeyWaits.forReferencingRows(transaction, key, rows);
            }
        }
        return found;
    }

    /** Every table linked to {@code table} through foreign keys, directly or not, in lock order. */
    static List<InMemoryTableStore> connected(TableStore table) {
        List<InMemoryTableStore> found = new ArrayList<>();
        found.add(base(table));
        for (int next = 0; next < found.size(); next++) {
            for (ForeignKey key : found.get(next).foreignKeys()) {
                for (TableStore end : List.of(key.referencing().store(), key.referenced().store())) {
                    InMemoryTableStore store = base(end);
                    if (!found.contains(store)) {
                        found.add(store);
                    }
                }
            }
        }
        found.sort(Comparator.comparingLong(store -> store.serial));
        return found;
    }

    static void locked(List<InMemoryTableStore> stores, int next, Runnable body) {
        if (next == stores.size()) {
            body.run();
            return;
        }
        synchronized (stores.get(next)) {
            locked(stores, next + 1, body);
        }
    }

    // ---- planning -----------------------------------------------------------------------------------

    private TableChange change(TableStore store) {
        return changes.computeIfAbsent(base(store), ignored -> new TableChange(store));
    }

    private void run(TableStore table, long[] deleted, List<Batch> appended) {
        TableChange primary = change(table);
        boolean referenced = false;
        for (ForeignKey key : table.foreignKeys()) {
            referenced |= key.isReferencedTable(table);
        }
        if (deleted.length == 0 || !referenced) {
            primary.unboxedDeleted = deleted;
            primary.unboxedAppended = appended;
        } else {
            planCascades(primary, deleted, appended);
        }
        for (TableChange change : changes.values()) {
            finish(change);
        }
        TableTransaction transaction = TableTransaction.current();
        wait = transaction == null ? null : findWait(transaction);
        if (wait != null) {
            return;
        }
        List<TableChange> changed = new ArrayList<>();
        for (TableChange change : changes.values()) {
            if (change.changes()) {
                changed.add(change);
            }
        }
        apply(changed, 0);
    }

    private void planCascades(TableChange primary, long[] deleted, List<Batch> appended) {
        List<Object[]> news = boxed(appended);
        if (!news.isEmpty() && news.size() != deleted.length) {
            throw BasaltException.internal("a change must pair each deleted row with its new version or add none");
        }
        List<Object[]> olds = new ArrayList<>(deleted.length);
        for (int i = 0; i < deleted.length; i++) {
            Object[] old = primary.base.row(deleted[i]);
            olds.add(old);
            primary.touched.add(deleted[i]);
            if (news.isEmpty()) {
                primary.deletedIds.add(deleted[i]);
            } else {
                primary.pairedIds.add(deleted[i]);
                primary.pairedOld.add(old);
                primary.pairedNew.add(news.get(i));
            }
        }
        List<Object[]> delta = new ArrayList<>(olds.size());
        for (int i = 0; i < olds.size(); i++) {
            delta.add(news.isEmpty() ? null : news.get(i));
        }
        work.add(new Delta(primary, olds, delta));
        while (!work.isEmpty()) {
            Delta next = work.poll();
            for (ForeignKey key : next.change().base.foreignKeys()) {
                if (key.isReferencedTable(next.change().store)) {
                    act(key, next);
                }
            }
        }
    }

    /** What {@code key} does about the referenced rows {@code delta} deleted or whose key it changed. */
    private void act(ForeignKey key, Delta delta) {
        Map<List<Object>, Object[][]> changed = new HashMap<>();
        for (int i = 0; i < delta.olds().size(); i++) {
            Object[] old = delta.olds().get(i);
            Object[] now = delta.news().get(i);
            List<Object> oldKey = ForeignKeyChecks.referencedKey(key, old);
            if (oldKey == null || now != null && oldKey.equals(ForeignKeyChecks.referencedKey(key, now))) {
                continue;
            }
            changed.put(oldKey, new Object[][] {old, now});
        }
        if (changed.isEmpty()) {
            return;
        }
        boolean deleting = false;
        for (Object[] now : delta.news()) {
            deleting |= now == null;
        }
        changedKeys.add(new ChangedKeys(key, changed.keySet(), deleting));
        TableChange referencing = change(key.referencing().store());
        List<Match> matches = new ArrayList<>();
        TableTransaction transaction = TableTransaction.current();
        PendingChange own = transaction == null ? null : transaction.change(referencing.base);
        InMemoryTableStore.RowVisitor visitor = (chunk, row, rowId) -> {
            if (referencing.touched.contains(rowId) || own != null && own.deletesCommitted(rowId)) {
                return;
            }
            List<Object> found = ForeignKeyChecks.referencingKey(key, java.util.Arrays.asList(chunk), row);
            if (found != null && changed.containsKey(found)) {
                Object[] values = new Object[chunk.length];
                for (int c = 0; c < chunk.length; c++) {
                    values[c] = ValueAccess.get(chunk[c], row);
                }
                matches.add(new Match(rowId, -1, values, found));
            }
        };
        referencing.base.forEachRow(visitor);
        if (own != null) {
            // the transaction's own rows, not committed yet, reference too
            own.forEachLiveRow(visitor);
        }
        for (int j = 0; j < referencing.pairedNew.size(); j++) {
            Object[] values = referencing.pairedNew.get(j);
            List<Object> found = values == null ? null : ForeignKeyChecks.referencingKey(key, values);
            if (found != null && changed.containsKey(found)) {
                matches.add(new Match(-1, j, values, found));
            }
        }
        List<Object[]> olds = new ArrayList<>();
        List<Object[]> news = new ArrayList<>();
        Map<List<Object>, PendingCheck> checks = new HashMap<>();
        for (Match match : matches) {
            Object[][] referencedRows = changed.get(match.key());
            Object[] newReferenced = referencedRows[1];
            ReferentialAction action = newReferenced == null ? key.onDelete() : key.onUpdate();
            switch (action) {
                case NO_ACTION, RESTRICT -> {
                    PendingCheck check = checks.computeIfAbsent(match.key(), found -> new PendingCheck(key,
                            action == ReferentialAction.RESTRICT, referencing, found, referencedRows[0],
                            new ArrayList<>()));
                    if (match.storedId() >= 0) {
                        check.storedIds().add(match.storedId());
                    }
                }
                case CASCADE -> {
                    Object[] replacement = null;
                    if (newReferenced != null) {
                        replacement = match.values().clone();
                        int[] columns = key.referencing().columns();
                        for (int k = 0; k < columns.length; k++) {
                            replacement[columns[k]] = ForeignKeyChecks.toReferencingType(key, k,
                                    newReferenced[key.referenced().columns()[k]]);
                        }
                    }
                    replace(referencing, match, replacement, olds, news);
                }
                case SET_NULL, SET_DEFAULT -> {
                    int[] columns = newReferenced == null && key.deleteSetColumns() != null
                            ? key.deleteSetColumns() : key.referencing().columns();
                    Object[] replacement = match.values().clone();
                    for (int column : columns) {
                        replacement[column] = action == ReferentialAction.SET_NULL ? null : defaultOf(key, column);
                    }
                    replace(referencing, match, replacement, olds, news);
                }
            }
        }
        pendingChecks.addAll(checks.values());
        if (!olds.isEmpty()) {
            work.add(new Delta(referencing, olds, news));
        }
    }

    /** Gives a referencing row its new version ({@code replacement}; null deletes it) and notes the delta. */
    private static void replace(TableChange change, Match match, Object[] replacement, List<Object[]> olds,
                                List<Object[]> news) {
        if (match.storedId() >= 0) {
            change.touched.add(match.storedId());
            if (replacement == null) {
                change.deletedIds.add(match.storedId());
            } else {
                change.pairedIds.add(match.storedId());
                change.pairedOld.add(match.values());
                change.pairedNew.add(replacement);
            }
        } else {
            change.pairedNew.set(match.pending(), replacement);
        }
        olds.add(match.values());
        news.add(replacement);
    }

    private Object defaultOf(ForeignKey key, int column) {
        var expression = key.referencingRows().defaults().get(column);
        if (expression == null) {
            return null;
        }
        try (EvaluationContext evaluation = new EvaluationContext(allocator)) {
            FieldVector value = expression.evaluate(new Batch(List.of(), 1), evaluation);
            return ValueAccess.get(value, 0);
        }
    }

    // ---- waiting ------------------------------------------------------------------------------------

    /**
     * The first other open transaction the planned change must wait for (see {@link ForeignKeyWaits}), or null:
     * holders of the rows it deletes or updates, of the unique keys and referenced rows its new rows need, and
     * transactions whose new rows reference a key it deletes or changes.
     */
    private ForeignKeyWaits.Wait findWait(TableTransaction transaction) {
        for (TableChange change : changes.values()) {
            ForeignKeyWaits.Wait found = null;
            if (change.finalDeleted.length > 0) {
                found = ForeignKeyWaits.forChangedRows(transaction, change.base, change.finalDeleted,
                        change.finalAppended.isEmpty() ? RowLockMode.UPDATE : RowLockMode.NO_KEY_UPDATE);
            }
            if (found == null && !change.finalAppended.isEmpty()) {
                found = newRowsWait(transaction, change.store, change.finalAppended);
            }
            if (found != null) {
                return found;
            }
        }
        for (ChangedKeys keys : changedKeys) {
            ForeignKeyWaits.Wait found = ForeignKeyWaits.forReferencedKeys(transaction, keys.key(), keys.keys(),
                    keys.deleting());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    // ---- applying -----------------------------------------------------------------------------------

    /** Fixes the change's final row ids and batches; checks NOT NULL and CHECK on rows that cascades made. */
    private void finish(TableChange change) {
        if (change.pairedIds.isEmpty() && change.deletedIds.isEmpty()) {
            change.finalDeleted = change.unboxedDeleted;
            change.finalAppended = change.unboxedAppended;
            return;
        }
        List<Long> ids = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        List<Long> gone = new ArrayList<>();
        for (int i = 0; i < change.pairedIds.size(); i++) {
            Object[] now = change.pairedNew.get(i);
            if (now == null) {
                gone.add(change.pairedIds.get(i));
            } else {
                ids.add(change.pairedIds.get(i));
                rows.add(now);
            }
        }
        ids.addAll(gone);
        ids.addAll(change.deletedIds);
        change.finalDeleted = new long[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            change.finalDeleted[i] = ids.get(i);
        }
        change.finalAppended = rows.isEmpty() ? List.of() : List.of(batchOf(change.store.columnTypes(), rows));
        if (!rows.isEmpty()) {
            for (ForeignKey key : change.base.foreignKeys()) {
                if (key.isReferencingTable(change.store)) {
                    checkRowRules(key, change.finalAppended.getFirst());
                    break;
                }
            }
        }
    }

    private Batch batchOf(List<LogicalType> types, List<Object[]> rows) {
        List<FieldVector> vectors = new ArrayList<>(types.size());
        try {
            for (int c = 0; c < types.size(); c++) {
                FieldVector vector = ValueAccess.allocate(types.get(c), "c" + c, allocator, rows.size());
                vectors.add(vector);
                for (int row = 0; row < rows.size(); row++) {
                    ValueAccess.set(vector, row, rows.get(row)[c]);
                }
                vector.setValueCount(rows.size());
            }
        } catch (RuntimeException | Error failure) {
            for (FieldVector vector : vectors) {
                vector.close();
            }
            throw failure;
        }
        Batch batch = new Batch(vectors, rows.size());
        built.add(batch);
        return batch;
    }

    /** NOT NULL (in column order) then CHECK (in name order) on new versions of referencing rows. */
    private void checkRowRules(ForeignKey key, Batch batch) {
        ForeignKey.RowRules rules = key.referencingRows();
        String table = key.referencing().table();
        for (int row = 0; row < batch.rowCount(); row++) {
            for (int c = 0; c < rules.notNull().length; c++) {
                if (rules.notNull()[c] && batch.column(c).isNull(row)) {
                    throw BasaltException.of(SqlState.NOT_NULL_VIOLATION, "null value in column \""
                                    + rules.columnNames().get(c) + "\" of relation \"" + table
                                    + "\" violates not-null constraint")
                            .withDetail("Failing row contains " + TableWriteOperator.describeRow(batch, row) + ".");
                }
            }
        }
        try (EvaluationContext evaluation = new EvaluationContext(allocator)) {
            for (CheckConstraint check : rules.checks()) {
                BitVector result = (BitVector) check.condition().evaluate(batch, evaluation);
                for (int row = 0; row < batch.rowCount(); row++) {
                    if (!result.isNull(row) && result.get(row) == 0) {
                        throw BasaltException.of(SqlState.CHECK_VIOLATION, "new row for relation \"" + table
                                        + "\" violates check constraint \"" + check.name() + "\"")
                                .withDetail("Failing row contains " + TableWriteOperator.describeRow(batch, row)
                                        + ".");
                    }
                }
            }
        }
    }

    /**
     * Applies the changes from {@code next} on, each inside the previous one's {@link InMemoryTableStore#modify}:
     * the innermost step runs when every table's unique keys hold the statement's final state, checks the foreign
     * keys, and logs; only then does each table make its rows visible.
     */
    private void apply(List<TableChange> changed, int next) {
        if (next == changed.size()) {
            checkReferences(changed);
            log(changed);
            return;
        }
        TableChange change = changed.get(next);
        change.base.modify(change.finalDeleted, change.finalAppended, () -> apply(changed, next + 1));
    }

    private void checkReferences(List<TableChange> changed) {
        TableTransaction transaction = TableTransaction.current();
        DeferredChecks deferred = transaction == null ? null : transaction.deferredChecks();
        for (TableChange change : changed) {
            if (change.finalAppended.isEmpty()) {
                continue;
            }
            for (ForeignKey key : change.base.foreignKeys()) {
                if (key.isReferencingTable(change.store)) {
                    if (deferred != null && deferred.defers(key)) {
                        deferred.deferRows(key);
                    } else {
                        ForeignKeyChecks.checkRows(key, change.finalAppended);
                    }
                }
            }
        }
        for (PendingCheck check : pendingChecks) {
            if (!check.restrict() && ForeignKeyChecks.present(check.key(), check.referencedKey())) {
                continue;
            }
            if (!check.restrict() && deferred != null && deferred.defers(check.key())) {
                deferred.deferRemoval(check.key(), check.referencedKey(), check.referencedRow());
                continue;
            }
            boolean referenced = false;
            for (long id : check.storedIds()) {
                referenced |= !check.referencing().touched.contains(id);
            }
            for (Object[] values : check.referencing().pairedNew) {
                referenced |= values != null
                        && check.referencedKey().equals(ForeignKeyChecks.referencingKey(check.key(), values));
            }
            if (referenced) {
                throw ForeignKeyChecks.stillReferenced(check.key(), check.referencedRow());
            }
        }
    }

    /**
     * One commit holding every logged table's deleted ids and new rows, so that replay applies all or none. In a
     * transaction the tables' changes went into its pending changes instead, and its COMMIT logs them: here they are
     * only marked as logged.
     */
    private static void log(List<TableChange> changed) {
        TableTransaction transaction = TableTransaction.current();
        if (transaction != null) {
            for (TableChange change : changed) {
                if (change.store instanceof LoggedTableStore logged) {
                    transaction.changeForWrite(change.base).logTo(logged.log());
                }
            }
            return;
        }
        WriteAheadLog log = null;
        List<WalRecord> records = new ArrayList<>();
        for (TableChange change : changed) {
            if (!(change.store instanceof LoggedTableStore logged)) {
                continue;
            }
            log = logged.log();
            if (change.finalDeleted.length > 0) {
                records.add(new WalRecord.Delete(change.store.name(), change.finalDeleted));
            }
            if (!change.finalAppended.isEmpty()) {
                records.add(new WalRecord.Append(change.store.name(), change.finalAppended));
            }
        }
        if (log != null && !records.isEmpty()) {
            log.commit(records);
        }
    }

    private static List<Object[]> boxed(List<Batch> batches) {
        List<Object[]> rows = new ArrayList<>();
        for (Batch batch : batches) {
            for (int row = 0; row < batch.rowCount(); row++) {
                Object[] values = new Object[batch.columnCount()];
                for (int c = 0; c < values.length; c++) {
                    values[c] = ValueAccess.get(batch.column(c), row);
                }
                rows.add(values);
            }
        }
        return rows;
    }

    private void closeBuilt() {
        for (Batch batch : built) {
            for (FieldVector vector : batch.columns()) {
                vector.close();
            }
        }
        built.clear();
    }
}
