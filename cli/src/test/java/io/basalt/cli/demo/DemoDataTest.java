package io.basalt.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.exec.memory.MemoryRoots;
import io.basalt.type.LogicalType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataTest {
    @TempDir
    Path directory;

    @Test
    void ordersCarryTheirSqlTypesAndAreTheSameEveryRun() {
        try (BufferAllocator allocator = MemoryRoots.newRoot("demo-test", 1L << 26);
             VectorSchemaRoot first = new DemoData(7, 100).orders(allocator, 1, 1000);
             VectorSchemaRoot second = new DemoData(7, 100).orders(allocator, 1, 1000)) {
            assertThat(first.getRowCount()).isEqualTo(1000);
            assertThat(LogicalType.of(first.getSchema().getFields().get(5))).isEqualTo(LogicalType.numeric(12, 2));
            assertThat(LogicalType.of(first.getSchema().getFields().get(2))).isEqualTo(LogicalType.DATE);
            assertThat(first.contentToTSVString()).isEqualTo(second.contentToTSVString());
            BigIntVector ids = (BigIntVector) first.getVector("id");
            assertThat(ids.get(0)).isEqualTo(1L);
            assertThat(ids.get(999)).isEqualTo(1000L);
            int nullDiscounts = first.getVector("discount").getNullCount();
            assertThat(nullDiscounts).isBetween(50, 150);
        }
        assertThat(MemoryRoots.openRoots()).isEmpty();
    }

    @Test
    void customersReferToValidIdsAndCountries() {
        try (BufferAllocator allocator = MemoryRoots.newRoot("demo-test", 1L << 26);
             VectorSchemaRoot customers = new DemoData(7, 100).customers(allocator, 1, 100)) {
            assertThat(customers.getRowCount()).isEqualTo(100);
            assertThat(customers.getVector("name").getObject(4).toString()).isEqualTo("Customer 5");
            assertThat(customers.getVector("country").getNullCount()).isZero();
        }
    }

    @Test
    void onlyEmptyOrEarlierDemoDirectoriesAreReplaced() throws IOException {
        Path fresh = directory.resolve("fresh");
        DemoDirectory.prepare(fresh);
        Files.writeString(fresh.resolve("leftover"), "x");
        DemoDirectory.prepare(fresh);
        assertThat(fresh.resolve("leftover")).doesNotExist();
        assertThat(fresh.resolve(DemoDirectory.MARKER)).exists();

        Path precious = directory.resolve("precious");
        Files.createDirectories(precious);
        Files.writeString(precious.resolve("thesis.txt"), "do not delete");
        assertThatThrownBy(() -> DemoDirectory.prepare(precious)).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a demo database");
        assertThat(precious.resolve("thesis.txt")).exists();

        Path file = directory.resolve("file");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> DemoDirectory.prepare(file)).isInstanceOf(IOException.class);
    }
}
