package io.basalt.binder;

import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.sql.ast.Expression;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Generated columns ({@code GENERATED ALWAYS AS (expression) STORED}): their expressions are checked when a table
 * gets them, with PostgreSQL's errors (no other generated column, nothing but immutable functions, no subquery,
 * aggregate or window function), and computed into every row an INSERT, UPDATE or COPY writes, after the row's
 * other columns are known: the write's plan gets a projection that replaces each generated column's slot.
 */
public final class GeneratedColumns {
    private static final String CLAUSE = "column generation expressions";
    /** Functions PostgreSQL does not mark immutable, which a generation expression must not call. */
    private static final Set<String> NOT_IMMUTABLE = Set.of("random", "random_normal", "setseed", "gen_random_uuid",
            "uuidv4", "uuidv7", "now", "current_timestamp", "transaction_timestamp", "statement_timestamp",
            "clock_timestamp", "timeofday", "localtimestamp", "current_date", "current_time", "localtime", "nextval",
            "currval", "lastval", "setval", "pg_sleep", "current_setting", "set_config", "txid_current");

    private GeneratedColumns() {
    }

    /** Whether any column of {@code columns} is generated. */
    public static boolean any(List<ColumnEntry> columns) {
        for (ColumnEntry column : columns) {
            if (column.generated()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks every generation expression of {@code columns} (the new table's, or its columns after ADD COLUMN).
     *
     * @throws BasaltException PostgreSQL's error for the first expression that is not allowed
     */
    public static void check(List<ColumnEntry> columns, String tableName, BindContext context) {
        for (ColumnEntry column : columns) {
            if (!column.generated()) {
                continue;
            }
            if (callsMutable(column.generation())) {
                throw BasaltException.of(SqlState.INVALID_OBJECT_DEFINITION, "generation expression is not immutable");
            }
            BoundExpression bound = bindOver(column, columns, tableName, 0, context);
            int[] generatedReference = {-1, 0};
            ColumnReferences.substitute(bound, reference -> {
                if (generatedReference[0] < 0 && columns.get(reference.index()).generated()) {
                    generatedReference[0] = reference.index();
                    generatedReference[1] = reference.position();
                }
                return reference;
            });
            if (generatedReference[0] >= 0) {
                throw BasaltException.at(SqlState.INVALID_OBJECT_DEFINITION, generatedReference[1],
                                "cannot use generated column \"" + columns.get(generatedReference[0]).name()
                                        + "\" in column generation expression")
                        .withDetail("A generated column cannot reference another generated column.");
            }
        }
    }

    /**
     * {@code rows} with its generated columns computed: the table's columns are the plan's outputs
     * {@code [offset, offset + width)}, and every other output passes through unchanged.
     */
    public static LogicalPlan compute(LogicalPlan rows, TableEntry table, int offset, BindContext context) {
        List<ColumnEntry> columns = table.columns();
        List<LogicalType> types = rows.outputTypes();
        List<BoundExpression> outputs = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            int column = i - offset;
            if (column >= 0 && column < columns.size() && columns.get(column).generated()) {
                outputs.add(bindOver(columns.get(column), columns, table.name(), offset, context));
            } else {
                outputs.add(new BoundExpression.ColumnRef(i, null, "column" + i, types.get(i), 0));
            }
        }
        return new LogicalPlan.Project(rows, outputs);
    }

    /**
     * {@code newRow} (one expression per table column) with each generated column's expression replaced by its
     * generation expression over the other columns' new values: ON CONFLICT DO UPDATE's new row.
     */
    static List<BoundExpression> recompute(List<BoundExpression> newRow, TableEntry table, BindContext context) {
        List<ColumnEntry> columns = table.columns();
        List<BoundExpression> result = new ArrayList<>(newRow);
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).generated()) {
                BoundExpression generation = bindOver(columns.get(c), columns, table.name(), 0, context);
                result.set(c, ColumnReferences.substitute(generation, reference -> newRow.get(reference.index())));
            }
        }
        return result;
    }

