package io.basalt.sql.parser;

import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.FromItem;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.Query;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * FROM clauses: comma lists of tables ({@code [ONLY] name [*]}), subqueries and set-returning functions, each
 * with an optional alias and column aliases, optionally {@code LATERAL}, combined by joins of every kind
 * ({@code [NATURAL] [INNER | LEFT | RIGHT | FULL [OUTER]] JOIN ... ON | USING}, {@code CROSS JOIN}).
 *
 * <p>Joins associate to the left, but a qualified join's right side extends over further joins until its
 * ON or USING arrives: {@code a JOIN b JOIN c ON x ON y} joins {@code a} with {@code (b JOIN c ON x)}, as in
 * PostgreSQL. A subquery may omit its alias, as PostgreSQL 16 and later allow. Inheritance has no meaning in
 * Basalt, so {@code ONLY} and a trailing {@code *} are accepted and ignored.
 */
final class FromClauseParser extends ParserBase {
    /** What parentheses in FROM held: a query (which the caller may continue) or a parenthesised join. */
    private record InParentheses(Query query, FromItem joined) {
    }

    FromClauseParser(Grammar grammar) {
        super(grammar);
    }

    /** {@code item [, item ...]}. */
    List<FromItem> fromList() {
        List<FromItem> items = new ArrayList<>();
        do {
            items.add(tableReference());
        } while (tokens.accept(TokenKind.COMMA));
        return items;
    }

    FromItem tableReference() {
        FromItem item = tablePrimary();
        while (atJoin()) {
            item = join(item);
        }
        return item;
    }

    /** After a table reference these keywords (none of which can be an alias) can only start a join. */
    private boolean atJoin() {
        Token token = current();
        return token.is(Keyword.JOIN) || token.is(Keyword.NATURAL) || token.is(Keyword.CROSS)
                || token.is(Keyword.INNER) || token.is(Keyword.LEFT) || token.is(Keyword.RIGHT)
                || token.is(Keyword.FULL);
    }

    private FromItem join(FromItem left) {
        Token first = current();
        if (tokens.accept(Keyword.CROSS)) {
            tokens.expect(Keyword.JOIN);
            FromItem right = tablePrimary();
            return new FromItem.Join(FromItem.JoinType.CROSS, false, left, right, null, List.of(), first.position());
        }
        boolean natural = tokens.accept(Keyword.NATURAL);
        FromItem.JoinType type = FromItem.JoinType.INNER;
        if (tokens.accept(Keyword.LEFT)) {
            type = FromItem.JoinType.LEFT;
        } else if (tokens.accept(Keyword.RIGHT)) {
            type = FromItem.JoinType.RIGHT;
        } else if (tokens.accept(Keyword.FULL)) {
            type = FromItem.JoinType.FULL;
        } else {
            tokens.accept(Keyword.INNER);
        }
        if (type != FromItem.JoinType.INNER) {
            tokens.accept(Keyword.OUTER);
        }
        tokens.expect(Keyword.JOIN);
        FromItem right = tablePrimary();
        if (natural) {
            return new FromItem.Join(type, true, left, right, null, List.of(), first.position());
        }
        while (atJoin()) {
            right = join(right);
        }
        if (tokens.accept(Keyword.ON)) {
            Expression condition = grammar.expressions().expression();
            return new FromItem.Join(type, false, left, right, condition, List.of(), first.position());
        }
        if (tokens.accept(Keyword.USING)) {
            List<String> using = grammar.names().parenthesizedColumnIdList();
            FromItem.Join joined = new FromItem.Join(type, false, left, right, null, using, first.position());
            if (tokens.accept(Keyword.AS)) {
                return new FromItem.JoinAlias(joined, grammar.names().columnId(), List.of(), true, first.position());
            }
            return joined;
        }
        throw tokens.syntaxError();
    }

