package io.basalt.exec.operator.join;

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
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Test support for the join operators: small relations given as rows of canonical values, a runner that
 * executes a plan through the real pipeline executor (closing every allocator, so leaks fail the test), and
 * a reference join written the obvious way, row by row, to compare against.
 */
final class JoinTestRelations {
    private JoinTestRelations() {
    }

    /** Rows of canonical values (Long, Double, String, Boolean, null) with their column types. */
    record Relation(List<LogicalType> types, List<List<Object>> rows) {
        static Relation of(List<LogicalType> types, Object[]... rows) {
            List<List<Object>> list = new ArrayList<>();
            for (Object[] row : rows) {
                list.add(Arrays.asList(row));
            }
            return new Relation(types, list);
        }

        /** A source that yields the rows in order, in batches of the vector size. */
        PhysicalOperator operator() {
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
    }

    /** Runs {@code plan} with batches of {@code vectorSize} rows and returns its rows. */
    static List<List<Object>> run(PhysicalOperator plan, int vectorSize) {
        return run(plan, vectorSize, new ArrayList<>());
    }

    /** {@link #run(PhysicalOperator, int)}, adding to {@code batchSizes} the row count of each batch the plan output. */
    static List<List<Object>> run(PhysicalOperator plan, int vectorSize, List<Integer> batchSizes) {
        List<List<Object>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < plan.outputTypes().size(); c++) {
            names.add("c" + c);
        }
        try (BufferAllocator root = MemoryRoots.newRoot("join test", 1L << 30)) {
            try (BufferAllocator results = root.newChildAllocator("results", 0, Long.MAX_VALUE);
                 ResultCollector collector = new ResultCollector(names, plan.outputTypes(), results)) {
                try (BufferAllocator query = root.newChildAllocator("query", 0, Long.MAX_VALUE)) {
                    new PipelineExecutor(ExecutionContext.of(query, vectorSize)).run(plan, collector);
                }
                for (VectorSchemaRoot batch : collector.takeBatches()) {
                    try (batch) {
                        batchSizes.add(batch.getRowCount());
                        if (batch.getRowCount() > vectorSize) {
                            throw new AssertionError("a batch of " + batch.getRowCount() + " rows exceeds the vector size "
                                    + vectorSize);
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

    /**
     * The join of {@code probe} and {@code build} computed pair by pair: keys equal (never when NULL) and
     * {@code residual} true; output probe columns then build columns, as the operators produce them.
     */
    static List<List<Object>> referenceJoin(JoinType type, Relation probe, Relation build, int[] probeKeys,
                                            int[] buildKeys, BiPredicate<List<Object>, List<Object>> residual) {
        List<List<Object>> out = new ArrayList<>();
        boolean[] buildMatched = new boolean[build.rows().size()];
        for (List<Object> p : probe.rows()) {
            boolean matched = false;
            for (int b = 0; b < build.rows().size(); b++) {
                List<Object> q = build.rows().get(b);
                if (keysMatch(p, probeKeys, q, buildKeys) && residual.test(p, q)) {
                    matched = true;
                    buildMatched[b] = true;
                    if (type != JoinType.SEMI && type != JoinType.ANTI && type != JoinType.RIGHT_SEMI
                            && type != JoinType.RIGHT_ANTI) {
                        out.add(concat(p, q));
                    }
                }
            }
            switch (type) {
                case LEFT, FULL -> {
                    if (!matched) {
                        out.add(concat(p, nulls(build.types().size())));
                    }
                }
                case SEMI -> {
                    if (matched) {
                        out.add(p);
                    }
                }
                case ANTI -> {
                    if (!matched) {
                        out.add(p);
                    }
                }
                default -> {
                }
            }
        }
        if (type == JoinType.RIGHT || type == JoinType.FULL) {
            for (int b = 0; b < build.rows().size(); b++) {
                if (!buildMatched[b]) {
                    out.add(concat(nulls(probe.types().size()), build.rows().get(b)));
                }
            }
        }
        if (type == JoinType.RIGHT_SEMI || type == JoinType.RIGHT_ANTI) {
            for (int b = 0; b < build.rows().size(); b++) {
                if (buildMatched[b] == (type == JoinType.RIGHT_SEMI)) {
                    out.add(build.rows().get(b));
                }
            }
        }
        return out;
    }

    private static boolean keysMatch(List<Object> p, int[] probeKeys, List<Object> q, int[] buildKeys) {
        for (int k = 0; k < probeKeys.length; k++) {
            Object a = p.get(probeKeys[k]);
            Object b = q.get(buildKeys[k]);
            if (a == null || b == null || !sqlEquals(a, b)) {
                return false;
            }
        }
        return true;
    }

    /** PostgreSQL's equality: -0 equals 0 and NaN equals NaN for doubles. */
    private static boolean sqlEquals(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue() || (x.isNaN() && y.isNaN());
        }
        if (a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> row = new ArrayList<>(a);
        row.addAll(b);
        return row;
    }

    private static List<Object> nulls(int count) {
        return Arrays.asList(new Object[count]);
    }

    /** The rows as sorted text lines, so that results compare as multisets. */
    static List<String> sorted(List<List<Object>> rows) {
        List<String> lines = new ArrayList<>();
        for (List<Object> row : rows) {
            lines.add(row.toString());
        }
        lines.sort(null);
        return lines;
    }
}
