package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.binder.PartitionExpressions;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.TableHierarchy;
import io.basalt.catalog.UniqueConstraintEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.PartitionSpec;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Defines a partitioned table's key from its {@code PARTITION BY} clause, with PostgreSQL's checks: a known strategy,
 * one column for LIST, key columns that exist, and unique constraints that include every key column.
 */
final class PartitionKeys {
    private PartitionKeys() {
    }

    static TableHierarchy.PartitionKey define(PartitionSpec spec, String tableName, List<ColumnEntry> columns,
                                              List<UniqueConstraintEntry> keys, BindContext context) {
        String strategy = spec.strategy();
        if (!strategy.equals("range") && !strategy.equals("list") && !strategy.equals("hash")) {
            throw BasaltException.at(SqlState.INVALID_PARAMETER_VALUE, 0,
                    "unrecognized partitioning strategy \"" + strategy + "\"");
        }
        if (strategy.equals("list") && spec.keys().size() > 1) {
            throw BasaltException.of(SqlState.INVALID_OBJECT_DEFINITION,
                    "cannot use \"list\" partition strategy with more than one column");
        }
        List<LogicalType> types = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        for (int k = 0; k < spec.keys().size(); k++) {
            Expression key = spec.keys().get(k);
            PartitionKeyChecks.refuseSystemColumn(key, columns);
            BoundExpression bound = PartitionExpressions.key(key, tableName, columns, context);
            refuseGenerated(bound, columns, spec.keyPosition(k));
            PartitionKeyChecks.check(key, bound, k + 1, strategy, spec.options().get(k));
            types.add(bound.type());
            texts.add(text(key));
            String definition = key instanceof Expression.ColumnRef || key instanceof Expression.FunctionCall
                    ? text(key) : "(" + text(key) + ")";
            definitions.add(PartitionKeyChecks.text(definition, bound.type(), spec.options().get(k)));
        }
        for (UniqueConstraintEntry unique : keys) {
            for (Expression key : spec.keys()) {
                String column = key instanceof Expression.ColumnRef ref ? ref.parts().getLast() : null;
                boolean included = false;
                for (int c : unique.columns()) {
                    included |= columns.get(c).name().equals(column);
                }
                if (!included) {
                    BasaltException failure = BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                            "unique constraint on partitioned table must include all partitioning columns");
                    throw column == null ? failure : failure.withDetail((unique.primaryKey() ? "PRIMARY KEY"
                            : "UNIQUE") + " constraint on table \"" + tableName + "\" lacks column \"" + column
                            + "\" which is part of the partition key.");
                }
            }
        }
        return new TableHierarchy.PartitionKey(strategy, spec.keys(), types, texts, definitions);
    }

    /** A partition key cannot read a generated column (PostgreSQL: its value is computed after routing). */
    private static void refuseGenerated(BoundExpression key, List<ColumnEntry> columns, int position) {
        java.util.BitSet read = new java.util.BitSet();
        io.basalt.plan.expression.ColumnReferences.collect(key, read);
        for (int c = read.nextSetBit(0); c >= 0 && c < columns.size(); c = read.nextSetBit(c + 1)) {
            if (columns.get(c).generated()) {
                throw BasaltException.at(SqlState.INVALID_OBJECT_DEFINITION, Math.max(position, 0),
                                "cannot use generated column in partition key")
                        .withDetail("Column \"" + columns.get(c).name() + "\" is a generated column.");
            }
        }
    }

    /**
     * A key as PostgreSQL prints it in an error's detail: a column by name, a function call as it is, an operator
     * expression in its parentheses, another expression in parentheses.
     */
    static String text(Expression key) {
        return switch (key) {
            case Expression.ColumnRef ref -> ref.parts().getLast();
            case Expression.FunctionCall call -> expressionText(call);
            case Expression.Binary binary -> expressionText(binary);
            default -> "(" + expressionText(key) + ")";
        };
    }

    private static String expressionText(Expression expression) {
        return switch (expression) {
            case Expression.ColumnRef ref -> String.join(".", ref.parts());
            case Expression.NumberLiteral number -> number.text();
            case Expression.StringLiteral string -> "'" + string.value().replace("'", "''") + "'::text";
            case Expression.Binary binary -> "(" + expressionText(binary.left()) + " "
                    + binary.operator().toLowerCase() + " " + expressionText(binary.right()) + ")";
            case Expression.FunctionCall call -> {
                List<String> arguments = new ArrayList<>();
                for (Expression argument : call.arguments()) {
                    arguments.add(expressionText(argument));
                }
                yield call.name().last() + "(" + String.join(", ", arguments) + ")";
            }
            default -> "expression";
        };
    }
}
