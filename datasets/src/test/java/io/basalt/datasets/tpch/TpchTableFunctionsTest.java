package io.basalt.datasets.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.api.ResultColumn;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.memory.MemoryRoots;
import io.basalt.spi.BoundTableFunction;
import io.basalt.spi.TableFunction;
import io.basalt.spi.TableFunctionCursor;
import io.basalt.type.LogicalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/** The tpch_* table functions: discovery, bound columns, streamed batches, and argument errors. */
class TpchTableFunctionsTest {
    private static Map<String, TableFunction> registered() {
        Map<String, TableFunction> functions = new TreeMap<>();
        for (TableFunction function : ServiceLoader.load(TableFunction.class)) {
            functions.put(function.name(), function);
        }
        return functions;
    }

    @Test
    void everyTableHasAFunctionFoundByTheServiceLoader() {
        assertThat(registered()).containsKeys("tpch_region", "tpch_nation", "tpch_supplier", "tpch_part",
                "tpch_partsupp", "tpch_customer", "tpch_orders", "tpch_lineitem");
    }

    @Test
    void bindingFixesTheColumnsWithTheirSqlTypes() {
        BoundTableFunction bound = registered().get("tpch_lineitem").bind(List.of(new BigDecimal("0.01")));
        List<ResultColumn> columns = bound.columns();
        assertThat(columns).hasSize(16);
        assertThat(columns.get(0)).isEqualTo(new ResultColumn("l_orderkey", LogicalType.BIGINT));
        assertThat(columns.get(5)).isEqualTo(new ResultColumn("l_extendedprice", LogicalType.numeric(15, 2)));
        assertThat(columns.get(10)).isEqualTo(new ResultColumn("l_shipdate", LogicalType.DATE));
    }

    @Test
    void theCursorStreamsBatchesOfAtMostTheVectorSize() {
        BoundTableFunction bound = registered().get("tpch_orders").bind(List.of(0.01));
        List<Integer> sizes = new ArrayList<>();
        long keySum = 0;
        try (BufferAllocator allocator = MemoryRoots.newRoot("cursor test", 1L << 28)) {
            try (TableFunctionCursor cursor = bound.open(allocator, 4093)) {
                for (VectorSchemaRoot batch = cursor.next(); batch != null; batch = cursor.next()) {
                    sizes.add(batch.getRowCount());
                    assertThat(LogicalType.of(batch.getVector(3).getField())).isEqualTo(LogicalType.numeric(15, 2));
                    BigIntVector keys = (BigIntVector) batch.getVector(0);
                    for (int row = 0; row < batch.getRowCount(); row++) {
                        keySum += keys.get(row);
                    }
                }
            }
            assertThat(allocator.getAllocatedMemory()).isZero();
        }
        assertThat(sizes).containsExactly(4093, 4093, 4093, 2721);
        // Order keys are sparse as dbgen makes them: row i (from 1) has key (i / 8) * 32 + i % 8.
        long expected = 0;
        for (int i = 1; i <= 15_000; i++) {
            expected += (i / 8) * 32L + i % 8;
        }
        assertThat(keySum).isEqualTo(expected);
    }

    @Test
    void wrongArgumentsAreReportedAsPostgresWould() {
        TableFunction lineitem = registered().get("tpch_lineitem");
        assertThatThrownBy(() -> lineitem.bind(List.of()))
                .isInstanceOfSatisfying(BasaltException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.UNDEFINED_FUNCTION))
                .hasMessage("function tpch_lineitem() does not exist");
        assertThatThrownBy(() -> lineitem.bind(List.of("one")))
                .hasMessage("function tpch_lineitem(text) does not exist");
        assertThatThrownBy(() -> lineitem.bind(Arrays.asList(1L, null)))
                .hasMessage("function tpch_lineitem(bigint, unknown) does not exist");
        assertThatThrownBy(() -> lineitem.bind(List.of(-1L)))
                .isInstanceOfSatisfying(BasaltException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE))
                .hasMessage("TPC-H scale factor must be positive, got -1.0");
    }
}
