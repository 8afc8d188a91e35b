package io.basalt.sql.parser;

import io.basalt.sql.ast.DeallocateStatement;
import io.basalt.sql.ast.ExecuteStatement;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.PrepareStatement;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.ast.TypeName;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code PREPARE name [(type, ...)] AS statement}, {@code EXECUTE name [(argument, ...)]} and
 * {@code DEALLOCATE [PREPARE] {name | ALL}}. A prepared statement is what PostgreSQL calls a
 * {@code PreparableStmt}: a query or a data-changing statement; anything else is a syntax error at its first
 * word. {@code PREPARE TRANSACTION} is two-phase commit, not this, and is left to
 * {@link UtilityStatementParser}.
 */
final class PreparedStatementParser extends ParserBase {
    PreparedStatementParser(Grammar grammar) {
        super(grammar);
    }

    PrepareStatement prepare() {
        Token prepare = tokens.expect(Keyword.PREPARE);
        String name = grammar.names().columnId();
        List<TypeName> types = new ArrayList<>();
        if (tokens.accept(TokenKind.LEFT_PAREN)) {
            do {
                types.add(grammar.types().typeName());
            } while (tokens.accept(TokenKind.COMMA));
            tokens.expect(TokenKind.RIGHT_PAREN);
        }
        tokens.expect(Keyword.AS);
        int start = tokens.mark();
        Statement statement = grammar.statements().preparable();
        return new PrepareStatement(name, types, statement, parametersBetween(start, tokens.mark()),
                prepare.position());
    }

    /** The numbers of the {@code $n} tokens from {@code start} up to (not including) {@code end}, ascending. */
    private List<Integer> parametersBetween(int start, int end) {
        TreeSet<Integer> numbers = new TreeSet<>();
        tokens.reset(start);
        while (tokens.mark() < end) {
            Token token = tokens.next();
            if (token.is(TokenKind.PARAMETER)) {
                numbers.add(Integer.parseInt(token.value()));
            }
        }
        return List.copyOf(numbers);
    }

    ExecuteStatement execute() {
        Token execute = tokens.expect(Keyword.EXECUTE);
        String name = grammar.names().columnId();
        List<Expression> arguments = List.of();
        if (tokens.accept(TokenKind.LEFT_PAREN)) {
            arguments = grammar.expressions().expressionList();
            tokens.expect(TokenKind.RIGHT_PAREN);
        }
        return new ExecuteStatement(name, arguments, execute.position());
    }

    DeallocateStatement deallocate() {
        Token deallocate = tokens.expect(Keyword.DEALLOCATE);
        if (tokens.at(Keyword.PREPARE) && (tokens.peek(1).is(Keyword.ALL) || NameParser.isColumnId(tokens.peek(1)))) {
            tokens.next(); // DEALLOCATE PREPARE alone deallocates a statement named "prepare", as in PostgreSQL
        }
        if (tokens.accept(Keyword.ALL)) {
            return new DeallocateStatement(null, deallocate.position());
        }
        return new DeallocateStatement(grammar.names().columnId(), deallocate.position());
    }
}
