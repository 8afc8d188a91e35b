package io.basalt.exec.vector;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.type.ArrayLiteral;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.TransferPair;
import org.junit.jupiter.api.Test;

/**
 * The array representation: a struct of the elements' list and a shape list that only rows with several
 * dimensions or another lower bound fill; values of every shape round-trip, copy and compare as PostgreSQL's.
 */
class ArrayVectorsTest {
    private static final LogicalType INTEGERS = LogicalType.arrayOf(LogicalType.INTEGER);
    private static final List<String> LITERALS = List.of("{1,2,3}", "{}", "{{1,2},{3,4}}", "[0:2]={7,NULL,9}",
            "[2:2][-1:0]={{5,6}}", "{NULL}", "{{{1}},{{2}}}");

    @Test
    void plainRowsLeaveTheShapeNullAndShapedRowsRecordIt() {
        try (BufferAllocator allocator = new RootAllocator(); FieldVector vector = filled(allocator)) {
            assertThat(ArrayVectors.isArray(vector)).isTrue();
            assertThat(ArrayVectors.isShaped(vector, 0)).isFalse();
            assertThat(ArrayVectors.isShaped(vector, 1)).isFalse();
            assertThat(ArrayVectors.isShaped(vector, 2)).isTrue();
            assertThat(ArrayVectors.dimensionCount(vector, 1)).isZero();
            assertThat(ArrayVectors.dimensionCount(vector, 0)).isEqualTo(1);
            assertThat(ArrayVectors.dimensionCount(vector, 4)).isEqualTo(2);
            assertThat(ArrayVectors.lowerBound(vector, 4, 0)).isEqualTo(2);
            assertThat(ArrayVectors.lowerBound(vector, 4, 1)).isEqualTo(-1);
            assertThat(ArrayVectors.dimensionLength(vector, 4, 1)).isEqualTo(2);
            assertThat(ArrayVectors.anyShaped(vector, 2)).isFalse();
            assertThat(ArrayVectors.anyShaped(vector, 3)).isTrue();
            assertThat(vector.isNull(LITERALS.size())).isTrue();
            for (int i = 0; i < LITERALS.size(); i++) {
                assertThat(ValueAccess.get(vector, i)).as(LITERALS.get(i)).isEqualTo(parse(LITERALS.get(i)));
                assertThat(ValueAccess.text(vector, i)).isEqualTo(LITERALS.get(i));
            }
        }
    }

    @Test
    void copiesSlicesAndTransfersKeepShapes() {
        try (BufferAllocator allocator = new RootAllocator(); FieldVector vector = filled(allocator)) {
            int rows = vector.getValueCount();
            try (FieldVector copy = ValueAccess.allocate(INTEGERS, "copy", allocator, rows)) {
                for (int i = rows - 1, target = 0; i >= 0; i--, target++) {
                    VectorGather.copyValue(vector, i, copy, target);
                }
                copy.setValueCount(rows);
                for (int i = 0; i < rows; i++) {
                    assertThat(ValueAccess.get(copy, i)).isEqualTo(ValueAccess.get(vector, rows - 1 - i));
                }
            }
            try (FieldVector slice = VectorSlices.slice(vector, 2, 3, allocator)) {
                assertThat(ValueAccess.get(slice, 2)).isEqualTo(parse("[2:2][-1:0]={{5,6}}"));
            }
            TransferPair transfer = vector.getTransferPair(allocator);
            transfer.transfer();
            try (FieldVector moved = (FieldVector) transfer.getTo()) {
                assertThat(ValueAccess.get(moved, 3)).isEqualTo(parse("[0:2]={7,NULL,9}"));
            }
            assertThat(allocator.getAllocatedMemory()).isZero();
        }
    }

    @Test
    void comparesElementsFirstThenCountDimensionsLengthsAndLowerBounds() {
        List<String> ascending = List.of("{}", "[0:0]={1}", "{1}", "[0:1]={1,2}", "{1,2}", "{{1,2}}", "{{1},{2}}",
                "{1,3}", "{1,NULL}", "{2}");
        try (BufferAllocator allocator = new RootAllocator();
             FieldVector vector = ValueAccess.allocate(INTEGERS, "x", allocator, ascending.size())) {
            for (int i = 0; i < ascending.size(); i++) {
                ValueAccess.set(vector, i, parse(ascending.get(i)));
            }
            vector.setValueCount(ascending.size());
            for (int i = 0; i < ascending.size(); i++) {
                for (int j = 0; j < ascending.size(); j++) {
                    int expected = Integer.signum(Integer.compare(i, j));
                    assertThat(Integer.signum(ArrayVectors.compare(vector, i, vector, j)))
                            .as("%s vs %s", ascending.get(i), ascending.get(j)).isEqualTo(expected);
                    assertThat(Integer.signum(ArrayValueOrder.compare(parse(ascending.get(i)), parse(ascending.get(j)))))
                            .isEqualTo(expected);
                }
            }
        }
    }

    private static FieldVector filled(BufferAllocator allocator) {
        FieldVector vector = ValueAccess.allocate(INTEGERS, "x", allocator, 4);
        List<ArrayValue> values = new ArrayList<>();
        for (String literal : LITERALS) {
            values.add(parse(literal));
        }
        values.add(null);
        for (int i = 0; i < values.size(); i++) {
            ValueAccess.set(vector, i, values.get(i));
        }
        vector.setValueCount(values.size());
        return vector;
    }

    private static ArrayValue parse(String literal) {
        return ArrayLiteral.parse(literal, LogicalType.INTEGER);
    }
}
