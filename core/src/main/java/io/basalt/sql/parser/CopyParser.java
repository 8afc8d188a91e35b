package io.basalt.sql.parser;

import io.basalt.sql.ast.CopyOption;
import io.basalt.sql.ast.CopyStatement;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.Query;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.KeywordCategory;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's COPY statement:
 * <pre>
 * COPY [BINARY] table [(columns)] FROM | TO [PROGRAM] 'file' | STDIN | STDOUT [[USING] DELIMITERS 'd']
 *      [[WITH] options] [WHERE condition]
 * COPY (query) TO [PROGRAM] 'file' | STDOUT [[WITH] options]
 * </pre>
 * where the options are either the parenthesised generic list {@code (name [argument], ...)} or the old
 * keyword spellings ({@code BINARY}, {@code FREEZE}, {@code DELIMITER [AS] 'd'}, {@code NULL [AS] 'n'},
 * {@code CSV}, {@code HEADER}, {@code QUOTE [AS] 'q'}, {@code ESCAPE [AS] 'e'}, {@code FORCE QUOTE columns | *},
 * {@code FORCE NOT NULL columns}, {@code FORCE NULL columns}, {@code ENCODING 'e'}), which are read into the
 * generic names. Options are checked when the statement runs, as PostgreSQL checks them.
 */
final class CopyParser extends ParserBase {
    CopyParser(Grammar grammar) {
        super(grammar);
    }

    CopyStatement copy() {
        Token copy = tokens.expect(Keyword.COPY);
        List<CopyOption> options = new ArrayList<>();
        if (tokens.at(TokenKind.LEFT_PAREN)) {
            tokens.next();
            if (tokens.at(Keyword.MERGE)) {
                throw io.basalt.error.BasaltException.of(io.basalt.error.SqlState.FEATURE_NOT_SUPPORTED,
                        "MERGE not supported in COPY");
            }
            Query query = grammar.queries().query();
            tokens.expect(TokenKind.RIGHT_PAREN);
            tokens.expect(Keyword.TO);
            boolean program = tokens.accept(Keyword.PROGRAM);
            String fileName = fileName();
            options(options);
            if (tokens.at(Keyword.WHERE)) {
                throw tokens.syntaxError();
            }
            return new CopyStatement(null, List.of(), query, false, fileName, program, options, null, copy.position());
        }
        if (tokens.at(Keyword.BINARY)) {
            options.add(CopyOption.of("format", "binary", tokens.next().position()));
        }
        QualifiedName table = grammar.names().qualifiedName();
        List<String> columns = tokens.at(TokenKind.LEFT_PAREN) ? grammar.names().parenthesizedColumnIdList() : List.of();
        boolean from;
        if (tokens.accept(Keyword.FROM)) {
            from = true;
        } else {
            tokens.expect(Keyword.TO);
            from = false;
        }
        boolean program = tokens.accept(Keyword.PROGRAM);
        String fileName = fileName();
        if (tokens.at(Keyword.USING) || tokens.at(Keyword.DELIMITERS)) {
            tokens.accept(Keyword.USING);
            tokens.expect(Keyword.DELIMITERS);
            options.add(CopyOption.of("delimiter", string(), current().position()));
        }
        options(options);
        Expression where = null;
        Token whereToken = current();
        if (tokens.accept(Keyword.WHERE)) {
            where = grammar.expressions().expression();
            if (!from) {
                throw tokens.errorAt(whereToken, "WHERE clause not allowed with COPY TO");
            }
        }
        return new CopyStatement(table, columns, null, from, fileName, program, options, where, copy.position());
    }

    /** {@code 'file' | STDIN | STDOUT}: the file name, or null for the client's streams. */
    private String fileName() {
        if (tokens.at(TokenKind.STRING)) {
            return tokens.next().value();
        }
        if (tokens.accept(Keyword.STDIN) || tokens.accept(Keyword.STDOUT)) {
            return null;
        }
        throw tokens.syntaxError();
    }

    /** {@code [WITH] (generic options)} or {@code [WITH] old-style options}, appended to {@code options}. */
    private void options(List<CopyOption> options) {
        tokens.accept(Keyword.WITH);
        if (tokens.at(TokenKind.LEFT_PAREN)) {
            tokens.next();
            do {
                options.add(genericOption());
            } while (tokens.accept(TokenKind.COMMA));
            tokens.expect(TokenKind.RIGHT_PAREN);
            return;
        }
        while (true) {
            CopyOption option = oldStyleOption();
            if (option == null) {
                return;
            }
            options.add(option);
        }
    }

