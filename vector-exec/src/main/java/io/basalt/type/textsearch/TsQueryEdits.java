package io.basalt.type.textsearch;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;

/**
 * PostgreSQL's tsquery operators and querytree: {@code &&}, {@code ||}, {@code !!} and {@code <->} (tsquery_phrase)
 * build a query from others, an empty query (null) giving way to the other side; querytree is the part of a query
 * an index could search for, without its negations.
 */
public final class TsQueryEdits {
    private static final int MAXIMUM_DISTANCE = 16384;

    private TsQueryEdits() {
    }

    public static TsQuery and(TsQuery left, TsQuery right) {
        return left == null ? right : right == null ? left : new TsQuery.And(left, right);
    }

    public static TsQuery or(TsQuery left, TsQuery right) {
        return left == null ? right : right == null ? left : new TsQuery.Or(left, right);
    }

    public static TsQuery not(TsQuery query) {
        return query == null ? null : new TsQuery.Not(query);
    }

    /**
     * {@code left <distance> right}.
     *
     * @throws BasaltException 22023 for a distance outside 0..16384
     */
    public static TsQuery phrase(TsQuery left, TsQuery right, long distance) {
        if (distance < 0 || distance > MAXIMUM_DISTANCE) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "distance in phrase operator must be an integer value between zero and " + MAXIMUM_DISTANCE
                            + " inclusive");
        }
        return left == null ? right : right == null ? left : new TsQuery.Phrase(left, right, (int) distance);
    }

    /** querytree's text: the query without its negations ({@code T} when nothing is left, empty for an empty query). */
    public static String queryTree(TsQuery query) {
        if (query == null) {
            return "";
        }
        TsQuery kept = withoutNegations(query);
        return kept == null ? "T" : TsQuery.text(kept);
    }

    /** A not matches too much to search for: it drops, and with it an or over it; an and or phrase keeps its other side. */
    private static TsQuery withoutNegations(TsQuery query) {
        return switch (query) {
            case TsQuery.Operand operand -> operand;
            case TsQuery.Not ignored -> null;
            case TsQuery.Or or -> {
                TsQuery left = withoutNegations(or.left());
                TsQuery right = withoutNegations(or.right());
                yield left == null || right == null ? null : new TsQuery.Or(left, right);
            }
            case TsQuery.And and -> {
                TsQuery left = withoutNegations(and.left());
                TsQuery right = withoutNegations(and.right());
                yield left == null ? right : right == null ? left : new TsQuery.And(left, right);
            }
            case TsQuery.Phrase phrase -> {
                TsQuery left = withoutNegations(phrase.left());
                TsQuery right = withoutNegations(phrase.right());
                yield left == null ? right : right == null ? left
                        : new TsQuery.Phrase(left, right, phrase.distance());
            }
        };
    }
}
