package io.basalt.sql.parser;

import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.FromItem;
import io.basalt.sql.ast.InsertStatement;
import io.basalt.sql.ast.MergeStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.UpdateStatement;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL 15's MERGE ({@link MergeStatement}): {@code MERGE INTO [ONLY] target [[AS] alias] USING table_ref ON
 * condition} and one or more {@code WHEN MATCHED [AND condition] THEN {UPDATE SET ... | DELETE | DO NOTHING}} /
 * {@code WHEN NOT MATCHED [AND condition] THEN {INSERT [(columns)] [OVERRIDING ...] {VALUES (...) | DEFAULT VALUES}
 * | DO NOTHING}}. An action that does not belong to its kind of clause, a second VALUES row, a query as INSERT's
 * source or RETURNING (PostgreSQL 17) is a syntax error at the token that starts it, as PostgreSQL 15 reports.
 */
final class MergeParser extends ParserBase {
    MergeParser(Grammar grammar) {
        super(grammar);
    }

    MergeStatement merge() {
        Token merge = tokens.expect(Keyword.MERGE);
        tokens.expect(Keyword.INTO);
        boolean only = tokens.accept(Keyword.ONLY);
        boolean parenthesized = only && tokens.accept(TokenKind.LEFT_PAREN);
        QualifiedName target = grammar.names().qualifiedName();
        if (parenthesized) {
            tokens.expect(TokenKind.RIGHT_PAREN);
        } else {
            tokens.acceptOperator("*");
        }
        String alias = null;
        if (tokens.accept(Keyword.AS)) {
            alias = grammar.names().columnId();
        } else if (grammar.names().atColumnId() && !tokens.at(Keyword.USING)) {
            alias = grammar.names().columnId();
        }
        tokens.expect(Keyword.USING);
        FromItem source = grammar.fromClause().tableReference();
        tokens.expect(Keyword.ON);
        Expression on = grammar.expressions().expression();
        List<MergeStatement.When> whens = new ArrayList<>();
        do {
            whens.add(when());
        } while (tokens.at(Keyword.WHEN));
        return new MergeStatement(target, only, alias, source, on, whens, null, merge.position());
    }

    private MergeStatement.When when() {
        Token when = tokens.expect(Keyword.WHEN);
        boolean matched = !tokens.accept(Keyword.NOT);
        tokens.expect(Keyword.MATCHED);
        Expression condition = tokens.accept(Keyword.AND) ? grammar.expressions().expression() : null;
        tokens.expect(Keyword.THEN);
        Token start = current();
        MergeStatement.Action action;
        if (tokens.accept(Keyword.DO)) {
            tokens.expect(Keyword.NOTHING);
            action = new MergeStatement.Action.DoNothing(start.position());
        } else if (matched && tokens.accept(Keyword.UPDATE)) {
            tokens.expect(Keyword.SET);
            List<UpdateStatement.Assignment> assignments = new ArrayList<>();
            do {
                assignments.add(grammar.dml().assignment());
            } while (tokens.accept(TokenKind.COMMA));
            action = new MergeStatement.Action.Update(assignments, start.position());
        } else if (matched && tokens.accept(Keyword.DELETE)) {
            action = new MergeStatement.Action.Delete(start.position());
        } else if (!matched && tokens.accept(Keyword.INSERT)) {
            action = insert(start);
        } else {
            throw tokens.syntaxError();
        }
        return new MergeStatement.When(matched, condition, action, when.position());
    }

    /** After INSERT: {@code [(columns)] [OVERRIDING {SYSTEM | USER} VALUE] {VALUES (values) | DEFAULT VALUES}}. */
    private MergeStatement.Action.Insert insert(Token start) {
        List<String> columns = tokens.at(TokenKind.LEFT_PAREN) ? grammar.names().parenthesizedColumnIdList()
                : List.of();
        InsertStatement.Overriding overriding = null;
        if (tokens.accept(Keyword.OVERRIDING)) {
            overriding = tokens.accept(Keyword.USER) ? InsertStatement.Overriding.USER_VALUE : null;
            if (overriding == null) {
                tokens.expect(Keyword.SYSTEM);
                overriding = InsertStatement.Overriding.SYSTEM_VALUE;
            }
            tokens.expect(Keyword.VALUE);
        }
        if (tokens.accept(Keyword.DEFAULT)) {
            tokens.expect(Keyword.VALUES);
            return new MergeStatement.Action.Insert(columns, null, overriding, start.position());
        }
        tokens.expect(Keyword.VALUES);
        tokens.expect(TokenKind.LEFT_PAREN);
        List<Expression> values = new ArrayList<>();
        do {
            values.add(grammar.expressions().expression());
        } while (tokens.accept(TokenKind.COMMA));
        tokens.expect(TokenKind.RIGHT_PAREN);
        return new MergeStatement.Action.Insert(columns, values, overriding, start.position());
    }
}
