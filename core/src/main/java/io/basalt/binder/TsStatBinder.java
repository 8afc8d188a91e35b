package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.planner.ConstantEvaluator;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.FromItem;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryStatement;
import io.basalt.sql.parser.Parser;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code ts_stat(sqlquery [, weights])} in FROM: per lexeme of the tsvectors the query returns, the number of
 * documents holding it (ndoc) and of its occurrences (nentry; a lexeme without positions counts once), as
 * PostgreSQL's. With weights, only positions of those weights count, and a lexeme with none is left out. The query
 * text must be a constant; the call becomes the derived table
 * <pre>
 * SELECT l.lexeme AS word, count(*)::integer AS ndoc, sum(coalesce(cardinality(l.positions), 1))::integer AS nentry
 * FROM (sqlquery) AS d(document), unnest(ts_filter(d.document, weights)) AS l GROUP BY l.lexeme
 * </pre>
 * (without ts_filter when no weights are given), bound like any subquery.
 */
final class TsStatBinder {
    private TsStatBinder() {
    }

    static boolean handles(Expression.FunctionCall call) {
        List<String> parts = call.name().parts();
        return call.name().last().equals("ts_stat")
                && (parts.size() == 1 || parts.size() == 2 && parts.getFirst().equals("pg_catalog"));
    }

    /**
     * The derived table {@code function} (a ts_stat call) stands for. {@code outputTypes} gives the column types of
     * a query bound as a subquery, to check that the query returns one tsvector column.
     *
     * @throws BasaltException 22023 when the query does not return one tsvector column,
     *                         42883 for other arguments, 0A000 for a query text that is not a constant
     */
    static FromItem.Subquery rewrite(FromItem.Function function, ExpressionBinder binder,
                                     Function<Query, List<LogicalType>> outputTypes) {
        Expression.FunctionCall call = function.call();
        List<BoundExpression> arguments = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            arguments.add(binder.bind(argument));
        }
        if (arguments.isEmpty() || arguments.size() > 2 || call.distinct() || call.star()) {
            throw Functions.undefined("ts_stat", arguments, call.position());
        }
        List<String> texts = new ArrayList<>();
        for (BoundExpression argument : arguments) {
            TypeId type = argument.type().id();
            if (type != TypeId.TEXT && type != TypeId.VARCHAR && type != TypeId.UNKNOWN) {
                throw Functions.undefined("ts_stat", arguments, call.position());
            }
            if (!ConstantEvaluator.isConstant(argument)) {
                throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, call.position(),
                        "ts_stat with a query that is not a constant is not supported yet");
            }
            texts.add((String) ConstantEvaluator.evaluate(Coercion.cast(argument, LogicalType.TEXT, false)));
        }
        if (texts.contains(null)) {
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, call.position(),
                    "ts_stat with a NULL argument is not supported yet");
        }
        Query query = query(texts.getFirst());
        List<LogicalType> types = outputTypes.apply(query);
        if (types.size() != 1 || types.getFirst().id() != TypeId.TSVECTOR) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "ts_stat query must return one tsvector column");
        }
        String document = "ts_stat_rows.document";
        String weights = texts.size() == 2 ? weights(texts.get(1)) : null;
        if (weights != null) {
            document = "pg_catalog.ts_filter(" + document + ", " + weights + ")";
        }
        String statistics = "SELECT ts_stat_lexemes.lexeme AS word, count(*)::integer AS ndoc, "
                + "sum(coalesce(cardinality(ts_stat_lexemes.positions), 1))::integer AS nentry "
                + "FROM (" + texts.getFirst() + ") AS ts_stat_rows(document), unnest(" + document
                + ") AS ts_stat_lexemes GROUP BY ts_stat_lexemes.lexeme";
        return new FromItem.Subquery(query(statistics), false,
                function.alias() != null ? function.alias() : "ts_stat", function.columnAliases(), function.position());
    }

    private static Query query(String text) {
        if (!(Parser.parseStatement(text) instanceof QueryStatement statement)) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "ts_stat query must return one tsvector column");
        }
        return statement.query();
    }

    /**
     * The weight letters of {@code written} as a text[] literal for ts_filter; null when it names none (PostgreSQL
     * ignores any other character, and no weight at all counts every position).
     */
    private static String weights(String written) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if ("aAbBcCdD".indexOf(c) >= 0) {
                out.append(out.isEmpty() ? "ARRAY[" : ", ").append('\'').append(c).append('\'');
            }
        }
        return out.isEmpty() ? null : out.append("]::text[]").toString();
    }
}
