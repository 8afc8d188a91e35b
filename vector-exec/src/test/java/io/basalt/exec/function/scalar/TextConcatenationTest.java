package io.basalt.exec.function.scalar;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/**
 * {@code ||} on two text vectors through {@link TextConcatenation} gives, row for row, Java's concatenation of
 * the two strings (the general path's result), for ASCII, multi-byte and empty values and NULLs on either side.
 */
class TextConcatenationTest {
    private static final String[] PIECES = {"", "a", "payload ", "ümlaut", "日本語", "🙂", "x".repeat(300)};

    @Test
    void concatenationMatchesStringConcatenation() {
        int rows = 2053;
        Random random = new Random(5);
        try (BufferAllocator allocator = new RootAllocator();
             FieldVector left = ValueAccess.allocate(LogicalType.TEXT, "l", allocator, rows);
             FieldVector right = ValueAccess.allocate(LogicalType.TEXT, "r", allocator, rows);
             EvaluationContext context = new EvaluationContext(allocator)) {
            String[] a = new String[rows];
            String[] b = new String[rows];
            for (int i = 0; i < rows; i++) {
                a[i] = i % 17 == 3 ? null : PIECES[random.nextInt(PIECES.length)] + random.nextInt(1000);
                b[i] = i % 19 == 4 ? null : PIECES[random.nextInt(PIECES.length)];
                ValueAccess.set(left, i, a[i]);
                ValueAccess.set(right, i, b[i]);
            }
            left.setValueCount(rows);
            right.setValueCount(rows);
            TextFunction concat = new TextFunction(TextFunction.Kind.CONCAT_OPERATOR);
            assertThat(TextConcatenation.applies(new FieldVector[] {left, right},
                    context.newVector(LogicalType.TEXT, 1))).isTrue();
            FieldVector out = concat.apply(new FieldVector[] {left, right}, rows, LogicalType.TEXT, context);
            for (int i = 0; i < rows; i++) {
                Object expected = a[i] == null || b[i] == null ? null : a[i] + b[i];
                assertThat(ValueAccess.get(out, i)).as("row %d", i).isEqualTo(expected);
            }
        }
    }
}
