package io.basalt.storage.column.encoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A conjunction of conditions on variable-width values compared as unsigned bytes (text in the C collation, which is
 * the engine's order): {@code value op constant}, {@code value IN (constants)}, and {@code value starts with prefix}.
 * Evaluated once per distinct value of a dictionary chunk or per row of a plain one. Immutable once built.
 */
public final class BinaryMatcher {
    /** The kinds of one condition. */
    public enum Kind { EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL, PREFIX }

    private record Condition(Kind kind, byte[] constant) {
    }

    private final List<Condition> conditions = new ArrayList<>();
    private final List<byte[][]> inLists = new ArrayList<>();

    /** Adds {@code value kind constant}. */
    public BinaryMatcher add(Kind kind, byte[] constant) {
        conditions.add(new Condition(kind, constant.clone()));
        return this;
    }

    /** Adds {@code value IN (constants)}. */
    public BinaryMatcher addIn(List<byte[]> constants) {
        byte[][] sorted = constants.toArray(new byte[0][]);
        Arrays.sort(sorted, Arrays::compareUnsigned);
        inLists.add(sorted);
        return this;
    }

    /** Whether any condition was added. */
    public boolean isEmpty() {
        return conditions.isEmpty() && inLists.isEmpty();
    }

    /** Whether {@code data[start, start + length)} satisfies every condition. */
    public boolean matches(byte[] data, int start, int length) {
        int end = start + length;
        for (Condition condition : conditions) {
            byte[] constant = condition.constant();
            boolean satisfied = switch (condition.kind()) {
                case PREFIX -> length >= constant.length
                        && Arrays.equals(data, start, start + constant.length, constant, 0, constant.length);
                case EQUAL -> Arrays.equals(data, start, end, constant, 0, constant.length);
                case LESS -> Arrays.compareUnsigned(data, start, end, constant, 0, constant.length) < 0;
                case LESS_OR_EQUAL -> Arrays.compareUnsigned(data, start, end, constant, 0, constant.length) <= 0;
                case GREATER -> Arrays.compareUnsigned(data, start, end, constant, 0, constant.length) > 0;
                case GREATER_OR_EQUAL -> Arrays.compareUnsigned(data, start, end, constant, 0, constant.length) >= 0;
            };
            if (!satisfied) {
                return false;
            }
        }
        for (byte[][] values : inLists) {
            if (!inList(values, data, start, end)) {
                return false;
            }
        }
        return true;
    }

    private static boolean inList(byte[][] sorted, byte[] data, int start, int end) {
        int low = 0;
        int high = sorted.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = Arrays.compareUnsigned(sorted[middle], 0, sorted[middle].length, data, start, end);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return true;
            }
        }
        return false;
    }
}
