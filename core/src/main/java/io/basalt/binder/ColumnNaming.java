package io.basalt.binder;

import io.basalt.sql.ast.Expression;

/**
 * The name PostgreSQL gives a result column written without an alias (its {@code FigureColname}):
 * a column's own name, a function's name, a cast's operand name or else its type's name, "case" for
 * CASE, and {@code ?column?} for anything else.
 */
final class ColumnNaming {
    private ColumnNaming() {
    }

    static String figure(Expression expression) {
        String name = figureOrNull(expression);
        return name == null ? "?column?" : name;
    }

    private static String figureOrNull(Expression expression) {
        return switch (expression) {
            case Expression.ColumnRef e -> e.parts().getLast();
            case Expression.FunctionCall e -> e.name().last();
            case Expression.Cast e -> {
                String inner = figureOrNull(e.operand());
                yield inner != null ? inner : typeLabel(e.type().name());
            }
            case Expression.TypedLiteral e -> typeLabel(e.type().name());
            case Expression.Case e -> "case";
            case Expression.Exists e -> "exists";
            case Expression.ArrayConstructor e -> "array";
            case Expression.Subscript e -> figureOrNull(e.operand());
            case Expression.RowConstructor e -> "row";
            case Expression.NamedArgument e -> figureOrNull(e.value());
            case Expression.BooleanLiteral e -> "bool";
            default -> null;
        };
    }

    /** PostgreSQL labels a cast column with the type's internal name for a few types. */
    private static String typeLabel(String typeName) {
        return switch (typeName) {
            case "integer" -> "int4";
            case "smallint" -> "int2";
            case "bigint" -> "int8";
            case "double precision" -> "float8";
            case "real" -> "float4";
            case "boolean" -> "bool";
            case "character varying" -> "varchar";
            case "character" -> "bpchar";
            case "timestamp without time zone" -> "timestamp";
            case "timestamp with time zone" -> "timestamptz";
            default -> typeName.startsWith("interval ") ? "interval" : typeName;
        };
    }
}
