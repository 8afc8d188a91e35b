package io.basalt.sql.parser;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.GroupingSets;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GROUP BY [ALL | DISTINCT] item [, ...]} where an item is an expression, {@code ()},
 * {@code ROLLUP (...)}, {@code CUBE (...)} or {@code GROUPING SETS (...)}, and expands the grouping sets as
 * PostgreSQL does: a parenthesised list {@code (a, b)} is one unit of several expressions (also at the top
 * level, where it simply contributes its expressions); {@code ROLLUP (u1, ..., un)} is the n+1 prefixes,
 * {@code CUBE} every subset, {@code GROUPING SETS} the concatenation of its (possibly nested) items' sets; the
 * comma-separated top-level items combine as a cartesian product, duplicates kept. A clause of plain
 * expressions only is not a grouping-sets clause.
 */
final class GroupByParser extends ParserBase {
    /** PostgreSQL's limits on CUBE's width and on the number of expanded sets. */
    private static final int MAX_CUBE_ELEMENTS = 12;
    private static final int MAX_GROUPING_SETS = 4096;

    /** Every expression written in the clause, in order; grouping sets refer to it by index. */
    private final List<Expression> expressions = new ArrayList<>();
    private boolean usesGroupingSets;

    /** The parsed clause: its expressions, and its grouping sets or null for a plain list. */
    record Clause(List<Expression> expressions, GroupingSets groupingSets) {
    }

    GroupByParser(Grammar grammar) {
        super(grammar);
    }

    Clause groupBy() {
        Token group = tokens.expect(Keyword.GROUP);
        tokens.expect(Keyword.BY);
        boolean distinct = tokens.accept(Keyword.DISTINCT);
        if (!distinct) {
            tokens.accept(Keyword.ALL);
        }
        List<List<Integer>> product = new ArrayList<>();
        product.add(List.of());
        do {
            List<List<Integer>> item = element();
            if ((long) product.size() * item.size() > MAX_GROUPING_SETS) {
                throw BasaltException.at(SqlState.STATEMENT_TOO_COMPLEX, group.position(),
                        "too many grouping sets present (maximum " + MAX_GROUPING_SETS + ")");
            }
            List<List<Integer>> combined = new ArrayList<>(product.size() * item.size());
            for (List<Integer> left : product) {
                for (List<Integer> right : item) {
                    List<Integer> set = new ArrayList<>(left);
                    set.addAll(right);
                    combined.add(set);
                }
            }
            product = combined;
        } while (tokens.accept(TokenKind.COMMA));
        return new Clause(expressions, usesGroupingSets || distinct ? new GroupingSets(product, distinct) : null);
    }

    /** The sets one item stands for; {@code ()} and the three constructs mark the clause as grouping sets. */
    private List<List<Integer>> element() {
        Token token = current();
        boolean call = tokens.peek(1).is(TokenKind.LEFT_PAREN);
        if (token.is(TokenKind.LEFT_PAREN) && tokens.peek(1).is(TokenKind.RIGHT_PAREN)) {
            tokens.next();
            tokens.next();
            usesGroupingSets = true;
            return List.of(List.of());
        }
        if ((token.is(Keyword.ROLLUP) || token.is(Keyword.CUBE)) && call) {
            tokens.next();
            usesGroupingSets = true;
            List<List<Integer>> units = unitList();
            return token.is(Keyword.ROLLUP) ? rollup(units) : cube(units, token);
        }
        if (token.is(Keyword.GROUPING) && tokens.peek(1).is(Keyword.SETS)) {
            tokens.next();
            tokens.next();
            usesGroupingSets = true;
            tokens.expect(TokenKind.LEFT_PAREN);
            List<List<Integer>> sets = new ArrayList<>();
            do {
                sets.addAll(element());
            } while (tokens.accept(TokenKind.COMMA));
            tokens.expect(TokenKind.RIGHT_PAREN);
            return sets;
        }
        return List.of(unit());
    }

    /** {@code ( unit [, ...] )} after ROLLUP or CUBE. */
    private List<List<Integer>> unitList() {
        tokens.expect(TokenKind.LEFT_PAREN);
        List<List<Integer>> units = new ArrayList<>();
        do {
            units.add(unit());
        } while (tokens.accept(TokenKind.COMMA));
        tokens.expect(TokenKind.RIGHT_PAREN);
        return units;
    }

    /** An expression, or a parenthesised list of them ({@code (a, b)}), as indices into the expressions. */
    private List<Integer> unit() {
        boolean parenthesised = current().is(TokenKind.LEFT_PAREN);
        Expression expression = grammar.expressions().expression();
        List<Integer> indices = new ArrayList<>();
        if (parenthesised && expression instanceof Expression.RowConstructor row) {
            for (Expression field : row.fields()) {
                indices.add(add(field));
            }
        } else {
            indices.add(add(expression));
        }
        return indices;
    }

    private int add(Expression expression) {
        expressions.add(expression);
        return expressions.size() - 1;
    }

    /** {@code ROLLUP (u1, ..., un)}: (u1..un), (u1..un-1), ..., (). */
    private static List<List<Integer>> rollup(List<List<Integer>> units) {
        List<List<Integer>> sets = new ArrayList<>();
        for (int length = units.size(); length >= 0; length--) {
            List<Integer> set = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                set.addAll(units.get(i));
            }
            sets.add(set);
        }
        return sets;
    }

    /** {@code CUBE (u1, ..., un)}: every subset of the units, the full one first and () last. */
    private static List<List<Integer>> cube(List<List<Integer>> units, Token cube) {
        int count = units.size();
        if (count > MAX_CUBE_ELEMENTS) {
            throw BasaltException.at(SqlState.TOO_MANY_COLUMNS, cube.position(),
                    "CUBE is limited to " + MAX_CUBE_ELEMENTS + " elements");
        }
        List<List<Integer>> sets = new ArrayList<>();
        for (int mask = (1 << count) - 1; mask >= 0; mask--) {
            List<Integer> set = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                if ((mask & (1 << (count - 1 - i))) != 0) {
                    set.addAll(units.get(i));
                }
            }
            sets.add(set);
        }
        return sets;
    }
}
