package io.basalt.sql.parser;

import io.basalt.sql.ast.PolicyStatement;
import io.basalt.sql.ast.PrivilegeStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The statements of {@link PolicyStatement} in PostgreSQL's grammar: CREATE / ALTER / DROP POLICY, and an ALTER
 * TABLE whose one action switches row-level security. A policy's conditions are parsed (so that a syntax error is
 * reported where PostgreSQL reports it) and kept as the text written inside their parentheses.
 */
final class PolicyParser extends ParserBase {
    PolicyParser(Grammar grammar) {
        super(grammar);
    }

    /** Whether the statement at the cursor is one of this parser's. */
    boolean at() {
        Token first = current();
        if ((first.is(Keyword.CREATE) || first.is(Keyword.ALTER) || first.is(Keyword.DROP))
                && tokens.peek(1).is(Keyword.POLICY)) {
            return true;
        }
        return first.is(Keyword.ALTER) && tokens.peek(1).is(Keyword.TABLE) && rowSecuritySwitchAhead();
    }

    /** Whether {@code ALTER TABLE [IF EXISTS] [ONLY] name} is followed by a row-level security switch and its end. */
    private boolean rowSecuritySwitchAhead() {
        int ahead = 2;
        if (tokens.peek(ahead).is(Keyword.IF) && tokens.peek(ahead + 1).is(Keyword.EXISTS)) {
            ahead += 2;
        }
        if (tokens.peek(ahead).is(Keyword.ONLY)) {
            ahead++;
        }
        ahead++;
        while (tokens.peek(ahead).is(TokenKind.DOT)) {
            ahead += 2;
        }
        if (tokens.peek(ahead).is(Keyword.NO) && tokens.peek(ahead + 1).is(Keyword.FORCE)) {
            ahead++;
        } else if (!tokens.peek(ahead).is(Keyword.ENABLE) && !tokens.peek(ahead).is(Keyword.DISABLE)
                && !tokens.peek(ahead).is(Keyword.FORCE)) {
            return false;
        }
        Token end = tokens.peek(ahead + 4);
        return tokens.peek(ahead + 1).is(Keyword.ROW) && tokens.peek(ahead + 2).is(Keyword.LEVEL)
                && tokens.peek(ahead + 3).is(Keyword.SECURITY)
                && (end.is(TokenKind.SEMICOLON) || end.is(TokenKind.END_OF_INPUT));
    }

    PolicyStatement statement() {
        Token first = tokens.next();
        if (first.is(Keyword.ALTER) && tokens.accept(Keyword.TABLE)) {
            return rowSecuritySwitch(first);
        }
        tokens.expect(Keyword.POLICY);
        if (first.is(Keyword.DROP)) {
            boolean ifExists = acceptIfExists();
            String name = grammar.names().columnId();
            tokens.expect(Keyword.ON);
            QualifiedName table = grammar.names().qualifiedName();
            acceptDropBehavior();
            return new PolicyStatement.DropPolicy(name, table, ifExists, first.position());
        }
        String name = grammar.names().columnId();
        tokens.expect(Keyword.ON);
        QualifiedName table = grammar.names().qualifiedName();
        if (first.is(Keyword.ALTER)) {
            return alter(name, table, first);
        }
        boolean permissive = true;
        if (tokens.accept(Keyword.AS)) {
            Token kind = tokens.next();
            String word = kind.value().toLowerCase(Locale.ROOT);
            if (kind.kind() != TokenKind.IDENTIFIER || !word.equals("permissive") && !word.equals("restrictive")) {
                throw tokens.errorAt(kind, "unrecognized row security option \"" + kind.value() + "\"");
            }
            permissive = word.equals("permissive");
        }
        String command = "ALL";
        if (tokens.accept(Keyword.FOR)) {
            Token word = tokens.next();
            if (word.is(Keyword.ALL) || word.is(Keyword.SELECT) || word.is(Keyword.INSERT) || word.is(Keyword.UPDATE)
                    || word.is(Keyword.DELETE)) {
                command = word.keyword().name();
            } else {
                throw tokens.syntaxErrorAt(word);
            }
        }
        List<String> roles = tokens.accept(Keyword.TO) ? roles() : List.of();
        String using = tokens.accept(Keyword.USING) ? condition() : null;
        String check = null;
        if (tokens.accept(Keyword.WITH)) {
            tokens.expect(Keyword.CHECK);
            check = condition();
        }
        return new PolicyStatement.CreatePolicy(name, table, permissive, command, roles, using, check,
                first.position());
    }

    private PolicyStatement.AlterPolicy alter(String name, QualifiedName table, Token first) {
        if (tokens.accept(Keyword.RENAME)) {
            tokens.expect(Keyword.TO);
            return new PolicyStatement.AlterPolicy(name, table, grammar.names().columnId(), List.of(), null, null,
                    first.position());
        }
        List<String> roles = tokens.accept(Keyword.TO) ? roles() : List.of();
        String using = tokens.accept(Keyword.USING) ? condition() : null;
        String check = null;
        if (tokens.accept(Keyword.WITH)) {
            tokens.expect(Keyword.CHECK);
            check = condition();
        }
        return new PolicyStatement.AlterPolicy(name, table, null, roles, using, check, first.position());
    }

    private PolicyStatement.RowSecuritySwitch rowSecuritySwitch(Token first) {
        boolean ifExists = acceptIfExists();
        tokens.accept(Keyword.ONLY);
        QualifiedName table = grammar.names().qualifiedName();
        PolicyStatement.Switch change;
        if (tokens.accept(Keyword.NO)) {
            tokens.expect(Keyword.FORCE);
            change = PolicyStatement.Switch.NO_FORCE;
        } else if (tokens.accept(Keyword.FORCE)) {
            change = PolicyStatement.Switch.FORCE;
        } else if (tokens.accept(Keyword.ENABLE)) {
            change = PolicyStatement.Switch.ENABLE;
        } else {
            tokens.expect(Keyword.DISABLE);
            change = PolicyStatement.Switch.DISABLE;
        }
        tokens.expect(Keyword.ROW);
        tokens.expect(Keyword.LEVEL);
        tokens.expect(Keyword.SECURITY);
        return new PolicyStatement.RowSecuritySwitch(table, ifExists, change, first.position());
    }

    /** {@code ( expression )}: the expression's text as written. */
    private String condition() {
        tokens.expect(TokenKind.LEFT_PAREN);
        Token start = current();
        grammar.expressions().expression();
        Token end = tokens.expect(TokenKind.RIGHT_PAREN);
        return tokens.source().text().substring(start.start(), end.start()).strip();
    }

    /** PUBLIC, CURRENT_USER, CURRENT_ROLE, SESSION_USER or role names, separated by commas. */
    private List<String> roles() {
        List<String> roles = new ArrayList<>();
        do {
            Token token = current();
            if (tokens.accept(Keyword.CURRENT_USER)) {
                roles.add(PrivilegeStatement.CURRENT_USER);
            } else if (tokens.accept(Keyword.CURRENT_ROLE)) {
                roles.add(PrivilegeStatement.CURRENT_ROLE);
            } else if (tokens.accept(Keyword.SESSION_USER)) {
                roles.add(PrivilegeStatement.SESSION_USER);
            } else if (token.kind() == TokenKind.IDENTIFIER && token.keyword() == null
                    && token.value().equals("public")) {
                tokens.next();
                roles.add(PrivilegeStatement.PUBLIC);
            } else {
                roles.add(grammar.names().columnId());
            }
        } while (tokens.accept(TokenKind.COMMA));
        return roles;
    }
}
