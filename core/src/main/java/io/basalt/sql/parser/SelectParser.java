package io.basalt.sql.parser;

import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.FromItem;
import io.basalt.sql.ast.GroupingSets;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.SelectItem;
import io.basalt.sql.ast.WindowDefinition;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code SELECT} block: {@code SELECT [ALL | DISTINCT] [items] [FROM ...] [WHERE ...] [GROUP BY ...]
 * [HAVING ...]}, and target lists (shared with RETURNING). Items are {@code *}, {@code t.*} or an expression
 * with an optional label: {@code AS} followed by any word, or without {@code AS} a name or one of the keywords
 * PostgreSQL allows as a bare label ({@code SELECT 1 AS year} works, {@code SELECT 1 year} does not).
 */
final class SelectParser extends ParserBase {
    /** Whether an INTO clause may come next: only in the first SELECT of a top-level query statement. */
    private boolean intoAllowed;
    private QualifiedName into;
    private boolean intoTemporary;

    SelectParser(Grammar grammar) {
        super(grammar);
    }

    /** Lets the next SELECT read {@code INTO table} (for a top-level query statement), or stops that. */
    void allowInto(boolean allowed) {
        intoAllowed = allowed;
        into = null;
        intoTemporary = false;
    }

    /** The table an INTO clause named since {@link #allowInto}, or null. */
    QualifiedName into() {
        return into;
    }

    /** Whether that INTO clause asked for a temporary table. */
    boolean intoTemporary() {
        return intoTemporary;
    }

    QueryBody.Select select() {
        Token selectToken = tokens.expect(Keyword.SELECT);
        boolean distinct = false;
        List<Expression> distinctOn = List.of();
        if (tokens.accept(Keyword.DISTINCT)) {
            if (tokens.accept(Keyword.ON)) {
                tokens.expect(TokenKind.LEFT_PAREN);
                distinctOn = new java.util.ArrayList<>();
                do {
                    distinctOn.add(grammar.expressions().expression());
                } while (tokens.accept(TokenKind.COMMA));
                tokens.expect(TokenKind.RIGHT_PAREN);
            } else {
                distinct = true;
            }
        } else {
            tokens.accept(Keyword.ALL);
        }
        List<SelectItem> items = !distinct && endsTargetList(current()) ? List.of() : targetList();
        if (tokens.at(Keyword.INTO)) {
            intoClause();
        }
        List<FromItem> from = tokens.accept(Keyword.FROM) ? grammar.fromClause().fromList() : List.of();
        Expression where = tokens.accept(Keyword.WHERE) ? grammar.expressions().expression() : null;
        List<Expression> groupBy = List.of();
        GroupingSets groupingSets = null;
        if (tokens.at(Keyword.GROUP)) {
            GroupByParser.Clause clause = new GroupByParser(grammar).groupBy();
            groupBy = clause.expressions();
            groupingSets = clause.groupingSets();
        }
        Expression having = tokens.accept(Keyword.HAVING) ? grammar.expressions().expression() : null;
        List<WindowDefinition> windows = tokens.at(Keyword.WINDOW) ? windowClause() : List.of();
        return new QueryBody.Select(distinct, distinctOn, items, from, where, groupBy, having, windows,
                selectToken.position(), groupingSets);
    }

    /** {@code WINDOW name AS (spec) [, ...]}. */
    private List<WindowDefinition> windowClause() {
        tokens.expect(Keyword.WINDOW);
        List<WindowDefinition> windows = new ArrayList<>();
        do {
            Token name = current();
            String windowName = grammar.names().columnId();
            tokens.expect(Keyword.AS);
            windows.add(new WindowDefinition(windowName, grammar.windows().windowSpecification(), name.position()));
        } while (tokens.accept(TokenKind.COMMA));
        return windows;
    }

    /**
     * {@code INTO [[GLOBAL | LOCAL] TEMP | TEMPORARY | UNLOGGED] [TABLE] name}, remembered for the statement
     * parser, which turns the query into a CREATE TABLE AS. INTO where the statement is no plain query is
     * unsupported.
     */
    private void intoClause() {
        if (!intoAllowed) {
            throw unsupported("SELECT INTO");
        }
        tokens.expect(Keyword.INTO);
        boolean scoped = tokens.accept(Keyword.LOCAL) || tokens.accept(Keyword.GLOBAL);
        if (tokens.accept(Keyword.TEMP) || tokens.accept(Keyword.TEMPORARY)) {
            intoTemporary = true;
        } else if (scoped) {
            throw tokens.syntaxError();
        } else {
            tokens.accept(Keyword.UNLOGGED);
        }
        tokens.accept(Keyword.TABLE);
        into = grammar.names().qualifiedName();
        intoAllowed = false;
    }

    /** Tokens after which a SELECT list may be empty ({@code SELECT FROM t} is legal PostgreSQL). */
    private static boolean endsTargetList(Token token) {
        return switch (token.kind()) {
            case RIGHT_PAREN, SEMICOLON, END_OF_INPUT -> true;
            case IDENTIFIER -> token.keyword() != null && switch (token.keyword()) {
                case FROM, WHERE, GROUP, HAVING, WINDOW, ORDER, LIMIT, OFFSET, FETCH, FOR, UNION, INTERSECT,
                     EXCEPT, INTO, RETURNING, ON -> true;
                default -> false;
            };
            default -> false;
        };
    }

    /** {@code item [, item ...]}. */
    List<SelectItem> targetList() {
        List<SelectItem> items = new ArrayList<>();
        do {
            items.add(targetItem());
        } while (tokens.accept(TokenKind.COMMA));
        return items;
    }

    private SelectItem targetItem() {
        Token first = current();
        if (first.isOperator("*")) {
            tokens.next();
            return new SelectItem.Star(null, first.position());
        }
        if (qualifiedStarAhead()) {
            List<String> parts = new ArrayList<>();
            parts.add(tokens.next().value());
            while (!tokens.peek(1).isOperator("*")) {
                tokens.expect(TokenKind.DOT);
                parts.add(tokens.next().value());
            }
            tokens.expect(TokenKind.DOT);
            tokens.next();
            QualifiedName qualifier = grammar.names().checkedQualifiedName(parts, first);
            return new SelectItem.Star(qualifier, first.position());
        }
        Expression expression = grammar.expressions().labeledExpression();
        String alias = null;
        if (tokens.accept(Keyword.AS)) {
            alias = grammar.names().columnLabel();
        } else if (NameParser.isBareColumnLabel(current())) {
            alias = tokens.next().value();
        }
        return new SelectItem.Item(expression, alias, first.position());
    }

    /** Whether the cursor is at {@code name[.name...].*}. */
    private boolean qualifiedStarAhead() {
        if (!NameParser.isColumnId(current())) {
            return false;
        }
        int ahead = 1;
        while (tokens.peek(ahead).is(TokenKind.DOT)) {
            Token next = tokens.peek(ahead + 1);
            if (next.isOperator("*")) {
                return true;
            }
            if (!NameParser.isColumnLabel(next)) {
                return false;
            }
            ahead += 2;
        }
        return false;
    }
}
