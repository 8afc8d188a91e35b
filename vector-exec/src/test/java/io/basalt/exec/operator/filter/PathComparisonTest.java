package io.basalt.exec.operator.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.ColumnExpression;
import io.basalt.exec.expression.ComparisonExpression;
import io.basalt.exec.expression.ConstantExpression;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.FunctionExpression;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.function.json.PathValueFunction;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.memory.MemoryRoots;
import io.basalt.exec.operator.OperatorState;
import io.basalt.exec.operator.values.ValuesOperator;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.Test;

/**
 * A filter comparing a path column with a constant: in a batch whose documents are all NULL the comparison is a
 * selection on the values column (the extraction it falls back to is never evaluated, and the rows leave as a
 * selection); in a batch with documents the extraction decides those rows, in its place after the other conjuncts.
 * Column 0 holds the sub-column's values, column 1 the documents (integers standing in, the fallback reads them).
 */
class PathComparisonTest {
    /** A fallback that must not run: the documents' extraction, failing as {@code 'lots'::int} would. */
    private static final ScalarFunction FAILING = new ScalarFunction() {
        @Override
        public String name() {
            return "failing";
        }

        @Override
        public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
            throw new IllegalStateException("the extraction ran");
        }
    };

    private static PhysicalExpression path(PhysicalExpression fallback) {
        return new FunctionExpression(new PathValueFunction(fallback, "doc #>> '{n}'::integer",
                "doc #>> '{n}'::integer"),
                List.of(new ColumnExpression(0, LogicalType.INTEGER), new ColumnExpression(1, LogicalType.INTEGER)),
                LogicalType.INTEGER);
    }

    private static PhysicalExpression above(PhysicalExpression path, long constant) {
        return new ComparisonExpression(CompareOp.GT, path, new ConstantExpression(LogicalType.INTEGER, constant));
    }

    private static IntVector vector(BufferAllocator root, String name, Integer... values) {
        IntVector vector = new IntVector(name, root);
        vector.allocateNew(values.length);
        for (int r = 0; r < values.length; r++) {
            if (values[r] != null) {
                vector.set(r, values[r]);
            }
        }
        vector.setValueCount(values.length);
        return vector;
    }

    private static List<Integer> values(Batch batch, int column) {
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < batch.rowCount(); r++) {
            int row = batch.selection() == null ? r : batch.selection()[r];
            out.add((Integer) batch.column(column).getObject(row));
        }
        return out;
    }

    @Test
    void documentsAllNullSelectOnTheValuesWithoutTheExtraction() {
        List<LogicalType> types = List.of(LogicalType.INTEGER, LogicalType.INTEGER);
        PhysicalExpression failing = new FunctionExpression(FAILING,
                List.of(new ColumnExpression(0, LogicalType.INTEGER)), LogicalType.INTEGER);
        assertThat(PathComparison.of(above(path(failing), 5), types)).isNotNull();
        FilterOperator filter = new FilterOperator(new ValuesOperator(List.of(), types),
                List.of(above(path(failing), 5)));
        try (BufferAllocator root = MemoryRoots.newRoot("path-comparison", 1L << 24);
             IntVector values = vector(root, "v", 1, 9, null, 6, 5, 40);
             IntVector documents = vector(root, "d", null, null, null, null, null, null)) {
            ExecutionContext context = ExecutionContext.of(root, 2048);
            Batch input = new Batch(List.of(values, documents), 6);
            try (OperatorState state = filter.openOperator(context)) {
                state.acceptSelections(true);
                Batch out = state.execute(input);
                assertThat(out.isSelective()).isTrue();
                assertThat(Arrays.copyOf(out.selection(), out.rowCount())).containsExactly(1, 3, 5);
            }
            try (OperatorState state = filter.openOperator(context)) {
                Batch out = state.execute(input);
                assertThat(out.isSelective()).isFalse();
                assertThat(values(out, 0)).containsExactly(9, 6, 40);
            }
            // a batch with a document evaluates the extraction
            try (IntVector mixed = vector(root, "d", null, 7, null, null, null, null);
                 OperatorState state = filter.openOperator(context)) {
                assertThatThrownBy(() -> state.execute(new Batch(List.of(values, mixed), 6)))
                        .hasMessageContaining("the extraction ran");
            }
        }
    }

    @Test
    void documentsDecideTheRowsWithoutValuesAfterTheOtherConjuncts() {
        List<LogicalType> types = List.of(LogicalType.INTEGER, LogicalType.INTEGER);
        PhysicalExpression fromDocument = new ColumnExpression(0, LogicalType.INTEGER);
        // values NULL where a document holds the value (column 1), as a scan hands them
        PhysicalExpression valueBelow100 = new ComparisonExpression(CompareOp.LT, new ColumnExpression(0,
                LogicalType.INTEGER), new ConstantExpression(LogicalType.INTEGER, 100L));
        FilterOperator filter = new FilterOperator(new ValuesOperator(List.of(), types),
                List.of(above(path(fromDocument), 5), valueBelow100));
        try (BufferAllocator root = MemoryRoots.newRoot("path-comparison", 1L << 24);
             IntVector values = vector(root, "v", 1, null, 9, null, 6, 500);
             IntVector documents = vector(root, "d", null, 8, null, 2, null, null)) {
            ExecutionContext context = ExecutionContext.of(root, 2048);
            try (OperatorState state = filter.openOperator(context)) {
                state.acceptSelections(true);
                Batch out = state.execute(new Batch(List.of(values, documents), 6));
                // the value comparison drops the rows whose values are NULL: only rows 2 and 4 pass both
                assertThat(values(out, 0)).containsExactly(9, 6);
            }
            try (IntVector allValues = vector(root, "v", 1, 8, 9, 2, 6, 500);
                 IntVector noDocuments = vector(root, "d", null, null, null, null, null, null);
                 OperatorState state = filter.openOperator(context)) {
                Batch out = state.execute(new Batch(List.of(allValues, noDocuments), 6));
                assertThat(values(out, 0)).containsExactly(8, 9, 6);
            }
        }
        FilterOperator pathOnly = new FilterOperator(new ValuesOperator(List.of(), types),
                List.of(above(path(fromDocument), 5)));
        try (BufferAllocator root = MemoryRoots.newRoot("path-comparison", 1L << 24);
             IntVector values = vector(root, "v", 1, null, 9, null, 6, null);
             IntVector documents = vector(root, "d", null, 8, null, 2, null, null);
             OperatorState state = pathOnly.openOperator(ExecutionContext.of(root, 2048))) {
            Batch out = state.execute(new Batch(List.of(values, documents), 6));
            assertThat(out.rowCount()).isEqualTo(3);
            // rows 1 (8 from its document), 2 and 4 (9 and 6 from the values)
            assertThat(values(out, 0)).containsExactly(null, 9, 6);
            assertThat(values(out, 1)).containsExactly(8, null, null);
        }
    }
}
