package io.basalt.engine;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.CheckpointStatement;
import io.basalt.sql.ast.CopyStatement;
import io.basalt.sql.ast.CreateTableAsStatement;
import io.basalt.sql.ast.CursorStatement;
import io.basalt.sql.ast.DeallocateStatement;
import io.basalt.sql.ast.DeleteStatement;
import io.basalt.sql.ast.DiscardSequencesStatement;
import io.basalt.sql.ast.ExecuteStatement;
import io.basalt.sql.ast.ExplainStatement;
import io.basalt.sql.ast.InsertStatement;
import io.basalt.sql.ast.PrepareStatement;
import io.basalt.sql.ast.PrivilegeStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.QueryStatement;
import io.basalt.sql.ast.ResetStatement;
import io.basalt.sql.ast.RoutineStatement;
import io.basalt.sql.ast.SetConstraintsStatement;
import io.basalt.sql.ast.SetStatement;
import io.basalt.sql.ast.ShowStatement;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.ast.TransactionStatement;
import io.basalt.sql.ast.TruncateStatement;
import io.basalt.sql.ast.UnsupportedStatement;
import io.basalt.sql.ast.UpdateStatement;
import io.basalt.sql.ast.VacuumStatement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a read-only transaction refuses, as PostgreSQL refuses it (25006 "cannot execute CREATE TABLE in a read-only
 * transaction"): every statement that defines, changes or drops an object (temporary ones too), TRUNCATE, and INSERT,
 * UPDATE, DELETE and COPY FROM into tables that are not temporary; EXECUTE is judged by the statement it runs.
 * Queries, settings, cursors, transaction control, CALL and DO pass (the statements a routine runs are judged
 * when they run). A statement kind not listed here counts as a definition, so new DDL is refused by default; its
 * command name is read from its text as PostgreSQL names the command ({@code CREATE TEMP TABLE} is
 * {@code CREATE TABLE}, {@code CREATE USER} is {@code CREATE ROLE}).
 */
final class ReadOnlyCheck {
    private static final Set<String> CREATE_MODIFIERS = Set.of("OR", "REPLACE", "TEMP", "TEMPORARY", "UNLOGGED",
            "GLOBAL", "LOCAL", "UNIQUE", "RECURSIVE", "TRUSTED", "PROCEDURAL", "CONSTRAINT");
    private static final Set<String> TWO_WORD_OBJECTS = Set.of("MATERIALIZED", "FOREIGN", "DEFAULT", "EVENT",
            "ACCESS", "TEXT", "USER");

    private ReadOnlyCheck() {
    }

    /**
     * @param temporary whether a table name names a temporary table (false when it names none: the statement's own
     *                  error comes first)
     * @param prepared  the statement a prepared statement's name runs, or null
     * @throws BasaltException 25006 when a read-only transaction may not run {@code statement}
     */
    static void check(Statement statement, String sql, Predicate<QualifiedName> temporary,
                      Function<String, Statement> prepared) {
        String command = refusedCommand(statement, sql, temporary, prepared);
        if (command != null) {
            throw BasaltException.of(SqlState.READ_ONLY_SQL_TRANSACTION,
                    "cannot execute " + command + " in a read-only transaction");
        }
    }

    private static String refusedCommand(Statement statement, String sql, Predicate<QualifiedName> temporary,
                                         Function<String, Statement> prepared) {
        return switch (statement) {
            case InsertStatement insert -> temporary.test(insert.table()) ? null : "INSERT";
            case UpdateStatement update -> temporary.test(update.table()) ? null : "UPDATE";
            case DeleteStatement delete -> temporary.test(delete.table()) ? null : "DELETE";
            case TruncateStatement ignored -> "TRUNCATE TABLE";
            case CreateTableAsStatement ignored -> "CREATE TABLE AS";
            case CopyStatement copy -> !copy.from() || copy.table() != null && temporary.test(copy.table())
                    ? null : "COPY FROM";
            case QueryStatement query -> query.query().locking().isEmpty()
                    ? null : "SELECT " + query.query().locking().getFirst().strength().text();
            case ExecuteStatement execute -> {
                Statement target = prepared.apply(execute.name());
                yield target == null ? null : refusedCommand(target, "", temporary, prepared);
            }
            case PrivilegeStatement.SetRole ignored -> null;
            case RoutineStatement.Call ignored -> null;
            case RoutineStatement.Do ignored -> null;
            case SetStatement ignored -> null;
            case ShowStatement ignored -> null;
            case ResetStatement ignored -> null;
            case ExplainStatement ignored -> null;
            case PrepareStatement ignored -> null;
            case DeallocateStatement ignored -> null;
            case CursorStatement ignored -> null;
            case TransactionStatement ignored -> null;
            case CheckpointStatement ignored -> null;
            case VacuumStatement ignored -> null;
            case io.basalt.sql.ast.ReindexStatement ignored -> null;
            case SetConstraintsStatement ignored -> null;
            case DiscardSequencesStatement ignored -> null;
            case UnsupportedStatement ignored -> null;
            case io.basalt.sql.ast.LockStatement ignored -> null;
            default -> commandName(sql);
        };
    }

    /**
     * PostgreSQL's name for the command a statement's text starts with: {@code CREATE}, {@code ALTER} or {@code DROP}
     * and the kind of object, or the first word ({@code GRANT}, {@code COMMENT}), {@code REFRESH MATERIALIZED VIEW}.
     */
    static String commandName(String sql) {
        List<String> words = leadingWords(sql, 8);
        if (words.isEmpty()) {
            return "this command";
        }
        String verb = words.getFirst();
        if (!verb.equals("CREATE") && !verb.equals("ALTER") && !verb.equals("DROP")) {
            return verb.equals("REFRESH") ? "REFRESH MATERIALIZED VIEW" : verb;
        }
        int at = 1;
        while (verb.equals("CREATE") && at < words.size() && CREATE_MODIFIERS.contains(words.get(at))) {
            at++;
        }
        if (at >= words.size()) {
            return verb;
        }
        String object = words.get(at);
        if (object.equals("USER") || object.equals("GROUP")) {
            return verb + " ROLE";
        }
        if (TWO_WORD_OBJECTS.contains(object) && at + 1 < words.size()) {
            object = object + " " + words.get(at + 1);
        }
        return verb + " " + object;
    }

    /** The first {@code count} words of {@code sql} (letters and underscores), upper-cased, after blanks and comments. */
    private static List<String> leadingWords(String sql, int count) {
        List<String> words = new java.util.ArrayList<>();
        int i = 0;
        int length = sql.length();
        while (i < length && words.size() < count) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                int newline = sql.indexOf('\n', i);
                i = newline < 0 ? length : newline + 1;
            } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? length : close + 2;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < length && (Character.isLetter(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                words.add(sql.substring(start, i).toUpperCase(Locale.ROOT));
            } else {
                break;
            }
        }
        return words;
    }
}
