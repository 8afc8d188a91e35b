package io.basalt.binder;

import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.spi.TableFunctionScan;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.FromItem;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds a FROM clause: tables, subqueries and table functions, combined by comma lists (cross joins) and
 * joins of every kind, into a plan and the {@link Scope} through which the rest of the query sees its
 * columns. PostgreSQL's rules apply: a FROM item's name (alias, or table name) may appear once per query
 * level (42712); a join's ON condition sees only the join's two inputs; {@code USING (c)} and
 * {@code NATURAL} compare the inputs' columns after casting both to their common type, and show the column
 * once, first, as the left value (LEFT, and INNER unless only the right value needs no cast, as PostgreSQL picks), the
 * right value (RIGHT) or their COALESCE (FULL), while
 * {@code t.c} still reaches each input's own column.
 *
 * <p>The plan of a join is a {@link LogicalPlan.Join} (left columns, then right columns); a USING join adds
 * a projection that puts the merged columns in front, so that scope and plan list columns in one order.
 */
final class FromClauseBinder {
    /** A bound FROM item: its plan, its scope, and the names it brings into the query level. */
    record Source(LogicalPlan plan, Scope scope, List<String> itemNames) {
    }

    /**
     * A bound item and whether it reads the row of the items to its left (a LATERAL reference: its plan holds
     * outer references of depth 1 to their columns).
     */
    private record Item(Source source, boolean lateral) {
    }

    private final BindContext context;
    private final Surroundings surroundings;
    /** The columns of every FROM item bound so far at this level, for the error on an unreachable name. */
    private final List<Scope.Column> bound = new ArrayList<>();
    /** The projections this binder's USING and NATURAL joins made, by identity ({@link UsingColumnDefinitions}). */
    private final Set<LogicalPlan.Project> usingProjections = UsingColumnDefinitions.newProjectionSet();

    FromClauseBinder(BindContext context, Surroundings surroundings) {
        this.context = context;
        this.surroundings = surroundings;
    }

    /** The FROM list as one source: its items cross-joined left to right; no items read one empty row. */
    Source bind(List<FromItem> from) {
        if (from.isEmpty()) {
            LogicalPlan oneRow = new LogicalPlan.Values(List.of(List.of()), List.of());
            return new Source(oneRow, Scope.EMPTY, List.of());
        }
        Source result = bindItem(from.getFirst(), null).source();
        return crossJoin(result, from.subList(1, from.size()));
    }

    /** {@code first} cross-joined with the {@code items}, left to right. */
    private Source crossJoin(Source first, List<FromItem> items) {
        Source result = first;
        for (FromItem item : items) {
            Item bound = bindItem(item, result.scope());
            Source next = bound.source();
            requireDistinctNames(result, next);
            LogicalPlan joined = bound.lateral()
                    ? new LogicalPlan.LateralJoin(LogicalPlan.JoinType.INNER, result.plan(), next.plan(), List.of())
                    : new LogicalPlan.Join(LogicalPlan.JoinType.INNER, result.plan(), next.plan(), List.of());
            result = new Source(joined, Scope.concat(result.scope(), next.scope()),
                    concat(result.itemNames(), next.itemNames()));
        }
        return result;
    }

    /**
     * The name of the column through which the target of an UPDATE or DELETE carries its row ids. It starts with
     * NUL, which no SQL identifier can hold, so no query can name it, and {@link Scope#columnsOf} never expands it.
     */
    static final String ROW_ID_NAME = "\0rowid";

    /**
     * The table items whose scans also read row ids, as a hidden column named {@link #ROW_ID_NAME} after the table's
     * columns (a SELECT ... FOR UPDATE locks the rows they name: {@link LockingQueryBinder}); compared by identity.
     */
    static final ScopedValue<Set<FromItem.Table>> ROW_IDS = ScopedValue.newInstance();

    /**
     * The target table of an UPDATE or DELETE, then the items of its FROM or USING list cross-joined, as
     * {@link #bind} binds a FROM list. The target's scan reads its row ids too: plan and scope list the target's
     * columns, its row id (a hidden column named {@link #ROW_ID_NAME}), then the other items' columns.
     */
    Source bindTarget(TableEntry entry, String alias, int position, List<FromItem> others) {
        return bindTarget(entry, alias, position, others, new String[0]);
    }

