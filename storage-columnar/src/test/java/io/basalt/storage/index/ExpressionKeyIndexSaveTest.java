package io.basalt.storage.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.exec.expression.ColumnExpression;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An index over an expression written as a checkpoint saves it and read back answers every lookup as the index it
 * was saved from did, for the positions saved (later positions are recorded on top as before); keys of every savable
 * kind survive exactly (text beyond 64 KB, NUMERIC scales, negative zero); bytes that are not such an index are
 * refused with an IOException.
 */
class ExpressionKeyIndexSaveTest {
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void everythingIsFreed() {
        assertThat(allocator.getAllocatedMemory()).isZero();
        allocator.close();
    }

    private static ExpressionKeyIndex index(LogicalType type) {
        return new ExpressionKeyIndex("i", new int[] {0}, new ColumnExpression(0, type), "definition");
    }

    /** Records {@code values} (null: SQL NULL) in {@code index} as one stretch. */
    private void add(ExpressionKeyIndex index, LogicalType type, List<Object> values) {
        try (FieldVector vector = ValueAccess.allocate(type, "k", allocator, values.size())) {
            for (int row = 0; row < values.size(); row++) {
                ValueAccess.set(vector, row, values.get(row));
            }
            vector.setValueCount(values.size());
            index.addRange(new FieldVector[] {vector}, 0, values.size(), allocator);
        }
    }

    private static ExpressionKeyIndex.Saved saveAndRead(ExpressionKeyIndex index, long limit) throws IOException {
        assertThat(index.covers(limit)).isTrue();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        index.write(new DataOutputStream(bytes), limit);
        return ExpressionKeyIndex.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    private static List<Long> candidates(ExpressionKeyIndex index, CompareOp operator, Object value) {
        List<Long> out = new ArrayList<>();
        for (long position : index.candidates(new ScanPredicate.IndexKey("i", operator, List.of(value), true))) {
            out.add(position);
        }
        return out;
    }

    @Test
    void savedIndexAnswersAsTheOriginal() throws IOException {
        Random random = new Random(11);
        ExpressionKeyIndex original = index(LogicalType.BIGINT);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            values.add(random.nextInt(10) == 0 ? null : (long) random.nextInt(300) - 100);
        }
        add(original, LogicalType.BIGINT, values);
        original.addUnkeyed(3); // positions 5000..5002: keys that failed
        ExpressionKeyIndex restored = original.restoredCopy(saveAndRead(original, original.count()));
        assertThat(restored.restored()).isTrue();
        assertThat(original.restored()).isFalse();
        assertThat(restored.count()).isEqualTo(original.count());
        for (CompareOp operator : new CompareOp[] {CompareOp.EQ, CompareOp.LT, CompareOp.LE, CompareOp.GT, CompareOp.GE}) {
            for (long value = -110; value <= 210; value += 7) {
                assertThat(candidates(restored, operator, value)).as("%s %d", operator, value)
                        .isEqualTo(candidates(original, operator, value));
            }
        }
        // positions after the saved ones are recorded on top, as in the original
        add(original, LogicalType.BIGINT, List.of(5L, 500L));
        add(restored, LogicalType.BIGINT, List.of(5L, 500L));
        assertThat(candidates(restored, CompareOp.EQ, 5L)).isEqualTo(candidates(original, CompareOp.EQ, 5L))
                .contains(5003L);
        assertThat(candidates(restored, CompareOp.GE, 500L)).containsExactly(5000L, 5001L, 5002L, 5004L);
    }

    @Test
    void aSaveBelowTheCountKeepsOnlyTheEarlierPositions() throws IOException {
        ExpressionKeyIndex original = index(LogicalType.BIGINT);
        add(original, LogicalType.BIGINT, List.of(1L, 2L, 1L, 3L, 1L));
        ExpressionKeyIndex restored = original.restoredCopy(saveAndRead(original, 3));
        assertThat(restored.count()).isEqualTo(3);
        assertThat(candidates(restored, CompareOp.EQ, 1L)).containsExactly(0L, 2L);
        assertThat(candidates(restored, CompareOp.EQ, 3L)).isEmpty();
        assertThat(original.covers(6)).isFalse();
    }

    @Test
    void keysOfEverySavableKindComeBackExactly() throws IOException {
        String longText = "é".repeat(40_000);
        List<Object> texts = List.of("", "acme", longText, "日本語", "acme");
        ExpressionKeyIndex text = index(LogicalType.TEXT);
        add(text, LogicalType.TEXT, new ArrayList<>(texts));
        ExpressionKeyIndex restoredText = text.restoredCopy(saveAndRead(text, text.count()));
        assertThat(candidates(restoredText, CompareOp.EQ, longText)).containsExactly(2L);
        assertThat(candidates(restoredText, CompareOp.EQ, "acme")).containsExactly(1L, 4L);
        assertThat(candidates(restoredText, CompareOp.GT, "acme")).containsExactly(2L, 3L);

        ExpressionKeyIndex doubles = index(LogicalType.DOUBLE);
        add(doubles, LogicalType.DOUBLE, List.of(-0.0, 0.0, Double.NaN, 1.5, Double.NEGATIVE_INFINITY));
        ExpressionKeyIndex restoredDoubles = doubles.restoredCopy(saveAndRead(doubles, doubles.count()));
        for (double value : new double[] {-0.0, 0.0, Double.NaN, 1.5, Double.NEGATIVE_INFINITY, 2}) {
            for (CompareOp operator : new CompareOp[] {CompareOp.EQ, CompareOp.LT, CompareOp.GE}) {
                assertThat(candidates(restoredDoubles, operator, value))
                        .isEqualTo(candidates(doubles, operator, value));
            }
        }

        ExpressionKeyIndex numbers = index(LogicalType.NUMERIC);
        add(numbers, LogicalType.NUMERIC, List.of(new BigDecimal("1.50"), new BigDecimal("-12345678901234567890.123"),
                new BigDecimal("1.5"), new BigDecimal("0")));
        ExpressionKeyIndex restoredNumbers = numbers.restoredCopy(saveAndRead(numbers, numbers.count()));
        assertThat(candidates(restoredNumbers, CompareOp.EQ, new BigDecimal("1.5"))).containsExactly(0L, 2L);
        assertThat(candidates(restoredNumbers, CompareOp.LT, BigDecimal.ZERO)).containsExactly(1L);

        ExpressionKeyIndex flags = index(LogicalType.BOOLEAN);
        add(flags, LogicalType.BOOLEAN, List.of(true, false, true));
        ExpressionKeyIndex restoredFlags = flags.restoredCopy(saveAndRead(flags, flags.count()));
        assertThat(candidates(restoredFlags, CompareOp.EQ, true)).containsExactly(0L, 2L);
    }

    @Test
    void bytesThatAreNoIndexAreRefused() throws IOException {
        ExpressionKeyIndex original = index(LogicalType.BIGINT);
        add(original, LogicalType.BIGINT, List.of(1L, 2L, 3L));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        original.write(new DataOutputStream(bytes), 3);
        byte[] written = bytes.toByteArray();
        byte[] truncated = java.util.Arrays.copyOf(written, written.length - 1);
        assertThatThrownBy(() -> ExpressionKeyIndex.read(new DataInputStream(new ByteArrayInputStream(truncated))))
                .isInstanceOf(IOException.class);
        byte[] badTag = written.clone();
        badTag[12] = 99; // the first key's tag
        assertThatThrownBy(() -> ExpressionKeyIndex.read(new DataInputStream(new ByteArrayInputStream(badTag))))
                .isInstanceOf(IOException.class);
    }
}
