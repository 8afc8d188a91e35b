package io.basalt.storage.table;

import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.storage.index.JsonbInvertedIndex;
import java.util.List;

/**
 * Whether a scan of a generation reads its rows through the generation's GIN indexes, and which: PostgreSQL's Bitmap
 * Index Scan feeding a Bitmap Heap Scan. The first {@link ScanPredicate.JsonbMatch} some index serves (see
 * {@link #chosen}) gives the candidate set (every position when it has no entries to look up and the index must be
 * used, as PostgreSQL's full index scan); the other conjuncts are left to the filter. The index is used when a predicate prefers it
 * (enable_seqscan is off) or when the table is large enough and the candidates few enough that reading only their
 * chunks pays: at least {@link #MIN_POSITIONS} positions and at most one in {@link #JSONB_MAX_FRACTION} of them. The
 * filter above the scan rechecks every candidate.
 */
final class JsonbInvertedIndexes {
    /** Below this many positions a scan of every row is as cheap as the index. */
    static final long MIN_POSITIONS = 16_384;
    /**
     * Candidates above one in this many positions touch most chunks anyway: the limit for an index whose filter
     * is cheap to recheck (an expression index's key, {@link ExpressionKeyIndexes}).
     */
    static final long MAX_FRACTION = 8;
    /**
     * The limit for a GIN index over jsonb: rechecking {@code @>} or {@code ?} costs far more per row than reading a
     * chunk under a mask, so the index pays up to half the positions (containment of a tag held by 23% of 1M
     * documents: 84 ms through the index, 281 ms scanning every row, in one JVM).
     */
    static final long JSONB_MAX_FRACTION = 2;

    /** The first index used (for EXPLAIN) and the candidate positions, ascending. */
    record Lookup(String indexName, long[] candidates) {
    }

    private JsonbInvertedIndexes() {
    }

    /** The lookup a scan of {@code positions} positions given {@code predicates} makes in {@code indexes}, or null. */
    static Lookup lookup(List<JsonbInvertedIndex> indexes, List<ScanPredicate> predicates, long positions) {
        String name = null;
        long[] candidates = null;
        boolean preferred = false;
        for (ScanPredicate predicate : predicates) {
            if (!(predicate instanceof ScanPredicate.JsonbMatch match)) {
                continue;
            }
            JsonbInvertedIndex index = chosen(indexes, match);
            if (index != null) {
                candidates = index.candidates(match);
                name = index.name();
                preferred = match.preferIndex();
            }
            if (candidates != null) {
                break; // as PostgreSQL's plan: one index condition, the other conjuncts rechecked by the filter
            }
        }
        if (candidates == null) {
            return null;
        }
        if (!preferred && (positions < MIN_POSITIONS || candidates.length > positions / JSONB_MAX_FRACTION)) {
            return null;
        }
        return new Lookup(name, candidates);
    }

    /**
     * The index that serves {@code match}: for {@code @>} a jsonb_path_ops one first (its entries are fewer and more
     * selective, and PostgreSQL's costs pick it too), else the first in creation order; null when none does.
     */
    private static JsonbInvertedIndex chosen(List<JsonbInvertedIndex> indexes, ScanPredicate.JsonbMatch match) {
        if (match.kind() != ScanPredicate.JsonbMatchKind.EXISTS && match.kind() != ScanPredicate.JsonbMatchKind.EXISTS_ANY
                && match.kind() != ScanPredicate.JsonbMatchKind.EXISTS_ALL) {
            for (JsonbInvertedIndex index : indexes) {
                if (index.operatorClass() == io.basalt.storage.index.JsonbOperatorClass.JSONB_PATH_OPS
                        && index.serves(match) && index.hasEntries(match)) {
                    return index;
                }
            }
        }
        for (JsonbInvertedIndex index : indexes) {
            if (index.serves(match) && index.hasEntries(match)) {
                return index;
            }
        }
        for (JsonbInvertedIndex index : indexes) {
            if (index.serves(match)) {
                return index; // nothing to look up: every position, where the index must be used
            }
        }
        return null;
    }
}
