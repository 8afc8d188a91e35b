package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.exec.function.scalar.InputValidityFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.planner.ConstantEvaluator;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.parser.Parser;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL 16's soft input checks over any type's text input: {@code pg_input_is_valid(text, type)}, a
 * scalar that says whether the text reads as a value of the type, and {@code pg_input_error_info(text, type)}
 * in FROM, one row of (message, detail, hint, sql_error_code) describing the error, all NULL when there is
 * none. The type is a text constant naming a type ({@code 'numeric(7,4)'}); it is resolved here, once.
 * Only data exceptions (SQLSTATE class 22) count as invalid input; any other error is raised.
 */
final class InputValidityFunctions {
    private static final List<String> ERROR_INFO_COLUMNS = List.of("message", "detail", "hint", "sql_error_code");

    private InputValidityFunctions() {
    }

    /** {@code pg_input_is_valid(text, type)}, or null when the call is not to it. */
    static BoundExpression bindIsValid(String name, List<BoundExpression> arguments, int position) {
        if (!name.equals("pg_input_is_valid")) {
            return null;
        }
        LogicalType type = targetType(name, arguments, position);
        BoundExpression text = Coercion.cast(arguments.getFirst(), LogicalType.TEXT, false);
        return new BoundExpression.Function(new InputValidityFunction(type), List.of(text), LogicalType.BOOLEAN,
                position);
    }

    static boolean handles(Expression.FunctionCall call) {
        List<String> parts = call.name().parts();
        return call.name().last().equals("pg_input_error_info")
                && (parts.size() == 1 || parts.size() == 2 && parts.getFirst().equals("pg_catalog"));
    }

    /** The column names of pg_input_error_info's row. */
    static List<String> errorInfoColumns() {
        return ERROR_INFO_COLUMNS;
    }

    /** {@code pg_input_error_info(text, type)} in FROM with constant arguments, as a one-row VALUES list. */
    static LogicalPlan.Values bindErrorInfo(Expression.FunctionCall call, BindContext context) {
        ExpressionBinder binder = new ExpressionBinder(Scope.EMPTY, context.parameters(), "functions in FROM");
        List<BoundExpression> arguments = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            arguments.add(binder.bind(argument));
        }
        LogicalType type = targetType("pg_input_error_info", arguments, call.position());
        BoundExpression text = Coercion.cast(arguments.getFirst(), LogicalType.TEXT, false);
        if (!ConstantEvaluator.isConstant(text)) {
            throw ExpressionBinder.notYet("pg_input_error_info with arguments that read columns", text.position());
        }
        BasaltException error = InputValidityFunction.inputError((String) ConstantEvaluator.evaluate(text), type);
        String[] values = new String[4];
        if (error != null) {
            values[0] = error.getMessage();
            values[1] = error.detail();
            values[2] = error.hint();
            values[3] = error.sqlState().code();
        }
        List<BoundExpression> row = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        for (String value : values) {
            row.add(new BoundExpression.Constant(value, LogicalType.TEXT, call.position()));
            types.add(LogicalType.TEXT);
        }
        return new LogicalPlan.Values(List.of(row), types);
    }

    /** The type named by the second argument, which must be a text constant. */
    private static LogicalType targetType(String name, List<BoundExpression> arguments, int position) {
        if (arguments.size() != 2 || !isText(arguments.get(0).type()) || !isText(arguments.get(1).type())) {
            throw Functions.undefined(name, arguments, position);
        }
        BoundExpression typeArgument = Coercion.cast(arguments.get(1), LogicalType.TEXT, false);
        if (!ConstantEvaluator.isConstant(typeArgument)) {
            throw ExpressionBinder.notYet(name + " with a type that is not a constant", typeArgument.position());
        }
        String typeText = (String) ConstantEvaluator.evaluate(typeArgument);
        return TypeNames.resolve(Parser.parseTypeName(typeText));
    }

    private static boolean isText(LogicalType type) {
        return type.isString() || type.id() == TypeId.UNKNOWN;
    }
}
