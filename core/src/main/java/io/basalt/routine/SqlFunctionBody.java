package io.basalt.routine;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.sql.ast.InsertStatement;
import io.basalt.sql.ast.QueryStatement;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.ast.UpdateStatement;
import io.basalt.sql.ast.DeleteStatement;
import io.basalt.sql.lexer.Lexer;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;
import io.basalt.sql.parser.Parser;
import java.util.ArrayList;
import java.util.List;

/**
 * A LANGUAGE sql function's body, compiled once: its statements parsed, with each parameter name replaced by its
 * {@code $n} (a name that qualifies another, or is qualified, or is called, stays a name). A call runs the
 * statements in order in the caller's transaction; the result is the last statement's first row's first column
 * (all its rows for a set-returning function), converted to the declared type.
 */
public final class SqlFunctionBody {
    private final FunctionEntry function;
    private final List<Statement> statements;

    private SqlFunctionBody(FunctionEntry function, List<Statement> statements) {
        this.function = function;
        this.statements = List.copyOf(statements);
    }

    /** The compiled body of {@code function}, compiled on first use. */
    static SqlFunctionBody of(FunctionEntry function, RoutineRuntime runtime) {
        Object compiled = function.compiled().get();
        if (compiled instanceof SqlFunctionBody body) {
            return body;
        }
        SqlFunctionBody body = compile(function);
        function.compiled().set(body);
        return body;
    }

    /** Parses the body; a syntax error fails CREATE FUNCTION as it does in PostgreSQL. */
    static SqlFunctionBody compile(FunctionEntry function) {
        List<String> names = new ArrayList<>();
        for (FunctionEntry.Parameter parameter : function.inputs()) {
            names.add(parameter.name());
        }
        String text = substituteNames(function.body(), names);
        List<Statement> statements = Parser.parseScript(text);
        if (statements.isEmpty() && function.returnType() != null) {
            throw BasaltException.of(SqlState.INVALID_FUNCTION_DEFINITION, "return type mismatch in function declared"
                    + " to return " + function.returnType().displayName())
                    .withDetail("Function's final statement must be SELECT or INSERT/UPDATE/DELETE RETURNING.");
        }
        return new SqlFunctionBody(function, statements);
    }

    /** {@code sql} with each bare name of {@code names} (null entries skipped) replaced by {@code $n}. */
    static String substituteNames(String sql, List<String> names) {
        List<Token> tokens = Lexer.tokenize(sql);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() != TokenKind.IDENTIFIER && token.kind() != TokenKind.QUOTED_IDENTIFIER) {
                continue;
            }
            int index = names.indexOf(token.value());
            if (index < 0) {
                continue;
            }
            boolean qualified = i > 0 && tokens.get(i - 1).is(TokenKind.DOT);
            boolean qualifies = i + 1 < tokens.size() && (tokens.get(i + 1).is(TokenKind.DOT)
                    || tokens.get(i + 1).is(TokenKind.LEFT_PAREN));
            if (qualified || qualifies) {
                continue;
            }
            out.append(sql, copied, token.start()).append('$').append(index + 1);
            copied = token.end();
        }
        return out.append(sql.substring(copied)).toString();
    }

    /**
     * The body as one statement in which every parameter (by name or {@code $n}) is the column {@code "$n"}, for
     * the binder to inline; null when the body is not exactly one statement.
     */
    public static Statement inlineable(FunctionEntry function) {
        List<String> names = new ArrayList<>();
        for (FunctionEntry.Parameter parameter : function.inputs()) {
            names.add(parameter.name());
        }
        String text = substituteNames(function.body(), names);
        List<Token> tokens = Lexer.tokenize(text);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (Token token : tokens) {
            if (token.kind() == TokenKind.PARAMETER) {
                out.append(text, copied, token.start()).append("\"$").append(token.value()).append('"');
                copied = token.end();
            }
        }
        out.append(text.substring(copied));
        List<Statement> statements = Parser.parseScript(out.toString());
        return statements.size() == 1 ? statements.getFirst() : null;
    }

    /** The result of one call: a value, or a {@link RoutineRuntime.SetResult} for a set-returning function. */
    Object call(List<BoundExpression.Constant> arguments, RoutineRuntime runtime) {
        StatementRows last = null;
        for (Statement statement : statements) {
            last = runtime.run(statement, arguments);
        }
        if (function.returnType() == null && !function.returnsSet()) {
            return null;
        }
        if (last == null || !last.returnsRows()) {
            throw BasaltException.of(SqlState.INVALID_FUNCTION_DEFINITION, "return type mismatch in function declared"
                    + " to return " + function.returnType().displayName())
                    .withDetail("Function's final statement must be SELECT or INSERT/UPDATE/DELETE RETURNING.");
        }
        if (function.returnsSet()) {
            List<Object[]> rows = new ArrayList<>();
            for (Object[] row : last.rows()) {
                rows.add(new Object[] {value(row, last.types(), runtime)});
            }
            return new RoutineRuntime.SetResult(rows);
        }
        if (last.rows().isEmpty()) {
            return null;
        }
        return value(last.rows().getFirst(), last.types(), runtime);
    }

    /**
     * The function's value from a row of its last statement: the first column cast to the return type, or, for a
     * composite return type and a row of several columns ({@code SELECT * FROM t} for {@code RETURNS t}), the
     * record of those columns, each cast to its field's type.
     */
    private Object value(Object[] row, List<io.basalt.type.LogicalType> types, RoutineRuntime runtime) {
        io.basalt.type.LogicalType target = function.returnType();
        if (target.isRecord() && types.size() > 1 && types.size() == target.record().fieldTypes().size()) {
            Object[] fields = new Object[types.size()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = ValueCasts.to(new BoundExpression.Constant(row[i], types.get(i), 0),
                        target.record().fieldTypes().get(i), runtime).value();
            }
            return io.basalt.type.RecordValue.of(fields);
        }
        return ValueCasts.to(new BoundExpression.Constant(row[0], types.getFirst(), 0), target, runtime).value();
    }

    /** Whether the body is one {@code SELECT expression} with nothing else (what the binder may inline). */
    Statement single() {
        return statements.size() == 1 ? statements.getFirst() : null;
    }

    static boolean isQueryLike(Statement statement) {
        return statement instanceof QueryStatement || statement instanceof InsertStatement
                || statement instanceof UpdateStatement || statement instanceof DeleteStatement;
    }
}
