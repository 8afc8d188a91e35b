package io.basalt.sql.parser;

import io.basalt.sql.ast.ExplainOption;
import io.basalt.sql.ast.ExplainStatement;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.KeywordCategory;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code EXPLAIN [ANALYZE] [VERBOSE] statement} and {@code EXPLAIN (option [value], ...) statement}. Options
 * are read as PostgreSQL's grammar reads them (a name that is not a reserved word, or ANALYZE, and an optional
 * value that is a word, a string or a signed number) and checked later, as PostgreSQL checks them when the
 * statement runs. The statement is what PostgreSQL calls {@code ExplainableStmt}; a parenthesis directly after
 * EXPLAIN opens a query when a query starts inside it, else the option list.
 */
final class ExplainParser extends ParserBase {
    ExplainParser(Grammar grammar) {
        super(grammar);
    }

    ExplainStatement explain() {
        Token explain = tokens.expect(Keyword.EXPLAIN);
        List<ExplainOption> options = new ArrayList<>();
        if (tokens.at(TokenKind.LEFT_PAREN) && !opensQuery(tokens.peek(1))) {
            options.addAll(optionList());
        } else {
            if (tokens.at(Keyword.ANALYZE) || tokens.at(Keyword.ANALYSE)) {
                options.add(new ExplainOption("analyze", null, false, tokens.next().position()));
            }
            if (tokens.at(Keyword.VERBOSE)) {
                options.add(new ExplainOption("verbose", null, false, tokens.next().position()));
            }
        }
        return new ExplainStatement(options, grammar.statements().explainable(), explain.position());
    }

    /** {@code (option [value], ...)}, the parenthesis at the cursor; VACUUM and ANALYZE share this syntax. */
    List<ExplainOption> optionList() {
        List<ExplainOption> options = new ArrayList<>();
        tokens.expect(TokenKind.LEFT_PAREN);
        do {
            options.add(option());
        } while (tokens.accept(TokenKind.COMMA));
        tokens.expect(TokenKind.RIGHT_PAREN);
        return options;
    }

    private static boolean opensQuery(Token token) {
        return QueryParser.isQueryStart(token) || token.is(TokenKind.LEFT_PAREN);
    }

    private ExplainOption option() {
        Token name = current();
        String optionName;
        if (name.is(Keyword.ANALYZE) || name.is(Keyword.ANALYSE)) {
            optionName = "analyze";
        } else if (isNonReservedWord(name)) {
            optionName = name.value();
        } else {
            throw tokens.syntaxError();
        }
        tokens.next();
        Token value = current();
        if (value.is(TokenKind.STRING) || isNonReservedWord(value)) {
            tokens.next();
            return new ExplainOption(optionName, value.value(), false, name.position());
        }
        if (value.is(Keyword.TRUE) || value.is(Keyword.FALSE) || value.is(Keyword.ON)) {
            tokens.next();
            return new ExplainOption(optionName, value.keyword().text(), false, name.position());
        }
        boolean negative = false;
        if ((tokens.atOperator("-") || tokens.atOperator("+")) && tokens.peek(1).is(TokenKind.NUMBER)) {
            negative = tokens.next().isOperator("-");
        }
        if (tokens.at(TokenKind.NUMBER)) {
            String number = tokens.next().value();
            return new ExplainOption(optionName, negative ? "-" + number : number, true, name.position());
        }
        return new ExplainOption(optionName, null, false, name.position());
    }

    private static boolean isNonReservedWord(Token token) {
        return token.is(TokenKind.QUOTED_IDENTIFIER) || (token.is(TokenKind.IDENTIFIER)
                && (token.keyword() == null || token.keyword().category() != KeywordCategory.RESERVED));
    }
}
