package io.basalt.binder;

import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.QueryStatement;
import io.basalt.sql.ast.SelectItem;
import io.basalt.sql.parser.Parser;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's built-in functions that its aggregates are made of and that CREATE AGGREGATE names as SFUNC or
 * FINALFUNC ({@code int4pl}, {@code int8inc}, {@code int4_avg_accum}, {@code int8_avg}, {@code float8_accum},
 * {@code float8_regr_combine}, ...), callable like any function. Each is defined by a SQL expression over its
 * parameters {@code "$1"}, {@code "$2"}, ..., bound once per call and inlined with the call's arguments put in, so
 * it runs vectorized; a strict function's result is NULL when any argument is. The float8 accumulators follow
 * PostgreSQL's Youngs-Cramer formulas (state {N, Sx, Sxx} and {N, Sx, Sxx, Sy, Syy, Sxy}) step for step, so that
 * their results are the same doubles.
 */
final class AggregateSupportFunctions {
    /** One function: parameter types ("any" accepts every type), result type, strictness, body. */
    private record Definition(List<String> parameters, String result, boolean strict, String body) {
    }

    private static final Map<String, List<Definition>> DEFINITIONS = new HashMap<>();

    private static void define(String name, String parameters, String result, boolean strict, String body) {
        DEFINITIONS.computeIfAbsent(name, ignored -> new ArrayList<>())
                .add(new Definition(List.of(parameters.split(",")), result, strict, body));
    }

    /** Sxx (or Syy) after adding {@code x} to {N, S, Sxx} held at positions n, s, q of {@code $1}. */
    private static String accumulatedSquares(String x, int n, int s, int q) {
        String count = "$1[" + n + "]";
        String tmp = "(" + x + " * (" + count + " + 1) - ($1[" + s + "] + " + x + "))";
        return "CASE WHEN " + count + " > 0 THEN $1[" + q + "] + " + tmp + " * " + tmp + " * (1.0::float8 / ((" + count
                + " + 1) * " + count + ")) ELSE 0::float8 END";
    }

    /** Sxy after adding (y, x) to the regression state {@code $1}. */
    private static String accumulatedProducts() {
        String tmpX = "($3 * ($1[1] + 1) - ($1[2] + $3))";
        String tmpY = "($2 * ($1[1] + 1) - ($1[4] + $2))";
        return "CASE WHEN $1[1] > 0 THEN $1[6] + " + tmpX + " * " + tmpY + " * (1.0::float8 / (($1[1] + 1) * $1[1]))"
                + " ELSE 0::float8 END";
    }

    /** The combined Sxx of two states: positions s (sum) and q (squares), or the cross term with s2 for Sxy. */
    private static String combinedSquares(int s, int q, int s2) {
        String n = "($1[1] + $2[1])";
        String tmp = "($1[" + s + "] / $1[1] - $2[" + s + "] / $2[1])";
        String tmp2 = "($1[" + s2 + "] / $1[1] - $2[" + s2 + "] / $2[1])";
        return "$1[" + q + "] + $2[" + q + "] + $1[1] * $2[1] * " + tmp + " * " + tmp2 + " / " + n;
    }

    static {
        define("int4pl", "integer,integer", "integer", true, "$1 + $2");
        define("int4mi", "integer,integer", "integer", true, "$1 - $2");
        define("int4mul", "integer,integer", "integer", true, "$1 * $2");
        define("int8pl", "bigint,bigint", "bigint", true, "$1 + $2");
        define("int8mul", "bigint,bigint", "bigint", true, "$1 * $2");
        define("float4pl", "real,real", "real", true, "$1 + $2");
        define("float8pl", "double precision,double precision", "double precision", true, "$1 + $2");
        define("float8mi", "double precision,double precision", "double precision", true, "$1 - $2");
        define("numeric_add", "numeric,numeric", "numeric", true, "$1 + $2");
        define("textcat", "text,text", "text", true, "$1 || $2");
        define("int4larger", "integer,integer", "integer", true, "greatest($1, $2)");
        define("int4smaller", "integer,integer", "integer", true, "least($1, $2)");
        define("int8larger", "bigint,bigint", "bigint", true, "greatest($1, $2)");
        define("int8smaller", "bigint,bigint", "bigint", true, "least($1, $2)");
        define("float8larger", "double precision,double precision", "double precision", true, "greatest($1, $2)");
        define("float8smaller", "double precision,double precision", "double precision", true, "least($1, $2)");
        define("int8inc", "bigint", "bigint", true, "$1 + 1");
        define("int8inc_any", "bigint,any", "bigint", true, "$1 + 1");
        define("int8inc_float8_float8", "bigint,double precision,double precision", "bigint", true, "$1 + 1");
        define("int2_sum", "bigint,smallint", "bigint", false, "coalesce($1 + $2, $1, $2::bigint)");
        define("int4_sum", "bigint,integer", "bigint", false, "coalesce($1 + $2, $1, $2::bigint)");
        define("int2_avg_accum", "bigint[],smallint", "bigint[]", true, "ARRAY[$1[1] + 1, $1[2] + $2]");
        define("int4_avg_accum", "bigint[],integer", "bigint[]", true, "ARRAY[$1[1] + 1, $1[2] + $2]");
        define("int8_avg", "bigint[]", "numeric", true,
                "CASE WHEN $1[1] = 0 THEN NULL ELSE $1[2]::numeric / $1[1]::numeric END");
        define("booland_statefunc", "boolean,boolean", "boolean", true, "$1 AND $2");
        define("boolor_statefunc", "boolean,boolean", "boolean", true, "$1 OR $2");
        define("float8_accum", "double precision[],double precision", "double precision[]", true,
                "ARRAY[$1[1] + 1, $1[2] + $2, " + accumulatedSquares("$2", 1, 2, 3) + "]");
        define("float8_regr_accum", "double precision[],double precision,double precision", "double precision[]",
                true, "ARRAY[$1[1] + 1, $1[2] + $3, " + accumulatedSquares("$3", 1, 2, 3) + ", $1[4] + $2, "
                        + accumulatedSquares("$2", 1, 4, 5) + ", " + accumulatedProducts() + "]");
        define("float8_combine", "double precision[],double precision[]", "double precision[]", true,
                "CASE WHEN $1[1] = 0 THEN $2 WHEN $2[1] = 0 THEN $1 ELSE ARRAY[$1[1] + $2[1], $1[2] + $2[2], "
                        + combinedSquares(2, 3, 2) + "] END");
        define("float8_regr_combine", "double precision[],double precision[]", "double precision[]", true,
                "CASE WHEN $1[1] = 0 THEN $2 WHEN $2[1] = 0 THEN $1 ELSE ARRAY[$1[1] + $2[1], $1[2] + $2[2], "
                        + combinedSquares(2, 3, 2) + ", $1[4] + $2[4], " + combinedSquares(4, 5, 4) + ", "
                        + combinedSquares(2, 6, 4) + "] END");
        define("float8_avg", "double precision[]", "double precision", true,
                "CASE WHEN $1[1] = 0 THEN NULL ELSE $1[2] / $1[1] END");
    }

