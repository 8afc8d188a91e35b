package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.binder.BoundQuery;
import io.basalt.binder.BoundWrite;
import io.basalt.binder.InsertBinder;
import io.basalt.catalog.Catalog;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.routine.RoutineRuntime;
import io.basalt.routine.StatementRows;
import io.basalt.rule.RuleCatalog;
import io.basalt.rule.RuleEntry;
import io.basalt.rule.RuleRelation;
import io.basalt.rule.RuleText;
import io.basalt.sql.ast.DeleteStatement;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.FromItem;
import io.basalt.sql.ast.InsertStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.QueryStatement;
import io.basalt.sql.ast.RuleStatement.Event;
import io.basalt.sql.ast.SelectItem;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.ast.UpdateStatement;
import io.basalt.sql.parser.Parser;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL's query rewriter for INSERT, UPDATE and DELETE of a relation that has rules. The rows the statement
 * fires the rules for are computed first ({@link FiringRows}) and handed to every rule action as one relation,
 * {@code "*rule*"}, that the action reads NEW and OLD from ({@link RuleText}): each action runs once, joined with
 * those rows and restricted by its rule's condition, as PostgreSQL's rewritten action would. An INSTEAD rule
 * replaces the statement (a conditional one for the rows its condition holds for), an ALSO rule runs besides it:
 * for INSERT after the statement, for UPDATE and DELETE before it. The statement's RETURNING list is computed,
 * when an unconditional INSTEAD rule replaced the statement, over the rows its action's RETURNING gave, which
 * stand for the relation's rows. A rule that fires itself again is PostgreSQL's infinite-recursion error.
 */
final class RuleWrites {
    /** What the session runs for this class. */
    interface Session {
        /** Runs {@code statement} (with rules) in the statement's transaction. */
        QueryResultImpl result(Statement statement, List<BoundExpression.Constant> parameters);

        /** Runs {@code statement} itself, without the rules of the relation it writes. */
        QueryResultImpl runOriginal(Statement statement, List<BoundExpression.Constant> parameters);

        QueryResultImpl runWrite(BoundWrite write);

        QueryResultImpl runQuery(BoundQuery query);
    }

    private static final String ROW_NUMBER = "*row*";
    private static final String VALUES = "*values*";

    private final Catalog catalog;
    private final RuleCatalog rules;
    private final RoutineRuntime runtime;
    private final Session session;
    /** The relations and events being rewritten now, to detect rules that fire themselves. */
    private final Set<String> active = new HashSet<>();

    RuleWrites(Catalog catalog, RuleCatalog rules, RoutineRuntime runtime, Session session) {
        this.catalog = catalog;
        this.rules = rules;
        this.runtime = runtime;
        this.session = session;
    }

    /** The rules of the relation {@code statement} writes that it fires, in name order; empty when none. */
    List<RuleEntry> fired(Statement statement, RuleRelation relation) {
        Event event = event(statement);
        List<RuleEntry> fired = new ArrayList<>();
        if (event == null || relation == null || !rules.hasAnyRules()) {
            return fired;
        }
        for (RuleEntry rule : rules.rulesOf(relation.schema(), relation.name())) {
            if (rule.event() == event) {
                fired.add(rule);
            }
        }
        return fired;
    }

    static Event event(Statement statement) {
        return switch (statement) {
            case InsertStatement ignored -> Event.INSERT;
            case UpdateStatement ignored -> Event.UPDATE;
            case DeleteStatement ignored -> Event.DELETE;
            default -> null;
        };
    }

    static QualifiedName target(Statement statement) {
        return switch (statement) {
            case InsertStatement insert -> insert.table();
            case UpdateStatement update -> update.table();
            case DeleteStatement delete -> delete.table();
            default -> null;
        };
    }

    static List<SelectItem> returning(Statement statement) {
        return switch (statement) {
            case InsertStatement insert -> insert.returning();
            case UpdateStatement update -> update.returning();
            case DeleteStatement delete -> delete.returning();
            default -> List.of();
        };
    }

