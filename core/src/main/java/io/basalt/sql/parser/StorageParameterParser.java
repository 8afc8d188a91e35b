package io.basalt.sql.parser;

import io.basalt.sql.ast.StorageParameter;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a parenthesized list of storage parameters, {@code ([namespace.]name [= value], ...)}, as PostgreSQL's
 * {@code reloptions} rule does: a name is any word, a value a word, a string, or a signed number, kept as written.
 */
final class StorageParameterParser {
    private final TokenStream tokens;

    StorageParameterParser(TokenStream tokens) {
        this.tokens = tokens;
    }

    /** The list, its opening parenthesis at the cursor. */
    List<StorageParameter> list() {
        tokens.expect(TokenKind.LEFT_PAREN);
        List<StorageParameter> parameters = new ArrayList<>();
        do {
            Token first = tokens.peek(0);
            String name = word();
            String namespace = null;
            if (tokens.accept(TokenKind.DOT)) {
                namespace = name;
                name = word();
            }
            String value = null;
            if (tokens.acceptOperator("=")) {
                value = value();
            }
            parameters.add(new StorageParameter(namespace, name, value, first.position()));
        } while (tokens.accept(TokenKind.COMMA));
        tokens.expect(TokenKind.RIGHT_PAREN);
        return parameters;
    }

    private String word() {
        Token token = tokens.peek(0);
        if (token.kind() != TokenKind.IDENTIFIER && token.kind() != TokenKind.QUOTED_IDENTIFIER) {
            throw tokens.syntaxError();
        }
        tokens.next();
        return token.value();
    }

    private String value() {
        Token token = tokens.peek(0);
        String sign = "";
        if (token.kind() == TokenKind.OPERATOR && (token.value().equals("-") || token.value().equals("+"))
                && tokens.peek(1).kind() == TokenKind.NUMBER) {
            sign = token.value().equals("-") ? "-" : "";
            tokens.next();
            token = tokens.peek(0);
        }
        return switch (token.kind()) {
            case NUMBER, STRING, IDENTIFIER, QUOTED_IDENTIFIER -> {
                tokens.next();
                yield sign + token.value();
            }
            default -> throw tokens.syntaxError();
        };
    }
}
