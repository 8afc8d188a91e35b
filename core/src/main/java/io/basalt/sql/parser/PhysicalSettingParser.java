package io.basalt.sql.parser;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.AlterTableAction;
import io.basalt.sql.ast.AlterTableAction.PhysicalSetting;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import java.util.List;
import java.util.Locale;

/**
 * The ALTER TABLE actions read as {@link PhysicalSetting}s: {@code CLUSTER ON index}, {@code SET WITHOUT CLUSTER},
 * {@code SET WITHOUT OIDS}, {@code SET LOGGED}, {@code SET UNLOGGED}, {@code REPLICA IDENTITY ...}, and after
 * {@code ALTER [COLUMN] name}: {@code SET STATISTICS [-]n}, {@code SET STORAGE mode}, {@code SET (options)} and
 * {@code RESET (options)}. {@code SET WITH OIDS} is a syntax error at WITH, as in PostgreSQL 12 and later.
 */
final class PhysicalSettingParser extends ParserBase {
    private static final List<String> STORAGE_MODES = List.of("plain", "external", "extended", "main", "default");

    PhysicalSettingParser(Grammar grammar) {
        super(grammar);
    }

    /** The table-level form at the cursor, consumed, or null (nothing consumed) when there is none. */
    AlterTableAction tableAction() {
        Token first = current();
        if (first.is(Keyword.CLUSTER) && tokens.peek(1).is(Keyword.ON)) {
            tokens.next();
            tokens.next();
            return setting(PhysicalSetting.Setting.CLUSTER_ON, null, grammar.names().columnId(), first.position());
        }
        if (first.is(Keyword.REPLICA) && tokens.peek(1).is(Keyword.IDENTITY)) {
            tokens.next();
            tokens.next();
            if (tokens.accept(Keyword.USING)) {
                tokens.expect(Keyword.INDEX);
                return new PhysicalSetting(PhysicalSetting.Setting.REPLICA_IDENTITY, null,
                        grammar.names().columnId(), List.of(), first.position());
            }
            Token kind = tokens.next();
            if (!kind.is(Keyword.DEFAULT) && !kind.is(Keyword.FULL) && !kind.is(Keyword.NOTHING)) {
                throw tokens.syntaxErrorAt(kind);
            }
            return setting(PhysicalSetting.Setting.REPLICA_IDENTITY, null,
                    kind.value().toLowerCase(Locale.ROOT), first.position());
        }
        if (!first.is(Keyword.SET)) {
            return null;
        }
        Token second = tokens.peek(1);
        if (second.is(Keyword.WITHOUT) && (tokens.peek(2).is(Keyword.CLUSTER) || tokens.peek(2).is(Keyword.OIDS))) {
            tokens.next();
            tokens.next();
            boolean cluster = tokens.next().is(Keyword.CLUSTER);
            return setting(cluster ? PhysicalSetting.Setting.WITHOUT_CLUSTER : PhysicalSetting.Setting.WITHOUT_OIDS,
                    null, null, first.position());
        }
        if (second.is(Keyword.WITH)) {
            tokens.next();
            throw tokens.syntaxError();
        }
        if (second.is(Keyword.LOGGED) || second.is(Keyword.UNLOGGED)) {
            tokens.next();
            boolean logged = tokens.next().is(Keyword.LOGGED);
            return setting(logged ? PhysicalSetting.Setting.LOGGED : PhysicalSetting.Setting.UNLOGGED, null, null,
                    first.position());
        }
        return null;
    }

    /** The column form after {@code ALTER [COLUMN] column}, consumed, or null (nothing consumed). */
    AlterTableAction columnAction(String column, int position) {
        if (tokens.at(Keyword.SET) && tokens.peek(1).is(Keyword.STATISTICS)) {
            tokens.next();
            tokens.next();
            boolean negative = false;
            if (current().isOperator("-") || current().isOperator("+")) {
                negative = tokens.next().isOperator("-");
            }
            Token number = current();
            if (!number.is(TokenKind.NUMBER) || !number.value().matches("[0-9]{1,9}")) {
                throw tokens.syntaxError();
            }
            tokens.next();
            return setting(PhysicalSetting.Setting.COLUMN_STATISTICS, column,
                    (negative ? "-" : "") + number.value(), position);
        }
        if (tokens.at(Keyword.SET) && tokens.peek(1).is(Keyword.STORAGE)) {
            tokens.next();
            tokens.next();
            Token mode = tokens.next();
            String name = mode.value().toLowerCase(Locale.ROOT);
            if (mode.is(TokenKind.QUOTED_IDENTIFIER)) {
                name = mode.value();
            }
            if (!STORAGE_MODES.contains(name)) {
                throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid storage type \"" + name + "\"");
            }
            return setting(PhysicalSetting.Setting.COLUMN_STORAGE, column, name, position);
        }
        if ((tokens.at(Keyword.SET) || tokens.at(Keyword.RESET)) && tokens.peek(1).is(TokenKind.LEFT_PAREN)) {
            boolean reset = tokens.next().is(Keyword.RESET);
            return new PhysicalSetting(reset ? PhysicalSetting.Setting.COLUMN_RESET_OPTIONS
                    : PhysicalSetting.Setting.COLUMN_OPTIONS, column, null,
                    new StorageParameterParser(tokens).list(), position);
        }
        return null;
    }

    private static PhysicalSetting setting(PhysicalSetting.Setting setting, String column, String value,
                                           int position) {
        return new PhysicalSetting(setting, column, value, List.of(), position);
    }
}
