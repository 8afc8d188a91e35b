package io.basalt.sql.parser;

import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.OrderItem;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.List;

/**
 * Window clauses of window function calls: {@code OVER name} or {@code OVER ([name] [PARTITION BY ...]
 * [ORDER BY ...] [frame])}, where the frame is {@code ROWS | RANGE | GROUPS} with one bound or
 * {@code BETWEEN} two, and an optional {@code EXCLUDE}. The frame's checks that PostgreSQL makes
 * (no frame ending before it starts, offsets required for RANGE, ...) are left to the binder.
 */
final class WindowParser extends ParserBase {
    WindowParser(Grammar grammar) {
        super(grammar);
    }

    /** {@code OVER ...}, the OVER keyword at the cursor. */
    Expression.WindowSpec overClause() {
        tokens.expect(Keyword.OVER);
        if (!tokens.at(TokenKind.LEFT_PAREN)) {
            int position = current().position();
            String reference = grammar.names().columnId();
            return new Expression.WindowSpec(reference, List.of(), List.of(), null, true, position);
        }
        return specification(current().position());
    }

    /** {@code ([name] [PARTITION BY ...] [ORDER BY ...] [frame])}: a WINDOW clause entry's definition. */
    Expression.WindowSpec windowSpecification() {
        return specification(current().position());
    }

    private Expression.WindowSpec specification(int position) {
        tokens.expect(TokenKind.LEFT_PAREN);
        String reference = null;
        if (NameParser.isColumnId(current()) && !startsWindowClause(current())) {
            reference = grammar.names().columnId();
        }
        List<Expression> partitionBy = List.of();
        if (tokens.at(Keyword.PARTITION)) {
            tokens.next();
            tokens.expect(Keyword.BY);
            partitionBy = grammar.expressions().expressionList();
        }
        List<OrderItem> orderBy = List.of();
        if (tokens.accept(Keyword.ORDER)) {
            tokens.expect(Keyword.BY);
            orderBy = grammar.expressions().sortList();
        }
        Expression.WindowFrame frame = startsFrame(current()) ? frame() : null;
        tokens.expect(TokenKind.RIGHT_PAREN);
        return new Expression.WindowSpec(reference, partitionBy, orderBy, frame, false, position);
    }

    /** PARTITION, ROWS, RANGE and GROUPS are unreserved, but inside OVER (...) they start clauses. */
    private static boolean startsWindowClause(Token token) {
        return token.is(Keyword.PARTITION) || startsFrame(token);
    }

    private static boolean startsFrame(Token token) {
        return token.is(Keyword.ROWS) || token.is(Keyword.RANGE) || token.is(Keyword.GROUPS);
    }

    private Expression.WindowFrame frame() {
        Token mode = tokens.next();
        Bound start;
        Bound end = null;
        if (tokens.accept(Keyword.BETWEEN)) {
            start = bound();
            tokens.expect(Keyword.AND);
            end = bound();
        } else {
            start = bound();
        }
        String exclusion = null;
        if (tokens.accept(Keyword.EXCLUDE)) {
            if (tokens.accept(Keyword.CURRENT)) {
                tokens.expect(Keyword.ROW);
                exclusion = "CURRENT ROW";
            } else if (tokens.accept(Keyword.GROUP)) {
                exclusion = "GROUP";
            } else if (tokens.accept(Keyword.TIES)) {
                exclusion = "TIES";
            } else {
                tokens.expect(Keyword.NO);
                tokens.expect(Keyword.OTHERS);
                exclusion = "NO OTHERS";
            }
        }
        return new Expression.WindowFrame(mode.keyword().name(),
                start.kind(), start.offset(), end == null ? null : end.kind(), end == null ? null : end.offset(),
                exclusion, mode.position(), start.position(), end == null ? 0 : end.position());
    }

    private record Bound(String kind, Expression offset, int position) {
    }

    private Bound bound() {
        int position = current().position();
        if (tokens.at(Keyword.UNBOUNDED)
                && (tokens.peek(1).is(Keyword.PRECEDING) || tokens.peek(1).is(Keyword.FOLLOWING))) {
            tokens.next();
            return new Bound(tokens.next().is(Keyword.PRECEDING) ? "UNBOUNDED PRECEDING" : "UNBOUNDED FOLLOWING",
                    null, position);
        }
        if (tokens.at(Keyword.CURRENT) && tokens.peek(1).is(Keyword.ROW)) {
            tokens.next();
            tokens.next();
            return new Bound("CURRENT ROW", null, position);
        }
        Expression offset = grammar.expressions().expression();
        if (tokens.accept(Keyword.PRECEDING)) {
            return new Bound("PRECEDING", offset, position);
        }
        tokens.expect(Keyword.FOLLOWING);
        return new Bound("FOLLOWING", offset, position);
    }
}