    private FromItem tablePrimary() {
        Token first = current();
        boolean lateral = tokens.accept(Keyword.LATERAL);
        if (tokens.at(TokenKind.LEFT_PAREN)) {
            if (lateral) {
                return subquery(grammar.queries().selectWithParens(), true, first.position());
            }
            InParentheses inside = parenthesized();
            if (inside.query() != null) {
                return subquery(inside.query(), false, first.position());
            }
            return parenthesizedJoin(inside.joined());
        }
        if (tokens.at(Keyword.ROWS) && tokens.peek(1).is(Keyword.FROM)) {
            return rowsFrom(lateral, first.position());
        }
        if (!lateral && tokens.accept(Keyword.ONLY)) {
            boolean parenthesized = tokens.accept(TokenKind.LEFT_PAREN);
            QualifiedName name = grammar.names().qualifiedName();
            if (parenthesized) {
                tokens.expect(TokenKind.RIGHT_PAREN);
            }
            FromItem.Table plain = (FromItem.Table) table(name);
            return new FromItem.Table(plain.name(), plain.alias(), plain.columnAliases(), plain.position(), true);
        }
        Token name = current();
        if (name.keyword() != null && grammar.specialFunctions().handles(name)) {
            return function(grammar.specialFunctions().parse(), lateral, first.position());
        }
        if (name.keyword() != null && name.keyword().text().startsWith("xml")
                && tokens.peek(1).is(TokenKind.LEFT_PAREN)) {
            throw unsupported("XMLTABLE");
        }
        if (NameParser.isTypeFunctionName(name) && !NameParser.isColumnId(name)) {
            tokens.next();
            if (!tokens.at(TokenKind.LEFT_PAREN)) {
                throw tokens.syntaxError();
            }
            QualifiedName functionName = QualifiedName.of(name.value(), name.position());
            return function(grammar.functionCalls().application(functionName, false), lateral, first.position());
        }
        QualifiedName qualified = grammar.names().qualifiedName();
        if (tokens.at(TokenKind.LEFT_PAREN)) {
            return function(grammar.functionCalls().application(qualified, false), lateral, first.position());
        }
        if (lateral) {
            throw tokens.syntaxError();
        }
        tokens.acceptOperator("*");
        return table(qualified);
    }

    private FromItem table(QualifiedName name) {
        if (tokens.at(Keyword.TABLESAMPLE)) {
            throw unsupported("TABLESAMPLE");
        }
        Alias alias = alias();
        if (tokens.at(Keyword.TABLESAMPLE)) {
            throw unsupported("TABLESAMPLE");
        }
        return new FromItem.Table(name, alias.name(), alias.columns(), name.position());
    }

    private FromItem subquery(Query query, boolean lateral, int position) {
        Alias alias = alias();
        return new FromItem.Subquery(query, lateral, alias.name(), alias.columns(), position);
    }

    private FromItem function(Expression call, boolean lateral, int position) {
        if (!(call instanceof Expression.FunctionCall functionCall)) {
            throw tokens.syntaxError();
        }
        if (tokens.at(Keyword.WITH) && tokens.peek(1).is(Keyword.ORDINALITY)) {
            tokens.next();
            tokens.next();
            Alias alias = alias();
            return new FromItem.Function(functionCall, lateral, alias.name(), alias.columns(), position, List.of(),
                    true);
        }
        if (tokens.at(Keyword.AS) && tokens.peek(1).is(TokenKind.LEFT_PAREN)) {
            tokens.accept(Keyword.AS);
            return new FromItem.Function(functionCall, lateral, null, List.of(), position, columnDefinitions());
        }
        if (tokens.at(Keyword.AS) && tokens.peek(2).is(TokenKind.LEFT_PAREN) && startsDefinitions(3)
                || grammar.names().atColumnId() && tokens.peek(1).is(TokenKind.LEFT_PAREN) && startsDefinitions(2)) {
            tokens.accept(Keyword.AS);
            String name = grammar.names().columnId();
            return new FromItem.Function(functionCall, lateral, name, List.of(), position, columnDefinitions());
        }
        Alias alias = alias();
        return new FromItem.Function(functionCall, lateral, alias.name(), alias.columns(), position);
    }

    /** {@code ROWS FROM (f(...) [, ...]) [WITH ORDINALITY] [alias]}, ROWS at the cursor. */
    private FromItem rowsFrom(boolean lateral, int position) {
        tokens.next();
        tokens.next();
        tokens.expect(TokenKind.LEFT_PAREN);
        List<Expression.FunctionCall> calls = new java.util.ArrayList<>();
        do {
            QualifiedName name = grammar.names().qualifiedName();
            if (!tokens.at(TokenKind.LEFT_PAREN)) {
                throw tokens.syntaxError();
            }
            if (!(grammar.functionCalls().application(name, false) instanceof Expression.FunctionCall call)) {
                throw tokens.syntaxError();
            }
            if (tokens.at(Keyword.AS)) {
                throw unsupported("column definition lists in ROWS FROM");
            }
            calls.add(call);
        } while (tokens.accept(TokenKind.COMMA));
        tokens.expect(TokenKind.RIGHT_PAREN);
        boolean ordinality = false;
        if (tokens.at(Keyword.WITH) && tokens.peek(1).is(Keyword.ORDINALITY)) {
            tokens.next();
            tokens.next();
            ordinality = true;
        }
        Alias alias = alias();
        return new FromItem.Function(calls.getFirst(), lateral, alias.name(), alias.columns(), position, List.of(),
                ordinality, calls);
    }

