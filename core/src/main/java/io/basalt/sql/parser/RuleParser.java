package io.basalt.sql.parser;

import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.RuleStatement;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * CREATE [OR REPLACE] RULE, DROP RULE and ALTER RULE ... RENAME TO, as PostgreSQL's grammar has them
 * ({@code RuleStmt}, {@code DropRuleStmt}, {@code RenameStmt}). An action is one of SELECT, INSERT, UPDATE,
 * DELETE (and NOTIFY, which PostgreSQL allows and Basalt refuses: the statement is then an unsupported
 * CREATE RULE); its text is kept as written.
 */
final class RuleParser extends ParserBase {
    RuleParser(Grammar grammar) {
        super(grammar);
    }

    /** Whether the cursor is at {@code CREATE [OR REPLACE] RULE}. */
    boolean atCreate() {
        if (!tokens.at(Keyword.CREATE)) {
            return false;
        }
        int ahead = tokens.peek(1).is(Keyword.OR) && tokens.peek(2).is(Keyword.REPLACE) ? 3 : 1;
        return tokens.peek(ahead).is(Keyword.RULE);
    }

    /** Whether the cursor is at {@code DROP RULE} or {@code ALTER RULE}. */
    boolean atDropOrAlter() {
        return (tokens.at(Keyword.DROP) || tokens.at(Keyword.ALTER)) && tokens.peek(1).is(Keyword.RULE);
    }

    RuleStatement statement() {
        if (tokens.at(Keyword.CREATE)) {
            return create();
        }
        if (tokens.at(Keyword.DROP)) {
            return drop();
        }
        return rename();
    }

    private RuleStatement.CreateRule create() {
        int position = tokens.expect(Keyword.CREATE).position();
        boolean orReplace = false;
        if (tokens.accept(Keyword.OR)) {
            tokens.expect(Keyword.REPLACE);
            orReplace = true;
        }
        tokens.expect(Keyword.RULE);
        String name = grammar.names().columnId();
        tokens.expect(Keyword.AS);
        tokens.expect(Keyword.ON);
        Token eventToken = tokens.next();
        RuleStatement.Event event;
        if (eventToken.is(Keyword.SELECT)) {
            event = RuleStatement.Event.SELECT;
        } else if (eventToken.is(Keyword.INSERT)) {
            event = RuleStatement.Event.INSERT;
        } else if (eventToken.is(Keyword.UPDATE)) {
            event = RuleStatement.Event.UPDATE;
        } else if (eventToken.is(Keyword.DELETE)) {
            event = RuleStatement.Event.DELETE;
        } else {
            throw tokens.syntaxErrorAt(eventToken);
        }
        tokens.expect(Keyword.TO);
        QualifiedName table = grammar.names().qualifiedName();
        Expression condition = null;
        String conditionText = null;
        if (tokens.accept(Keyword.WHERE)) {
            Token first = tokens.peek();
            condition = grammar.expressions().expression();
            conditionText = text(first, tokens.peek());
        }
        tokens.expect(Keyword.DO);
        boolean instead = false;
        if (tokens.accept(Keyword.INSTEAD)) {
            instead = true;
        } else {
            tokens.accept(Keyword.ALSO);
        }
        List<Statement> actions = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        if (tokens.accept(Keyword.NOTHING)) {
            return new RuleStatement.CreateRule(name, orReplace, event, table, condition, conditionText, instead,
                    actions, texts, position);
        }
        if (tokens.accept(TokenKind.LEFT_PAREN)) {
            while (!tokens.accept(TokenKind.RIGHT_PAREN)) {
                if (tokens.accept(TokenKind.SEMICOLON)) {
                    continue;
                }
                action(actions, texts);
                if (!tokens.at(TokenKind.RIGHT_PAREN)) {
                    tokens.expect(TokenKind.SEMICOLON);
                }
            }
        } else {
            action(actions, texts);
        }
        return new RuleStatement.CreateRule(name, orReplace, event, table, condition, conditionText, instead, actions,
                texts, position);
    }

    private void action(List<Statement> actions, List<String> texts) {
        Token first = tokens.peek();
        Statement action;
        if (first.is(Keyword.INSERT)) {
            action = grammar.dml().insert();
        } else if (first.is(Keyword.UPDATE)) {
            action = grammar.dml().update();
        } else if (first.is(Keyword.DELETE)) {
            action = grammar.dml().delete();
        } else if (first.is(Keyword.NOTIFY)) {
            throw unsupported("CREATE RULE");
        } else if (first.is(Keyword.SELECT) || first.is(Keyword.VALUES) || first.is(Keyword.WITH)
                || first.is(TokenKind.LEFT_PAREN) || first.is(Keyword.TABLE)) {
            action = grammar.statements().statement();
        } else {
            throw tokens.syntaxErrorAt(first);
        }
        actions.add(action);
        texts.add(text(first, tokens.peek()));
    }

    private String text(Token first, Token next) {
        return tokens.source().text().substring(first.start(), next.start()).strip();
    }

    private RuleStatement.DropRule drop() {
        int position = tokens.expect(Keyword.DROP).position();
        tokens.expect(Keyword.RULE);
        boolean ifExists = acceptIfExists();
        String name = grammar.names().columnId();
        tokens.expect(Keyword.ON);
        QualifiedName table = grammar.names().qualifiedName();
        boolean cascade = acceptDropBehavior();
        return new RuleStatement.DropRule(name, table, ifExists, cascade, position);
    }

    private RuleStatement.RenameRule rename() {
        int position = tokens.expect(Keyword.ALTER).position();
        tokens.expect(Keyword.RULE);
        String name = grammar.names().columnId();
        tokens.expect(Keyword.ON);
        QualifiedName table = grammar.names().qualifiedName();
        tokens.expect(Keyword.RENAME);
        tokens.expect(Keyword.TO);
        String newName = grammar.names().columnId();
        return new RuleStatement.RenameRule(name, table, newName, position);
    }
}
