package io.basalt.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import org.junit.jupiter.api.Test;

/** Subscript and slice assignment with PostgreSQL 15's results and errors. */
class ArrayAssignmentTest {
    @Test
    void elementAssignmentGrowsOneDimensionalArraysWithNulls() {
        assertThat(text(ArrayAssignment.assignElement(parse("{1,2}"), new Integer[] {4}, 9L))).isEqualTo("{1,2,NULL,9}");
        assertThat(text(ArrayAssignment.assignElement(parse("{1,2}"), new Integer[] {-1}, 9L)))
                .isEqualTo("[-1:2]={9,NULL,1,2}");
        assertThat(text(ArrayAssignment.assignElement(parse("{1,2}"), new Integer[] {2}, null))).isEqualTo("{1,NULL}");
        assertThat(text(ArrayAssignment.assignElement(null, new Integer[] {3, 4}, 5L))).isEqualTo("[3:3][4:4]={{5}}");
        assertThat(text(ArrayAssignment.assignElement(parse("{{1,2},{3,4}}"), new Integer[] {2, 1}, 0L)))
                .isEqualTo("{{1,2},{0,4}}");
    }

    @Test
    void elementAssignmentErrors() {
        fails(() -> ArrayAssignment.assignElement(parse("{{1,2},{3,4}}"), new Integer[] {3, 1}, 0L),
                SqlState.ARRAY_SUBSCRIPT_ERROR, "array subscript out of range");
        fails(() -> ArrayAssignment.assignElement(parse("{1}"), new Integer[] {1, 1}, 0L),
                SqlState.ARRAY_SUBSCRIPT_ERROR, "wrong number of array subscripts");
        fails(() -> ArrayAssignment.assignElement(parse("{1}"), new Integer[] {null}, 0L),
                SqlState.NULL_VALUE_NOT_ALLOWED, "array subscript in assignment must not be null");
        fails(() -> ArrayAssignment.assignElement(parse("[-2147483648:-2147483647]={1,2}"),
                new Integer[] {Integer.MAX_VALUE}, 0L), SqlState.PROGRAM_LIMIT_EXCEEDED, null);
    }

    @Test
    void sliceAssignment() {
        assertThat(text(ArrayAssignment.assignSlice(parse("{1,2,3}"), new Integer[] {2}, new Integer[] {5},
                parse("{7,8,9,10,11}")))).isEqualTo("{1,7,8,9,10}");
        assertThat(text(ArrayAssignment.assignSlice(parse("{1,2,3}"), new Integer[] {null}, new Integer[] {null},
                parse("{{7,8},{9,10}}")))).isEqualTo("{7,8,9}");
        assertThat(text(ArrayAssignment.assignSlice(null, new Integer[] {0, 1}, new Integer[] {1, 2},
                parse("{1,2,3,4,5}")))).isEqualTo("[0:1][1:2]={{1,2},{3,4}}");
        assertThat(text(ArrayAssignment.assignSlice(parse("{{1,2,3},{4,5,6}}"), new Integer[] {2, 2},
                new Integer[] {2, 3}, parse("{8,9}")))).isEqualTo("{{1,2,3},{4,8,9}}");
        assertThat(text(ArrayAssignment.assignSlice(parse("{1}"), new Integer[] {1}, new Integer[] {2}, null)))
                .isEqualTo("{1}");
        assertThat(text(ArrayAssignment.assignSlice(null, new Integer[] {1}, new Integer[] {2}, null))).isEqualTo("{}");
    }

    @Test
    void sliceAssignmentErrors() {
        fails(() -> ArrayAssignment.assignSlice(parse("{1,2,3}"), new Integer[] {null}, new Integer[] {null},
                parse("{1}")), SqlState.ARRAY_SUBSCRIPT_ERROR, "source array too small");
        fails(() -> ArrayAssignment.assignSlice(null, new Integer[] {null}, new Integer[] {2}, parse("{1,2}")),
                SqlState.ARRAY_SUBSCRIPT_ERROR, "array slice subscript must provide both boundaries");
        fails(() -> ArrayAssignment.assignSlice(parse("{{1,2},{3,4}}"), new Integer[] {1, 2}, new Integer[] {1, 3},
                parse("{1,2}")), SqlState.ARRAY_SUBSCRIPT_ERROR, "array subscript out of range");
        fails(() -> ArrayAssignment.assignSlice(null, new Integer[] {0}, new Integer[] {Integer.MAX_VALUE},
                parse("{}")), SqlState.PROGRAM_LIMIT_EXCEEDED, null);
    }

    @Test
    void stackingSubarraysAddsADimension() {
        assertThat(text(ArrayValue.stack(java.util.List.of(parse("[0:1]={1,2}"), parse("[0:1]={3,4}")))))
                .isEqualTo("[1:2][0:1]={{1,2},{3,4}}");
        assertThat(text(ArrayValue.stack(java.util.Arrays.asList(null, parse("{}"))))).isEqualTo("{}");
        fails(() -> ArrayValue.stack(java.util.List.of(parse("{1,2}"), parse("{3}"))), SqlState.ARRAY_SUBSCRIPT_ERROR,
                "multidimensional arrays must have array expressions with matching dimensions");
        fails(() -> ArrayValue.stack(java.util.Arrays.asList(parse("{1}"), null)), SqlState.ARRAY_SUBSCRIPT_ERROR,
                "multidimensional arrays must have array expressions with matching dimensions");
    }

    private static void fails(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, SqlState state, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BasaltException.class, e -> {
            assertThat(e.sqlState()).isEqualTo(state);
            if (message != null) {
                assertThat(e.getMessage()).isEqualTo(message);
            }
        });
    }

    private static ArrayValue parse(String literal) {
        return ArrayLiteral.parse(literal, LogicalType.INTEGER);
    }

    private static String text(ArrayValue value) {
        return ArrayLiteral.format(value, (element, index) -> element.toString());
    }
}
