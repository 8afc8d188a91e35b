package io.basalt.storage.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * INSERT ... ON CONFLICT DO UPDATE in the in-memory store ({@link InMemoryTableStore#insertOrUpdate}) over a table
 * (k, v) with a primary key on k and a unique key on v. The updater used here adds the proposed v to the stored v
 * (and moves the key by {@code keyShift}); a negative proposed v plays a WHERE that is not true. Checked: rows are
 * decided in statement order against the keys held at that moment, a row met twice is 21000 and changes nothing,
 * new versions take their keys, and the replaced ids and appended rows reach {@code beforeVisible}.
 */
class InMemoryTableStoreUpsertTest {
    private static final Set<String> ON_K = Set.of("t_pkey");

    private final BufferAllocator root = new RootAllocator();
    private final BufferAllocator tables = root.newChildAllocator("tables", 0, Long.MAX_VALUE);
    private final BufferAllocator query = root.newChildAllocator("query", 0, Long.MAX_VALUE);
    private final InMemoryTableStore store =
            new InMemoryTableStore("t", List.of(LogicalType.BIGINT, LogicalType.BIGINT), tables, 4);
    private final List<Batch> versions = new ArrayList<>();
    private long keyShift;

    @BeforeEach
    void keys() {
        store.addUniqueKey(new UniqueKeyIndex("t_pkey", "t", new int[] {0}, List.of("k"), false));
        store.addUniqueKey(new UniqueKeyIndex("t_v_key", "t", new int[] {1}, List.of("v"), false));
    }

    @AfterEach
    void everythingIsFreed() {
        for (Batch batch : versions) {
            batch.columns().forEach(FieldVector::close);
        }
        store.close();
        assertThat(tables.getAllocatedMemory()).isZero();
        assertThat(query.getAllocatedMemory()).isZero();
        query.close();
        tables.close();
        root.close();
    }

    @Test
    void rowsWithoutConflictAreInsertedAndConflictingOnesReplaceTheStoredRow() {
        upsert(1, 10, 2, 20, 3, 30, 4, 40, 5, 50);
        List<long[]> replaced = new ArrayList<>();
        List<Long> appended = new ArrayList<>();
        ConflictUpdater.Result result = upsert((ids, rows) -> {
            replaced.add(ids);
            for (Batch batch : rows) {
                for (int r = 0; r < batch.rowCount(); r++) {
                    appended.add((Long) ValueAccess.get(batch.column(1), r));
                }
            }
        }, 6, 60, 2, 7, 5, 8);
        assertThat(result.outcomes()).containsExactly(ConflictUpdater.Outcome.INSERTED,
                ConflictUpdater.Outcome.UPDATED, ConflictUpdater.Outcome.UPDATED);
        assertThat(replaced).hasSize(1);
        assertThat(replaced.getFirst()).containsExactly(1, 4);
        assertThat(appended).containsExactly(60L, 27L, 58L);
        assertThat(rows()).containsExactly("1:10", "3:30", "4:40", "6:60", "2:27", "5:58");
        assertThat(store.rowCount()).isEqualTo(6);
    }

    @Test
    void aRowMetTwiceFailsAndChangesNothing() {
        upsert(1, 10);
        assertCardinalityViolation(() -> upsert(1, 1, 1, 2));
        assertCardinalityViolation(() -> upsert(7, 70, 7, 71));
        assertThat(rows()).containsExactly("1:10");
        upsert(7, 70, 10, 100);
        assertThat(rows()).containsExactly("1:10", "7:70", "10:100");
    }

    @Test
    void aSkippedUpdateLeavesTheRowFreeForALaterProposal() {
        upsert(1, 10);
        ConflictUpdater.Result result = upsert(1, -1, 1, 5);
        assertThat(result.outcomes()).containsExactly(ConflictUpdater.Outcome.SKIPPED, ConflictUpdater.Outcome.UPDATED);
        assertThat(rows()).containsExactly("1:15");
    }

    @Test
    void aNewVersionThatMovesItsKeyFreesTheOldOne() {
        upsert(1, 10);
        keyShift = 100;
        ConflictUpdater.Result result = upsert(1, 1, 1, 2);
        assertThat(result.outcomes()).containsExactly(ConflictUpdater.Outcome.UPDATED,
                ConflictUpdater.Outcome.INSERTED);
        assertThat(rows()).containsExactly("101:11", "1:2");
    }

    @Test
    void aNewVersionOrANewRowClashingOnAnotherKeyIsADuplicate() {
        upsert(1, 10, 2, 20);
        assertThatThrownBy(() -> upsert(1, 10))
                .as("1's new version takes v = 20, which row 2 holds")
                .hasMessage("duplicate key value violates unique constraint \"t_v_key\"");
        assertThatThrownBy(() -> upsert(3, 30, 4, 20))
                .hasMessage("duplicate key value violates unique constraint \"t_v_key\"");
        assertThat(rows()).containsExactly("1:10", "2:20");
        upsert(3, 30);
        assertThat(rows()).containsExactly("1:10", "2:20", "3:30");
    }

    @Test
    void aFailureBeforeTheRowsChangeUndoesTheKeys() {
        upsert(1, 10);
        assertThatThrownBy(() -> upsert((ids, rows) -> {
            throw new IllegalStateException("log failed");
        }, 1, 5, 2, 20)).hasMessage("log failed");
        assertThat(rows()).containsExactly("1:10");
        ConflictUpdater.Result result = upsert(2, 20, 1, 5);
        assertThat(result.outcomes()).containsExactly(ConflictUpdater.Outcome.INSERTED,
                ConflictUpdater.Outcome.UPDATED);
        assertThat(rows()).containsExactly("2:20", "1:15");
    }

    private static void assertCardinalityViolation(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BasaltException.class, e -> {
            assertThat(e.sqlState().code()).isEqualTo("21000");
            assertThat(e.getMessage()).isEqualTo("ON CONFLICT DO UPDATE command cannot affect row a second time");
        });
    }

    private ConflictUpdater.Result upsert(long... pairs) {
        return upsert((ids, rows) -> { }, pairs);
    }

    /** Proposes rows (k, v) given as pairs, arbiter k. */
    private ConflictUpdater.Result upsert(java.util.function.BiConsumer<long[], List<Batch>> beforeVisible,
                                          long... pairs) {
        int rows = pairs.length / 2;
        FieldVector k = ValueAccess.allocate(LogicalType.BIGINT, "k", query, rows);
        FieldVector v = ValueAccess.allocate(LogicalType.BIGINT, "v", query, rows);
        try {
            for (int r = 0; r < rows; r++) {
                ValueAccess.set(k, r, pairs[2 * r]);
                ValueAccess.set(v, r, pairs[2 * r + 1]);
            }
            k.setValueCount(rows);
            v.setValueCount(rows);
            return store.insertOrUpdate(List.of(new Batch(List.of(k, v), rows)), ON_K, this::update, beforeVisible);
        } finally {
            k.close();
            v.close();
        }
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
        FieldVector k = ValueAccess.allocate(LogicalType.BIGINT, "k", query, count);
        FieldVector v = ValueAccess.allocate(LogicalType.BIGINT, "v", query, count);
        for (int i = 0; i < count; i++) {
            int r = accepted[i];
            ValueAccess.set(k, i, (Long) ValueAccess.get(existing.column(0), r) + keyShift);
            ValueAccess.set(v, i, (Long) ValueAccess.get(existing.column(1), r)
                    + (Long) ValueAccess.get(proposed.column(1), r));
        }
        k.setValueCount(count);
        v.setValueCount(count);
        Batch batch = new Batch(List.of(k, v), count);
        versions.add(batch);
        return new ConflictUpdater.Versions(batch, java.util.Arrays.copyOf(accepted, count));
    }

    /** The live rows in scan order, as "k:v". */
    private List<String> rows() {
        List<String> rows = new ArrayList<>();
        try (SourceState scan = store.open(new int[] {0, 1}, ExecutionContext.of(query, 3))) {
            for (Batch batch = scan.next(); batch != null; batch = scan.next()) {
                for (int r = 0; r < batch.rowCount(); r++) {
                    rows.add(ValueAccess.get(batch.column(0), r) + ":" + ValueAccess.get(batch.column(1), r));
                }
            }
        }
        return rows;
    }
}