    /** The target of an UPDATE or DELETE, its rows limited by the row-level security policies of {@code commands}. */
    Source bindTarget(TableEntry entry, String alias, int position, List<FromItem> others, String[] commands) {
        int width = entry.columns().size();
        int[] columns = new int[width + 1];
        List<LogicalType> types = new ArrayList<>(entry.columnTypes());
        for (int i = 0; i < width; i++) {
            columns[i] = i;
        }
        columns[width] = io.basalt.exec.operator.scan.ScanSource.ROW_ID;
        types.add(LogicalType.BIGINT);
        String qualifier = alias != null ? alias : entry.name();
        String tableName = alias != null ? entry.name() : null;
        List<Scope.Column> scopeColumns = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            // the stored column is named so that reading it is checked against column privileges
            scopeColumns.add(new Scope.Column(qualifier, entry.columns().get(i).name(), types.get(i), tableName,
                    false, entry, i));
        }
        scopeColumns.add(new Scope.Column(qualifier, ROW_ID_NAME, LogicalType.BIGINT, tableName, true));
        LogicalPlan scan = SystemColumnScans.wanted()
                ? SystemColumnScans.plan(entry, true, qualifier, tableName, scopeColumns)
                : new LogicalPlan.Scan(entry.store(), columns, types);
        Source target = new Source(RowSecurityQuals.filter(entry, aliased(scan, alias), context, commands),
                new Scope(scopeColumns),
                List.of(qualifier));
        bound.addAll(scopeColumns);
        return crossJoin(target, others);
    }

    /**
     * Binds one item. {@code left}: the columns of the items to its left that a LATERAL subquery or a function may
     * read (functions in FROM are implicitly LATERAL, as in PostgreSQL); null for the first item.
     */
    private Item bindItem(FromItem item, Scope left) {
        Item bound = switch (item) {
            case FromItem.Table table -> new Item(bindTable(table), false);
            case FromItem.Subquery subquery -> bindSubquery(subquery, left);
            case FromItem.Function function -> bindTableFunction(function, left);
            case FromItem.Join join -> bindJoin(join, left);
            case FromItem.JoinAlias alias -> {
                Item inner = bindItem(alias.joined(), left);
                yield new Item(JoinAliases.apply(alias, inner.source()), inner.lateral());
            }
        };
        if (!(item instanceof FromItem.Join) && !(item instanceof FromItem.JoinAlias)) {
            this.bound.addAll(bound.source().scope().columns());
        }
        return bound;
    }

    /** The surroundings of a LATERAL item: the items to its left are the nearest enclosing level. */
    private Surroundings lateral(Scope left) {
        return left == null ? surroundings : surroundings.enclosedBy(left);
    }

    // ---- leaves -------------------------------------------------------------------------------------

    private Source bindTable(FromItem.Table table) {
        List<String> parts = table.name().parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        String name = parts.getLast();
        Surroundings.CommonTables common = parts.size() == 1 ? Surroundings.CommonTables.entry(surroundings.tables(), name)
                : null;
        if (common != null) {
            BoundQuery inner = CommonTableBinder.reference(common, surroundings, context, table.position());
            String qualifier = table.alias() != null ? table.alias() : name;
            List<String> names = aliasColumns(inner.names(), table.columnAliases(), qualifier, table.position());
            return new Source(inner.plan(), scopeOf(qualifier, names, inner.plan().outputTypes()), List.of(qualifier));
        }
        TransitionTables.Relation transition = parts.size() == 1 ? TransitionTables.find(name) : null;
        if (transition != null) {
            String qualifier = table.alias() != null ? table.alias() : name;
            List<String> names = aliasColumns(transition.names(), table.columnAliases(), qualifier, table.position());
            return new Source(transition.plan(), scopeOf(qualifier, names, transition.types()), List.of(qualifier));
        }
        var system = parts.size() <= 2 ? io.basalt.catalog.system.SystemRelations.find(schema, name) : null;
        if (system != null) {
            return systemRelation(system, table);
        }
        var sequence = context.catalog().findSequence(schema, name);
        if (sequence.isPresent()) {
            RelationAccess.sequence(sequence.get(), table.position());
            String qualifier = table.alias() != null ? table.alias() : name;
            List<String> names = aliasColumns(SequenceRelation.NAMES, table.columnAliases(), qualifier,
                    table.position());
            return new Source(SequenceRelation.plan(sequence.get(), table.position()),
                    scopeOf(qualifier, names, SequenceRelation.TYPES), List.of(qualifier));
        }
        var view = context.catalog().findView(schema, name);
        if (view.isPresent() && TableLocking.take(view.get().schema(), view.get().name(),
                io.basalt.storage.lock.RelationLockMode.ACCESS_SHARE)) {
            return bindTable(table); // waited for the lock: the view may have changed meanwhile
        }
        if (view.isPresent()) {
            BoundQuery inner = RelationAccess.view(view.get(), table.position(), () -> view.get().materialized()
                    ? ViewExpansion.materialized(view.get(), table.position()) : ViewExpansion.expand(view.get(), context));
            String qualifier = table.alias() != null ? table.alias() : name;
            List<String> names = aliasColumns(inner.names(), table.columnAliases(), qualifier, table.position());
            return new Source(inner.plan(), scopeOf(qualifier, names, inner.plan().outputTypes()), List.of(qualifier));
        }
        TableEntry entry = context.catalog().findTable(schema, name).orElseThrow(() -> BasaltException.at(
                SqlState.UNDEFINED_TABLE, table.position(), "relation \"" + table.name() + "\" does not exist"));
        if (TableLocking.take(entry.schema(), entry.name(), io.basalt.storage.lock.RelationLockMode.ACCESS_SHARE)) {
            return bindTable(table); // waited for the lock: the table may have been altered or dropped meanwhile
        }
        RelationAccess.table(entry, table.position());
        int[] columns = new int[entry.columns().size()];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            columns[i] = i;
            names.add(entry.columns().get(i).name());
        }
        boolean hierarchy = InheritedScans.inHierarchy(context.catalog(), entry);
        String qualifier = table.alias() != null ? table.alias() : name;
        names = aliasColumns(names, table.columnAliases(), qualifier, table.position());
        List<Scope.Column> scopeColumns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            scopeColumns.add(new Scope.Column(qualifier, names.get(i), entry.columnTypes().get(i),
                    table.alias() != null ? name : null, false, entry, i));
        }
        LogicalPlan scan;
        if (hierarchy) {
            scan = InheritedScans.plan(context.catalog(), entry, table.only());
            if (scan instanceof LogicalPlan.Append) {
                scan = InheritedScans.membersOf(scan, qualifier);
            }
            if (SystemColumnScans.wanted()) {
                SystemColumnScans.addScopeColumns(qualifier, table.alias() != null ? name : null, scopeColumns);
            } else {
                scopeColumns.add(Scope.Column.system(qualifier, InheritedScans.TABLE_OID, LogicalType.REGCLASS,
                        table.alias() != null ? name : null));
            }
        } else if (ROW_IDS.isBound() && ROW_IDS.get().contains(table)) {
            int[] withRowId = java.util.Arrays.copyOf(columns, columns.length + 1);
            withRowId[columns.length] = io.basalt.exec.operator.scan.ScanSource.ROW_ID;
            List<LogicalType> types = new ArrayList<>(entry.columnTypes());
            types.add(LogicalType.BIGINT);
            scan = new LogicalPlan.Scan(entry.store(), withRowId, types);
            scopeColumns.add(new Scope.Column(qualifier, ROW_ID_NAME, LogicalType.BIGINT,
                    table.alias() != null ? name : null, true));
        } else if (SystemColumnScans.wanted()) {
            scan = SystemColumnScans.plan(entry, false, qualifier, table.alias() != null ? name : null,
                    scopeColumns);
        } else {
            scan = new LogicalPlan.Scan(entry.store(), columns, entry.columnTypes());
        }
        scan = RowSecurityQuals.filter(entry, aliased(scan, table.alias()), context, "SELECT");
        return new Source(scan, new Scope(scopeColumns), List.of(qualifier));
    }

    /**
     * {@code plan}, a table's scan (or the projection of its system columns over one), with the scan named by the FROM
     * list's {@code alias} for EXPLAIN; other plans (an inheritance hierarchy's) as they are.
     */
    private static LogicalPlan aliased(LogicalPlan plan, String alias) {
        if (alias == null) {
            return plan;
        }
        return switch (plan) {
            case LogicalPlan.Scan scan -> scan.withAlias(alias);
            case LogicalPlan.Project project when project.input() instanceof LogicalPlan.Scan scan ->
                    new LogicalPlan.Project(scan.withAlias(alias), project.expressions());
            default -> plan;
        };
    }

    /** A pg_catalog or information_schema relation: rows computed from the catalog when the statement runs. */
    private Source systemRelation(io.basalt.catalog.system.SystemRelation system, FromItem.Table table) {
        String qualifier = table.alias() != null ? table.alias() : system.name();
        List<String> names = aliasColumns(system.columnNames(), table.columnAliases(), qualifier, table.position());
        int[] all = new int[names.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        LogicalPlan scan = new LogicalPlan.Scan(new io.basalt.catalog.system.SystemRelationScan(system,
                context.catalog()), all, system.columnTypes());
        return new Source(scan, scopeOf(qualifier, names, system.columnTypes()), List.of(qualifier));
    }

    private Item bindSubquery(FromItem.Subquery subquery, Scope left) {
        Surroundings inner = subquery.lateral() ? lateral(left) : surroundings;
        BoundQuery query = new QueryBinder(context, inner).bind(subquery.query());
        List<String> names = aliasColumns(query.names(), subquery.columnAliases(), subquery.alias(),
                subquery.position());
        LogicalPlan plan = unknownsAsText(query.plan(), names);
        return new Item(new Source(plan, scopeOf(subquery.alias(), names, plan.outputTypes()),
                subquery.alias() == null ? List.of() : List.of(subquery.alias())),
                inner != surroundings && inner.outer().referenced());
    }

    /**
     * A subquery's output columns of unknown type (bare literals) as text, as PostgreSQL resolves a subquery's
     * unknown outputs; the plan itself when it has none.
     */
    private static LogicalPlan unknownsAsText(LogicalPlan plan, List<String> names) {
        List<LogicalType> types = plan.outputTypes();
        boolean anyUnknown = false;
        for (LogicalType type : types) {
            anyUnknown |= type.id() == io.basalt.type.TypeId.UNKNOWN;
        }
        if (!anyUnknown) {
            return plan;
        }
        List<BoundExpression> columns = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            BoundExpression column = new BoundExpression.ColumnRef(i, null, names.get(i), types.get(i), 0);
            columns.add(types.get(i).id() == io.basalt.type.TypeId.UNKNOWN ? Coercion.cast(column, LogicalType.TEXT, false) : column);
        }
        return new LogicalPlan.Project(plan, columns);
    }

    private Item bindTableFunction(FromItem.Function function, Scope left) {
        Surroundings inner = lateral(left);
        Source source = bindTableFunction(function, inner);
        return new Item(source, inner != surroundings && inner.outer().referenced());
    }

    /** A function in FROM whose arguments see {@code inner}'s enclosing levels (LATERAL references). */
    private Source bindTableFunction(FromItem.Function function, Surroundings inner) {
        Expression.FunctionCall call = function.call();
        String name = call.name().last();
        ClauseSubqueries references = new ClauseSubqueries(context, inner, Scope.EMPTY);
        ExpressionBinder arguments = new ExpressionBinder(Scope.EMPTY, context.parameters(), "functions in FROM",
                references);
        Source source;
        if (function.rowsFrom().size() > 1) {
            List<Source> members = new ArrayList<>();
            for (Expression.FunctionCall member : function.rowsFrom()) {
                FromItem.Function item = function.member(member);
                members.add(FunctionOrdinality.number(bindSetFunction(item, member, member.name().last(), arguments),
                        item));
            }
            source = FunctionOrdinality.zip(members, function);
        } else if (function.withOrdinality()) {
            source = FunctionOrdinality.number(bindSetFunction(function.withoutOrdinality(), call, name, arguments),
                    function);
        } else {
            source = bindSetFunction(function, call, name, arguments);
        }
        if (!references.isEmpty()) {
            throw ExpressionBinder.notYet("subqueries in functions in FROM", call.position());
        }
        return source;
    }

    private Source bindSetFunction(FromItem.Function function, Expression.FunctionCall call, String name,
                                   ExpressionBinder argumentBinder) {
        if (TsStatBinder.handles(call)) {
            FromItem.Subquery statistics = TsStatBinder.rewrite(function, argumentBinder,
                    query -> new QueryBinder(context, surroundings).bind(query).plan().outputTypes());
            return bindSubquery(statistics, null).source();
        }
        if (JsonPopulateBinder.handles(call)) {
            JsonPopulateBinder.Bound bound = JsonPopulateBinder.bind(function, argumentBinder);
            String qualifier = function.alias() != null ? function.alias() : name;
            return new Source(bound.rows(), scopeOf(qualifier, bound.names(), bound.rows().outputTypes()),
                    List.of(qualifier));
        }
        if (JsonRecordFunctionBinder.handles(call)) {
            LogicalPlan rows = JsonRecordFunctionBinder.bind(function, argumentBinder);
            String qualifier = function.alias() != null ? function.alias() : name;
            return new Source(rows, scopeOf(qualifier, JsonRecordFunctionBinder.columnNames(function),
                    rows.outputTypes()), List.of(qualifier));
        }
        JsonRecordFunctionBinder.checkNoDefinitions(function);
        if (GenerateSeriesBinder.handles(call)) {
            LogicalPlan series = GenerateSeriesBinder.bind(call, argumentBinder);
            String qualifier = function.alias() != null ? function.alias() : name;
            if (series instanceof LogicalPlan.Scan scan && function.alias() != null) {
                series = scan.withAlias(function.alias()); // EXPLAIN's "Function Scan on generate_series g"
            }
            // a function returning a single base-type column names it after the table alias, when there is one
            List<String> names = aliasColumns(List.of(qualifier), function.columnAliases(), qualifier,
                    function.position());
            return new Source(series, scopeOf(qualifier, names, series.outputTypes()), List.of(qualifier));
        }
        if (TextSetFunctionBinder.handles(call)) {
            LogicalPlan rows = TextSetFunctionBinder.bind(call, argumentBinder);
            String qualifier = function.alias() != null ? function.alias() : name;
            List<String> names = aliasColumns(List.of(qualifier), function.columnAliases(), qualifier,
                    function.position());
            return new Source(rows, scopeOf(qualifier, names, rows.outputTypes()), List.of(qualifier));
        }
        if (InputValidityFunctions.handles(call)) {
            LogicalPlan.Values row = InputValidityFunctions.bindErrorInfo(call, context);
            String qualifier = function.alias() != null ? function.alias() : name;
            List<String> names = aliasColumns(InputValidityFunctions.errorInfoColumns(), function.columnAliases(),
                    qualifier, function.position());
            return new Source(row, scopeOf(qualifier, names, row.outputTypes()), List.of(qualifier));
        }
        if ((name.equals(JsonPathFunctionBinder.QUERY) || name.equals(JsonPathFunctionBinder.QUERY_TZ))
                && call.name().parts().size() == 1) {
            LogicalPlan rows = JsonPathFunctionBinder.bindSet(call, argumentBinder);
            String qualifier = function.alias() != null ? function.alias() : name;
            List<String> names = aliasColumns(List.of(qualifier), function.columnAliases(), qualifier,
                    function.position());
            return new Source(rows, scopeOf(qualifier, names, rows.outputTypes()), List.of(qualifier));
        }
        if (JsonSetFunctionBinder.handles(call)) {
            LogicalPlan rows = JsonSetFunctionBinder.bind(call, argumentBinder);
            String qualifier = function.alias() != null ? function.alias() : name;
            // the array_elements forms name their column "value" (an OUT parameter), object_keys after the alias
            List<String> defaults = JsonSetFunctionBinder.columnNames(name);
            if (name.endsWith("_object_keys") || qualifier.startsWith("\0")) {
                defaults = List.of(qualifier);
            }
            List<String> names = aliasColumns(defaults, function.columnAliases(), qualifier, function.position());
            return new Source(rows, scopeOf(qualifier, names, rows.outputTypes()), List.of(qualifier));
        }
        if (UnnestBinder.handles(call)) {
            UnnestBinder.Bound unnested = UnnestBinder.bind(call, argumentBinder);
            LogicalPlan elements = unnested.rows();
            String qualifier = function.alias() != null ? function.alias() : name;
            List<String> defaults = new ArrayList<>();
            for (int i = 0; i < elements.outputTypes().size(); i++) {
                defaults.add(elements.outputTypes().size() == 1 ? qualifier : name);
            }
            if (unnested.names() != null) {
                defaults = unnested.names();
            }
            List<String> names = aliasColumns(defaults, function.columnAliases(), qualifier, function.position());
            return new Source(elements, scopeOf(qualifier, names, elements.outputTypes()), List.of(qualifier));
        }
        if (UserFunctionCalls.mayBe(name)) {
            UserFunctionCalls.FromRows rows = UserFunctionCalls.bindInFrom(call, argumentBinder);
            if (rows != null && rows.values().outputTypes().getFirst().isRecord()) {
                // a function returning a composite type gives one column per field, as a table does
                LogicalPlan.Values fields = CompositeFunctionRows.expand(rows.values());
                String qualifier = function.alias() != null ? function.alias() : name;
                List<String> names = aliasColumns(rows.values().outputTypes().getFirst().record().fieldNames(),
                        function.columnAliases(), qualifier, function.position());
                return new Source(fields, scopeOf(qualifier, names, fields.outputTypes()), List.of(qualifier));
            }
            if (rows != null) {
                String qualifier = function.alias() != null ? function.alias() : name;
                List<String> names = aliasColumns(List.of(rows.column() != null ? rows.column() : qualifier),
                        function.columnAliases(), qualifier, function.position());
                return new Source(rows.values(), scopeOf(qualifier, names, rows.values().outputTypes()),
                        List.of(qualifier));
            }
        }
        List<Object> arguments = new ArrayList<>();
        ExpressionBinder constants = new ExpressionBinder(Scope.EMPTY, context.parameters(), "functions in FROM");
        for (Expression argument : call.arguments()) {
            // named notation (read_csv('f.csv', header => true)) reaches the function as a NamedArgument
            Expression.NamedArgument named = argument instanceof Expression.NamedArgument n ? n : null;
            Expression value = named != null ? named.value() : argument;
            Object bound = tableFunctionArgument(value, constants);
            arguments.add(named != null ? new io.basalt.spi.NamedArgument(named.name(), bound) : bound);
        }
        TableFunctionScan scan = context.tableFunctions().bind(name, arguments, call.position());
        List<String> names = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        for (var column : scan.bound().columns()) {
            names.add(column.name());
            types.add(column.type());
        }
        String qualifier = function.alias() != null ? function.alias() : name;
        names = aliasColumns(names, function.columnAliases(), qualifier, function.position());
        int[] all = new int[names.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return new Source(new LogicalPlan.Scan(scan, all, types), scopeOf(qualifier, names, types), List.of(qualifier));
    }

    /**
     * A table function's argument: a constant's Java value, or for DuckDB's struct literal ({@code {'a': 'INTEGER'}},
     * which the parser reads as {@code struct_pack(a => 'INTEGER')}) a {@link io.basalt.spi.StructArgument}.
     */
    private static Object tableFunctionArgument(Expression value, ExpressionBinder constants) {
        if (value instanceof Expression.FunctionCall call && call.name().parts().equals(List.of("struct_pack"))
                && !call.arguments().isEmpty()
                && call.arguments().stream().allMatch(a -> a instanceof Expression.NamedArgument)) {
            List<io.basalt.spi.NamedArgument> fields = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (Expression field : call.arguments()) {
                Expression.NamedArgument named = (Expression.NamedArgument) field;
                if (!names.add(named.name())) {
                    throw BasaltException.at(SqlState.SYNTAX_ERROR, named.position(),
                            "argument name \"" + named.name() + "\" used more than once");
                }
                fields.add(new io.basalt.spi.NamedArgument(named.name(),
                        tableFunctionArgument(named.value(), constants)));
            }
            return new io.basalt.spi.StructArgument(fields);
        }
        BoundExpression bound = constants.bind(value);
        if (!(bound instanceof BoundExpression.Constant constant)) {
            throw ExpressionBinder.notYet("non-constant table function arguments", value.position());
        }
        return javaValue(constant);
    }

    /** A constant's value as a table function receives it: Long, Double, BigDecimal, String, Boolean. */
    private static Object javaValue(BoundExpression.Constant constant) {
        Object value = constant.value();
        if (value == null) {
            return null;
        }
        LogicalType type = constant.type();
        if (type.isScaledLong()) {
            return java.math.BigDecimal.valueOf((Long) value, type.scale());
        }
        return value;
    }

    static List<String> aliasColumns(List<String> names, List<String> aliases, String table, int position) {
        if (aliases.size() > names.size()) {
            throw BasaltException.at(SqlState.INVALID_COLUMN_REFERENCE, position, "table \"" + table + "\" has "
                    + names.size() + " columns available but " + aliases.size() + " columns specified");
        }
        List<String> out = new ArrayList<>(names);
        for (int i = 0; i < aliases.size(); i++) {
            out.set(i, aliases.get(i));
        }
        return out;
    }

    static Scope scopeOf(String qualifier, List<String> names, List<LogicalType> types) {
        List<Scope.Column> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            columns.add(new Scope.Column(qualifier, names.get(i), types.get(i)));
        }
        return new Scope(columns);
    }

    // ---- joins --------------------------------------------------------------------------------------

    private Item bindJoin(FromItem.Join join, Scope outerLeft) {
        Item leftItem = bindItem(join.left(), outerLeft);
        Source left = leftItem.source();
        Item rightItem = bindItem(join.right(), left.scope());
        Source right = rightItem.source();
        requireDistinctNames(left, right);
        boolean lateral = rightItem.lateral();
        if (lateral && (join.type() == FromItem.JoinType.RIGHT || join.type() == FromItem.JoinType.FULL)) {
            throw BasaltException.at(SqlState.INVALID_COLUMN_REFERENCE, join.position(),
                            "invalid reference to FROM-clause entry for table \"" + left.itemNames().getFirst() + "\"")
                    .withDetail("The combining JOIN type must be INNER or LEFT for a LATERAL reference.");
        }
        LogicalPlan.JoinType type = switch (join.type()) {
            case INNER, CROSS -> LogicalPlan.JoinType.INNER;
            case LEFT -> LogicalPlan.JoinType.LEFT;
            case RIGHT -> LogicalPlan.JoinType.RIGHT;
            case FULL -> LogicalPlan.JoinType.FULL;
        };
        List<String> itemNames = concat(left.itemNames(), right.itemNames());
        if (join.natural() || !join.using().isEmpty()) {
            if (lateral) {
                throw ExpressionBinder.notYet("a LATERAL item joined with USING or NATURAL", join.position());
            }
            return new Item(usingJoin(join, type, left, right, itemNames), leftItem.lateral());
        }
        Scope combined = Scope.concat(left.scope(), right.scope());
        List<BoundExpression> conjuncts = List.of();
        ClauseSubqueries subqueries = null;
        if (join.condition() != null) {
            Scope visible = combined.withUnreachable(bound);
            subqueries = new ClauseSubqueries(context, surroundings, visible);
            ExpressionBinder binder = new ExpressionBinder(visible, context.parameters(), "JOIN conditions",
                    subqueries);
            conjuncts = QueryBinder.conjuncts(binder.bindCondition(join.condition(), "JOIN/ON"));
        }
        if (subqueries != null && !subqueries.isEmpty()) {
            return new Item(new Source(joinFilteredBySubqueries(join, type, lateral, left, right, conjuncts,
                    subqueries), combined, itemNames), leftItem.lateral());
        }
        LogicalPlan joined = lateral ? new LogicalPlan.LateralJoin(type, left.plan(), right.plan(), conjuncts)
                : new LogicalPlan.Join(type, left.plan(), right.plan(), conjuncts);
        return new Item(new Source(joined, combined, itemNames), leftItem.lateral());
    }

    /**
     * An inner join whose ON condition holds subqueries: the conjuncts without one join the two sides, the Applies
     * of the subqueries stack on the join's rows and the conjuncts with one filter them, as a WHERE condition would
     * (for an inner join the two mean the same). An outer join keeps the rows its condition rejects, so there
     * the subqueries cannot run above the join; PostgreSQL runs them as SubPlans per pair of rows, which Basalt
     * does not yet do.
     */
    private LogicalPlan joinFilteredBySubqueries(FromItem.Join join, LogicalPlan.JoinType type, boolean lateral,
                                                 Source left, Source right, List<BoundExpression> conjuncts,
                                                 ClauseSubqueries subqueries) {
        if (type != LogicalPlan.JoinType.INNER) {
            throw ExpressionBinder.notYet("subqueries in the ON condition of an outer join",
                    join.condition().position());
        }
        List<BoundExpression> plain = new ArrayList<>();
        List<BoundExpression> withSubqueries = new ArrayList<>();
        for (BoundExpression conjunct : conjuncts) {
            (QueryBinder.hasSubqueryResult(conjunct) ? withSubqueries : plain).add(conjunct);
        }
        LogicalPlan joined = lateral ? new LogicalPlan.LateralJoin(type, left.plan(), right.plan(), plain)
                : new LogicalPlan.Join(type, left.plan(), right.plan(), plain);
        int width = joined.outputTypes().size();
        LogicalPlan filtered = new LogicalPlan.Filter(subqueries.applyTo(joined),
                subqueries.placeAll(withSubqueries, width));
        return new LogicalPlan.Project(filtered, QueryBinder.columnsOf(filtered, width));
    }

    /**
     * {@code JOIN ... USING (columns)} and {@code NATURAL JOIN} (USING the columns both sides show, in the left
     * side's order; none makes it a cross join).
     */
    private Source usingJoin(FromItem.Join join, LogicalPlan.JoinType type, Source left, Source right,
                             List<String> itemNames) {
        List<String> names = join.natural() ? commonNames(left.scope(), right.scope()) : join.using();
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw BasaltException.of(SqlState.DUPLICATE_COLUMN,
                        "column name \"" + name + "\" appears more than once in USING clause");
            }
        }
        List<Scope.Column> leftColumns = new ArrayList<>(left.scope().columns());
        List<Scope.Column> rightColumns = new ArrayList<>(right.scope().columns());
        int leftWidth = leftColumns.size();
        List<BoundExpression> conjuncts = new ArrayList<>();
        List<BoundExpression> merged = new ArrayList<>();
        List<Scope.Column> mergedColumns = new ArrayList<>();
        for (String name : names) {
            int l = usingColumn(left.scope(), name, "left");
            int r = usingColumn(right.scope(), name, "right");
            BoundExpression leftValue = reference(leftColumns.get(l), l);
            BoundExpression rightValue = reference(rightColumns.get(r), leftWidth + r);
            LogicalType common = ExpressionBinder.unify(List.of(leftValue, rightValue), "JOIN/USING");
            leftValue = Coercion.cast(leftValue, common, false);
            rightValue = Coercion.cast(rightValue, common, false);
            conjuncts.add(ExpressionBinder.compare(CompareOp.EQ, leftValue, rightValue, join.position()));
            boolean leftCast = !(leftValue instanceof BoundExpression.ColumnRef);
            merged.add(switch (type) {
                // either side's value; PostgreSQL takes the one not cast, which GROUP BY then sees through
                case INNER -> leftCast && rightValue instanceof BoundExpression.ColumnRef ? rightValue : leftValue;
                case RIGHT -> rightValue;
                case FULL -> new BoundExpression.Case(
                        List.of(new BoundExpression.IsNull(leftValue, true, join.position())), List.of(leftValue),
                        rightValue, common, join.position());
                default -> leftValue;
            });
            mergedColumns.add(new Scope.Column(null, name, common));
            leftColumns.set(l, leftColumns.get(l).asHidden());
            rightColumns.set(r, rightColumns.get(r).asHidden());
        }
        LogicalPlan joined = new LogicalPlan.Join(type, left.plan(), right.plan(), conjuncts);
        List<BoundExpression> projected = new ArrayList<>(merged);
        List<Scope.Column> scopeColumns = new ArrayList<>(mergedColumns);
        List<Scope.Column> inputColumns = concat(leftColumns, rightColumns);
        for (int i = 0; i < inputColumns.size(); i++) {
            projected.add(reference(inputColumns.get(i), i));
            scopeColumns.add(inputColumns.get(i));
        }
        LogicalPlan.Project projection = new LogicalPlan.Project(joined, projected);
        usingProjections.add(projection);
        return new Source(projection, new Scope(scopeColumns), itemNames);
    }

    /**
     * What the merged USING columns of the FROM list bound last ({@code source}) stand for, by column of its plan
     * (see {@link UsingColumnDefinitions}).
     */
    java.util.Map<Integer, BoundExpression> usingColumnDefinitions(Source source) {
        return UsingColumnDefinitions.of(source.plan(), usingProjections);
    }

    /** The one column of {@code side} an unqualified USING name means, with PostgreSQL's errors otherwise. */
    private static int usingColumn(Scope side, String name, String which) {
        List<Integer> matches = side.unqualifiedMatches(name);
        if (matches.isEmpty()) {
            throw BasaltException.of(SqlState.UNDEFINED_COLUMN,
                    "column \"" + name + "\" specified in USING clause does not exist in " + which + " table");
        }
        if (matches.size() > 1) {
            throw BasaltException.of(SqlState.AMBIGUOUS_COLUMN,
                    "common column name \"" + name + "\" appears more than once in " + which + " table");
        }
        return matches.getFirst();
    }

    /** The names of NATURAL JOIN: visible on both sides, in the left side's order. */
    private static List<String> commonNames(Scope left, Scope right) {
        List<String> names = new ArrayList<>();
        for (Scope.Column column : left.columns()) {
            if (!column.hidden() && !names.contains(column.name())
                    && !right.unqualifiedMatches(column.name()).isEmpty()) {
                names.add(column.name());
            }
        }
        return names;
    }

    private static BoundExpression reference(Scope.Column column, int index) {
        return new BoundExpression.ColumnRef(index, column.qualifier(), column.name(), column.type(), 0);
    }

    /**
     * PostgreSQL's rule that a name may introduce only one FROM item per query level. The code is
     * PostgreSQL's 42712 (duplicate_alias).
     */
    private static void requireDistinctNames(Source left, Source right) {
        for (String name : right.itemNames()) {
            if (left.itemNames().contains(name)) {
                throw BasaltException.of(SqlState.DUPLICATE_ALIAS, "table name \"" + name + "\" specified more than once");
            }
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
