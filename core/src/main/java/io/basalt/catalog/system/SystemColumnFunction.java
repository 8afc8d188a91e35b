package io.basalt.catalog.system;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.storage.table.TableStore;
import io.basalt.storage.table.TableTransaction;
import io.basalt.type.LogicalType;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * The system columns a table's scan computes from each row's id (its {@code ScanSource.ROW_ID}): {@code ctid}, the
 * row's place as {@code (block,offset)} text (see {@link TableStore#tupleId}), and {@code xmin}, the low 32 bits of
 * the number of the transaction that inserted it, as txid_current() numbers transactions (see
 * {@link TableStore#insertingTransaction}); a row the running transaction wrote itself is that transaction's,
 * {@code runningTransaction} (-1 outside a transaction). {@code transaction} is the transaction the statement was
 * bound in, which places that transaction's uncommitted rows (see {@link TableStore#tupleId(long, TableTransaction)})
 * when no transaction is bound to the evaluating thread. A NULL row id (a new row whose id is not known) gives NULL.
 */
public record SystemColumnFunction(Kind kind, TableStore store, long runningTransaction, TableTransaction transaction)
        implements ScalarFunction {
    /** Which system column. */
    public enum Kind { CTID, XMIN }

    public SystemColumnFunction {
        requireNonNull(kind, "kind is null");
        requireNonNull(store, "store is null");
    }

    /** The function for the statement bound now, in the transaction bound to this thread (if any). */
    public SystemColumnFunction(Kind kind, TableStore store, long runningTransaction) {
        this(kind, store, runningTransaction, TableTransaction.current());
    }

    @Override
    public String name() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        BigIntVector rowIds = (BigIntVector) arguments[0];
        FieldVector out = context.newVector(resultType, rows);
        if (kind == Kind.CTID) {
            VarCharVector text = (VarCharVector) out;
            // a worker thread has no transaction bound: it reads the one the statement was bound in
            TableTransaction reading = TableTransaction.current() != null ? TableTransaction.current() : transaction;
            for (int r = 0; r < rows; r++) {
                if (rowIds.isNull(r)) {
                    text.setNull(r);
                } else {
                    text.setSafe(r, store.tupleId(rowIds.get(r), reading).getBytes(StandardCharsets.US_ASCII));
                }
            }
        } else {
            BigIntVector numbers = (BigIntVector) out;
            for (int r = 0; r < rows; r++) {
                if (rowIds.isNull(r)) {
                    numbers.setNull(r);
                    continue;
                }
                long inserter = store.insertingTransaction(rowIds.get(r));
                if (inserter == TableStore.RUNNING_TRANSACTION) {
                    inserter = runningTransaction >= 0 ? runningTransaction : TableStore.FROZEN_TRANSACTION;
                }
                numbers.set(r, inserter & 0xFFFFFFFFL);
            }
        }
        out.setValueCount(rows);
        return out;
    }
}
