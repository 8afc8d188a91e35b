package io.basalt.type.textsearch;

import java.util.Arrays;

/**
 * Whether a tsvector matches a tsquery ({@code @@}). Lexemes match exactly, or by prefix for {@code :*}, and only at
 * positions of the operand's weights when it names some. {@code a <N> b} needs an occurrence of b exactly N positions
 * after one of a; phrases nest, each side of a phrase matched at its end positions with its width. Inside a phrase,
 * {@code !x} stands for every position x does not hold, {@code &} and {@code |} for the positions of their sides.
 * A lexeme stored without positions matches wherever its operand is asked for, outside phrases.
 */
public final class TsMatch {
    /** Stands for every position (a not whose operand is absent). */
    private static final int[] EVERYWHERE = new int[0];

    private TsMatch() {
    }

    /** {@code vector @@ query}; an empty query matches nothing. */
    public static boolean matches(TsVector vector, TsQuery query) {
        return query != null && evaluate(vector, query);
    }

    private static boolean evaluate(TsVector vector, TsQuery query) {
        return switch (query) {
            case TsQuery.Operand operand -> operandPresent(vector, operand);
            case TsQuery.Not not -> !evaluate(vector, not.operand());
            case TsQuery.And and -> evaluate(vector, and.left()) && evaluate(vector, and.right());
            case TsQuery.Or or -> evaluate(vector, or.left()) || evaluate(vector, or.right());
            case TsQuery.Phrase phrase -> {
                int[] ends = positions(vector, phrase);
                yield ends == EVERYWHERE || ends.length > 0;
            }
        };
    }

    private static boolean operandPresent(TsVector vector, TsQuery.Operand operand) {
        for (int k = first(vector, operand); k < vector.lexemes().size() && covers(operand, vector.lexemes().get(k)); k++) {
            int[] entries = vector.positions().get(k);
            if (operand.weights() == 0 || entries.length == 0) {
                return true;
            }
            for (int entry : entries) {
                if ((operand.weights() & (1 << (entry & 3))) != 0) {
                    return true;
                }
            }
            if (!operand.prefix()) {
                break;
            }
        }
        return false;
    }

    /** The first lexeme index that may match {@code operand}. */
    private static int first(TsVector vector, TsQuery.Operand operand) {
        if (!operand.prefix()) {
            int found = vector.find(operand.lexeme());
            return found < 0 ? vector.lexemes().size() : found;
        }
        int low = 0;
        int high = vector.lexemes().size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (TsVector.ORDER.compare(vector.lexemes().get(middle), operand.lexeme()) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static boolean covers(TsQuery.Operand operand, String lexeme) {
        return operand.prefix() ? lexeme.startsWith(operand.lexeme()) : lexeme.equals(operand.lexeme());
    }

    /** The end positions where {@code query} matches inside a phrase, sorted, or {@link #EVERYWHERE}. */
    private static int[] positions(TsVector vector, TsQuery query) {
        return switch (query) {
            case TsQuery.Operand operand -> operandPositions(vector, operand);
            case TsQuery.Not not -> {
                int[] inner = positions(vector, not.operand());
                yield inner.length == 0 && inner != EVERYWHERE ? EVERYWHERE : new int[0];
            }
            case TsQuery.And and -> {
                int[] left = positions(vector, and.left());
                int[] right = positions(vector, and.right());
                yield left.length == 0 && left != EVERYWHERE || right.length == 0 && right != EVERYWHERE
                        ? new int[0] : union(left, right);
            }
            case TsQuery.Or or -> union(positions(vector, or.left()), positions(vector, or.right()));
            case TsQuery.Phrase phrase -> phrasePositions(vector, phrase);
        };
    }

    private static int[] phrasePositions(TsVector vector, TsQuery.Phrase phrase) {
        int[] left = positions(vector, phrase.left());
        int[] right = positions(vector, phrase.right());
        int shift = phrase.distance() + width(phrase.right());
        if (left == EVERYWHERE && right == EVERYWHERE) {
            return EVERYWHERE;
        }
        if (right == EVERYWHERE) {
            int[] out = new int[left.length];
            for (int i = 0; i < left.length; i++) {
                out[i] = left[i] + shift;
            }
            return out;
        }
        int[] out = new int[right.length];
        int n = 0;
        for (int end : right) {
            int leftEnd = end - shift;
            if (leftEnd >= 1 && (left == EVERYWHERE || Arrays.binarySearch(left, leftEnd) >= 0)) {
                out[n++] = end;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Positions a phrase spans beyond its first: the sum of its distances. */
    private static int width(TsQuery query) {
        return switch (query) {
            case TsQuery.Phrase phrase -> width(phrase.left()) + phrase.distance() + width(phrase.right());
            case TsQuery.And and -> Math.max(width(and.left()), width(and.right()));
            case TsQuery.Or or -> Math.max(width(or.left()), width(or.right()));
            case TsQuery.Not not -> width(not.operand());
            case TsQuery.Operand ignored -> 0;
        };
    }

    private static int[] operandPositions(TsVector vector, TsQuery.Operand operand) {
        int[] out = new int[0];
        for (int k = first(vector, operand); k < vector.lexemes().size() && covers(operand, vector.lexemes().get(k)); k++) {
            int[] entries = vector.positions().get(k);
            int[] kept = new int[entries.length];
            int n = 0;
            for (int entry : entries) {
                if (operand.weights() == 0 || (operand.weights() & (1 << (entry & 3))) != 0) {
                    kept[n++] = entry >> 2;
                }
            }
            out = union(out, Arrays.copyOf(kept, n));
            if (!operand.prefix()) {
                break;
            }
        }
        return out;
    }

    private static int[] union(int[] a, int[] b) {
        if (a == EVERYWHERE || b == EVERYWHERE) {
            return EVERYWHERE;
        }
        int[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        Arrays.sort(all);
        int n = 0;
        for (int value : all) {
            if (n == 0 || all[n - 1] != value) {
                all[n++] = value;
            }
        }
        return Arrays.copyOf(all, n);
    }
}
