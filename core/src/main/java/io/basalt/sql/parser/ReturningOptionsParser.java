package io.basalt.sql.parser;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;

/**
 * PostgreSQL 18's {@code RETURNING WITH (OLD AS name, NEW AS name)}, read after RETURNING, with its errors: an
 * option other than OLD or NEW is a syntax error at it, OLD or NEW twice is "... cannot be specified multiple
 * times", and a name that the target table or the other option already has is "table name ... specified more than
 * once". Names other than {@code old} and {@code new} are handed back ({@link ReturningRenames}) for the RETURNING list
 * to be read with.
 */
final class ReturningOptionsParser extends ParserBase {
    ReturningOptionsParser(Grammar grammar) {
        super(grammar);
    }

    /**
     * Reads {@code WITH (...)} when the cursor is at it; {@code targetName} is the target's alias or name. Returns the
     * names the options give, or null when none renames the old or new row.
     */
    ReturningRenames options(String targetName) {
        if (!tokens.at(Keyword.WITH) || !tokens.peek(1).is(TokenKind.LEFT_PAREN)) {
            return null;
        }
        tokens.next();
        tokens.next();
        String oldName = null;
        String newName = null;
        Token renamed = null;
        do {
            Token option = tokens.next();
            boolean isOld = option.is(Keyword.OLD) || option.kind() == TokenKind.IDENTIFIER
                    && option.value().equals("old");
            boolean isNew = option.is(Keyword.NEW) || option.kind() == TokenKind.IDENTIFIER
                    && option.value().equals("new");
            if (!isOld && !isNew) {
                throw tokens.syntaxErrorAt(option);
            }
            tokens.expect(Keyword.AS);
            String name = grammar.names().columnId();
            if (isOld ? oldName != null : newName != null) {
                throw tokens.errorAt(option, (isOld ? "OLD" : "NEW") + " cannot be specified multiple times");
            }
            if (name.equals(targetName) || name.equals(isOld ? newName : oldName)) {
                throw BasaltException.at(SqlState.DUPLICATE_ALIAS, option.position(),
                        "table name \"" + name + "\" specified more than once");
            }
            if (isOld) {
                oldName = name;
            } else {
                newName = name;
            }
            if (!name.equals(isOld ? "old" : "new") && renamed == null) {
                renamed = option;
            }
        } while (tokens.accept(TokenKind.COMMA));
        tokens.expect(TokenKind.RIGHT_PAREN);
        return renamed == null ? null : new ReturningRenames(oldName, newName);
    }
}
