package io.basalt.routine.plpgsql;

import java.util.List;

/**
 * The statements of a PL/pgSQL body, as {@link PlpgsqlParser} reads them. Expressions and embedded SQL are
 * {@link SqlFragment}s: their text with variables replaced by parameters, parsed once when the function is
 * compiled. Variables are slots of the call's frame ({@link Frame}), resolved at compile time.
 */
sealed interface PlpgsqlStatement {

    /**
     * {@code [<<label>>] [DECLARE ...] BEGIN ... [EXCEPTION WHEN ... THEN ...] END}; in the handlers, SQLSTATE is
     * slot {@code errorSlot} and SQLERRM the next one (-1 without handlers).
     */
    record Block(String label, List<Declaration> declarations, List<PlpgsqlStatement> body, List<Handler> handlers,
                 int errorSlot) implements PlpgsqlStatement {
    }

    /** A variable's initialisation when its block starts: its default, or NULL. */
    record Declaration(int slot, String name, VariableType type, SqlFragment defaultValue, boolean notNull) {
    }

    /** {@code WHEN condition [OR condition ...] THEN statements}; a condition is a name or SQLSTATE 'code'. */
    record Handler(List<String> conditions, List<PlpgsqlStatement> body) {
    }

    /** {@code target := expression}; {@code field} is set for {@code record.field := ...}. */
    record Assign(int slot, String field, SqlFragment value, int line) implements PlpgsqlStatement {
    }

    record If(List<SqlFragment> conditions, List<List<PlpgsqlStatement>> branches, List<PlpgsqlStatement> otherwise)
            implements PlpgsqlStatement {
    }

    /** {@code CASE [operand] WHEN values THEN ... [ELSE ...] END CASE}; {@code conditions} are already tests. */
    record Case(List<SqlFragment> conditions, List<List<PlpgsqlStatement>> branches, List<PlpgsqlStatement> otherwise)
            implements PlpgsqlStatement {
    }

    record Loop(String label, List<PlpgsqlStatement> body) implements PlpgsqlStatement {
    }

    record While(String label, SqlFragment condition, List<PlpgsqlStatement> body) implements PlpgsqlStatement {
    }

    /** {@code FOR slot IN [REVERSE] lower .. upper [BY step] LOOP}. */
    record ForRange(String label, int slot, boolean reverse, SqlFragment lower, SqlFragment upper, SqlFragment step,
                    List<PlpgsqlStatement> body) implements PlpgsqlStatement {
    }

    /** {@code FOR targets IN query LOOP}; {@code dynamic} for {@code FOR ... IN EXECUTE text [USING ...]}. */
    record ForQuery(String label, List<Target> targets, SqlFragment query, boolean dynamic, List<SqlFragment> using,
                    List<PlpgsqlStatement> body) implements PlpgsqlStatement {
    }

    /** {@code FOREACH slot IN ARRAY expression LOOP}. */
    record ForEach(String label, int slot, SqlFragment array, List<PlpgsqlStatement> body) implements PlpgsqlStatement {
    }

    /** {@code EXIT [label] [WHEN condition]} or, with {@code isContinue}, CONTINUE. */
    record Exit(boolean isContinue, String label, SqlFragment when) implements PlpgsqlStatement {
    }

    /** {@code RETURN [expression]}; {@code slot} set instead for RETURN of a record variable (NEW, OLD, r). */
    record Return(SqlFragment value, int recordSlot) implements PlpgsqlStatement {
    }

    record ReturnNext(SqlFragment value, int recordSlot) implements PlpgsqlStatement {
    }

    /** {@code RETURN QUERY query} or {@code RETURN QUERY EXECUTE text [USING ...]}. */
    record ReturnQuery(SqlFragment query, boolean dynamic, List<SqlFragment> using) implements PlpgsqlStatement {
    }

    /** RAISE: {@code level}, format and arguments, USING options; all null for a bare re-RAISE. */
    record Raise(String level, String condition, String format, List<SqlFragment> arguments, List<String> optionNames,
                 List<SqlFragment> optionValues) implements PlpgsqlStatement {
    }

    /** An SQL statement; with targets, SELECT / RETURNING ... INTO them ({@code strict}: exactly one row). */
    record Sql(SqlFragment statement, List<Target> into, boolean strict) implements PlpgsqlStatement {
    }

    /** {@code EXECUTE text [INTO targets] [USING expressions]}. */
    record Execute(SqlFragment text, List<Target> into, boolean strict, List<SqlFragment> using)
            implements PlpgsqlStatement {
    }

    /** {@code GET DIAGNOSTICS slot = ROW_COUNT}. */
    record GetDiagnostics(List<Integer> slots, List<String> items) implements PlpgsqlStatement {
    }

    /** {@code ASSERT condition [, message]}. */
    record Assert(SqlFragment condition, SqlFragment message) implements PlpgsqlStatement {
    }

    /** {@code NULL;}. */
    record Nothing() implements PlpgsqlStatement {
    }

    /** Where a row's column goes: a variable, or a field of a record variable. */
    record Target(int slot, String field) {
    }
}