    private AggregateSupportFunctions() {
    }

    /** Whether {@code name} is one of these functions. */
    static boolean handles(String name) {
        return DEFINITIONS.containsKey(name);
    }

    /** The parameter types of each definition of {@code name} (a null element for "any"), and its result. */
    static List<List<LogicalType>> signatures(String name) {
        List<List<LogicalType>> signatures = new ArrayList<>();
        for (Definition definition : DEFINITIONS.getOrDefault(name, List.of())) {
            List<LogicalType> types = new ArrayList<>();
            for (String written : definition.parameters()) {
                types.add(written.equals("any") ? null : TypeNames.resolve(Parser.parseTypeName(written)));
            }
            types.add(TypeNames.resolve(Parser.parseTypeName(definition.result())));
            signatures.add(types);
        }
        return signatures;
    }

    /** Whether {@code name} takes {@code arity} arguments, and is strict (null when it does not exist). */
    static Boolean strict(String name, int arity) {
        for (Definition definition : DEFINITIONS.getOrDefault(name, List.of())) {
            if (definition.parameters().size() == arity) {
                return definition.strict();
            }
        }
        return null;
    }

    /** The call inlined, or null when no definition of {@code name} takes these arguments. */
    static BoundExpression bind(String name, List<BoundExpression> arguments, int position) {
        for (Definition definition : DEFINITIONS.getOrDefault(name, List.of())) {
            if (definition.parameters().size() != arguments.size()) {
                continue;
            }
            List<LogicalType> types = new ArrayList<>();
            boolean fits = true;
            for (int i = 0; i < arguments.size(); i++) {
                String written = definition.parameters().get(i);
                LogicalType actual = arguments.get(i).type();
                LogicalType type = written.equals("any")
                        ? (actual.id() == TypeId.UNKNOWN ? LogicalType.TEXT : actual)
                        : TypeNames.resolve(Parser.parseTypeName(written));
                fits &= actual.id() == TypeId.UNKNOWN || actual.equals(type) || Coercion.castable(actual, type)
                        && implicit(actual, type);
                types.add(type);
            }
            if (!fits) {
                continue;
            }
            return inline(definition, arguments, types, position);
        }
        return null;
    }

    private static boolean implicit(LogicalType from, LogicalType to) {
        LogicalType common = Coercion.commonType(from, to);
        return common != null && common.equals(to);
    }

    private static BoundExpression inline(Definition definition, List<BoundExpression> arguments,
                                          List<LogicalType> types, int position) {
        StringBuilder text = new StringBuilder("SELECT ");
        if (definition.strict()) {
            text.append("CASE WHEN ");
            for (int i = 0; i < arguments.size(); i++) {
                text.append(i == 0 ? "" : " OR ").append('$').append(i + 1).append(" IS NULL");
            }
            text.append(" THEN NULL ELSE (").append(definition.body()).append(") END");
        } else {
            text.append(definition.body());
        }
        String quoted = text.toString().replaceAll("\\$(\\d+)", "\"\\$$1\"");
        QueryStatement statement = (QueryStatement) Parser.parseStatement(quoted);
        SelectItem.Item item = (SelectItem.Item) ((QueryBody.Select) statement.query().body()).items().getFirst();
        List<Scope.Column> columns = new ArrayList<>();
        List<BoundExpression> cast = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            columns.add(new Scope.Column(null, "$" + (i + 1), types.get(i), null, false));
            cast.add(Coercion.cast(arguments.get(i), types.get(i), false));
        }
        BoundExpression body = new ExpressionBinder(new Scope(columns), Parameters.none(), "functions")
                .bind(item.expression());
        BoundExpression substituted = ColumnReferences.substitute(body, reference -> cast.get(reference.index()));
        LogicalType result = TypeNames.resolve(Parser.parseTypeName(definition.result()));
        return Coercion.cast(substituted, result, false);
    }
}
