package io.basalt.binder;

import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.InsertStatement;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryBody;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds INSERT: matches the target column list to the source's columns, fills the others with their
 * DEFAULT (or NULL), and converts every value to its column's type with assignment rules. A plain
 * VALUES list is typed directly against the target columns, as PostgreSQL does, so that
 * {@code VALUES ('2024-01-01')} goes into a date column and a bad literal is reported at its position.
 */
public final class InsertBinder {
    private final BindContext context;
    /** The WITH queries in reach of the source query and RETURNING. */
    private final Surroundings surroundings;

    public InsertBinder(BindContext context) {
        this(context, Surroundings.NONE);
    }

    InsertBinder(BindContext context, Surroundings surroundings) {
        this.context = context;
        this.surroundings = surroundings;
    }

    /** The INSERT, with its WITH clause (which must not modify data: see {@link ModifyingWith}) in reach. */
    public BoundWrite bind(InsertStatement insert, TableEntry table) {
        if (insert.with() != null) {
            return new InsertBinder(context, CommonTableBinder.declare(insert.with(), surroundings, context))
                    .bindBody(insert, table);
        }
        return bindBody(insert, table);
    }

    /** The INSERT without its WITH clause, whose queries {@link #surroundings} hold already. */
    BoundWrite bindBody(InsertStatement insert, TableEntry table) {
        java.util.Set<String> arbiters = ConflictArbiters.resolve(insert.onConflict(), table, context);
        LogicalPlan.ConflictUpdate update = ConflictUpdateBinder.bind(insert, table, context, surroundings);
        if (update != null) {
            update = update.withArbiterPredicate(ConflictArbiters.partialPredicate(arbiters, table, context))
                    .withArbiterKeys(ConflictArbiters.expressionKeys(arbiters, table, context));
        }
        LogicalPlan.Write write = new LogicalPlan.Write(LogicalPlan.WriteKind.INSERT, table, newRows(insert, table),
                !insert.returning().isEmpty(), arbiters, update);
        write = PartitionRoutes.attach(write, context, insert.onConflict() != null
                && insert.onConflict().constraint() == null && !insert.onConflict().hasTarget());
        if (insert.returning().isEmpty()) {
            return BoundWrite.counting(write);
        }
        boolean oldAndNew = ReturningOldNew.mentioned(insert.returning());
        if (SystemColumnScans.newRowIds(write, context)
                || oldAndNew && SystemColumnScans.conflictRows(write, context)) {
            write = write.withRowIds();
        }
        Scope scope = new Scope(ConflictUpdateBinder.targetColumns(table, insert.alias()));
        if (write.conflictUpdate() != null) {
            scope = scope.withUnreachable(ConflictUpdateBinder.excludedColumns(table));
        }
        String qualifier = insert.alias() != null ? insert.alias() : table.name();
        int width = table.columns().size();
        if (oldAndNew && write.conflictUpdate() != null && write.returnsRowIds()) {
            // DO UPDATE: the write passes each replaced stored row and its id through after the new row
            int newRowId = write.outputTypes().size() - 1;
            ReturningOldNew.Input input = ReturningOldNew.extend(write, scope, width, width, true,
                    new ReturningOldNew.SystemRows(table, qualifier, -1, newRowId, true, newRowId - 1));
            return BoundWrite.returning(write.kind(), ReturningBinder.bind(insert.returning(), input.plan(),
                    input.scope(), context, surroundings));
        }
        if (oldAndNew && write.conflictUpdate() == null) {
            ReturningOldNew.SystemRows system = write.returnsRowIds() ? new ReturningOldNew.SystemRows(table,
                    qualifier, -1, write.outputTypes().size() - 1, true, -1) : null;
            ReturningOldNew.Input input = ReturningOldNew.extend(write, scope, width, -2, true, system);
            return BoundWrite.returning(write.kind(), ReturningBinder.bind(insert.returning(), input.plan(),
                    input.scope(), context, surroundings));
        }
        if (SystemColumnScans.wanted() && (!InheritedScans.inHierarchy(context.catalog(), table)
                || write.routing() != null)) {
            // an inserted row and a row ON CONFLICT DO UPDATE replaced both carry this transaction's xmin
            List<Scope.Column> columns = new ArrayList<>(scope.columns());
            LogicalPlan withSystem = SystemColumnScans.inserted(write, table,
                    insert.alias() != null ? insert.alias() : table.name(), columns);
            Scope withSystemScope = new Scope(columns);
            if (write.conflictUpdate() != null) {
                withSystemScope = withSystemScope.withUnreachable(ConflictUpdateBinder.excludedColumns(table));
            }
            return BoundWrite.returning(write.kind(), ReturningBinder.bind(insert.returning(), withSystem,
                    withSystemScope, context, surroundings));
        }
        return BoundWrite.returning(write.kind(), ReturningBinder.bind(insert.returning(), write, scope, context,
                surroundings));
    }