    /** Runs {@code statement}, which writes {@code relation}, with the rules {@code fired} applied. */
    QueryResultImpl run(Statement statement, RuleRelation relation, List<RuleEntry> fired, BindContext context) {
        Event event = event(statement);
        String key = relation.schema() + "." + relation.name() + ":" + event;
        if (!active.add(key)) {
            throw BasaltException.of(SqlState.INVALID_OBJECT_DEFINITION,
                    "infinite recursion detected in rules for relation \"" + relation.name() + "\"");
        }
        try {
            return rewrite(statement, relation, fired, context, event);
        } finally {
            active.remove(key);
        }
    }

    private QueryResultImpl rewrite(Statement statement, RuleRelation relation, List<RuleEntry> fired,
                                    BindContext context, Event event) {
        if (statement instanceof InsertStatement insert && insert.onConflict() != null) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "INSERT with ON CONFLICT clause cannot be used with table that has INSERT or UPDATE rules");
        }
        List<SelectItem> returning = returning(statement);
        boolean replaced = false;
        List<RuleEntry> conditionalInstead = new ArrayList<>();
        RuleEntry returningRule = null;
        for (RuleEntry rule : fired) {
            if (rule.instead() && rule.unconditional()) {
                replaced = true;
                for (String action : rule.actionTexts()) {
                    if (!io.basalt.rule.RuleStatements.returningOf(Parser.parseStatement(action)).isEmpty()) {
                        returningRule = rule;
                    }
                }
            } else if (rule.instead()) {
                conditionalInstead.add(rule);
            }
        }
        if (!returning.isEmpty() && (replaced || !conditionalInstead.isEmpty()) && returningRule == null) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot perform " + event + " RETURNING on"
                    + " relation \"" + relation.name() + "\"").withHint("You need an unconditional ON " + event
                    + " DO INSTEAD rule with a RETURNING clause.");
        }
        BoundWrite boundInsert = null;
        List<BoundExpression.Constant> outer = context.parameters().constants();
        FiringRows.Rows rows;
        switch (statement) {
            case InsertStatement insert when !relation.view() -> {
                boundInsert = new InsertBinder(context).bind(insert, relation.table());
                rows = insertedRows(boundInsert, relation);
            }
            case InsertStatement insert -> rows = FiringRows.ofInsert(insert, relation, runtime, outer);
            case UpdateStatement update -> rows = FiringRows.ofUpdate(update, relation, runtime, outer);
            case DeleteStatement delete -> rows = FiringRows.ofDelete(delete, relation, runtime, outer);
            default -> throw new IllegalArgumentException("not a write: " + statement);
        }
        List<BoundExpression.Constant> parameters = new ArrayList<>();
        FromItem firing = firingRelation(rows, parameters);
        Set<Integer> insteadRows = new HashSet<>();
        if (!replaced && !rows.rows().isEmpty()) {
            for (RuleEntry rule : conditionalInstead) {
                insteadRows.addAll(rowsWhere(rule, relation, firing, parameters));
            }
        }
        boolean originalRuns = !replaced && insteadRows.size() < rows.rows().size();
        QueryResultImpl original = null;
        if (event == Event.INSERT && originalRuns) {
            original = runOriginal(statement, relation, rows, insteadRows, boundInsert, outer);
        }
        StatementRows returned = null;
        long count = 0;
        if (!rows.rows().isEmpty()) {
            for (RuleEntry rule : fired) {
                Expression condition = condition(rule, relation);
                for (String text : rule.actionTexts()) {
                    Statement action = Parser.parseStatement(RuleText.substitute(text, relation.columnNames()));
                    boolean carries = rule == returningRule && !returning.isEmpty()
                            && !io.basalt.rule.RuleStatements.returningOf(action).isEmpty();
                    if (carries && io.basalt.binder.ReturningOldNew.mentioned(returning)) {
                        action = withOldAndNew(action, relation);
                    }
                    StatementRows out = runtime.run(attach(action, firing, condition, carries), parameters);
                    if (carries) {
                        returned = out;
                    }
                    if (event(action) == event) {
                        count = out.count();
                    }
                }
            }
        }
        if (event != Event.INSERT && originalRuns) {
            original = runOriginal(statement, relation, rows, insteadRows, null, outer);
        }
        if (original != null) {
            return original;
        }
        if (!returning.isEmpty()) {
            return returningOf(statement, relation, returning, returned);
        }
        return QueryResultImpl.command(switch (event) {
            case INSERT -> "INSERT 0 " + count;
            case UPDATE -> "UPDATE " + count;
            case DELETE -> "DELETE " + count;
            case SELECT -> "SELECT " + count;
        }, count, List.of());
    }

    /** The rows an INSERT into a table would write, as its bound plan computes them (defaults and all). */
    private FiringRows.Rows insertedRows(BoundWrite bound, RuleRelation relation) {
        LogicalPlan.Write write = TriggeredWrites.findWrite(bound.plan());
        if (write == null) {
            throw BasaltException.internal("no write in the plan of INSERT");
        }
        int width = relation.columnNames().size();
        List<Object[]> rows = new ArrayList<>();
        for (Object[] row : read(write.input())) {
            rows.add(java.util.Arrays.copyOf(row, width));
        }
        return new FiringRows.Rows(width, false, true, relation.columnTypes(), rows);
    }

    private List<Object[]> read(LogicalPlan input) {
        return TriggeredWrites.readRows(session::runQuery, input);
    }

    /**
     * The statement itself, for the rows no conditional INSTEAD rule took: an INSERT into a table writes the rows
     * computed already (so that defaults are not computed twice), any other statement runs as written when no row
     * was taken.
     */
    private QueryResultImpl runOriginal(Statement statement, RuleRelation relation, FiringRows.Rows rows,
                                       Set<Integer> insteadRows, BoundWrite boundInsert,
                                       List<BoundExpression.Constant> outer) {
        if (boundInsert != null) {
            LogicalPlan.Write write = TriggeredWrites.findWrite(boundInsert.plan());
            List<LogicalType> inputTypes = write.input().outputTypes();
            List<Object[]> input = read(write.input());
            List<List<BoundExpression>> values = new ArrayList<>();
            for (int r = 0; r < input.size(); r++) {
                if (insteadRows.contains(r)) {
                    continue;
                }
                List<BoundExpression> constants = new ArrayList<>();
                for (int c = 0; c < inputTypes.size(); c++) {
                    Object value = c < relation.columnNames().size() ? rows.rows().get(r)[c] : input.get(r)[c];
                    constants.add(new BoundExpression.Constant(value, inputTypes.get(c), 0));
                }
                values.add(constants);
            }
            LogicalPlan plan = TriggeredWrites.replaceWrite(boundInsert.plan(),
                    write.withInput(new LogicalPlan.Values(values, inputTypes)));
            return session.runWrite(new BoundWrite(boundInsert.kind(), plan, boundInsert.returnsRows(),
                    boundInsert.names()));
        }
        if (insteadRows.isEmpty()) {
            return session.runOriginal(statement, outer);
        }
        if (statement instanceof InsertStatement insert) {
            List<BoundExpression.Constant> parameters = new ArrayList<>();
            List<List<Expression>> values = new ArrayList<>();
            for (int r = 0; r < rows.rows().size(); r++) {
                if (insteadRows.contains(r)) {
                    continue;
                }
                List<Expression> row = new ArrayList<>();
                for (int c = 0; c < rows.width(); c++) {
                    parameters.add(new BoundExpression.Constant(rows.rows().get(r)[c], rows.types().get(c), 0));
                    row.add(new Expression.Parameter(parameters.size(), insert.position()));
                }
                values.add(row);
            }
            Query source = new Query(new QueryBody.Values(values, insert.position()), List.of(), null, null,
                    insert.position());
            return session.runOriginal(new InsertStatement(insert.table(), insert.alias(), relation.columnNames(),
                    source, null, insert.returning(), insert.position()), parameters);
        }
        throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "an UPDATE or DELETE of \"" + relation.name()
                + "\" that a conditional DO INSTEAD rule takes only some rows of is not supported yet");
    }

    /**
     * {@code (VALUES ($1, ...), ...) AS "*rule*"(columns)}: the firing rows as a relation, their values appended
     * to {@code parameters}; one row of NULLs under a false condition when there are none.
     */
    private static FromItem firingRelation(FiringRows.Rows rows, List<BoundExpression.Constant> parameters) {
        List<String> names = new ArrayList<>();
        if (rows.hasOld()) {
            for (int c = 0; c < rows.width(); c++) {
                names.add(RuleText.rowColumn(false, c));
            }
        }
        if (rows.hasNew()) {
            for (int c = 0; c < rows.width(); c++) {
                names.add(RuleText.rowColumn(true, c));
            }
        }
        names.add(ROW_NUMBER);
        List<List<Expression>> values = new ArrayList<>();
        for (int r = 0; r < rows.rows().size(); r++) {
            Object[] row = rows.rows().get(r);
            List<Expression> expressions = new ArrayList<>();
            for (int c = 0; c < names.size() - 1; c++) {
                parameters.add(new BoundExpression.Constant(row[c], rows.types().get(c), 0));
                expressions.add(new Expression.Parameter(parameters.size(), 0));
            }
            expressions.add(new Expression.NumberLiteral(Integer.toString(r), 0));
            values.add(expressions);
        }
        Query query = new Query(new QueryBody.Values(values, 0), List.of(), null, null, 0);
        return new FromItem.Subquery(query, false, RuleText.ROWS, names, 0);
    }

    /** The indexes of the firing rows that {@code rule}'s condition holds for. */
    private List<Integer> rowsWhere(RuleEntry rule, RuleRelation relation, FromItem firing,
                                    List<BoundExpression.Constant> parameters) {
        Expression index = new Expression.ColumnRef(List.of(RuleText.ROWS, ROW_NUMBER), 0);
        QueryBody.Select select = new QueryBody.Select(false, List.of(new SelectItem.Item(index, null, 0)),
                List.of(firing), condition(rule, relation), List.of(), null, 0);
        StatementRows found = runtime.run(new QueryStatement(new Query(select, List.of(), null, null, 0), 0),
                parameters);
        List<Integer> indexes = new ArrayList<>();
        for (Object[] row : found.rows()) {
            indexes.add(((Number) row[0]).intValue());
        }
        return indexes;
    }

    /** The rule's condition over the firing rows, or null when it has none. */
    private static Expression condition(RuleEntry rule, RuleRelation relation) {
        if (rule.conditionText() == null) {
            return null;
        }
        Statement parsed = Parser.parseStatement("SELECT "
                + RuleText.substitute(rule.conditionText(), relation.columnNames()));
        QueryBody.Select select = (QueryBody.Select) ((QueryStatement) parsed).query().body();
        return ((SelectItem.Item) select.items().getFirst()).expression();
    }

    private static Expression and(Expression left, Expression right) {
        if (left == null) {
            return right;
        }
        if (right == null) {
            return left;
        }
        return new Expression.Binary("AND", left, right, left.position());
    }

    /**
     * {@code action} joined with the firing rows and restricted by {@code condition}; its RETURNING list kept only
     * when it carries the statement's ({@code keepReturning}).
     */
    private static Statement attach(Statement action, FromItem firing, Expression condition, boolean keepReturning) {
        return switch (action) {
            case UpdateStatement update -> {
                List<FromItem> from = new ArrayList<>();
                from.add(firing);
                from.addAll(update.from());
                yield new UpdateStatement(update.table(), update.alias(), update.assignments(), from,
                        and(update.where(), condition), keepReturning ? update.returning() : List.of(),
                        update.position(), update.with(), update.only());
            }
            case DeleteStatement delete -> {
                List<FromItem> using = new ArrayList<>();
                using.add(firing);
                using.addAll(delete.using());
                yield new DeleteStatement(delete.table(), delete.alias(), using, and(delete.where(), condition),
                        keepReturning ? delete.returning() : List.of(), delete.position(), delete.with(),
                        delete.only());
            }
            case InsertStatement insert -> {
                if (insert.source() == null) {
                    throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                            "INSERT ... DEFAULT VALUES in a rule action is not supported yet");
                }
                yield new InsertStatement(insert.table(), insert.alias(), insert.columns(),
                        joined(insert.source(), firing, condition), insert.onConflict(),
                        keepReturning ? insert.returning() : List.of(), insert.position(), insert.columnSubscripts(),
                        insert.with(), insert.overriding());
            }
            case QueryStatement query -> new QueryStatement(joined(query.query(), firing, condition),
                    query.position());
            default -> throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "this rule action is not supported yet");
        };
    }

    /** {@code query} run once per firing row it is joined with, where {@code condition} holds. */
    private static Query joined(Query query, FromItem firing, Expression condition) {
        boolean plain = query.orderBy().isEmpty() && query.limit() == null && query.offset() == null;
        if (plain && query.body() instanceof QueryBody.Values values && values.rows().size() == 1) {
            List<SelectItem> items = new ArrayList<>();
            for (Expression value : values.rows().getFirst()) {
                if (value instanceof Expression.Default) {
                    throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                            "DEFAULT in the VALUES of a rule action is not supported yet");
                }
                items.add(new SelectItem.Item(value, null, value.position()));
            }
            return new Query(query.with(), new QueryBody.Select(false, items, List.of(firing), condition, List.of(),
                    null, values.position()), List.of(), null, null, query.position());
        }
        if (plain && query.body() instanceof QueryBody.Select select && select.groupBy().isEmpty()
                && select.having() == null && !select.distinct() && select.distinctOn().isEmpty()) {
            List<FromItem> from = new ArrayList<>();
            from.add(firing);
            from.addAll(select.from());
            return new Query(query.with(), new QueryBody.Select(false, select.distinctOn(), select.items(), from,
                    and(select.where(), condition), select.groupBy(), select.having(), select.windows(),
                    select.position(), select.groupingSets()), List.of(), null, null, query.position());
        }
        FromItem lateral = new FromItem.Subquery(query, true, VALUES, List.of(), query.position());
        SelectItem all = new SelectItem.Star(QualifiedName.of(VALUES, query.position()), query.position());
        return new Query(new QueryBody.Select(false, List.of(all), List.of(firing, lateral), condition, List.of(),
                null, query.position()), List.of(), null, null, query.position());
    }

    /**
     * {@code action} (the INSTEAD rule's write with a RETURNING list) returning its list three times: as written
     * (a bare {@code *} as the action's target's columns), then over the target's old row and over its new row, so
     * that the statement's RETURNING old and new read the rows the action changed, as in PostgreSQL. The list may
     * name the target's columns and other columns; an expression over the target's columns is refused.
     */
    private static Statement withOldAndNew(Statement action, RuleRelation relation) {
        QualifiedName table = target(action);
        String alias = switch (action) {
            case InsertStatement insert -> insert.alias();
            case UpdateStatement update -> update.alias();
            case DeleteStatement delete -> delete.alias();
            default -> null;
        };
        String name = alias != null ? alias : table.last();
        List<SelectItem> written = io.basalt.rule.RuleStatements.returningOf(action);
        List<SelectItem> all = new ArrayList<>();
        for (String version : java.util.Arrays.asList(name, "old", "new")) {
            for (SelectItem item : written) {
                all.add(versioned(item, name, version));
            }
        }
        return switch (action) {
            case InsertStatement i -> new InsertStatement(i.table(), i.alias(), i.columns(), i.source(), i.onConflict(),
                    all, i.position(), i.columnSubscripts(), i.with(), i.overriding());
            case UpdateStatement u -> new UpdateStatement(u.table(), u.alias(), u.assignments(), u.from(), u.where(),
                    all, u.position(), u.with(), u.only());
            case DeleteStatement d -> new DeleteStatement(d.table(), d.alias(), d.using(), d.where(), all,
                    d.position(), d.with(), d.only());
            default -> action;
        };
    }

    /** A rule RETURNING item read from the target's {@code version} row ({@code name}: the current one). */
    private static SelectItem versioned(SelectItem item, String name, String version) {
        return switch (item) {
            case SelectItem.Star star when star.qualifier() == null
                    || star.qualifier().parts().size() == 1 && star.qualifier().last().equals(name) ->
                    new SelectItem.Star(QualifiedName.of(version, star.position()), star.position());
            case SelectItem.Item column when column.expression() instanceof Expression.ColumnRef reference
                    && (reference.parts().size() == 1 || reference.parts().size() == 2
                    && reference.parts().getFirst().equals(name)) && !reference.parts().getLast().equals("*") ->
                    // a column of the target (or of another item, which stays as it is)
                    new SelectItem.Item(new Expression.ColumnRef(List.of(version, reference.parts().getLast()),
                            reference.position()), column.alias() != null ? column.alias()
                            : reference.parts().getLast(), column.position());
            case SelectItem.Item column when column.expression() instanceof Expression.ColumnRef -> column;
            default -> throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "RETURNING old and new through a rule whose RETURNING computes expressions is not supported yet");
        };
    }

    /**
     * The statement's RETURNING list over the rows an INSTEAD rule's RETURNING gave, which stand for rows of the
     * relation (under the statement's alias or the relation's name); with old and new (see {@link #withOldAndNew}),
     * each row holds the relation's row as returned, then as it was and as it became.
     */
    QueryResultImpl returningOf(Statement statement, RuleRelation relation, List<SelectItem> returning,
                                        StatementRows returned) {
        int position = statement instanceof InsertStatement insert ? insert.position() : 0;
        String alias = switch (statement) {
            case InsertStatement insert -> insert.alias();
            case UpdateStatement update -> update.alias();
            case DeleteStatement delete -> delete.alias();
            default -> null;
        };
        String qualifier = alias != null ? alias : target(statement).last();
        int width = relation.columnNames().size();
        boolean oldAndNew = io.basalt.binder.ReturningOldNew.mentioned(returning) && returned != null
                && returned.types().size() == 3 * width;
        int versions = oldAndNew ? 3 : 1;
        List<BoundExpression.Constant> parameters = new ArrayList<>();
        List<List<Expression>> values = new ArrayList<>();
        List<Object[]> rows = returned == null ? List.of() : returned.rows();
        List<LogicalType> types = returned == null ? relation.columnTypes() : returned.types();
        List<Object[]> shown = rows.isEmpty() ? List.<Object[]>of(new Object[width * versions]) : rows;
        for (Object[] row : shown) {
            List<Expression> expressions = new ArrayList<>();
            for (int c = 0; c < width * versions; c++) {
                LogicalType type = c < types.size() ? types.get(c) : relation.columnTypes().get(c % width);
                parameters.add(new BoundExpression.Constant(c < row.length ? row[c] : null, type, 0));
                expressions.add(new Expression.Parameter(parameters.size(), position));
            }
            values.add(expressions);
        }
        Expression where = rows.isEmpty() ? new Expression.BooleanLiteral(false, position) : null;
        Query rowValues = new Query(new QueryBody.Values(values, position), List.of(), null, null, position);
        List<FromItem> from = new ArrayList<>();
        List<SelectItem> items = returning;
        if (!oldAndNew) {
            from.add(new FromItem.Subquery(rowValues, false, qualifier, relation.columnNames(), position));
        } else {
            // the rows once, then the relation's row as returned, as it was and as it became, each under its name
            String rowsName = "\u0000rule rows";
            List<String> all = new ArrayList<>();
            for (int c = 0; c < 3 * width; c++) {
                all.add("c" + c);
            }
            from.add(new FromItem.Subquery(rowValues, false, rowsName, all, position));
            List<String> names = java.util.Arrays.asList(qualifier, "old", "new");
            for (int v = 0; v < 3; v++) {
                List<SelectItem> columns = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    columns.add(new SelectItem.Item(new Expression.ColumnRef(List.of(rowsName, "c" + (v * width + c)),
                            position), relation.columnNames().get(c), position));
                }
                Query version = new Query(new QueryBody.Select(false, columns, List.of(), null, List.of(), null,
                        position), List.of(), null, null, position);
                from.add(new FromItem.Subquery(version, true, names.get(v), relation.columnNames(), position));
            }
            // a bare * is the relation's columns, not every FROM item's, and so is a bare column name (inside an
            // expression it is still ambiguous between the three rows: 42702)
            items = new ArrayList<>();
            for (SelectItem item : returning) {
                if (item instanceof SelectItem.Star star && star.qualifier() == null) {
                    items.add(new SelectItem.Star(QualifiedName.of(qualifier, star.position()), star.position()));
                } else if (item instanceof SelectItem.Item column
                        && column.expression() instanceof Expression.ColumnRef reference
                        && reference.parts().size() == 1) {
                    items.add(new SelectItem.Item(new Expression.ColumnRef(List.of(qualifier,
                            reference.parts().getFirst()), reference.position()), column.alias() != null
                            ? column.alias() : reference.parts().getFirst(), column.position()));
                } else {
                    items.add(item);
                }
            }
        }
        QueryBody.Select select = new QueryBody.Select(false, items, from, where, List.of(), null,
                position);
        return session.result(new QueryStatement(new Query(select, List.of(), null, null, position), position),
                parameters);
    }
}
