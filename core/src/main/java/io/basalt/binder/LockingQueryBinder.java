package io.basalt.binder;

import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.FromItem;
import io.basalt.sql.ast.LockingClause;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.SelectItem;
import io.basalt.sql.ast.With;
import io.basalt.storage.lock.LockWaitPolicy;
import io.basalt.storage.lock.RowLockMode;
import io.basalt.storage.table.TableStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Binds a top-level SELECT with locking clauses ({@code FOR UPDATE}, {@code FOR SHARE}, ...) into the query that
 * finds the candidate rows and what to lock in them.
 *
 * <p>The query is bound as written, with one hidden output column added after the visible ones per locked table:
 * the row id of that table's row, read by its scan. Its LIMIT and OFFSET are taken off the plan, because rows are
 * locked before they are counted (PostgreSQL's LockRows node sits below Limit): the caller locks the candidates in
 * order, leaves out those SKIP LOCKED passes over, and stops once OFFSET + LIMIT rows are locked.
 *
 * <p>PostgreSQL's checks, with its messages (0A000): no UNION/INTERSECT/EXCEPT, DISTINCT, GROUP BY, HAVING,
 * aggregate or window functions at the query's level, no locked table on the nullable side of an outer join. {@code OF t} must name a FROM item (42P01). Tables are those
 * FROM items, at any depth of joins, that name a stored table; views, subqueries and functions in FROM are read but
 * not locked (PostgreSQL locks the tables inside views and subqueries too). A table named by several clauses takes
 * the strongest mode and the strictest wait policy (NOWAIT over SKIP LOCKED over waiting).
 */
public final class LockingQueryBinder {
    /** One table whose rows are locked: its store, its name, the output column of its row ids, and how. */
    public record Target(TableStore store, String relation, int rowIdColumn, RowLockMode mode, LockWaitPolicy waitPolicy) {
    }

    /**
     * The candidate rows ({@code plan}: the visible columns, then one row-id column per target), the visible
     * columns' names, the targets, and the LIMIT (-1: none) and OFFSET that apply to the locked rows.
     */
    public record BoundLocking(LogicalPlan plan, List<String> names, List<Target> targets, long limit, long offset) {
    }

    /** A FROM item that names a stored table, with the name it is known by in the query. */
    private record TableItem(FromItem.Table item, TableEntry entry, String reference, boolean nullable) {
    }

    private LockingQueryBinder() {
    }

    /** Binds {@code query}, whose {@code locking} is not empty. */
    public static BoundLocking bind(Query query, BindContext context) {
        String clause = query.locking().getFirst().strength().text();
        QueryBody body = query.body();
        while (body instanceof QueryBody.Nested nested && nested.query().orderBy().isEmpty()
                && nested.query().limit() == null && nested.query().offset() == null) {
            body = nested.query().body();
        }
        if (body instanceof QueryBody.SetOperation || body instanceof QueryBody.Nested) {
            throw notAllowed(clause, "UNION/INTERSECT/EXCEPT");
        }
        Query unlocked = query.withLocking(List.of());
        if (!(body instanceof QueryBody.Select select)) {
            BoundQuery bound = new QueryBinder(context).bind(unlocked);
            return new BoundLocking(bound.plan(), bound.names(), List.of(), -1, 0);
        }
        if (select.distinct() || !select.distinctOn().isEmpty()) {
            throw notAllowed(clause, "DISTINCT clause");
        }
        if (!select.groupBy().isEmpty() || select.groupingSets() != null) {
            throw notAllowed(clause, "GROUP BY clause");
        }
        if (select.having() != null) {
            throw notAllowed(clause, "HAVING clause");
        }
        List<TableItem> tables = new ArrayList<>();
        for (FromItem item : select.from()) {
            collectTables(item, false, query.with(), context, tables);
        }
        List<TableItem> locked = new ArrayList<>();
        List<RowLockMode> modes = new ArrayList<>();
        List<LockWaitPolicy> waits = new ArrayList<>();
        for (LockingClause locking : query.locking()) {
            requireNamedItems(locking, select.from());
            for (TableItem table : tables) {
                String reference = table.reference().startsWith("\0") ? table.reference().substring(1)
                        : table.reference();
                if (!locking.tables().isEmpty() && !names(locking, reference)) {
                    continue;
                }
                if (table.nullable()) {
                    throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, locking.strength().text()
                            + " cannot be applied to the nullable side of an outer join");
                }
                int index = indexOf(locked, table);
                RowLockMode mode = RowLockMode.valueOf(locking.strength().name());
                LockWaitPolicy wait = LockWaitPolicy.valueOf(locking.waitPolicy().name());
                if (index < 0) {
                    locked.add(table);
                    modes.add(mode);
                    waits.add(wait);
                } else {
                    modes.set(index, modes.get(index).max(mode));
                    waits.set(index, strictest(waits.get(index), wait));
                }
            }
        }
        boolean waited = false;
        for (TableItem table : locked) {
            waited |= TableLocking.take(table.entry().schema(), table.entry().name(),
                    io.basalt.storage.lock.RelationLockMode.ROW_SHARE);
        }
        if (waited) {
            return bind(query, context); // the tables may have been altered while this waited for their locks
        }
        // the level's checks first: with row ids added, an aggregate query would fail as ungrouped instead
        checkLevel(new QueryBinder(context).bind(unlocked).plan(), clause);
        List<SelectItem> items = new ArrayList<>(select.items());
        Set<FromItem.Table> withRowIds = Collections.newSetFromMap(new IdentityHashMap<>());
        for (TableItem table : locked) {
            RelationAccess.lockRows(table.entry());
            withRowIds.add(table.item());
            items.add(new SelectItem.Item(new Expression.ColumnRef(List.of(table.reference(),
                    FromClauseBinder.ROW_ID_NAME), select.position()), null, select.position()));
        }
        QueryBody.Select withIds = new QueryBody.Select(false, List.of(), items, select.from(), select.where(),
                List.of(), null, select.windows(), select.position(), null);
        Query rewritten = new Query(unlocked.with(), withIds, unlocked.orderBy(), unlocked.limit(), unlocked.offset(),
                unlocked.position(), unlocked.limitWithTies());
        BoundQuery bound = ScopedValue.where(FromClauseBinder.ROW_IDS, withRowIds)
                .call(() -> new QueryBinder(context).bind(rewritten));
        int visible = bound.names().size() - locked.size();
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < locked.size(); i++) {
            TableItem table = locked.get(i);
            targets.add(new Target(table.entry().store(), table.entry().name(), visible + i, modes.get(i),
                    waits.get(i)));
        }
        LogicalPlan plan = bound.plan();
        long limit = -1;
        long offset = 0;
        if (plan instanceof LogicalPlan.Limit top && top.tieKeys().isEmpty()) {
            plan = top.input();
            limit = top.limit();
            offset = top.offset();
        }
        return new BoundLocking(plan, bound.names().subList(0, visible), targets, limit, offset);
    }

    /**
     * The FROM items, through joins, that name stored tables (not common tables, views or sequences); {@code nullable}:
     * the item is on the null-extended side of an outer join.
     */
    private static void collectTables(FromItem item, boolean nullable, With with, BindContext context,
                                      List<TableItem> tables) {
        switch (item) {
            case FromItem.Join join -> {
                FromItem.JoinType type = join.type();
                collectTables(join.left(), nullable || type == FromItem.JoinType.RIGHT
                        || type == FromItem.JoinType.FULL, with, context, tables);
                collectTables(join.right(), nullable || type == FromItem.JoinType.LEFT
                        || type == FromItem.JoinType.FULL, with, context, tables);
            }
            case FromItem.Table table -> {
                List<String> parts = table.name().parts();
                String name = parts.getLast();
                String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
                if (parts.size() == 1 && with != null) {
                    for (With.CommonTableExpression common : with.tables()) {
                        if (common.name().equals(name)) {
                            return;
                        }
                    }
                }
                if (context.catalog().findSequence(schema, name).isPresent()
                        || context.catalog().findView(schema, name).isPresent()) {
                    return;
                }
                context.catalog().findTable(schema, name).ifPresent(entry -> tables.add(
                        new TableItem(table, entry, table.alias() != null ? table.alias() : name, nullable)));
            }
            case FromItem.Subquery ignored -> {
            }
            case FromItem.Function ignored -> {
            }
            case FromItem.JoinAlias alias when alias.usingAlias() ->
                    collectTables(alias.joined(), nullable, with, context, tables);
            case FromItem.JoinAlias alias -> {
                // the tables inside are out of reach by their names: their row ids are found under the hidden ones
                List<TableItem> inside = new ArrayList<>();
                collectTables(alias.joined(), nullable, with, context, inside);
                for (TableItem table : inside) {
                    tables.add(table.reference().startsWith("\0") ? table : new TableItem(table.item(),
                            table.entry(), JoinAliases.outOfReach(table.reference()), table.nullable()));
                }
            }
        }
    }

    /** Marks a join's alias among the names {@link #collectReferences} collects. */
    private static final String JOIN_MARK = "\0join ";

    /**
     * 42P01 for a name in {@code OF} that is no FROM item's name (alias, or table name without one); 0A000 for the
     * alias of a join.
     */
    private static void requireNamedItems(LockingClause locking, List<FromItem> from) {
        List<String> references = new ArrayList<>();
        for (FromItem item : from) {
            collectReferences(item, references);
        }
        for (QualifiedName name : locking.tables()) {
            if (references.contains(JOIN_MARK + name.parts().getLast())) {
                throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, name.position(),
                        locking.strength().text() + " cannot be applied to a join");
            }
            if (!references.contains(name.parts().getLast())) {
                throw BasaltException.at(SqlState.UNDEFINED_TABLE, name.position(), "relation \"" + name
                        + "\" in " + locking.strength().text() + " clause not found in FROM clause");
            }
        }
    }

    private static void collectReferences(FromItem item, List<String> references) {
        switch (item) {
            case FromItem.Join join -> {
                collectReferences(join.left(), references);
                collectReferences(join.right(), references);
            }
            case FromItem.Table table -> references.add(table.alias() != null ? table.alias()
                    : table.name().parts().getLast());
            case FromItem.Subquery subquery -> {
                if (subquery.alias() != null) {
                    references.add(subquery.alias());
                }
            }
            case FromItem.Function function -> {
                if (function.alias() != null) {
                    references.add(function.alias());
                }
            }
            case FromItem.JoinAlias alias -> {
                collectReferences(alias.joined(), references);
                references.add(JOIN_MARK + alias.alias());
            }
        }
    }

    private static boolean names(LockingClause locking, String reference) {
        for (QualifiedName name : locking.tables()) {
            if (name.parts().getLast().equals(reference)) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(List<TableItem> tables, TableItem table) {
        for (int i = 0; i < tables.size(); i++) {
            if (tables.get(i).item() == table.item()) {
                return i;
            }
        }
        return -1;
    }

    private static LockWaitPolicy strictest(LockWaitPolicy a, LockWaitPolicy b) {
        if (a == LockWaitPolicy.NOWAIT || b == LockWaitPolicy.NOWAIT) {
            return LockWaitPolicy.NOWAIT;
        }
        return a == LockWaitPolicy.SKIP_LOCKED || b == LockWaitPolicy.SKIP_LOCKED ? LockWaitPolicy.SKIP_LOCKED
                : LockWaitPolicy.WAIT;
    }

    /**
     * 0A000 for aggregates and window functions of the query's own level: looks down the plan's spine from the top
     * to the FROM clause's plan (subqueries in WHERE or the select list are other levels and may aggregate).
     */
    private static void checkLevel(LogicalPlan plan, String clause) {
        LogicalPlan node = plan;
        while (true) {
            switch (node) {
                case LogicalPlan.Aggregate ignored -> throw notAllowed(clause, "aggregate functions");
                case LogicalPlan.Window ignored -> throw notAllowed(clause, "window functions");
                case LogicalPlan.Project project -> node = project.input();
                case LogicalPlan.Sort sort -> node = sort.input();
                case LogicalPlan.Limit limit -> node = limit.input();
                case LogicalPlan.Filter filter -> node = filter.input();
                case LogicalPlan.Apply apply -> node = apply.input();
                default -> {
                    return;
                }
            }
        }
    }

    private static BasaltException notAllowed(String clause, String what) {
        return BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, clause + " is not allowed with " + what);
    }
}
