package io.basalt.binder;

import io.basalt.sql.ast.Expression;

/**
 * The name PostgreSQL gives a result column written without an alias (its {@code FigureColname}):
 * a column's own name, a function's name, a cast's operand name or else its type's name, "case" for
 * CASE, and {@code ?column?} for anything else.
 */
public final class ColumnNaming {
    private ColumnNaming() {
    }

    public static String figure(Expression expression) {
        Figured figured = figureOrNull(expression);
        return figured == null ? "?column?" : figured.name();
    }

    /**
     * A name and how strongly it was chosen: 2 for a column's or function's own name, 1 for a type's name
     * or "case", which an enclosing cast or CASE replaces with its own (PostgreSQL's FigureColnameInternal).
     */
    private record Figured(String name, int strength) {
    }

    private static Figured figureOrNull(Expression expression) {
        return switch (expression) {
            case Expression.ColumnRef e when e.parts().getLast().equals("*") -> null;
            case Expression.ColumnRef e -> new Figured(e.parts().getLast(), 2);
            case Expression.FunctionCall e -> new Figured(e.name().last(), 2);
            case Expression.Cast e -> {
                Figured inner = figureOrNull(e.operand());
                yield inner != null && inner.strength() > 1 ? inner : new Figured(typeLabel(e.type().name()), 1);
            }
            case Expression.TypedLiteral e -> new Figured(typeLabel(e.type().name()), 1);
            case Expression.Case e -> {
                Figured otherwise = e.otherwise() == null ? null : figureOrNull(e.otherwise());
                yield otherwise != null && otherwise.strength() > 1 ? otherwise : new Figured("case", 1);
            }
            case Expression.Exists e -> new Figured("exists", 2);
            case Expression.ArraySubquery e -> new Figured("array", 2);
            case Expression.ArrayConstructor e -> new Figured("array", 2);
            case Expression.Subscript e -> figureOrNull(e.operand());
            case Expression.RowConstructor e -> new Figured("row", 2);
            case Expression.NamedArgument e -> figureOrNull(e.value());
            case Expression.VariadicArgument e -> figureOrNull(e.value());
            case Expression.FieldSelection e -> e.field().equals("*") ? null : new Figured(e.field(), 2);
            case Expression.BooleanLiteral e -> new Figured("bool", 1);
            case Expression.ScalarSubquery e -> firstColumn(e.query().body());
            default -> null;
        };
    }

    /**
     * A scalar subquery is named after its one output column, as PostgreSQL names it from the analysed subquery's
     * first target; null when that column comes from {@code *} (left to the caller's default).
     */
    private static Figured firstColumn(io.basalt.sql.ast.QueryBody body) {
        return switch (body) {
            case io.basalt.sql.ast.QueryBody.Select select when !select.items().isEmpty()
                    && select.items().getFirst() instanceof io.basalt.sql.ast.SelectItem.Item item ->
                    new Figured(item.alias() != null ? item.alias() : figure(item.expression()), 2);
            case io.basalt.sql.ast.QueryBody.SetOperation operation -> firstColumn(operation.left());
            case io.basalt.sql.ast.QueryBody.Nested nested -> firstColumn(nested.query().body());
            case io.basalt.sql.ast.QueryBody.Values values -> new Figured("column1", 2);
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
            case "time without time zone" -> "time";
            case "time with time zone" -> "timetz";
            default -> typeName.startsWith("interval ") ? "interval" : typeName;
        };
    }
}
