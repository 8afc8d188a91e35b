package io.basalt.sql.parser;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.AlterTableAction;
import io.basalt.sql.ast.SequenceOption;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The identity forms of {@code ALTER TABLE ... ALTER [COLUMN] name}, the cursor after the column name:
 * {@code ADD GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(sequence options)]}, {@code DROP IDENTITY [IF EXISTS]},
 * and a list of {@code SET GENERATED {ALWAYS | BY DEFAULT}}, {@code SET sequence option} and
 * {@code RESTART [[WITH] n]} items. As PostgreSQL's grammar, OWNED BY and SEQUENCE NAME are refused after SET.
 */
final class IdentityAlterationParser extends ParserBase {
    IdentityAlterationParser(Grammar grammar) {
        super(grammar);
    }

    /** The identity action at the cursor, or null (the cursor unmoved) when none starts here. */
    AlterTableAction action(String column, int position) {
        if (tokens.at(Keyword.ADD) && tokens.peek(1).is(Keyword.GENERATED)) {
            tokens.next();
            tokens.next();
            boolean always = generatedWhen();
            tokens.expect(Keyword.AS);
            tokens.expect(Keyword.IDENTITY);
            List<SequenceOption> options = tokens.at(TokenKind.LEFT_PAREN)
                    ? grammar.sequences().parenthesizedOptions() : List.of();
            return new AlterTableAction.AddIdentity(column, always, options, position);
        }
        if (tokens.at(Keyword.DROP) && tokens.peek(1).is(Keyword.IDENTITY)) {
            tokens.next();
            tokens.next();
            return new AlterTableAction.DropIdentity(column, acceptIfExists(), position);
        }
        if (!atIdentityOption()) {
            return null;
        }
        Boolean always = null;
        List<SequenceOption> options = new ArrayList<>();
        while (atIdentityOption()) {
            if (tokens.at(Keyword.RESTART)) {
                options.add(grammar.sequences().option());
            } else if (tokens.peek(1).is(Keyword.GENERATED)) {
                tokens.next();
                tokens.next();
                always = generatedWhen();
            } else {
                tokens.next();
                Token start = current();
                SequenceOption option = grammar.sequences().option();
                switch (option) {
                    case SequenceOption.OwnedBy ignored -> throw BasaltException.at(SqlState.SYNTAX_ERROR,
                            start.position(), "sequence option \"owned_by\" not supported here");
                    case SequenceOption.SequenceName ignored -> throw BasaltException.at(SqlState.SYNTAX_ERROR,
                            start.position(), "invalid sequence option SEQUENCE NAME");
                    case SequenceOption.AsType ignored -> throw BasaltException.at(SqlState.SYNTAX_ERROR,
                            start.position(), "sequence option \"as\" not supported here");
                    default -> options.add(option);
                }
            }
        }
        return new AlterTableAction.AlterIdentity(column, always, options, position);
    }

    /** {@code ALWAYS} (true) or {@code BY DEFAULT} (false). */
    private boolean generatedWhen() {
        if (tokens.accept(Keyword.ALWAYS)) {
            return true;
        }
        tokens.expect(Keyword.BY);
        tokens.expect(Keyword.DEFAULT);
        return false;
    }

    /** Whether the cursor is at RESTART, SET GENERATED or SET followed by a sequence option's first word. */
    private boolean atIdentityOption() {
        if (tokens.at(Keyword.RESTART)) {
            return true;
        }
        if (!tokens.at(Keyword.SET)) {
            return false;
        }
        Token next = tokens.peek(1);
        return next.is(Keyword.GENERATED) || next.is(Keyword.INCREMENT) || next.is(Keyword.START)
                || next.is(Keyword.MINVALUE) || next.is(Keyword.MAXVALUE) || next.is(Keyword.CACHE)
                || next.is(Keyword.CYCLE) || next.is(Keyword.NO) || next.is(Keyword.OWNED)
                || next.is(Keyword.SEQUENCE) || next.is(Keyword.AS);
    }
}
