package io.basalt.exec.operator.set;

import io.basalt.exec.expression.ConstantExpression;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.memory.MemoryRoots;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.values.ValuesOperator;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.pipeline.PipelineExecutor;
import io.basalt.exec.pipeline.ResultCollector;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Test support for the set-operation operators: a VALUES source over rows of canonical values, and a
 * runner that executes a plan through the real pipeline executor, closing every allocator (so a leak fails
 * the test) and checking that no batch exceeds the vector size.
 */
final class SetTestRows {
    private SetTestRows() {
    }

    /** A source yielding {@code rows} (Long, String or null cells) in order. */
    static PhysicalOperator source(List<LogicalType> types, List<List<Object>> rows) {
        List<List<PhysicalExpression>> expressions = new ArrayList<>();
        for (List<Object> row : rows) {
            List<PhysicalExpression> cells = new ArrayList<>();
            for (int c = 0; c < types.size(); c++) {
                cells.add(new ConstantExpression(types.get(c), row.get(c)));
            }
            expressions.add(cells);
        }
        return new ValuesOperator(expressions, types);
    }

    /** Runs {@code plan} with batches of {@code vectorSize} rows and returns its rows in output order. */
    static List<List<Object>> run(PhysicalOperator plan, int vectorSize) {
        List<List<Object>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < plan.outputTypes().size(); c++) {
            names.add("c" + c);
        }
        try (BufferAllocator root = MemoryRoots.newRoot("set operation test", 1L << 30)) {
            try (BufferAllocator results = root.newChildAllocator("results", 0, Long.MAX_VALUE);
                 ResultCollector collector = new ResultCollector(names, plan.outputTypes(), results)) {
                try (BufferAllocator query = root.newChildAllocator("query", 0, Long.MAX_VALUE)) {
                    new PipelineExecutor(ExecutionContext.of(query, vectorSize)).run(plan, collector);
                }
                for (VectorSchemaRoot batch : collector.takeBatches()) {
                    try (batch) {
                        if (batch.getRowCount() > vectorSize) {
                            throw new AssertionError("a batch of " + batch.getRowCount() + " rows exceeds the vector "
                                    + "size " + vectorSize);
                        }
                        for (int r = 0; r < batch.getRowCount(); r++) {
                            List<Object> row = new ArrayList<>();
                            for (int c = 0; c < names.size(); c++) {
                                row.add(ValueAccess.get(batch.getVector(c), r));
                            }
                            rows.add(row);
                        }
                    }
                }
            }
        }
        return rows;
    }
}
