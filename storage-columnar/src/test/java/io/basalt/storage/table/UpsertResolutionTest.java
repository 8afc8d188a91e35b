package io.basalt.storage.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * INSERT ... ON CONFLICT DO UPDATE's decisions ({@link UpsertResolution}) over a table (k, v) whose arbiter is k.
 * The updater used here adds the proposed v to the stored v (and moves the key by {@code keyShift}); a negative
 * proposed v plays a WHERE that is not true. Checked: rows are decided in statement order against the keys held at
 * that moment, a row met twice is 21000, and the change to apply is the replaced ids with their new versions first.
 */
class UpsertResolutionTest {
    private static final ConflictUpdate ON_K = new ConflictUpdate(List.of(), null, new int[] {0}, false, null);

    private final BufferAllocator root = new RootAllocator();
    private final BufferAllocator tables = root.newChildAllocator("tables", 0, Long.MAX_VALUE);
    private final BufferAllocator query = root.newChildAllocator("query", 0, Long.MAX_VALUE);
    private final InMemoryTableStore store =
            new InMemoryTableStore("t", List.of(LogicalType.BIGINT, LogicalType.BIGINT), tables, 4);
    private final List<Batch> owned = new ArrayList<>();
    private long keyShift;

    @AfterEach
    void everythingIsFreed() {
        free(owned);
        store.close();
        assertThat(tables.getAllocatedMemory()).isZero();
        assertThat(query.getAllocatedMemory()).isZero();
        query.close();
        tables.close();
        root.close();
    }

    @Test
    void rowsWithoutConflictAreInsertedAndConflictingOnesReplaceTheStoredRow() {
        append(1, 10, 2, 20, 3, 30, 4, 40, 5, 50);
        UpsertResolution.Resolved resolved = resolve(6, 60, 2, 7, 5, 8);
        assertThat(resolved.result().outcomes()).containsExactly(ConflictUpdater.Outcome.INSERTED,
                ConflictUpdater.Outcome.UPDATED, ConflictUpdater.Outcome.UPDATED);
        assertThat(resolved.replaced()).hasSize(2);
        assertThat(rows(resolved.appended())).containsExactly("2:27", "5:58", "6:60");
    }

    @Test
    void aRowMetTwiceIsACardinalityViolation() {
        append(1, 10);
        assertCardinalityViolation(() -> resolve(1, 1, 1, 2));
        assertCardinalityViolation(() -> resolve(7, 70, 7, 71));
    }

    @Test
    void aSkippedUpdateLeavesTheRowFreeForALaterProposal() {
        append(1, 10);
        UpsertResolution.Resolved resolved = resolve(1, -1, 1, 5);
        assertThat(resolved.result().outcomes()).containsExactly(ConflictUpdater.Outcome.SKIPPED,
                ConflictUpdater.Outcome.UPDATED);
        assertThat(rows(resolved.appended())).containsExactly("1:15");
    }

    @Test
    void aNewVersionThatMovesItsKeyFreesTheOldOne() {
        append(1, 10);
        keyShift = 100;
        UpsertResolution.Resolved resolved = resolve(1, 1, 1, 2);
        assertThat(resolved.result().outcomes()).containsExactly(ConflictUpdater.Outcome.UPDATED,
                ConflictUpdater.Outcome.INSERTED);
        assertThat(rows(resolved.appended())).containsExactly("101:11", "1:2");
    }

    @Test
    void rowsWithANullKeyNeverConflict() {
        append(1, 10);
        FieldVector k = ValueAccess.allocate(LogicalType.BIGINT, "k", query, 2);
        FieldVector v = ValueAccess.allocate(LogicalType.BIGINT, "v", query, 2);
        try {
            ValueAccess.set(k, 0, null);
            ValueAccess.set(k, 1, null);
            ValueAccess.set(v, 0, 1L);
            ValueAccess.set(v, 1, 2L);
            k.setValueCount(2);
            v.setValueCount(2);
            UpsertResolution.Resolved resolved = UpsertResolution.resolve(store, store.columnTypes(), ON_K,
                    List.of(new Batch(List.of(k, v), 2)), this::update, ExecutionContext.of(query, 3), owned);
            assertThat(resolved.result().outcomes()).containsExactly(ConflictUpdater.Outcome.INSERTED,
                    ConflictUpdater.Outcome.INSERTED);
        } finally {
            k.close();
            v.close();
        }
    }

    private static void assertCardinalityViolation(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BasaltException.class, e -> {
            assertThat(e.sqlState().code()).isEqualTo("21000");
            assertThat(e.getMessage()).isEqualTo("ON CONFLICT DO UPDATE command cannot affect row a second time");
        });
    }

    private void append(long... pairs) {
        Batch batch = batch(pairs);
        try {
            store.append(batch);
        } finally {
            free(List.of(batch));
        }
    }

    private UpsertResolution.Resolved resolve(long... pairs) {
        Batch batch = batch(pairs);
        try {
            return UpsertResolution.resolve(store, store.columnTypes(), ON_K, List.of(batch), this::update,
                    ExecutionContext.of(query, 3), owned);
        } finally {
            free(List.of(batch));
        }
    }

    private Batch batch(long... pairs) {
        int rows = pairs.length / 2;
        FieldVector k = ValueAccess.allocate(LogicalType.BIGINT, "k", query, rows);
        FieldVector v = ValueAccess.allocate(LogicalType.BIGINT, "v", query, rows);
        for (int r = 0; r < rows; r++) {
            ValueAccess.set(k, r, pairs[2 * r]);
            ValueAccess.set(v, r, pairs[2 * r + 1]);
        }
        k.setValueCount(rows);
        v.setValueCount(rows);
        return new Batch(List.of(k, v), rows);
    }

    /** (k + keyShift, stored v + proposed v) for each proposal whose v is not negative. */
    private ConflictUpdater.Versions update(Batch existing, Batch proposed) {
        int[] accepted = new int[existing.rowCount()];
        int count = 0;
        for (int r = 0; r < existing.rowCount(); r++) {
            if ((Long) ValueAccess.get(proposed.column(1), r) >= 0) {
                accepted[count++] = r;
            }
        }
        long[] pairs = new long[2 * count];
        for (int i = 0; i < count; i++) {
            int r = accepted[i];
            pairs[2 * i] = (Long) ValueAccess.get(existing.column(0), r) + keyShift;
            pairs[2 * i + 1] = (Long) ValueAccess.get(existing.column(1), r) + (Long) ValueAccess.get(proposed.column(1), r);
        }
        Batch versions = batch(pairs);
        owned.add(versions);
        return new ConflictUpdater.Versions(versions, java.util.Arrays.copyOf(accepted, count));
    }

    private static List<String> rows(List<Batch> batches) {
        List<String> rows = new ArrayList<>();
        for (Batch batch : batches) {
            for (int r = 0; r < batch.rowCount(); r++) {
                rows.add(ValueAccess.get(batch.column(0), r) + ":" + ValueAccess.get(batch.column(1), r));
            }
        }
        return rows;
    }

    private static void free(List<Batch> batches) {
        for (Batch batch : batches) {
            for (FieldVector column : batch.columns()) {
                column.close();
            }
        }
    }
}
