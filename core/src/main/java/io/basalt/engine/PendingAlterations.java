package io.basalt.engine;

import io.basalt.catalog.TableEntry;
import io.basalt.storage.transaction.Transaction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ALTER TABLE statements of open transaction blocks, which take effect in the catalog at once but reach the log
 * only at their COMMIT ({@link AlterTableUndo}). A checkpoint must write the tables as they were committed, under the
 * definitions its DDL history holds: {@link #committed} gives it the catalog's tables with every uncommitted
 * alteration taken back. A table one block altered cannot be altered or dropped by another until that block ends
 * ({@link #checkNotAlteredByAnother}), as PostgreSQL's exclusive lock would make it wait.
 */
final class PendingAlterations {
    /** One statement's effect on the tables: entries it took out and entries it put in, and its block. */
    private record Alteration(Transaction block, List<TableEntry> removed, List<TableEntry> added) {
    }

    private final List<Alteration> pending = new ArrayList<>();

    /** Records a statement's effect until {@link #forget} is called with the same lists. */
    synchronized void record(Transaction block, List<TableEntry> removed, List<TableEntry> added) {
        pending.add(new Alteration(block, removed, added));
    }

    /** The statement whose {@code added} entries these are committed or rolled back. */
    synchronized void forget(List<TableEntry> added) {
        pending.removeIf(alteration -> alteration.added() == added);
    }

    /** {@code current} (the catalog's tables) as committed: pending entries replaced by those they replaced. */
    synchronized List<TableEntry> committed(List<TableEntry> current) {
        if (pending.isEmpty()) {
            return current;
        }
        Set<TableEntry> added = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<TableEntry, Boolean> result = new IdentityHashMap<>();
        for (Alteration alteration : pending) {
            added.addAll(alteration.added());
        }
        for (TableEntry table : current) {
            result.put(table, Boolean.TRUE);
        }
        for (Alteration alteration : pending) {
            for (TableEntry table : alteration.removed()) {
                result.put(table, Boolean.TRUE);
            }
        }
        List<TableEntry> committed = new ArrayList<>();
        for (TableEntry table : result.keySet()) {
            if (!added.contains(table)) {
                committed.add(table);
            }
        }
        return committed;
    }

    private static boolean containsIdentical(List<TableEntry> tables, TableEntry table) {
        for (TableEntry candidate : tables) {
            if (candidate == table) {
                return true;
            }
        }
        return false;
    }

    /**
     * @throws io.basalt.error.BasaltException 55P03 when another open block altered {@code table} (PostgreSQL would
     *     wait for its lock)
     */
    synchronized void checkNotAlteredByAnother(TableEntry table, Transaction block) {
        for (Alteration alteration : pending) {
            if (alteration.block() != block && containsIdentical(alteration.added(), table)) {
                throw io.basalt.error.BasaltException.of(io.basalt.error.SqlState.LOCK_NOT_AVAILABLE,
                        "could not obtain lock on relation \"" + table.name() + "\"")
                        .withDetail("An open transaction altered the table; it is locked until that transaction "
                                + "ends.");
            }
        }
    }
}