    /** The rows to insert, complete and in the table's column order and types. */
    private LogicalPlan newRows(InsertStatement insert, TableEntry table) {
        List<Integer> targets = targetColumns(insert, table);
        Query source = insert.source();
        LogicalPlan input;
        List<BoundExpression> sourceColumns = new ArrayList<>();
        if (source == null) {
            input = new LogicalPlan.Values(List.of(List.of()), List.of());
        } else if (source.body() instanceof QueryBody.Values values && source.orderBy().isEmpty()
                && source.limit() == null && source.offset() == null) {
            input = bindValues(values, table, targets, insert);
            List<LogicalType> types = input.outputTypes();
            for (int i = 0; i < types.size(); i++) {
                sourceColumns.add(new BoundExpression.ColumnRef(i, null, "column" + (i + 1), types.get(i), 0));
            }
        } else {
            BoundQuery query = new QueryBinder(context, surroundings).bind(source);
            input = query.plan();
            List<LogicalType> types = input.outputTypes();
            checkWidth(types.size(), targets.size(), insert, source.position(),
                    insert.columnPosition(types.size()));
            for (int i = 0; i < types.size(); i++) {
                ColumnEntry column = table.columns().get(targets.get(i));
                if (column.generated()) {
                    throw GeneratedColumns.insertError(column);
                }
                BoundExpression ref = new BoundExpression.ColumnRef(i, null, query.names().get(i), types.get(i),
                        source.position());
                sourceColumns.add(assignTarget(ref, column, insert.columnSubscript(i), source.position()));
            }
        }
        if (insert.overriding() == null) {
            IdentityColumns.checkInsert(table, targets, sourceColumns.size(),
                    source != null && source.body() instanceof QueryBody.Values values ? values : null);
        }
        boolean userValue = insert.overriding() == InsertStatement.Overriding.USER_VALUE;
        List<BoundExpression> row = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            int sourceIndex = targets.indexOf(c);
            if (userValue && table.columns().get(c).identity() != null) {
                row.add(defaultValue(table.columns().get(c), context));
            } else if (sourceIndex >= 0 && sourceIndex < sourceColumns.size()
                    && insert.columnSubscript(sourceIndex) != null) {
                row.add(indirectValue(insert, targets, c, table.columns().get(c), sourceColumns));
            } else if (sourceIndex >= 0 && sourceIndex < sourceColumns.size()) {
                row.add(sourceColumns.get(sourceIndex));
            } else {
                row.add(defaultValue(table.columns().get(c), context));
            }
        }
        LogicalPlan rows = new LogicalPlan.Project(input, row);
        return GeneratedColumns.any(table.columns()) ? GeneratedColumns.compute(rows, table, 0, context) : rows;
    }

    private List<Integer> targetColumns(InsertStatement insert, TableEntry table) {
        List<Integer> targets = new ArrayList<>();
        if (insert.columns().isEmpty()) {
            for (int c = 0; c < table.columns().size(); c++) {
                targets.add(c);
            }
            return targets;
        }
        for (String name : insert.columns()) {
            int index = table.columnIndex(name);
            if (index < 0) {
                throw BasaltException.at(SqlState.UNDEFINED_COLUMN, insert.position(),
                        "column \"" + name + "\" of relation \"" + table.name() + "\" does not exist");
            }
            // assignments into parts of one column combine; a column written whole may appear only once
            if (targets.contains(index) && (insert.columnSubscript(targets.size()) == null
                    || insert.columnSubscript(targets.indexOf(index)) == null)) {
                throw BasaltException.at(SqlState.DUPLICATE_COLUMN, insert.position(),
                        "column \"" + name + "\" specified more than once");
            }
            targets.add(index);
        }
        return targets;
    }

    /**
     * PostgreSQL's errors for a source of another width than the target list: at {@code extraValue}, the first value
     * without a column, or at {@code extraColumn}, the first column without a value.
     */
    private static void checkWidth(int sourceWidth, int targetWidth, InsertStatement insert, int extraValue,
                                   int extraColumn) {
        if (sourceWidth > targetWidth) {
            throw BasaltException.at(SqlState.SYNTAX_ERROR, extraValue, "INSERT has more expressions than target columns");
        }
        if (sourceWidth < targetWidth && !insert.columns().isEmpty()) {
            throw BasaltException.at(SqlState.SYNTAX_ERROR, extraColumn, "INSERT has more target columns than expressions");
        }
    }

    private LogicalPlan bindValues(QueryBody.Values values, TableEntry table, List<Integer> targets,
                                   InsertStatement insert) {
        List<List<BoundExpression>> rows = new ArrayList<>();
        List<ClauseSubqueries> rowSubqueries = new ArrayList<>();
        boolean anySubquery = false;
        int width = values.rows().getFirst().size();
        for (List<Expression> row : values.rows()) {
            ClauseSubqueries subqueries = new ClauseSubqueries(context, surroundings, Scope.EMPTY);
            ExpressionBinder binder = new ExpressionBinder(Scope.EMPTY, context.parameters(), "VALUES", subqueries);
            rowSubqueries.add(subqueries);
            int position = row.isEmpty() ? values.position() : row.getFirst().position();
            if (row.size() != width) {
                throw BasaltException.at(SqlState.SYNTAX_ERROR, position, "VALUES lists must all be the same length");
            }
            checkWidth(row.size(), targets.size(), insert,
                    row.size() > targets.size() ? row.get(targets.size()).position() : position,
                    insert.columnPosition(row.size()));
            List<BoundExpression> bound = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                ColumnEntry column = table.columns().get(targets.get(i));
                if (column.generated() && !(row.get(i) instanceof Expression.Default)) {
                    throw GeneratedColumns.insertError(column);
                }
                Expression target = insert.columnSubscript(i);
                if (row.get(i) instanceof Expression.Default && target != null) {
                    throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED,
                            IndirectAssignments.columnPosition(target), IndirectAssignments.endsInSubscript(target)
                                    ? "cannot set an array element to DEFAULT" : "cannot set a subfield to DEFAULT");
                }
                if (insert.overriding() == InsertStatement.Overriding.USER_VALUE && column.identity() != null) {
                    // the value is replaced by the sequence's when the row is completed: no nextval here
                    bound.add(new BoundExpression.Constant(null, column.type(), 0));
                    continue;
                }
                bound.add(row.get(i) instanceof Expression.Default ? defaultValue(column, context)
                        : assignTarget(binder.bind(row.get(i)), column, insert.columnSubscript(i),
                                row.get(i).position()));
            }
            rows.add(bound);
            anySubquery |= !subqueries.isEmpty();
        }
        List<LogicalType> types = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            types.add(insert.columnSubscript(i) != null ? rows.getFirst().get(i).type()
                    : table.columns().get(targets.get(i)).type());
        }
        if (anySubquery) {
            // a row with subqueries is a projection over one row with them applied; the rows are appended in order
            LogicalPlan plan = null;
            for (int r = 0; r < rows.size(); r++) {
                LogicalPlan oneRow = new LogicalPlan.Values(List.of(List.of()), List.of());
                LogicalPlan row = new LogicalPlan.Project(rowSubqueries.get(r).applyTo(oneRow),
                        rowSubqueries.get(r).placeAll(rows.get(r), 0));
                plan = plan == null ? row : new LogicalPlan.Append(plan, row);
            }
            return plan;
        }
        return new LogicalPlan.Values(rows, types);
    }

    /**
     * {@code value} for target column {@code column}: converted to its type by assignment rules, or, for a
     * target through an indirection ({@code a[1:2]}, {@code c.f}), to the type that the indirection reaches.
     */
    private static BoundExpression assignTarget(BoundExpression value, ColumnEntry column, Expression target,
                                                int position) {
        if (target == null) {
            return assign(value, column, position);
        }
        return IndirectAssignments.convertLeaf(value, target, column, position);
    }

    /**
     * The value of table column {@code tableColumn} built from a NULL by the assignments through indirections that
     * target it, in the order written, then checked against the column's domain once.
     */
    private BoundExpression indirectValue(InsertStatement insert, List<Integer> targets, int tableColumn,
                                          ColumnEntry column, List<BoundExpression> sourceColumns) {
        ExpressionBinder binder = new ExpressionBinder(Scope.EMPTY, context.parameters(), "INSERT");
        BoundExpression value = new BoundExpression.Constant(null, column.type().withDomain(null), 0);
        for (int i = 0; i < targets.size() && i < sourceColumns.size(); i++) {
            if (targets.get(i) == tableColumn) {
                value = IndirectAssignments.assign(value, insert.columnSubscript(i), sourceColumns.get(i), column,
                        binder);
            }
        }
        return DomainChecks.enforce(value, column.type(), context.parameters());
    }

    /** {@code value} converted to the column's type by assignment rules (42804 when it cannot be). */
    static BoundExpression assign(BoundExpression value, ColumnEntry column, int position) {
        if (!Coercion.assignable(value.type(), column.type())) {
            throw BasaltException.at(SqlState.DATATYPE_MISMATCH, position > 0 ? position : value.position(),
                            "column \"" + column.name() + "\" is of type " + column.type().displayName()
                                    + " but expression is of type " + value.type().displayName())
                    .withHint("You will need to rewrite or cast the expression.");
        }
        // a domain's values are converted as its base type's, then checked against the domain's constraints
        LogicalType base = column.type().withDomain(null);
        return DomainChecks.enforce(Coercion.cast(value, base, false), column.type(), Parameters.none());
    }

    /** The column's DEFAULT (NULL without one), bound and converted to the column's type. */
    static BoundExpression defaultValue(ColumnEntry column, BindContext context) {
        if (column.defaultExpression() == null) {
            Expression domainDefault = DomainChecks.defaultOf(column.type());
            if (domainDefault != null) {
                ExpressionBinder binder = new ExpressionBinder(Scope.EMPTY, context.parameters(), "DEFAULT expressions");
                return assign(binder.bind(domainDefault), column, domainDefault.position());
            }
            return DomainChecks.enforce(new BoundExpression.Constant(null, column.type().withDomain(null), 0),
                    column.type(), context.parameters());
        }
        ExpressionBinder binder = new ExpressionBinder(Scope.EMPTY, context.parameters(), "DEFAULT expressions");
        return assign(binder.bind(column.defaultExpression()), column, column.defaultExpression().position());
    }
}