    /** One option of the old keyword syntax at the cursor, or null when none starts there. */
    private CopyOption oldStyleOption() {
        Token first = current();
        int position = first.position();
        Keyword keyword = first.keyword();
        if (keyword == null || first.kind() != TokenKind.IDENTIFIER) {
            return null;
        }
        switch (keyword) {
            case BINARY -> {
                tokens.next();
                return CopyOption.of("format", "binary", position);
            }
            case FREEZE -> {
                tokens.next();
                return CopyOption.of("freeze", "true", position);
            }
            case CSV -> {
                tokens.next();
                return CopyOption.of("format", "csv", position);
            }
            case HEADER -> {
                tokens.next();
                return CopyOption.of("header", "true", position);
            }
            case DELIMITER, NULL, QUOTE, ESCAPE -> {
                tokens.next();
                tokens.accept(Keyword.AS);
                return CopyOption.of(keyword == Keyword.NULL ? "null" : first.value(), string(), position);
            }
            case ENCODING -> {
                tokens.next();
                return CopyOption.of("encoding", string(), position);
            }
            case FORCE -> {
                tokens.next();
                if (tokens.accept(Keyword.QUOTE)) {
                    if (tokens.atOperator("*")) {
                        tokens.next();
                        return new CopyOption("force_quote", null, false, null, true, position);
                    }
                    return new CopyOption("force_quote", null, false, grammar.names().columnIdList(), false, position);
                }
                if (tokens.accept(Keyword.NOT)) {
                    tokens.expect(Keyword.NULL);
                    return new CopyOption("force_not_null", null, false, grammar.names().columnIdList(), false,
                            position);
                }
                tokens.expect(Keyword.NULL);
                return new CopyOption("force_null", null, false, grammar.names().columnIdList(), false, position);
            }
            default -> {
                return null;
            }
        }
    }

    /** {@code name [argument]}: any word as the name; a word, string, number, {@code *} or list as argument. */
    private CopyOption genericOption() {
        Token name = current();
        if (!NameParser.isColumnLabel(name)) {
            throw tokens.syntaxError();
        }
        tokens.next();
        String optionName = name.value();
        Token value = current();
        if (value.is(Keyword.TRUE) || value.is(Keyword.FALSE) || value.is(Keyword.ON)) {
            tokens.next();
            return CopyOption.of(optionName, value.keyword().text(), name.position());
        }
        if (value.is(TokenKind.STRING) || isNonReservedWord(value)) {
            tokens.next();
            return CopyOption.of(optionName, value.value(), name.position());
        }
        if (value.is(Keyword.DEFAULT)) {
            tokens.next();
            return CopyOption.of(optionName, "default", name.position());
        }
        if (tokens.atOperator("*")) {
            tokens.next();
            return new CopyOption(optionName, null, false, null, true, name.position());
        }
        if (tokens.at(TokenKind.LEFT_PAREN)) {
            tokens.next();
            List<String> list = new ArrayList<>();
            do {
                Token element = current();
                if (element.is(Keyword.TRUE) || element.is(Keyword.FALSE) || element.is(Keyword.ON)) {
                    list.add(element.keyword().text());
                } else if (element.is(TokenKind.STRING) || isNonReservedWord(element)) {
                    list.add(element.value());
                } else {
                    throw tokens.syntaxError();
                }
                tokens.next();
            } while (tokens.accept(TokenKind.COMMA));
            tokens.expect(TokenKind.RIGHT_PAREN);
            return new CopyOption(optionName, null, false, list, false, name.position());
        }
        boolean negative = false;
        if ((tokens.atOperator("-") || tokens.atOperator("+")) && tokens.peek(1).is(TokenKind.NUMBER)) {
            negative = tokens.next().isOperator("-");
        }
        if (tokens.at(TokenKind.NUMBER)) {
            String number = tokens.next().value();
            return new CopyOption(optionName, negative ? "-" + number : number, true, null, false, name.position());
        }
        return CopyOption.of(optionName, null, name.position());
    }

    private String string() {
        return tokens.expect(TokenKind.STRING).value();
    }

    private static boolean isNonReservedWord(Token token) {
        return token.is(TokenKind.QUOTED_IDENTIFIER) || (token.is(TokenKind.IDENTIFIER)
                && (token.keyword() == null || token.keyword().category() != KeywordCategory.RESERVED));
    }
}
