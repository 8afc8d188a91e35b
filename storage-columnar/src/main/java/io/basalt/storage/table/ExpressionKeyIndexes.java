package io.basalt.storage.table;

import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.storage.index.ExpressionKeyIndex;
import java.util.List;

/**
 * Whether a scan of a generation reads its rows through one of the generation's indexes over expressions
 * ({@link ExpressionKeyIndex}), and which: PostgreSQL's Bitmap Index Scan on a btree index feeding a Bitmap Heap Scan.
 * The index of the first {@link ScanPredicate.IndexKey} or {@link ScanPredicate.TextSearchKey} (a GIN index over a
 * tsvector) some index serves is chosen; every predicate on that index narrows the candidates (a BETWEEN is two of
 * them), the other conjuncts are left to the filter. The index is used
 * when a predicate prefers it (enable_seqscan is off) or when the table is large enough and the candidates few enough
 * that reading only their chunks pays, by the rule the GIN indexes follow ({@link JsonbInvertedIndexes#MIN_POSITIONS},
 * {@link JsonbInvertedIndexes#MAX_FRACTION}; a GIN index over a tsvector at any fraction). The filter above the
 * scan rechecks every candidate.
 */
final class ExpressionKeyIndexes {
    private ExpressionKeyIndexes() {
    }

    /** The lookup a scan of {@code positions} positions given {@code predicates} makes in {@code indexes}, or null. */
    static JsonbInvertedIndexes.Lookup lookup(List<ExpressionKeyIndex> indexes, List<ScanPredicate> predicates,
                                              long positions) {
        ExpressionKeyIndex chosen = null;
        for (ScanPredicate predicate : predicates) {
            chosen = servingIndex(indexes, predicate);
            if (chosen != null) {
                break;
            }
        }
        if (chosen == null) {
            return null;
        }
        long[] candidates = null;
        boolean preferred = false;
        for (ScanPredicate predicate : predicates) {
            long[] found = null;
            if (predicate instanceof ScanPredicate.IndexKey key && chosen.serves(key)) {
                found = chosen.candidates(key);
                preferred |= key.preferIndex();
            } else if (predicate instanceof ScanPredicate.TextSearchKey match && chosen.serves(match)) {
                found = chosen.candidates(match);
                preferred |= match.preferIndex();
            }
            if (found != null) {
                candidates = candidates == null ? found : intersect(candidates, found);
            }
        }
        // a GIN index over a tsvector pays at any fraction: rechecking a candidate costs what testing a row in a scan
        // costs (computing or parsing its tsvector), and the rows it leaves out are never read
        boolean anyFraction = chosen.inverted();
        if (!preferred && (positions < JsonbInvertedIndexes.MIN_POSITIONS
                || !anyFraction && candidates.length > positions / JsonbInvertedIndexes.MAX_FRACTION)) {
            return null;
        }
        return new JsonbInvertedIndexes.Lookup(chosen.name(), candidates);
    }

    private static ExpressionKeyIndex servingIndex(List<ExpressionKeyIndex> indexes, ScanPredicate predicate) {
        for (ExpressionKeyIndex index : indexes) {
            boolean serves = switch (predicate) {
                case ScanPredicate.IndexKey key -> index.serves(key);
                case ScanPredicate.TextSearchKey match -> index.serves(match);
                default -> false;
            };
            if (serves) {
                return index;
            }
        }
        return null;
    }

    /** The positions in both ascending arrays, ascending. */
    private static long[] intersect(long[] left, long[] right) {
        long[] out = new long[Math.min(left.length, right.length)];
        int size = 0;
        int i = 0;
        int j = 0;
        while (i < left.length && j < right.length) {
            if (left[i] == right[j]) {
                out[size++] = left[i];
                i++;
                j++;
            } else if (left[i] < right[j]) {
                i++;
            } else {
                j++;
            }
        }
        return java.util.Arrays.copyOf(out, size);
    }
}
