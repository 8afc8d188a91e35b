package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.With;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * WITH queries (common table expressions). A WITH clause puts its queries in reach of the query it
 * heads and of everything nested in it; each sees the ones written before it. A reference in FROM binds
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
        Surroundings.CommonTables tables = surroundings.tables();
        for (With.CommonTableExpression table : with.tables()) {
            if (!names.add(table.name())) {
                throw BasaltException.at(SqlState.DUPLICATE_ALIAS, table.position(),
                        "WITH query name \"" + table.name() + "\" specified more than once");
            }
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

    /** Binds a reference to WITH query {@code entry} (its plan and column names, column list applied). */
    static BoundQuery reference(Surroundings.CommonTables entry, BindContext context, int position) {
        if (entry.workTable() != null) {
            return entry.workTable();
        }
        if (entry.definition().modifying() != null) {
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, position,
                    "WITH query \"" + entry.name() + "\" does not have a RETURNING clause");
        }
        if (entry.recursive()) {
            return RecursiveQueryBinder.bind(entry.definition(), entry.definedIn(), context);
        }
        BoundQuery bound = new QueryBinder(context, entry.definedIn()).bind(entry.definition().query());
        return new BoundQuery(bound.plan(), columnNames(entry.definition(), bound.names()));
    }
}