    /** Whether the list opening before token {@code offset} has a type after its first name ({@code (a int}). */
    private boolean startsDefinitions(int offset) {
        Token afterFirst = tokens.peek(offset + 1);
        return !afterFirst.is(TokenKind.COMMA) && !afterFirst.is(TokenKind.RIGHT_PAREN);
    }

    /** {@code (name type [, ...])}, the column definition list of a function returning record. */
    private List<FromItem.ColumnDefinition> columnDefinitions() {
        tokens.expect(TokenKind.LEFT_PAREN);
        List<FromItem.ColumnDefinition> definitions = new java.util.ArrayList<>();
        do {
            String name = grammar.names().columnId();
            definitions.add(new FromItem.ColumnDefinition(name, grammar.types().typeName()));
        } while (tokens.accept(TokenKind.COMMA));
        tokens.expect(TokenKind.RIGHT_PAREN);
        return definitions;
    }

    /** A parenthesised join, with its alias when one follows: {@code (a JOIN b) [AS] x [(columns)]}. */
    private FromItem parenthesizedJoin(FromItem joined) {
        if (tokens.at(Keyword.AS) || NameParser.isColumnId(current())) {
            int position = current().position();
            Alias alias = alias();
            return new FromItem.JoinAlias(joined, alias.name(), alias.columns(), false, position);
        }
        return joined;
    }

    /**
     * After an opening parenthesis in FROM: {@code (query)} or {@code (table_ref JOIN ...)}, nested at will.
     * The parenthesis is at the cursor.
     */
    private InParentheses parenthesized() {
        tokens.expect(TokenKind.LEFT_PAREN);
        if (QueryParser.isQueryStart(current())) {
            Query query = grammar.queries().query();
            tokens.expect(TokenKind.RIGHT_PAREN);
            return new InParentheses(query, null);
        }
        FromItem inner;
        if (tokens.at(TokenKind.LEFT_PAREN)) {
            Token innerOpen = current();
            InParentheses nested = parenthesized();
            if (nested.query() != null) {
                if (QueryParser.continuesQuery(current())) {
                    Query query = grammar.queries().continueQuery(nested.query(), innerOpen.position());
                    tokens.expect(TokenKind.RIGHT_PAREN);
                    return new InParentheses(query, null);
                }
                if (tokens.accept(TokenKind.RIGHT_PAREN)) {
                    return new InParentheses(nested.query(), null);
                }
                inner = subquery(nested.query(), false, innerOpen.position());
            } else {
                inner = parenthesizedJoin(nested.joined());
            }
        } else {
            inner = tablePrimary();
        }
        boolean joined = false;
        while (atJoin()) {
            inner = join(inner);
            joined = true;
        }
        if (!joined && !(inner instanceof FromItem.Join)) {
            throw tokens.syntaxError();
        }
        tokens.expect(TokenKind.RIGHT_PAREN);
        return new InParentheses(null, inner);
    }

    private record Alias(String name, List<String> columns) {
    }

    /** {@code [AS] alias [(column, ...)]}; a bare alias must be a name that is no reserved word. */
    private Alias alias() {
        String name;
        if (tokens.accept(Keyword.AS)) {
            name = grammar.names().columnId();
        } else if (grammar.names().atColumnId()) {
            name = grammar.names().columnId();
        } else {
            return new Alias(null, List.of());
        }
        if (!tokens.at(TokenKind.LEFT_PAREN)) {
            return new Alias(name, List.of());
        }
        Token afterFirst = tokens.peek(2);
        if (!afterFirst.is(TokenKind.COMMA) && !afterFirst.is(TokenKind.RIGHT_PAREN)) {
            throw unsupported("column definition list");
        }
        return new Alias(name, grammar.names().parenthesizedColumnIdList());
    }
}
