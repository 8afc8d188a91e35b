package io.basalt.storage.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A unique key on the in-memory store: duplicates against stored rows and within one append are refused and
 * leave the table unchanged, NULL keys never conflict, TRUNCATE empties the key, and appends from several
 * threads racing for the same keys store each key once (checking and appending are one step).
 */
class UniqueKeyIndexTest {
    private final BufferAllocator root = new RootAllocator();
    private final BufferAllocator tables = root.newChildAllocator("tables", 0, Long.MAX_VALUE);
    private final BufferAllocator input = root.newChildAllocator("input", 0, Long.MAX_VALUE);
    private final InMemoryTableStore store = new InMemoryTableStore("t", List.of(LogicalType.BIGINT), tables, 4);

    UniqueKeyIndexTest() {
        store.addUniqueKey(new UniqueKeyIndex("t_a_key", "t", new int[] {0}, List.of("a"), false));
    }

    @AfterEach
    void everythingIsFreed() {
        store.close();
        assertThat(tables.getAllocatedMemory()).isZero();
        assertThat(input.getAllocatedMemory()).isZero();
        input.close();
        tables.close();
        root.close();
    }

    @Test
    void refusesDuplicatesAndKeepsTheTableUnchanged() {
        append(1L, 2L, 3L);
        assertThatThrownBy(() -> append(4L, 5L, 2L))
                .isInstanceOfSatisfying(BasaltException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
                    assertThat(e.getMessage()).isEqualTo("duplicate key value violates unique constraint \"t_a_key\"");
                    assertThat(e.detail()).isEqualTo("Key (a)=(2) already exists.");
                });
        assertThatThrownBy(() -> append(7L, 8L, 9L, 10L, 11L, 7L)).isInstanceOf(BasaltException.class);
        assertThat(store.rowCount()).isEqualTo(3);
        append(4L, 5L);
        assertThat(store.rowCount()).isEqualTo(5);
    }

    @Test
    void nullKeysNeverConflict() {
        append(null, null, 1L);
        append(new Long[] {null});
        assertThat(store.rowCount()).isEqualTo(4);
    }

    @Test
    void truncateEmptiesTheKey() {
        append(1L, 2L);
        store.truncate();
        append(1L, 2L);
        assertThat(store.rowCount()).isEqualTo(2);
    }

    @Test
    void racingAppendsStoreEachKeyOnce() throws InterruptedException {
        int keys = 200;
        AtomicInteger refused = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (long key = 0; key < keys; key++) {
                    try {
                        append(key);
                    } catch (BasaltException e) {
                        refused.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(store.rowCount()).isEqualTo(keys);
        assertThat(refused.get()).isEqualTo(3 * keys);
    }

    @Test
    void byteaKeysCompareByContentNotByArray() {
        try (InMemoryTableStore bytes = new InMemoryTableStore("b", List.of(LogicalType.BYTEA), tables, 4)) {
            bytes.addUniqueKey(new UniqueKeyIndex("b_k_key", "b", new int[] {0}, List.of("k"), false));
            appendBytes(bytes, new byte[] {1, 2}, new byte[] {1, 2, 0}, new byte[0], new byte[] {(byte) 0xff});
            // Equal content in fresh arrays, read back through fresh vectors, must collide.
            assertThatThrownBy(() -> appendBytes(bytes, new byte[] {9}, new byte[] {1, 2}))
                    .isInstanceOfSatisfying(BasaltException.class,
                            e -> assertThat(e.detail()).isEqualTo("Key (k)=(\\x0102) already exists."));
            assertThatThrownBy(() -> appendBytes(bytes, new byte[] {7}, new byte[] {7}))
                    .isInstanceOf(BasaltException.class);
            appendBytes(bytes, new byte[] {1}, new byte[] {2, 1});
            assertThat(bytes.rowCount()).isEqualTo(6);
        }
    }

    private void appendBytes(InMemoryTableStore target, byte[]... values) {
        try (FieldVector vector = ValueAccess.allocate(LogicalType.BYTEA, "k", input, values.length)) {
            for (int r = 0; r < values.length; r++) {
                ValueAccess.set(vector, r, io.basalt.type.ByteString.copyOf(values[r]));
            }
            vector.setValueCount(values.length);
            target.append(new Batch(List.of(vector), values.length));
        }
    }

    private void append(Long... values) {
        try (FieldVector vector = ValueAccess.allocate(LogicalType.BIGINT, "a", input, values.length)) {
            for (int r = 0; r < values.length; r++) {
                ValueAccess.set(vector, r, values[r]);
            }
            vector.setValueCount(values.length);
            store.append(new Batch(List.of(vector), values.length));
        }
    }
}