    /**
     * What an added generated column holds in the rows already stored: its expression over their values
     * ({@code values}, one per column of {@code columns} but the new last one, over the stored rows).
     */
    public static BoundExpression initialValue(ColumnEntry column, List<ColumnEntry> columns, String tableName,
                                               List<BoundExpression> values, BindContext context) {
        BoundExpression generation = bindOver(column, columns, tableName, 0, context);
        return ColumnReferences.substitute(generation, reference -> values.get(reference.index()));
    }

    /** The names of the generated columns of {@code columns} whose expressions read column {@code index}. */
    public static List<String> readers(List<ColumnEntry> columns, int index, String tableName, BindContext context) {
        List<String> readers = new ArrayList<>();
        for (ColumnEntry column : columns) {
            if (column.generated()) {
                java.util.BitSet read = new java.util.BitSet();
                ColumnReferences.collect(bindOver(column, columns, tableName, 0, context), read);
                if (read.get(index)) {
                    readers.add(column.name());
                }
            }
        }
        return readers;
    }

    /** The 428C9 of an INSERT that gives a generated column a value other than DEFAULT. */
    public static BasaltException insertError(ColumnEntry column) {
        return BasaltException.of(SqlState.GENERATED_ALWAYS,
                        "cannot insert a non-DEFAULT value into column \"" + column.name() + "\"")
                .withDetail("Column \"" + column.name() + "\" is a generated column.");
    }

    /** The 428C9 of an UPDATE that sets a generated column to anything but DEFAULT. */
    public static BasaltException updateError(ColumnEntry column) {
        return BasaltException.of(SqlState.GENERATED_ALWAYS,
                        "column \"" + column.name() + "\" can only be updated to DEFAULT")
                .withDetail("Column \"" + column.name() + "\" is a generated column.");
    }

    /** The generation expression of {@code column}, bound over a row whose table columns start at {@code offset}. */
    private static BoundExpression bindOver(ColumnEntry column, List<ColumnEntry> columns, String tableName,
                                            int offset, BindContext context) {
        List<Scope.Column> visible = new ArrayList<>(offset + columns.size());
        for (int i = 0; i < offset; i++) {
            visible.add(new Scope.Column(null, "\0pass" + i, LogicalType.UNKNOWN, null, true));
        }
        for (ColumnEntry each : columns) {
            visible.add(new Scope.Column(tableName, each.name(), each.type()));
        }
        ExpressionBinder binder = new ExpressionBinder(new Scope(visible), context.parameters(), CLAUSE);
        BoundExpression bound;
        try {
            bound = binder.bind(column.generation());
        } catch (BasaltException e) {
            if (e.sqlState() == SqlState.FEATURE_NOT_SUPPORTED && e.getMessage() != null
                    && e.getMessage().startsWith("subqueries in ")) {
                throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, e.position(),
                        "cannot use subquery in column generation expression");
            }
            throw e;
        }
        if (!Coercion.assignable(bound.type(), column.type())) {
            throw BasaltException.at(SqlState.DATATYPE_MISMATCH, column.generation().position(),
                            "column \"" + column.name() + "\" is of type " + column.type().displayName()
                                    + " but default expression is of type " + bound.type().displayName())
                    .withHint("You will need to rewrite or cast the expression.");
        }
        return DomainChecks.enforce(Coercion.cast(bound, column.type().withDomain(null), false), column.type(),
                Parameters.none());
    }

    /** Whether the expression calls a function PostgreSQL does not mark immutable. */
    private static boolean callsMutable(Expression expression) {
        return switch (expression) {
            case Expression.FunctionCall call -> {
                boolean found = NOT_IMMUTABLE.contains(call.name().last());
                for (Expression argument : call.arguments()) {
                    found |= callsMutable(argument);
                }
                yield found;
            }
            case Expression.Binary binary -> callsMutable(binary.left()) || callsMutable(binary.right());
            case Expression.Unary unary -> callsMutable(unary.operand());
            case Expression.Cast cast -> callsMutable(cast.operand());
            default -> false;
        };
    }
}
