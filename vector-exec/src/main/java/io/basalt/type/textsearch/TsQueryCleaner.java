package io.basalt.type.textsearch;

/**
 * Takes the operands that were stop words out of a normalized query, as PostgreSQL's to_tsquery does: an and or
 * or keeps its other side, a not of nothing is nothing, and a phrase keeps the distance the removed words
 * spanned ({@code fox <-> the <-> dog} becomes {@code 'fox' <2> 'dog'}).
 */
final class TsQueryCleaner {
    /** The marker an operand without lexemes leaves behind until cleaning. */
    static final TsQuery.Operand REMOVED = new TsQuery.Operand("", 0, false);

    /** A cleaned subtree (null when nothing is left) and the distance removed words add on its left and right. */
    private record Cleaned(TsQuery query, int left, int right) {
    }

    private TsQueryCleaner() {
    }

    static TsQuery clean(TsQuery query) {
        return cleaned(query).query();
    }

    private static Cleaned cleaned(TsQuery query) {
        return switch (query) {
            case TsQuery.Operand operand -> new Cleaned(operand == REMOVED ? null : operand, 0, 0);
            case TsQuery.Not not -> {
                TsQuery inner = cleaned(not.operand()).query();
                yield new Cleaned(inner == null ? null : new TsQuery.Not(inner), 0, 0);
            }
            case TsQuery.And and -> {
                TsQuery left = cleaned(and.left()).query();
                TsQuery right = cleaned(and.right()).query();
                yield new Cleaned(left == null ? right : right == null ? left : new TsQuery.And(left, right), 0, 0);
            }
            case TsQuery.Or or -> {
                TsQuery left = cleaned(or.left()).query();
                TsQuery right = cleaned(or.right()).query();
                yield new Cleaned(left == null ? right : right == null ? left : new TsQuery.Or(left, right), 0, 0);
            }
            case TsQuery.Phrase phrase -> {
                Cleaned left = cleaned(phrase.left());
                Cleaned right = cleaned(phrase.right());
                if (left.query() == null && right.query() == null) {
                    yield new Cleaned(null, left.left() + phrase.distance() + right.right(), 0);
                }
                if (left.query() == null) {
                    yield new Cleaned(right.query(), left.left() + left.right() + phrase.distance() + right.left(),
                            right.right());
                }
                if (right.query() == null) {
                    yield new Cleaned(left.query(), left.left(),
                            left.right() + phrase.distance() + right.left() + right.right());
                }
                yield new Cleaned(new TsQuery.Phrase(left.query(), right.query(),
                        phrase.distance() + left.right() + right.left()), left.left(), right.right());
            }
        };
    }
}
