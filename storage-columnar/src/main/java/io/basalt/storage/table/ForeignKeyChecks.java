package io.basalt.storage.table;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.ValueComparison;
import io.basalt.type.LogicalType;
import io.basalt.type.ValueConversion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The key arithmetic of one foreign key: a referencing row's key brought into the referenced columns' types (so
 * that it compares with the referenced table's unique key), the referenced row's key, the probe of the
 * referenced table's unique key, and PostgreSQL's two violation errors. Keys are lists of values in
 * {@link ValueComparison#equalityKey} form in the constraint's column order; a key with a NULL in it is null
 * (it references nothing, MATCH SIMPLE and MATCH FULL alike). The caller holds the tables' locks.
 */
final class ForeignKeyChecks {
    private ForeignKeyChecks() {
    }

    /** The key that referencing row {@code values} (all its table's columns) holds, or null. */
    static List<Object> referencingKey(ForeignKey key, Object[] values) {
        int[] columns = key.referencing().columns();
        Object[] out = new Object[columns.length];
        for (int k = 0; k < columns.length; k++) {
            Object value = values[columns[k]];
            if (value == null) {
                return null;
            }
            out[k] = ValueComparison.equalityKey(toReferencedType(key, k, value));
        }
        return Arrays.asList(out);
    }

    /** As {@link #referencingKey(ForeignKey, Object[])}, for row {@code row} of a stored chunk or a batch. */
    static List<Object> referencingKey(ForeignKey key, List<FieldVector> vectors, int row) {
        int[] columns = key.referencing().columns();
        Object[] out = new Object[columns.length];
        for (int k = 0; k < columns.length; k++) {
            Object value = ValueAccess.get(vectors.get(columns[k]), row);
            if (value == null) {
                return null;
            }
            out[k] = ValueComparison.equalityKey(toReferencedType(key, k, value));
        }
        return Arrays.asList(out);
    }

    /** The key referenced row {@code values} offers, or null when it has a NULL in it. */
    static List<Object> referencedKey(ForeignKey key, Object[] values) {
        int[] columns = key.referenced().columns();
        Object[] out = new Object[columns.length];
        for (int k = 0; k < columns.length; k++) {
            Object value = values[columns[k]];
            if (value == null) {
                return null;
            }
            out[k] = ValueComparison.equalityKey(value);
        }
        return Arrays.asList(out);
    }

    /** A referencing column's value as the referenced column's type (integers and strings share one form). */
    private static Object toReferencedType(ForeignKey key, int k, Object value) {
        LogicalType from = key.referencing().columnTypes().get(k);
        LogicalType to = key.referenced().columnTypes().get(k);
        if (sameForm(from, to)) {
            return value;
        }
        return ValueConversion.convert(value, from, to, false);
    }

    /** A referenced column's value as the referencing column's type (ON UPDATE CASCADE). */
    static Object toReferencingType(ForeignKey key, int k, Object value) {
        LogicalType from = key.referenced().columnTypes().get(k);
        LogicalType to = key.referencing().columnTypes().get(k);
        if (value == null || sameForm(from, to)) {
            return value;
        }
        return ValueConversion.convert(value, from, to, false);
    }

    private static boolean sameForm(LogicalType from, LogicalType to) {
        return from.equals(to) || from.isIntegral() && to.isIntegral() || from.isString() && to.isString();
    }

    /** Whether the referenced table holds {@code key} now (its unique key reflects the statement's changes). */
    static boolean present(ForeignKey key, List<Object> referencedKey) {
        UniqueKeyIndex index = ReferentialChange.base(key.referenced().store()).uniqueKey(key.referencedKey());
        if (index == null) {
            throw BasaltException.internal("foreign key " + key.name() + " lost its unique key " + key.referencedKey());
        }
        List<Object> probe = probe(key, index, referencedKey);
        // In a transaction the statement's changes (and its earlier statements') are in its pending change.
        TableTransaction transaction = TableTransaction.current();
        PendingChange own = transaction == null ? null
                : transaction.change(ReferentialChange.base(key.referenced().store()));
        return own != null ? own.holds(index, probe) : index.contains(probe);
    }

    /**
     * {@code referencedKey} (in the constraint's column order) in the column order of the referenced table's unique
     * key {@code index}, as the index holds its keys.
     */
    static List<Object> probe(ForeignKey key, UniqueKeyIndex index, List<Object> referencedKey) {
        int[] indexColumns = index.columns();
        if (indexColumns.length == 1) {
            return referencedKey;
        }
        int[] referenced = key.referenced().columns();
        Object[] probe = new Object[indexColumns.length];
        for (int i = 0; i < indexColumns.length; i++) {
            for (int k = 0; k < referenced.length; k++) {
                if (referenced[k] == indexColumns[i]) {
                    probe[i] = referencedKey.get(k);
                }
            }
        }
        return Arrays.asList(probe);
    }

    /**
     * Checks every row of {@code batches} (the referencing table's new rows) against the referenced table: a row
     * whose key has a NULL passes (MATCH FULL: only when all are NULL), any other key must be present.
     *
     * @throws BasaltException 23503 for the first row that fails
     */
    static void checkRows(ForeignKey key, List<Batch> batches) {
        for (Batch batch : batches) {
            for (int row = 0; row < batch.rowCount(); row++) {
                List<Object> referencingKey = referencingKey(key, batch.columns(), row);
                if (referencingKey == null) {
                    if (key.matchFull() && mixesNulls(key, batch, row)) {
                        throw violation(key).withDetail("MATCH FULL does not allow mixing of null and nonnull key "
                                + "values.");
                    }
                    continue;
                }
                if (!present(key, referencingKey)) {
                    throw notPresent(key, batch, row);
                }
            }
        }
    }

    private static boolean mixesNulls(ForeignKey key, Batch batch, int row) {
        for (int column : key.referencing().columns()) {
            if (!batch.column(column).isNull(row)) {
                return true;
            }
        }
        return false;
    }

    private static BasaltException violation(ForeignKey key) {
        return BasaltException.of(SqlState.FOREIGN_KEY_VIOLATION, "insert or update on table \""
                + key.referencing().table() + "\" violates foreign key constraint \"" + key.name() + "\"");
    }

    private static BasaltException notPresent(ForeignKey key, Batch batch, int row) {
        List<String> values = new ArrayList<>();
        for (int column : key.referencing().columns()) {
            values.add(ValueAccess.text(batch.column(column), row));
        }
        return violation(key).withDetail("Key (" + String.join(", ", key.referencing().columnNames()) + ")=("
                + String.join(", ", values) + ") is not present in table \"" + key.referenced().table() + "\".");
    }

    /** 23503 for a referenced row that is deleted or changed while {@code key}'s rows still reference it. */
    static BasaltException stillReferenced(ForeignKey key, Object[] referencedRow) {
        List<String> values = new ArrayList<>();
        int[] columns = key.referenced().columns();
        for (int k = 0; k < columns.length; k++) {
            values.add(ValueAccess.text(key.referenced().columnTypes().get(k), referencedRow[columns[k]]));
        }
        return BasaltException.of(SqlState.FOREIGN_KEY_VIOLATION, "update or delete on table \""
                        + key.referenced().table() + "\" violates foreign key constraint \"" + key.name()
                        + "\" on table \"" + key.referencing().table() + "\"")
                .withDetail("Key (" + String.join(", ", key.referenced().columnNames()) + ")=("
                        + String.join(", ", values) + ") is still referenced from table \""
                        + key.referencing().table() + "\".");
    }
}
