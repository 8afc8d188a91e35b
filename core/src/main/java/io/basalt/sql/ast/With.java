package io.basalt.sql.ast;

import java.util.List;

/**
 * {@code WITH [RECURSIVE] name [(columns)] AS [[NOT] MATERIALIZED] (query) [, ...]} in front of a query. The
 * common table expressions are in the order written; with RECURSIVE each may refer to itself and to the
 * others, without it only to those before it.
 */
public record With(boolean recursive, List<CommonTableExpression> tables, int position) implements Node {
    public With {
        tables = List.copyOf(tables);
    }

    /**
     * One named query of a WITH clause. {@code columnAliases} is empty when no column list was written;
     * {@code materialized} is null unless {@code MATERIALIZED} (true) or {@code NOT MATERIALIZED} (false) was
     * written. A data-modifying one has {@code modifying} (an INSERT, UPDATE or DELETE) and no {@code query}.
     * {@code search} and {@code cycle} are the SEARCH and CYCLE clauses after the query (null when not written).
     */
    public record CommonTableExpression(String name, List<String> columnAliases, Boolean materialized, Query query,
                                        int position, Statement modifying, Search search, Cycle cycle)
            implements Node {
        public CommonTableExpression {
            columnAliases = List.copyOf(columnAliases);
            if ((query == null) == (modifying == null)) {
                throw new IllegalArgumentException("a WITH query is a query or a data-modifying statement");
            }
        }

        /** A WITH query without SEARCH and CYCLE clauses. */
        public CommonTableExpression(String name, List<String> columnAliases, Boolean materialized, Query query,
                                     int position, Statement modifying) {
            this(name, columnAliases, materialized, query, position, modifying, null, null);
        }

        /** This WITH query with {@code other} as its query, its SEARCH and CYCLE clauses kept. */
        public CommonTableExpression withQuery(Query other) {
            return new CommonTableExpression(name, columnAliases, materialized, other, position, modifying, search,
                    cycle);
        }

        /** A WITH query that is a query. */
        public CommonTableExpression(String name, List<String> columnAliases, Boolean materialized, Query query,
                                     int position) {
            this(name, columnAliases, materialized, query, position, null);
        }
    }

    /**
     * {@code SEARCH {DEPTH | BREADTH} FIRST BY column [, ...] SET sequenceColumn} of a recursive WITH query: the
     * query's rows get a column that orders them depth-first or breadth-first.
     */
    public record Search(boolean breadthFirst, List<String> columns, String sequenceColumn, int position)
            implements Node {
        public Search {
            columns = List.copyOf(columns);
        }
    }

    /**
     * {@code CYCLE column [, ...] SET markColumn [TO markValue DEFAULT markDefault] USING pathColumn} of a recursive
     * WITH query: a row whose columns repeat a row on its path is marked and not followed. {@code markValue} and
     * {@code markDefault} are null when not written (true and false then).
     */
    public record Cycle(List<String> columns, String markColumn, Expression markValue, Expression markDefault,
                        String pathColumn, int position) implements Node {
        public Cycle {
            columns = List.copyOf(columns);
        }
    }

    /** Whether one of the WITH queries is an INSERT, UPDATE or DELETE. */
    public boolean modifiesData() {
        for (CommonTableExpression table : tables) {
            if (table.modifying() != null) {
                return true;
            }
        }
        return false;
    }
}
