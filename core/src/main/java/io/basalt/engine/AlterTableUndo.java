package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.SequenceEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.ViewEntry;
import io.basalt.catalog.privilege.Authorization;
import io.basalt.catalog.SequenceOptions;
import io.basalt.storage.table.TableStore;
import io.basalt.storage.transaction.Transaction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ALTER TABLE in a transaction block, made transactional as PostgreSQL's is: the statement takes effect in the
 * catalog at once (every session sees it, as Basalt's other DDL), but ROLLBACK, or ROLLBACK TO a savepoint taken
 * before it, puts back the catalog as it was, and only COMMIT writes the statement to the log, in the same log
 * record as the transaction's changes and before them, so that recovery replays it exactly when it committed.
 * Columns added in place (a constant default) are taken out of the store again on ROLLBACK.
 *
 * <p>{@link #before} takes the state the statement may change (the catalog's tables, sequences and their owners and
 * options, views, the foreign keys registered with the stores, and the privileges when it renames or drops
 * columns); {@link #after} compares the catalog with
 * it and registers the undo. The executor hands over the stores it replaced instead of closing them: ROLLBACK
 * accepts changes in them again and closes the new ones, COMMIT closes the old ones. Until the block ends the new
 * stores accept changes only from it ({@link TableStore#reserveFor}), and the tables it altered can be neither
 * altered nor dropped by another session ({@link PendingAlterations}).
 */
final class AlterTableUndo {
    private final Catalog catalog;
    private final Authorization authorization;
    private final Authorization.Snapshot privileges;
    private final List<TableEntry> tables;
    private final List<SequenceEntry> sequences;
    private final Map<SequenceEntry, SequenceEntry.OwnedColumn> owners = new IdentityHashMap<>();
    private final Map<SequenceEntry, SequenceOptions> options = new IdentityHashMap<>();
    private final List<ViewEntry> views;
    /** Every table's store with the foreign keys registered with it, which ALTER TABLE plans again. */
    private final Map<TableStore, List<io.basalt.storage.table.ForeignKey>> foreignKeys = new IdentityHashMap<>();
    private final List<String> hierarchyRenames;
    private final List<String> statements = new ArrayList<>();
    /** Steps that put back what the statement changed outside the catalog's maps (SET SCHEMA's links), in order. */
    private final List<Runnable> reverts = new ArrayList<>();
    private final List<TableStore> retired = new ArrayList<>();
    /** Stores that gained columns in place, each followed in {@link #widths} by its width before. */
    private final List<TableStore> widened = new ArrayList<>();
    private final List<Integer> widths = new ArrayList<>();

    private AlterTableUndo(Catalog catalog, Authorization authorization, boolean privilegesChange,
                           List<String> hierarchyRenames) {
        this.catalog = catalog;
        this.authorization = authorization;
        this.privileges = privilegesChange ? authorization.snapshot() : null;
        this.tables = catalog.tables();
        this.sequences = catalog.sequences();
        for (SequenceEntry sequence : sequences) {
            owners.put(sequence, sequence.owner());
            options.put(sequence, sequence.options());
        }
        this.views = catalog.views();
        for (TableEntry table : tables) {
            foreignKeys.put(table.store(), List.copyOf(table.store().foreignKeys()));
        }
        this.hierarchyRenames = hierarchyRenames;
    }

    /**
     * The state before an ALTER TABLE. {@code privilegesChange}: the statement renames the table or renames or drops
     * columns, which moves privileges; {@code hierarchyRenames} holds schema, old name and new name of each table
     * the statement renames (a partitioned table's key and links follow the name).
     */
    static AlterTableUndo before(Catalog catalog, Authorization authorization, boolean privilegesChange,
                                 List<String> hierarchyRenames) {
        return new AlterTableUndo(catalog, authorization, privilegesChange, hierarchyRenames);
    }

    /**
     * Whether ROLLBACK can undo {@code statement}: not when it makes a sequence (a serial or identity column), whose
     * values are logged as they are handed out; such a statement takes effect at once, as before.
     */
    static boolean undoable(io.basalt.sql.ast.AlterTableStatement statement) {
        for (io.basalt.sql.ast.AlterTableAction action : statement.actions()) {
            switch (action) {
                case io.basalt.sql.ast.AlterTableAction.AddIdentity ignored -> {
                    return false;
                }
                case io.basalt.sql.ast.AlterTableAction.AddColumn add -> {
                    if (SequenceColumns.isSerial(add.column().type())) {
                        return false;
                    }
                    for (io.basalt.sql.ast.ColumnConstraint constraint : add.column().constraints()) {
                        if (constraint instanceof io.basalt.sql.ast.ColumnConstraint.Identity) {
                            return false;
                        }
                    }
                }
                default -> {
                }
            }
        }
        return true;
    }

    /** Schema, old and new name of the table {@code statement} renames ({@code table}), or nothing. */
    static List<String> renames(io.basalt.sql.ast.AlterTableStatement statement, TableEntry table) {
        List<String> renames = new ArrayList<>();
        if (table == null) {
            return renames;
        }
        String name = table.name();
        for (io.basalt.sql.ast.AlterTableAction action : statement.actions()) {
            if (action instanceof io.basalt.sql.ast.AlterTableAction.RenameTable rename) {
                renames.add(table.schema());
                renames.add(name);
                renames.add(rename.to());
                name = rename.to();
            }
        }
        return renames;
    }

    /** Whether {@code statement} moves privileges: it renames or moves the table or renames or drops columns. */
    static boolean movesPrivileges(io.basalt.sql.ast.AlterTableStatement statement) {
        for (io.basalt.sql.ast.AlterTableAction action : statement.actions()) {
            if (action instanceof io.basalt.sql.ast.AlterTableAction.RenameTable
                    || action instanceof io.basalt.sql.ast.AlterTableAction.SetSchema
                    || action instanceof io.basalt.sql.ast.AlterTableAction.RenameColumn
                    || action instanceof io.basalt.sql.ast.AlterTableAction.DropColumn) {
                return true;
            }
        }
        return false;
    }

    /** Where the executor hands the statement that COMMIT logs (null for a temporary table: nothing). */
    void log(String sql) {
        statements.add(sql);
    }

    /** Where the executor hands a step that ROLLBACK runs (in the reverse order of their registration). */
    void revertedBy(Runnable step) {
        reverts.add(step);
    }

    /** Where the executor hands a store it replaced (closed at COMMIT; accepting changes again on ROLLBACK). */
    void retire(TableStore store) {
        retired.add(store);
    }

    /** Where the executor reports that {@code store}, {@code width} columns wide, is about to gain columns in place. */
    void addedInPlace(TableStore store, int width) {
        widened.add(store);
        widths.add(width);
    }

    /**
     * After the statement ran in {@code block} (also when it failed part way: the block is then rolled back, and
     * this undoes what took effect): registers the undo, the log record for COMMIT, and what COMMIT frees. Called
     * under the DDL lock.
     */
    void after(Transaction block, DatabaseImpl database) {
        Object ddlLock = database.ddlLock();
        List<TableEntry> removed = missing(tables, catalog.tables());
        List<TableEntry> added = missing(catalog.tables(), tables);
        List<SequenceEntry> removedSequences = missing(sequences, catalog.sequences());
        List<SequenceEntry> addedSequences = missing(catalog.sequences(), sequences);
        List<ViewEntry> removedViews = missing(views, catalog.views());
        List<ViewEntry> addedViews = missing(catalog.views(), views);
        List<TableStore> newStores = new ArrayList<>();
        List<TableStore> reserved = new ArrayList<>();
        Set<TableStore> oldStores = Collections.newSetFromMap(new IdentityHashMap<>());
        for (TableEntry table : removed) {
            oldStores.add(table.store());
        }
        for (TableEntry table : added) {
            if (!oldStores.contains(table.store())) {
                newStores.add(table.store());
            }
            reserved.add(table.store());
            table.store().reserveFor(block);
        }
        List<TableStore> widenedStores = List.copyOf(widened);
        List<Integer> widthsBefore = List.copyOf(widths);
        PendingAlterations pending = database.pendingAlterations();
        pending.record(block, removed, added);
        for (String sql : statements) {
            database.logDdlAtCommit(block, sql);
        }
        List<TableStore> retiredStores = List.copyOf(retired);
        List<Runnable> revertSteps = List.copyOf(reverts);
        block.onRollback(() -> {
            synchronized (ddlLock) {
                pending.forget(added);
                undo(removed, added, removedSequences, addedSequences, removedViews, addedViews);
                for (int i = revertSteps.size() - 1; i >= 0; i--) {
                    revertSteps.get(i).run();
                }
                for (TableStore store : reserved) {
                    store.reserveFor(null);
                }
                for (int i = widenedStores.size() - 1; i >= 0; i--) {
                    widenedStores.get(i).removeAddedColumns(widthsBefore.get(i));
                }
                for (TableStore store : newStores) {
                    store.close();
                }
                for (TableStore store : retiredStores) {
                    store.refuseChanges(false);
                }
            }
        });
        block.onCommit(() -> {
            synchronized (ddlLock) {
                pending.forget(added);
                for (TableStore store : reserved) {
                    store.reserveFor(null);
                }
                for (TableStore store : retiredStores) {
                    store.close();
                }
            }
        });
    }

    private void undo(List<TableEntry> removed, List<TableEntry> added, List<SequenceEntry> removedSequences,
                      List<SequenceEntry> addedSequences, List<ViewEntry> removedViews, List<ViewEntry> addedViews) {
        for (TableEntry table : added) {
            if (catalog.findTable(table.schema(), table.name()).orElse(null) == table) {
                catalog.removeTable(table);
            }
        }
        for (TableEntry table : removed) {
            if (!catalog.relationExists(table.schema(), table.name())) {
                catalog.addTable(table);
            }
        }
        for (int i = hierarchyRenames.size() - 3; i >= 0; i -= 3) {
            catalog.hierarchy().rename(hierarchyRenames.get(i), hierarchyRenames.get(i + 2),
                    hierarchyRenames.get(i + 1));
        }
        for (SequenceEntry sequence : addedSequences) {
            catalog.removeSequence(sequence);
        }
        for (SequenceEntry sequence : removedSequences) {
            if (!catalog.relationExists(sequence.schema(), sequence.name())) {
                sequence.restore();
                catalog.addSequence(sequence);
            }
        }
        for (Map.Entry<SequenceEntry, SequenceEntry.OwnedColumn> owner : owners.entrySet()) {
            if (owner.getKey().owner() != owner.getValue()) {
                owner.getKey().setOwner(owner.getValue());
            }
        }
        for (Map.Entry<SequenceEntry, SequenceOptions> kept : options.entrySet()) {
            if (!kept.getKey().options().equals(kept.getValue())) {
                kept.getKey().alter(kept.getValue(), null);
            }
        }
        for (ViewEntry view : addedViews) {
            if (catalog.findView(view.schema(), view.name()).orElse(null) == view) {
                catalog.removeView(view);
            }
        }
        for (ViewEntry view : removedViews) {
            if (!catalog.relationExists(view.schema(), view.name())) {
                catalog.addView(view, null);
            }
        }
        for (Map.Entry<TableStore, List<io.basalt.storage.table.ForeignKey>> kept : foreignKeys.entrySet()) {
            TableStore store = kept.getKey();
            for (io.basalt.storage.table.ForeignKey key : List.copyOf(store.foreignKeys())) {
                if (!containsIdentical(kept.getValue(), key)) {
                    store.removeForeignKey(key);
                }
            }
            for (io.basalt.storage.table.ForeignKey key : kept.getValue()) {
                if (!containsIdentical(store.foreignKeys(), key)) {
                    store.addForeignKey(key);
                }
            }
        }
        if (privileges != null) {
            authorization.restore(privileges);
        }
    }

    private static boolean containsIdentical(List<?> list, Object item) {
        for (Object candidate : list) {
            if (candidate == item) {
                return true;
            }
        }
        return false;
    }

    /** The entries of {@code from} not in {@code in}, by identity. */
    private static <T> List<T> missing(List<T> from, List<T> in) {
        Set<T> present = Collections.newSetFromMap(new IdentityHashMap<>());
        present.addAll(in);
        List<T> result = new ArrayList<>();
        for (T entry : from) {
            if (!present.contains(entry)) {
                result.add(entry);
            }
        }
        return result;
    }
}
