package io.basalt.type.textsearch;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PostgreSQL's functions that edit a tsvector: setweight, strip, ts_delete, ts_filter, {@code ||},
 * tsvector_to_array and array_to_tsvector. Each returns a new tsvector (lexemes stay in {@link TsVector#ORDER}).
 */
public final class TsVectorEdits {
    private TsVectorEdits() {
    }

    /**
     * The weight code (3 for A down to 0 for D) of a weight letter given as text, as PostgreSQL's {@code "char"}: the
     * first character.
     *
     * @throws BasaltException 22023 for another character
     */
    public static int weight(String letter) {
        char c = letter.isEmpty() ? '\0' : letter.charAt(0);
        return switch (c) {
            case 'A', 'a' -> 3;
            case 'B', 'b' -> 2;
            case 'C', 'c' -> 1;
            case 'D', 'd' -> 0;
            default -> throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "unrecognized weight: " + (int) c);
        };
    }

    /**
     * setweight: every position of the lexemes in {@code only} (all lexemes when null; NULL elements are ignored) gets
     * {@code weight}.
     */
    public static TsVector setWeight(TsVector vector, int weight, List<Object> only) {
        List<int[]> positions = new ArrayList<>(vector.positions());
        if (only == null) {
            for (int k = 0; k < positions.size(); k++) {
                positions.set(k, weighted(positions.get(k), weight));
            }
        } else {
            for (Object lexeme : only) {
                int k = lexeme == null ? -1 : vector.find((String) lexeme);
                if (k >= 0) {
                    positions.set(k, weighted(positions.get(k), weight));
                }
            }
        }
        return new TsVector(vector.lexemes(), positions);
    }

    private static int[] weighted(int[] entries, int weight) {
        int[] out = new int[entries.length];
        for (int p = 0; p < entries.length; p++) {
            out[p] = (entries[p] & ~3) | weight;
        }
        return out;
    }

    /** strip: the lexemes without positions. */
    public static TsVector strip(TsVector vector) {
        List<int[]> positions = new ArrayList<>(vector.lexemes().size());
        for (int k = 0; k < vector.lexemes().size(); k++) {
            positions.add(new int[0]);
        }
        return new TsVector(vector.lexemes(), positions);
    }

    /** ts_delete: the vector without the lexemes in {@code lexemes} (NULL elements are ignored). */
    public static TsVector delete(TsVector vector, List<Object> lexemes) {
        boolean[] dropped = new boolean[vector.lexemes().size()];
        for (Object lexeme : lexemes) {
            int k = lexeme == null ? -1 : vector.find((String) lexeme);
            if (k >= 0) {
                dropped[k] = true;
            }
        }
        List<String> kept = new ArrayList<>();
        List<int[]> positions = new ArrayList<>();
        for (int k = 0; k < dropped.length; k++) {
            if (!dropped[k]) {
                kept.add(vector.lexemes().get(k));
                positions.add(vector.positions().get(k));
            }
        }
        return new TsVector(kept, positions);
    }

    /**
     * ts_filter: only the positions whose weight is among {@code weights} (letters); a lexeme left without positions,
     * or stored without any, is dropped.
     *
     * @throws BasaltException 22004 for a NULL weight, 22023 for an unknown one
     */
    public static TsVector filter(TsVector vector, List<Object> weights) {
        int mask = 0;
        for (Object letter : weights) {
            if (letter == null) {
                throw BasaltException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "weight array may not contain nulls");
            }
            mask |= 1 << weight((String) letter);
        }
        List<String> kept = new ArrayList<>();
        List<int[]> positions = new ArrayList<>();
        for (int k = 0; k < vector.lexemes().size(); k++) {
            int[] entries = vector.positions().get(k);
            int[] out = new int[entries.length];
            int n = 0;
            for (int entry : entries) {
                if ((mask & (1 << (entry & 3))) != 0) {
                    out[n++] = entry;
                }
            }
            if (n > 0) {
                kept.add(vector.lexemes().get(k));
                positions.add(Arrays.copyOf(out, n));
            }
        }
        return new TsVector(kept, positions);
    }

    /**
     * {@code left || right}: the right vector's positions move past the left's largest position (capped at 16,383); a
     * lexeme in both keeps both sides' positions, or the side's that has positions.
     */
    public static TsVector concat(TsVector left, TsVector right) {
        int shift = 0;
        for (int[] entries : left.positions()) {
            for (int entry : entries) {
                shift = Math.max(shift, entry >> 2);
            }
        }
        Map<String, int[]> merged = new TreeMap<>(TsVector.ORDER);
        for (int k = 0; k < left.lexemes().size(); k++) {
            merged.put(left.lexemes().get(k), left.positions().get(k));
        }
        for (int k = 0; k < right.lexemes().size(); k++) {
            int[] entries = right.positions().get(k);
            int[] moved = new int[entries.length];
            for (int p = 0; p < entries.length; p++) {
                moved[p] = Math.min((entries[p] >> 2) + shift, DocumentParser.MAXIMUM_POSITION) * 4 + (entries[p] & 3);
            }
            int[] before = merged.get(right.lexemes().get(k));
            if (before == null || before.length == 0) {
                merged.put(right.lexemes().get(k), moved);
            } else if (moved.length > 0) {
                int[] both = Arrays.copyOf(before, before.length + moved.length);
                System.arraycopy(moved, 0, both, before.length, moved.length);
                merged.put(right.lexemes().get(k), TsVector.normalizedPositions(both));
            }
        }
        return new TsVector(new ArrayList<>(merged.keySet()), new ArrayList<>(merged.values()));
    }


    /** tsvector_to_array: the lexemes, in order. */
    public static List<Object> toArray(TsVector vector) {
        return new ArrayList<>(vector.lexemes());
    }

    /**
     * array_to_tsvector: the distinct elements as lexemes without positions.
     *
     * @throws BasaltException 22004 for a NULL element, 22023 for an empty one
     */
    public static TsVector fromArray(List<Object> elements) {
        Map<String, int[]> found = new TreeMap<>(TsVector.ORDER);
        for (Object element : elements) {
            if (element == null) {
                throw BasaltException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "lexeme array may not contain nulls");
            }
            if (((String) element).isEmpty()) {
                throw BasaltException.of(SqlState.ZERO_LENGTH_CHARACTER_STRING,
                        "lexeme array may not contain empty strings");
            }
            found.put((String) element, new int[0]);
        }
        return new TsVector(new ArrayList<>(found.keySet()), new ArrayList<>(found.values()));
    }
}
