package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.DeleteStatement;
import io.basalt.sql.ast.FromItem;
import io.basalt.sql.ast.InsertStatement;
import io.basalt.sql.ast.UpdateStatement;
import io.basalt.sql.ast.With;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * WITH queries (common table expressions). A WITH clause puts its queries in reach of the query it
 * heads and of everything nested in it; each sees the ones written before it (with RECURSIVE, every one of them:
 * they are bound in an order that puts each after those it reads). A reference in FROM binds
 * the query again where it is used, so it behaves as a subquery in FROM (inlining; PostgreSQL computes
 * a query referenced more than once only once, which gives the same rows since every expression Basalt
 * has is deterministic). MATERIALIZED and NOT MATERIALIZED are accepted and change nothing. In WITH RECURSIVE,
 * a query that names itself is bound by {@link RecursiveQueryBinder}; the others as in a plain WITH.
 */
final class CommonTableBinder {
    private CommonTableBinder() {
    }

    /**
     * The surroundings of the query {@code with} heads. Every WITH query is bound once here, referenced or
     * not, so that its errors surface as PostgreSQL raises them. A data-modifying one is only allowed at the top
     * level of a statement, which binds through {@link #declare(With, Surroundings, BindContext, ModifyingWith.Runner)}.
     */
    static Surroundings declare(With with, Surroundings surroundings, BindContext context) {
        return declare(with, surroundings, context, null);
    }

    /**
     * As {@link #declare(With, Surroundings, BindContext)}; a data-modifying WITH query is bound and handed to
     * {@code runner} (null: not allowed here, 0A000), whose RETURNING rows its references then read.
     */
    static Surroundings declare(With with, Surroundings surroundings, BindContext context, ModifyingWith.Runner runner) {
        Set<String> names = new HashSet<>();
        for (With.CommonTableExpression table : with.tables()) {
            if (!names.add(table.name())) {
                throw BasaltException.at(SqlState.DUPLICATE_ALIAS, table.position(),
                        "WITH query name \"" + table.name() + "\" specified more than once");
            }
        }
        Surroundings.CommonTables tables = surroundings.tables();
        for (With.CommonTableExpression table : with.recursive() ? dependencyOrder(with.tables()) : with.tables()) {
            Surroundings definedIn = surroundings.withTables(tables);
            if (table.modifying() != null) {
                if (runner == null) {
                    throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, table.position(),
                            "WITH clause containing a data-modifying statement must be at the top level");
                }
                BoundQuery rows = ModifyingWith.run(table, definedIn, context, runner);
                tables = new Surroundings.CommonTables(table.name(), table, definedIn, tables, false, rows);
                continue;
            }
            boolean recursive = with.recursive() && RecursiveQueryBinder.namesItself(table);
            if (table.search() != null || table.cycle() != null) {
                table = SearchCycleRewrite.rewrite(table, recursive, definedIn, context);
            }
            if (recursive) {
                RecursiveQueryBinder.bind(table, definedIn, context);
            } else {
                BoundQuery bound = new QueryBinder(context, definedIn).bind(table.query());
                columnNames(table, bound.names());
            }
            tables = new Surroundings.CommonTables(table.name(), table, definedIn, tables, recursive, null);
        }
        return surroundings.withTables(tables);
    }

    /**
     * The queries of a WITH RECURSIVE clause in an order that puts every query after the others it reads (each
     * may read those written after it), as PostgreSQL orders them: repeatedly the first one, in the order written,
     * whose queries are all placed. A cycle between different queries is PostgreSQL's 0A000.
     */
    private static List<With.CommonTableExpression> dependencyOrder(List<With.CommonTableExpression> written) {
        int count = written.size();
        boolean[][] reads = new boolean[count][count];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < count; j++) {
                reads[i][j] = i != j && reads(written.get(i), written.get(j).name());
            }
        }
        List<With.CommonTableExpression> ordered = new ArrayList<>(count);
        List<Integer> remaining = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            remaining.add(i);
        }
        while (!remaining.isEmpty()) {
            int ready = -1;
            for (int candidate : remaining) {
                boolean waits = false;
                for (int other : remaining) {
                    waits |= reads[candidate][other];
                }
                if (!waits) {
                    ready = candidate;
                    break;
                }
            }
            if (ready < 0) {
                throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, written.get(remaining.get(0)).position(),
                        "mutual recursion between WITH items is not implemented");
            }
            ordered.add(written.get(ready));
            remaining.remove(Integer.valueOf(ready));
        }
        return ordered;
    }

    /** Whether WITH query {@code table} names {@code name} in a FROM clause (of its query or statement). */
    private static boolean reads(With.CommonTableExpression table, String name) {
        if (table.query() != null) {
            return RecursiveQueryBinder.mentions(table.query(), name);
        }
        return switch (table.modifying()) {
            case InsertStatement insert -> insert.source() != null
                    && RecursiveQueryBinder.mentions(insert.source(), name);
            case UpdateStatement update -> mentionsAny(update.from(), name);
            case DeleteStatement delete -> mentionsAny(delete.using(), name);
            default -> false;
        };
    }

    private static boolean mentionsAny(List<FromItem> from, String name) {
        for (FromItem item : from) {
            if (RecursiveQueryBinder.mentions(item, name)) {
                return true;
            }
        }
        return false;
    }

    /** The columns of a WITH query: its own names, renamed by its column list. */
    static List<String> columnNames(With.CommonTableExpression table, List<String> names) {
        List<String> aliases = table.columnAliases();
        if (aliases.size() > names.size()) {
            throw BasaltException.at(SqlState.INVALID_COLUMN_REFERENCE, table.position(), "WITH query \""
                    + table.name() + "\" has " + names.size() + " columns available but " + aliases.size()
                    + " columns specified");
        }
        List<String> out = new java.util.ArrayList<>(names);
        for (int i = 0; i < aliases.size(); i++) {
            out.set(i, aliases.get(i));
        }
        return out;
    }

    /**
     * Binds a reference to WITH query {@code entry} (its plan and column names, column list applied) from the query
     * level whose surroundings are {@code use}.
     */
    static BoundQuery reference(Surroundings.CommonTables entry, Surroundings use, BindContext context,
                                int position) {
        if (entry.workTable() != null) {
            return entry.workTable();
        }
        if (entry.definition().modifying() != null) {
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, position,
                    "WITH query \"" + entry.name() + "\" does not have a RETURNING clause");
        }
        if (entry.recursive()) {
            return RecursiveQueryBinder.bind(entry.definition(), entry.definedIn().seenFrom(use), context);
        }
        BoundQuery bound = new QueryBinder(context, entry.definedIn().seenFrom(use)).bind(entry.definition().query());
        return new BoundQuery(bound.plan(), columnNames(entry.definition(), bound.names()));
    }
}
