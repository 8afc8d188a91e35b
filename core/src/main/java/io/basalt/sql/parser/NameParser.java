package io.basalt.sql.parser;

import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Names, and which keywords may stand for one where. PostgreSQL's grammar has four kinds of name position:
 * {@code ColId} (columns, tables, aliases: identifiers, unreserved and column-name keywords),
 * {@code type_function_name} (identifiers, unreserved and type/function-name keywords), {@code ColLabel}
 * (after {@code AS} or a dot: any word at all) and {@code BareColLabel} (a label without {@code AS}: keywords
 * marked bare in the {@link Keyword} table).
 */
final class NameParser extends ParserBase {
    NameParser(Grammar grammar) {
        super(grammar);
    }

    static boolean isColumnId(Token token) {
        return isPlainName(token) || (token.keyword() != null && token.keyword().category().allowedAsColumnName());
    }

    static boolean isTypeFunctionName(Token token) {
        return isPlainName(token)
                || (token.keyword() != null && token.keyword().category().allowedAsTypeOrFunctionName());
    }

    static boolean isColumnLabel(Token token) {
        return token.kind() == TokenKind.IDENTIFIER || token.kind() == TokenKind.QUOTED_IDENTIFIER;
    }

    static boolean isBareColumnLabel(Token token) {
        return isPlainName(token) || (token.keyword() != null && token.keyword().isBareLabel());
    }

    /** An identifier that is no keyword, or a quoted name. */
    static boolean isPlainName(Token token) {
        return (token.kind() == TokenKind.IDENTIFIER && token.keyword() == null)
                || token.kind() == TokenKind.QUOTED_IDENTIFIER;
    }

    boolean atColumnId() {
        return isColumnId(current());
    }

    String columnId() {
        if (!atColumnId()) {
            throw tokens.syntaxError();
        }
        return tokens.next().value();
    }

    String typeFunctionName() {
        if (!isTypeFunctionName(current())) {
            throw tokens.syntaxError();
        }
        return tokens.next().value();
    }

    String columnLabel() {
        if (!isColumnLabel(current())) {
            throw tokens.syntaxError();
        }
        return tokens.next().value();
    }

    /**
     * {@code ColId [. ColLabel [. ColLabel]]}: a table, type or function name with at most catalog and schema
     * in front of it.
     */
    QualifiedName qualifiedName() {
        Token first = current();
        List<String> parts = new ArrayList<>();
        parts.add(columnId());
        while (tokens.at(TokenKind.DOT)) {
            tokens.next();
            parts.add(columnLabel());
        }
        return checkedQualifiedName(parts, first);
    }

    /**
     * {@code [ONLY] name [*] [, ...]}, with PostgreSQL's {@code ONLY (name)}: the table list of TRUNCATE and LOCK.
     * Whether ONLY or * was written is not kept (neither statement treats inheritance children apart yet).
     */
    List<QualifiedName> relationList() {
        List<QualifiedName> names = new ArrayList<>();
        do {
            names.add(relation());
        } while (tokens.accept(TokenKind.COMMA));
        return names;
    }

    private QualifiedName relation() {
        if (tokens.accept(Keyword.ONLY)) {
            if (tokens.accept(TokenKind.LEFT_PAREN)) {
                QualifiedName name = qualifiedName();
                tokens.expect(TokenKind.RIGHT_PAREN);
                return name;
            }
            return qualifiedName();
        }
        QualifiedName name = qualifiedName();
        tokens.acceptOperator("*");
        return name;
    }

    /** Rejects names with more than three parts as PostgreSQL does. */
    QualifiedName checkedQualifiedName(List<String> parts, Token first) {
        if (parts.size() > 3) {
            throw tokens.errorAt(first, "improper qualified name (too many dotted names): " + String.join(".", parts));
        }
        return new QualifiedName(parts, first.position());
    }

    /** {@code ColId [, ColId ...]}. */
    List<String> columnIdList() {
        List<String> names = new ArrayList<>();
        do {
            names.add(columnId());
        } while (tokens.accept(TokenKind.COMMA));
        return names;
    }

    /** {@code ( ColId [, ColId ...] )}. */
    List<String> parenthesizedColumnIdList() {
        tokens.expect(TokenKind.LEFT_PAREN);
        List<String> names = columnIdList();
        tokens.expect(TokenKind.RIGHT_PAREN);
        return names;
    }
}
