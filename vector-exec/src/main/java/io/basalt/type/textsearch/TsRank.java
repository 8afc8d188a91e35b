package io.basalt.type.textsearch;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ts_rank and ts_rank_cd as PostgreSQL computes them (its tsrank.c formulas, in its mix of single and double
 * precision, so that the float4 results print the same). Weights are per position weight, index 0 for D up to 3
 * for A; the normalization flags are PostgreSQL's: 1 divides by 1 + log2 of the length (ts_rank_cd: the natural
 * log of 1 + the length), 2 by the length, 4 (ts_rank_cd only) by the mean distance between extents, 8 by the number
 * of distinct lexemes, 16 by 1 + log2 of that number, 32 maps the rank r to r / (r + 1).
 */
public final class TsRank {
    /** PostgreSQL's default weights, D to A. */
    public static final float[] DEFAULT_WEIGHTS = {0.1f, 0.2f, 0.4f, 1.0f};
    private static final int MAXIMUM_ENTRY_POSITION = 16384;

    private TsRank() {
    }

    /**
     * The weights a ts_rank call gives as a float4 array ({@code {D, C, B, A}}): negative entries take the default.
     *
     * @throws BasaltException 2202E for fewer than four, 22004 for NULLs, 22023 for a weight above 1
     */
    public static float[] weights(List<Object> given, int dimensions) {
        if (dimensions > 1) {
            throw BasaltException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "array of weight must be one-dimensional");
        }
        if (given.size() < 4) {
            throw BasaltException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, "array of weight is too short");
        }
        float[] weights = new float[4];
        for (Object value : given) {
            if (value == null) {
                throw BasaltException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "array of weight must not contain nulls");
            }
        }
        for (int i = 0; i < 4; i++) {
            float w = ((Number) given.get(i)).floatValue();
            weights[i] = w >= 0 ? w : DEFAULT_WEIGHTS[i];
            if (weights[i] > 1.0f) {
                throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "weight out of range");
            }
        }
        return weights;
    }

    /** ts_rank: by the frequency of the query's lexemes, and for and / phrase queries by their proximity. */
    public static float rank(float[] weights, TsVector vector, TsQuery query, int normalization) {
        if (vector.lexemes().isEmpty() || query == null) {
            return 0.0f;
        }
        List<TsQuery.Operand> items = distinctOperands(query);
        float res = query instanceof TsQuery.And || query instanceof TsQuery.Phrase
                ? rankAnd(weights, vector, items) : rankOr(weights, vector, items);
        if (res < 0) {
            res = 1e-20f;
        }
        int size = vector.lexemes().size();
        if ((normalization & 1) != 0) {
            res = (float) (res / (Math.log(length(vector) + 1) / Math.log(2.0)));
        }
        if ((normalization & 2) != 0) {
            int length = length(vector);
            if (length > 0) {
                res /= (float) length;
            }
        }
        if ((normalization & 8) != 0) {
            res /= (float) size;
        }
        if ((normalization & 16) != 0) {
            res = (float) (res / (Math.log(size + 1) / Math.log(2.0)));
        }
        if ((normalization & 32) != 0) {
            res /= res + 1;
        }
        return res;
    }

    /** The query's operands, one per distinct lexeme (operands under a not included), in PostgreSQL's order. */
    private static List<TsQuery.Operand> distinctOperands(TsQuery query) {
        Map<String, TsQuery.Operand> distinct = new TreeMap<>(TsVector.ORDER);
        for (TsQuery.Operand operand : TsQuery.operands(query)) {
            distinct.putIfAbsent(operand.lexeme(), operand);
        }
        return new ArrayList<>(distinct.values());
    }

    /** The number of positions, a lexeme without positions counting as one. */
    private static int length(TsVector vector) {
        int length = 0;
        for (int[] entries : vector.positions()) {
            length += entries.length == 0 ? 1 : entries.length;
        }
        return length;
    }

    /** The indexes of the lexemes {@code operand} names (its prefix's when it is one; weights are not looked at). */
    private static List<Integer> entries(TsVector vector, TsQuery.Operand operand) {
        List<Integer> found = new ArrayList<>();
        if (!operand.prefix()) {
            int k = vector.find(operand.lexeme());
            if (k >= 0) {
                found.add(k);
            }
            return found;
        }
        for (int k = 0; k < vector.lexemes().size(); k++) {
            if (vector.lexemes().get(k).startsWith(operand.lexeme())) {
                found.add(k);
            }
        }
        return found;
    }

    private static float rankOr(float[] w, TsVector vector, List<TsQuery.Operand> items) {
        float res = 0.0f;
        for (TsQuery.Operand item : items) {
            for (int k : entries(vector, item)) {
                int[] positions = vector.positions().get(k);
                if (positions.length == 0) {
                    positions = new int[] {0};
                }
                float resj = 0.0f;
                float wjm = -1.0f;
                int jm = 0;
                for (int j = 0; j < positions.length; j++) {
                    float wj = w[positions[j] & 3];
                    resj = resj + wj / ((j + 1) * (j + 1));
                    if (wj > wjm) {
                        wjm = wj;
                        jm = j;
                    }
                }
                res = (float) (res + (wjm + resj - wjm / ((jm + 1) * (jm + 1))) / 1.64493406685);
            }
        }
        if (!items.isEmpty()) {
            res = res / items.size();
        }
        return res;
    }

    private static float rankAnd(float[] w, TsVector vector, List<TsQuery.Operand> items) {
        if (items.size() < 2) {
            return rankOr(w, vector, items);
        }
        int[] stripped = {(MAXIMUM_ENTRY_POSITION - 1) * 4};
        int[][] pos = new int[items.size()][];
        float res = -1.0f;
        for (int i = 0; i < items.size(); i++) {
            for (int entry : entries(vector, items.get(i))) {
                int[] positions = vector.positions().get(entry);
                boolean strippedHere = positions.length == 0;
                pos[i] = strippedHere ? stripped : positions;
                for (int k = 0; k < i; k++) {
                    if (pos[k] == null) {
                        continue;
                    }
                    for (int l : pos[i]) {
                        for (int p : pos[k]) {
                            int dist = Math.abs((l >> 2) - (p >> 2));
                            if (dist != 0 || pos[i] == stripped || pos[k] == stripped) {
                                if (dist == 0) {
                                    dist = MAXIMUM_ENTRY_POSITION;
                                }
                                float curw = (float) Math.sqrt(w[l & 3] * w[p & 3] * wordDistance(dist));
                                res = res < 0 ? curw : (float) (1.0 - (1.0 - res) * (1.0 - curw));
                            }
                        }
                    }
                }
            }
        }
        return res;
    }

    private static float wordDistance(int distance) {
        if (distance > 100) {
            return 1e-30f;
        }
        return (float) (1.0 / (1.005 + 0.05 * Math.exp(((float) distance) / 1.5 - 2)));
    }

    /** A position of a lexeme the query names, with its weight: the document as ts_rank_cd sees it. */
    private record Occurrence(int position, int weight, String lexeme) {
    }

    /** ts_rank_cd: cover density, from the shortest extents of the document that satisfy the query. */
    public static float rankCoverDensity(float[] weights, TsVector vector, TsQuery query, int normalization) {
        if (query == null) {
            return 0.0f;
        }
        double[] inverse = new double[4];
        for (int i = 0; i < 4; i++) {
            inverse[i] = 1.0 / weights[i];
        }
        List<Occurrence> doc = occurrences(vector, query);
        if (doc.isEmpty()) {
            return 0.0f;
        }
        double wdoc = 0.0;
        double sumDist = 0.0;
        double prevExtPos = 0.0;
        int extents = 0;
        int from = 0;
        while (from < doc.size()) {
            // the upper end: the first occurrence from which the occurrences since `from` satisfy the query
            int end = -1;
            for (int at = from; at < doc.size(); at++) {
                if (TsMatch.matches(vectorOf(doc, from, at), query)) {
                    end = at;
                    break;
                }
            }
            if (end < 0) {
                break;
            }
            // the lower end: going down from there, the first occurrence from which they satisfy it again
            int begin = -1;
            int at = end;
            while (at >= from) {
                if (TsMatch.matches(vectorOf(doc, at, end), query)) {
                    begin = at;
                    break;
                }
                at--;
            }
            int q = doc.get(end).position();
            int p = begin < 0 ? Integer.MAX_VALUE : doc.get(begin).position();
            if (p > q) {
                from++;
                continue;
            }
            from = at + 1;
            double invSum = 0.0;
            for (int k = begin; k <= end; k++) {
                invSum += inverse[doc.get(k).weight()];
            }
            double cpos = (end - begin + 1) / invSum;
            int noise = (q - p) - (end - begin);
            if (noise < 0) {
                noise = (end - begin) / 2;
            }
            wdoc += cpos / (1 + noise);
            double curExtPos = (q + p) / 2.0;
            if (extents > 0 && curExtPos > prevExtPos) {
                sumDist += 1.0 / (curExtPos - prevExtPos);
            }
            prevExtPos = curExtPos;
            extents++;
        }
        int size = vector.lexemes().size();
        if ((normalization & 1) != 0 && size > 0) {
            wdoc /= Math.log(length(vector) + 1);
        }
        if ((normalization & 2) != 0) {
            int length = length(vector);
            if (length > 0) {
                wdoc /= length;
            }
        }
        if ((normalization & 4) != 0 && extents > 0 && sumDist > 0) {
            wdoc /= extents / sumDist;
        }
        if ((normalization & 8) != 0 && size > 0) {
            wdoc /= size;
        }
        if ((normalization & 16) != 0 && size > 0) {
            wdoc /= Math.log(size + 1) / Math.log(2.0);
        }
        if ((normalization & 32) != 0) {
            wdoc /= wdoc + 1;
        }
        return (float) wdoc;
    }

    /**
     * The positions (with their weights) of the lexemes some operand names and whose weight it admits, in position
     * order, one per position and lexeme; lexemes without positions are left out.
     */
    private static List<Occurrence> occurrences(TsVector vector, TsQuery query) {
        Map<Long, Occurrence> found = new LinkedHashMap<>();
        for (TsQuery.Operand operand : TsQuery.operands(query)) {
            for (int k : entries(vector, operand)) {
                for (int entry : vector.positions().get(k)) {
                    if (operand.weights() == 0 || (operand.weights() & (1 << (entry & 3))) != 0) {
                        found.putIfAbsent(((long) (entry >> 2) << 32) | k,
                                new Occurrence(entry >> 2, entry & 3, vector.lexemes().get(k)));
                    }
                }
            }
        }
        List<Occurrence> doc = new ArrayList<>(found.values());
        doc.sort(Comparator.comparingInt(Occurrence::position).thenComparing(Occurrence::lexeme, TsVector.ORDER));
        return doc;
    }

    /** The occurrences {@code from..to} (inclusive) as a tsvector. */
    private static TsVector vectorOf(List<Occurrence> doc, int from, int to) {
        Map<String, List<Integer>> found = new TreeMap<>(TsVector.ORDER);
        for (int k = from; k <= to; k++) {
            Occurrence occurrence = doc.get(k);
            found.computeIfAbsent(occurrence.lexeme(), key -> new ArrayList<>())
                    .add(occurrence.position() * 4 + occurrence.weight());
        }
        List<String> lexemes = new ArrayList<>(found.keySet());
        List<int[]> positions = new ArrayList<>();
        for (List<Integer> entries : found.values()) {
            positions.add(entries.stream().mapToInt(Integer::intValue).sorted().toArray());
        }
        return new TsVector(lexemes, positions);
    }
}
