package io.basalt.exec.pipeline;

import io.basalt.exec.memory.MemoryRoots;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.vector.ValueAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Test support: runs a physical plan to completion, sequentially or on {@code threads} workers, and returns its rows
 * as Java values in output order. The memory root it runs under is closed at the end, so a leak fails the test.
 */
public final class PlanRows {
    private PlanRows() {
    }

    public static List<List<Object>> run(PhysicalOperator plan, int vectorSize, int threads) {
        List<List<Object>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < plan.outputTypes().size(); c++) {
            names.add("c" + c);
        }
        ExecutorService workers = threads > 1 ? Executors.newFixedThreadPool(threads - 1) : null;
        try (BufferAllocator root = MemoryRoots.newRoot("plan rows test", 1L << 30)) {
            try (BufferAllocator results = root.newChildAllocator("results", 0, Long.MAX_VALUE);
                 ResultCollector collector = new ResultCollector(names, plan.outputTypes(), results)) {
                try (BufferAllocator query = root.newChildAllocator("query", 0, Long.MAX_VALUE)) {
                    ExecutionContext context = threads > 1
                            ? ExecutionContext.parallel(query, vectorSize, threads, workers, 0)
                            : ExecutionContext.of(query, vectorSize);
                    new PipelineExecutor(context).run(plan, collector);
                }
                for (VectorSchemaRoot batch : collector.takeBatches()) {
                    try (batch) {
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
        } finally {
            if (workers != null) {
                workers.shutdownNow();
            }
        }
        return rows;
    }
}
