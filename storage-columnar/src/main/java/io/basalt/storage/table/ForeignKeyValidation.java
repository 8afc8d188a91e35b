package io.basalt.storage.table;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.vector.ValueAccess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Checks rows already in a referencing table against a foreign key: all of them when ALTER TABLE adds or
 * validates the constraint, or only the ones the running transaction wrote when a deferred check comes due (see
 * {@link DeferredChecks}). A row whose key has a NULL passes (MATCH FULL: only when all are NULL); any other key
 * must be present in the referenced table, as the transaction sees it. Takes both tables' locks.
 */
public final class ForeignKeyValidation {
    private ForeignKeyValidation() {
    }

    /**
     * Every live row of {@code key}'s referencing table, as the running transaction sees it, references a present
     * row. {@code key} need not be registered with the stores yet.
     *
     * @throws BasaltException 23503 naming the first row that does not
     */
    public static void checkExistingRows(ForeignKey key) {
        check(key, true);
    }

    /** The live rows the running transaction wrote to {@code key}'s referencing table reference present rows. */
    static void checkOwnRows(ForeignKey key) {
        check(key, false);
    }

    private static void check(ForeignKey key, boolean stored) {
        InMemoryTableStore referencing = ReferentialChange.base(key.referencing().store());
        InMemoryTableStore referenced = ReferentialChange.base(key.referenced().store());
        List<InMemoryTableStore> stores = new ArrayList<>(List.of(referencing));
        if (referenced != referencing) {
            stores.add(referenced);
        }
        stores.sort(Comparator.comparingLong(store -> store.serial));
        ReferentialChange.locked(stores, 0, () -> {
            TableTransaction transaction = TableTransaction.current();
            PendingChange own = transaction == null ? null : transaction.change(referencing);
            InMemoryTableStore.RowVisitor visitor = (chunk, row, rowId) -> {
                if (own != null && own.deletesCommitted(rowId)) {
                    return;
                }
                checkRow(key, chunk, row);
            };
            if (stored) {
                referencing.forEachRow(visitor);
            }
            if (own != null) {
                own.forEachLiveRow(visitor);
            }
        });
    }

    private static void checkRow(ForeignKey key, FieldVector[] chunk, int row) {
        List<Object> referencingKey = ForeignKeyChecks.referencingKey(key, Arrays.asList(chunk), row);
        if (referencingKey == null) {
            if (key.matchFull() && mixesNulls(key, chunk, row)) {
                throw violation(key).withDetail("MATCH FULL does not allow mixing of null and nonnull key values.");
            }
            return;
        }
        if (!ForeignKeyChecks.present(key, referencingKey)) {
            List<String> values = new ArrayList<>();
            for (int column : key.referencing().columns()) {
                values.add(ValueAccess.text(chunk[column], row));
            }
            throw violation(key).withDetail("Key (" + String.join(", ", key.referencing().columnNames()) + ")=("
                    + String.join(", ", values) + ") is not present in table \"" + key.referenced().table() + "\".");
        }
    }

    private static boolean mixesNulls(ForeignKey key, FieldVector[] chunk, int row) {
        for (int column : key.referencing().columns()) {
            if (!chunk[column].isNull(row)) {
                return true;
            }
        }
        return false;
    }

    private static BasaltException violation(ForeignKey key) {
        return BasaltException.of(SqlState.FOREIGN_KEY_VIOLATION, "insert or update on table \""
                + key.referencing().table() + "\" violates foreign key constraint \"" + key.name() + "\"");
    }
}
